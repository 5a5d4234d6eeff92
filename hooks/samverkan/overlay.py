"""Municipality overlay: local unit names, switchboards and additions without forking the content.

``municipalities/<slug>.yml`` holds one municipality's values (see TEMPLATE.yml);
``municipalities/county.yml`` holds the generic county wording used when no
municipality is chosen. A page asks for a local value with a marker:

    Ring [[local:socialjour.name]] ([[local:socialjour.phone]]).

``name`` is the municipality's name; ``<unit>.<field>`` is a field of one of its
units. A value is either one text for both languages (a phone number) or an
``sv:``/``en:`` pair. A municipality's local additions to a routine are shown in
a marked box at the end of the routine page.

The edition to build is named by the environment variable SAMVERKAN_MUNICIPALITY
(``python -m samverkan build --municipality stockholm`` sets it).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from .frontmatter import FrontMatterError, split
from .model import LANGUAGES, Handbook, Page, Routine
from .personal_data import declared_numbers, digits, scan
from .problems import Problem

ENV = "SAMVERKAN_MUNICIPALITY"
FOLDER = "municipalities"
COUNTY = "county"
NOT_MUNICIPALITIES = {COUNTY, "TEMPLATE", "status", "public-numbers"}
LOCAL_MARKER = re.compile(r"\[\[local:([a-z0-9_-]+(?:\.[a-z0-9_-]+)?)\]\]")
PHONE_FIELD = "phone"


@dataclass
class Overlay:
    slug: str
    file: str  # relative to the project root, for messages
    values: dict = field(default_factory=dict)  # 'name' or 'unit.field' -> text or {lang: text}
    additions: dict = field(default_factory=dict)  # routine id -> {lang: Markdown}
    lines: dict = field(default_factory=dict)  # key path -> line in the file
    problems: list = field(default_factory=list)  # faults in the file itself

    @property
    def is_county(self) -> bool:
        return self.slug == COUNTY

    def value(self, key: str, lang: str) -> str | None:
        value = self.values.get(key)
        return value.get(lang) if isinstance(value, dict) else value

    def name(self, lang: str) -> str:
        return self.value("name", lang) or self.slug

    def line(self, key: str) -> int:
        path = ("units", *key.split(".")) if "." in key else (key,)
        while path and path not in self.lines:
            path = path[:-1]
        return self.lines.get(path, 1)

    def public_numbers(self) -> tuple[str, ...]:
        return tuple(value for key, value in self.values.items() if key.endswith("." + PHONE_FIELD) and isinstance(value, str))


# Reading a municipality file


def municipality_files(root: str | Path) -> list[Path]:
    folder = Path(root) / FOLDER
    return sorted(p for p in folder.glob("*.yml") if p.stem not in NOT_MUNICIPALITIES) if folder.is_dir() else []


def load(root: str | Path, slug: str | None = None) -> Overlay:
    """The overlay of one municipality, or the county's generic wording when ``slug`` is empty."""
    slug = slug or COUNTY
    path = Path(root) / FOLDER / f"{slug}.yml"
    overlay = Overlay(slug=slug, file=f"{FOLDER}/{slug}.yml")
    if not path.is_file():
        if not overlay.is_county:
            known = ", ".join(p.stem for p in municipality_files(root)) or "none yet"
            overlay.problems.append(Problem(overlay.file, 1, f"there is no municipality file for '{slug}'", f"copy {FOLDER}/TEMPLATE.yml to {overlay.file}; known: {known}"))
        return overlay
    try:
        data, overlay.lines = read_yaml(path.read_text(encoding="utf-8"))
    except FrontMatterError as error:
        overlay.problems.append(Problem(overlay.file, error.line, error.message.replace("front matter", "file"), error.fix))
        return overlay
    _read_values(overlay, data)
    return overlay


def read_yaml(text: str) -> tuple[dict, dict]:
    """A YAML file's fields and the line of every key, read like a page's front matter (all values as text)."""
    try:
        source = split("---\n" + text + "\n---\n")
    except FrontMatterError as error:
        raise FrontMatterError(max(error.line - 1, 1), error.message, error.fix) from None
    return source.data, {path: line - 1 for path, line in source.lines.items()}


def _read_values(overlay: Overlay, data: dict) -> None:
    for key in sorted(set(data) - {"name", "code", "units", "additions"}, key=str):
        _fault(overlay, (key,), f"unknown field '{key}'", "allowed: name, code, units, additions (see municipalities/TEMPLATE.yml)")
    if _text_per_language(data.get("name")) is None:
        _fault(overlay, ("name",), "'name' must give the name in sv and en", "write name: with 'sv:' and 'en:' lines")
    else:
        overlay.values["name"] = data["name"]
    _read_units(overlay, data.get("units") or {})
    _read_additions(overlay, data.get("additions") or {})


def _fault(overlay: Overlay, path: tuple, message: str, fix: str) -> None:
    overlay.problems.append(Problem(overlay.file, overlay.lines.get(path, 1), message, fix))


def _read_units(overlay: Overlay, units) -> None:
    if not isinstance(units, dict):
        return _fault(overlay, ("units",), "'units' must be a set of named units", "write units: and under it e.g. socialjour: with name: and phone:")
    for unit, fields in units.items():
        if not isinstance(fields, dict):
            _fault(overlay, ("units", unit), f"unit '{unit}' has no fields", "give it name: and phone:")
            continue
        for name, value in fields.items():
            if _text_per_language(value) is None and not (isinstance(value, str) and value.strip()):
                _fault(overlay, ("units", unit, name), f"'{unit}.{name}' must be a text or an sv:/en: pair", "write one text, or 'sv:' and 'en:' lines")
            else:
                overlay.values[f"{unit}.{name}"] = value


def _read_additions(overlay: Overlay, additions) -> None:
    for routine_id, texts in additions.items() if isinstance(additions, dict) else ():
        if _text_per_language(texts) is None:
            _fault(overlay, ("additions", routine_id), f"the addition to '{routine_id}' must have both sv and en", "write 'sv: |' and 'en: |' with the text below each")
        else:
            overlay.additions[routine_id] = texts


def _text_per_language(value) -> dict | None:
    ok = isinstance(value, dict) and all(isinstance(value.get(lang), str) and value[lang].strip() for lang in LANGUAGES)
    return value if ok else None


# What the content needs, and what the overlay gives


def needed_keys(page: Page) -> list[tuple[str, int]]:
    """Every local value the page asks for, with the line it is asked on."""
    found = []
    for offset, line in enumerate(page.body.split("\n")):
        found += [(match[1], page.body_line + offset) for match in LOCAL_MARKER.finditer(line)]
    return found


def check(handbook: Handbook, overlay: Overlay) -> tuple[list[Problem], list[str]]:
    """Problems that fail the edition's build, and notes about values no page uses."""
    problems, used = list(overlay.problems), {"name"}
    for page in handbook.pages:
        for key, line in needed_keys(page):
            used.add(key)
            if overlay.value(key, page.lang) is None:
                problems.append(Problem(page.file, line, f"needs the local value '{key}' ({page.lang}), which {overlay.file} does not give", f"add it to {overlay.file} (see {FOLDER}/TEMPLATE.yml)"))
    problems += _addition_problems(handbook, overlay)
    notes = [f"{overlay.file}:{overlay.line(key)}: '{key}' is used by no page" for key in overlay.values if key not in used]
    return problems, notes


def _addition_problems(handbook: Handbook, overlay: Overlay) -> list[Problem]:
    problems = []
    public = handbook.public_numbers | frozenset(digits(n) for n in overlay.public_numbers())
    for routine_id, texts in overlay.additions.items():
        line = overlay.lines.get(("additions", routine_id), 1)
        if not isinstance(handbook.get("sv", routine_id), Routine):
            problems.append(Problem(overlay.file, line, f"'{routine_id}' under additions is not the id of a routine", "use the id of a routine page, e.g. avvikning"))
        for lang in LANGUAGES:
            problems += [Problem(overlay.file, overlay.lines.get(("additions", routine_id, lang), line), finding.what, finding.fix) for finding in scan(texts[lang], public)]
    return problems


def site_problems(handbook: Handbook, slug: str | None) -> tuple[list[Problem], list[str]]:
    """The overlay check for the edition named by ``slug`` (the county edition when empty)."""
    return check(handbook, load(handbook.root, slug))


# Rendering


def fill(overlay: Overlay, lang: str, markdown: str) -> str:
    """The Markdown with every local marker replaced by the overlay's value; unknown markers stay as they are."""

    def value(match):
        text = overlay.value(match[1], lang)
        if text is None:
            return match[0]
        if match[1].endswith("." + PHONE_FIELD) and re.fullmatch(r"[+\d][\d\s-]+", text):
            text = f"[{text}](tel:{_tel(text)})"
        return text if overlay.is_county else f'<span class="sv-local">{text}</span>'

    return LOCAL_MARKER.sub(value, markdown)


def _tel(number: str) -> str:
    only = digits(number)
    return "+46" + only[1:] if only.startswith("0") else only


# Adoption status of the county's municipalities


@dataclass(frozen=True)
class AdoptionRow:
    code: str  # SCB municipality code, e.g. 0180
    name: str  # official name, e.g. Stockholms stad
    adopted: bool
    date: str | None = None  # YYYY-MM-DD of the board's decision, when known
    note: dict | None = None  # {sv:, en:}


STATUS_FILE = f"{FOLDER}/status.yml"
CODE = re.compile(r"^\d{4}$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def read_status(root: str | Path) -> tuple[tuple[AdoptionRow, ...], list[Problem]]:
    path = Path(root) / STATUS_FILE
    if not path.is_file():
        return (), []
    try:
        data, lines = read_yaml(path.read_text(encoding="utf-8"))
    except FrontMatterError as error:
        return (), [Problem(STATUS_FILE, error.line, error.message.replace("front matter", "file"), error.fix)]
    rows, problems = [], []
    for index, entry in enumerate(data.get("municipalities") or ()):
        row = _status_row(entry)
        if row is None:
            problems.append(Problem(STATUS_FILE, lines.get(("municipalities", index), 1), "entry needs code (4 digits), name, and adopted: yes, no or a date", "write e.g. '- {code: \"0180\", name: Stockholms stad, adopted: yes}'"))
        else:
            rows.append(row)
    return tuple(sorted(rows, key=lambda row: row.code)), problems


def _status_row(entry) -> AdoptionRow | None:
    if not isinstance(entry, dict) or not CODE.match(str(entry.get("code", ""))) or not isinstance(entry.get("name"), str):
        return None
    adopted = entry.get("adopted")
    if isinstance(adopted, str) and DATE.match(adopted):
        return AdoptionRow(entry["code"], entry["name"], True, adopted, _text_per_language(entry.get("note")))
    if isinstance(adopted, bool):
        return AdoptionRow(entry["code"], entry["name"], adopted, None, _text_per_language(entry.get("note")))
    return None


def attach(handbook: Handbook) -> Handbook:
    """Give the handbook what the municipality folder declares: public numbers and adoption status."""

    slugs = [COUNTY] + [path.stem for path in municipality_files(handbook.root)]
    switchboards = tuple(number for slug in slugs for number in load(handbook.root, slug).public_numbers())
    handbook.public_numbers = declared_numbers(handbook.root, switchboards)
    handbook.adoption, problems = read_status(handbook.root)
    handbook.load_problems = list(handbook.load_problems) + problems
    return handbook


# The edition being built


def chosen(root: str | Path) -> Overlay:
    """The overlay of the edition named by SAMVERKAN_MUNICIPALITY (the county edition when unset)."""
    return load(root, os.environ.get(ENV, "").strip() or None)


def all_problems(handbook: Handbook, edition: Overlay) -> tuple[list[Problem], list[str]]:
    """Every check's problems plus the edition's, sorted, each once; and notes about unused local values."""
    from . import checks

    problems, notes = check(handbook, edition)
    return sorted(set(checks.run_all(handbook) + problems)), notes


def fingerprint(root: str | Path) -> tuple:
    """What decides whether the edition must be read again: the chosen municipality and the folder's files."""
    folder = Path(root) / FOLDER
    files = tuple((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in sorted(folder.glob("*.yml"))) if folder.is_dir() else ()
    return (os.environ.get(ENV, ""), files)
