"""Municipality overlay: local unit names, switchboards and additions without forking the content.

``municipalities/<slug>.yml`` holds one municipality's values (see TEMPLATE.yml);
``municipalities/county.yml`` holds the generic county wording used when no
municipality is chosen. A page asks for a local value with a marker:

    Ring [[local:socialjour.name]] ([[local:socialjour.phone]]).

``name`` is the municipality's name; ``<unit>.<field>`` is a field of one of its
units. A value is either one text for both languages (a phone number) or an
``sv:``/``en:`` pair. A municipality's local additions to a routine are shown in
a marked box at the end of the routine page.

Every municipality file is checked like a page, whichever edition is built
(checks/municipal.py): its name, its SCB code, values left from the template, its
switchboards, its texts (no HTML, https links only, markers that resolve) and
personal data.

The edition to build is named by the environment variable SAMVERKAN_MUNICIPALITY
(``samverkan build --municipality stockholm`` sets it).
"""

from __future__ import annotations

import difflib
import html
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import Markup

from samverkan.content.body import LOCAL_MARKER
from samverkan.content.budget import breaches
from samverkan.content.frontmatter import line_of, read_yaml_file
from samverkan.content.hours import Hours, HoursError, parse_hours
from samverkan.content.model import Handbook, Page
from samverkan.content.parts import LANGUAGES
from samverkan.content.phone import NOT_A_NUMBER, PUBLIC_KINDS_HINT, declared_fault, national, parse_number
from samverkan.content.problems import Problem
from samverkan.editions import county

ENV = "SAMVERKAN_MUNICIPALITY"
FOLDER = "municipalities"
COUNTY = "county"
TEMPLATE = "TEMPLATE"
NOT_MUNICIPALITIES = {COUNTY, TEMPLATE, "status", "public-numbers"}
SLUG = re.compile(r"[a-z]+(?:-[a-z]+)*")
PHONE_FIELD = "phone"
NIGHT_UNIT = "socialjour"  # the unit reached on evenings, nights and weekends
FIELDS = ("name", "code", "units", "additions", "site_url", "reviewed")  # the last two: see edition.py
HOURS_FIELD = "hours"  # when the unit answers, in OpenStreetMap's opening_hours syntax (content/hours.py)
UNIT_FIELDS = ("name", PHONE_FIELD, HOURS_FIELD)
TEMPLATE_HINT = f"see {FOLDER}/{TEMPLATE}.yml"


@dataclass
class Overlay:
    slug: str
    file: str  # relative to the project root, for messages
    values: dict = field(default_factory=dict)  # 'name' or 'unit.field' -> text or {lang: text}
    additions: dict = field(default_factory=dict)  # routine id -> {lang: Markdown}
    lines: dict = field(default_factory=dict)  # key path -> line in the file
    problems: list = field(default_factory=list)  # faults in the file itself
    readable: bool = True  # False when the file could not be read at all: its one problem stands alone
    code: str | None = None  # SCB municipality code
    data: dict = field(default_factory=dict)  # the file's fields as written
    source: str = ""  # the file's text
    faulty: set = field(default_factory=set)  # key paths already reported, so no follow-on 'missing' problem

    @property
    def is_county(self) -> bool:
        return self.slug == COUNTY

    @property
    def is_municipality(self) -> bool:
        return self.slug not in NOT_MUNICIPALITIES

    def value(self, key: str, lang: str) -> str | None:
        value = self.values.get(key)
        return value.get(lang) if isinstance(value, dict) else value

    def name(self, lang: str) -> str:
        return self.value("name", lang) or self.slug

    def hours(self, unit: str) -> Hours | None:
        """When the unit answers, as the file gives it (checked when read)."""
        written = self.values.get(f"{unit}.{HOURS_FIELD}")
        return parse_hours(written) if isinstance(written, str) else None

    def line(self, key: str) -> int:
        return line_of(self.lines, key_path(key))

    def public_numbers(self) -> tuple[str, ...]:
        return tuple(
            value
            for key, value in self.values.items()
            if key.endswith("." + PHONE_FIELD) and isinstance(value, str)
        )

    def addition(self, routine_id: str, lang: str) -> Markup | None:
        """The addition to a routine as Markdown safe to put into a page: escaped, local values filled in."""
        text = self.additions.get(routine_id, {}).get(lang)
        return Markup(fill(self, lang, html.escape(text.strip(), quote=False))) if text else None


def key_path(key: str) -> tuple:
    """The path in the file of a value's key: 'socialjour.phone' -> ('units', 'socialjour', 'phone')."""
    return ("units", *key.split(".")) if "." in key else (key,)


# Reading a file


def municipality_files(root: str | Path) -> list[Path]:
    folder = Path(root) / FOLDER
    return (
        sorted(p for p in folder.glob("*.yml") if p.stem not in NOT_MUNICIPALITIES) if folder.is_dir() else []
    )


def load(root: str | Path, slug: str | None = None) -> Overlay:
    """The overlay of one municipality, or the county's generic wording when ``slug`` is empty."""
    slug = slug or COUNTY
    overlay = Overlay(slug=slug, file=f"{FOLDER}/{slug}.yml")
    if overlay.is_municipality and not SLUG.fullmatch(slug):
        return _unreadable(
            overlay,
            Problem(
                overlay.file,
                1,
                f"the municipality's file name '{slug}.yml' is not lower-case a–z and hyphens",
                f"rename it, e.g. {_slug_hint(slug)}.yml, and build with that name",
            ),
        )
    if not (Path(root) / overlay.file).is_file() and not (Path(root) / overlay.file).is_symlink():
        if not overlay.is_county:
            known = ", ".join(p.stem for p in municipality_files(root)) or "none yet"
            overlay.problems.append(
                Problem(
                    overlay.file,
                    1,
                    f"there is no municipality file for '{slug}'",
                    f"copy {FOLDER}/{TEMPLATE}.yml to {overlay.file}; known: {known}",
                )
            )
        overlay.readable = overlay.is_county
        return overlay
    read = read_yaml_file(root, overlay.file)
    if read.data is None:
        return _unreadable(overlay, *read.problems)
    if not read.data:
        return _unreadable(
            overlay,
            Problem(
                overlay.file, 1, "the file has no fields", f"copy {FOLDER}/{TEMPLATE}.yml and fill it in"
            ),
        )
    overlay.data, overlay.lines, overlay.source = read.data, read.lines, read.text
    _read_values(overlay, read.data)
    return overlay


def _unreadable(overlay: Overlay, *problems: Problem) -> Overlay:
    overlay.problems += problems
    overlay.readable = False
    return overlay


def _slug_hint(slug: str) -> str:
    plain = slug.lower().translate(str.maketrans("åäöéü_ .", "aaoeu---"))
    return "-".join(part for part in re.split(r"[^a-z]+", plain) if part) or "sigtuna"


def _read_values(overlay: Overlay, data: dict) -> None:
    # county.py reads the county's values
    _unknown_keys(
        overlay,
        (),
        data,
        (*FIELDS, county.COUNTY_FIELD, county.WORKING_GROUP_FIELD) if overlay.is_county else FIELDS,
    )
    if (
        overlay.is_county
        and county.WORKING_GROUP_FIELD in data
        and county.mailbox_fault(data[county.WORKING_GROUP_FIELD])
    ):
        _fault(
            overlay,
            (county.WORKING_GROUP_FIELD,),
            f"'{county.WORKING_GROUP_FIELD}' {county.mailbox_fault(data[county.WORKING_GROUP_FIELD])}",
            "write the working group's shared mailbox, e.g. samverkansplanen@lansstyrelsen.se: a function's address, never a person's",
        )
    if _text_per_language(data.get("name")) is None:
        _pair_fault(
            overlay,
            ("name",),
            data.get("name"),
            "'name' must give the name in sv and en",
            "write name: with 'sv:' and 'en:' lines",
        )
    else:
        overlay.values["name"] = data["name"]
    if "code" in data:
        overlay.code = data["code"] if isinstance(data["code"], str) else None
    _read_units(overlay, data.get("units") or {})
    _read_additions(overlay, data.get("additions") or {})


def _fault(overlay: Overlay, path: tuple, message: str, fix: str) -> None:
    overlay.faulty.add(path)
    overlay.problems.append(Problem(overlay.file, overlay.lines.get(path, 1), message, fix))


def _unknown_keys(overlay: Overlay, path: tuple, mapping: dict, allowed, what: str = "field") -> None:
    """A fault for every key not in ``allowed``, with the allowed key it was probably meant to be."""
    where = f" under '{'.'.join(map(str, path))}'" if path else ""
    for key in sorted(set(mapping) - set(allowed), key=str):
        meant = difflib.get_close_matches(str(key), list(allowed), n=1, cutoff=0.6)
        if meant:
            overlay.faulty.add(path + (meant[0],))
        hint = f"did you mean '{meant[0]}'? " if meant else ""
        _fault(
            overlay,
            path + (key,),
            f"unknown {what} '{key}'{where}",
            f"{hint}allowed: {', '.join(allowed)} ({TEMPLATE_HINT})",
        )


def _pair_fault(overlay: Overlay, path: tuple, value, message: str, fix: str) -> None:
    """A value that should be an sv:/en: pair: name a misspelt language key where there is one."""
    if isinstance(value, dict) and set(value) - set(LANGUAGES):
        overlay.faulty.add(path)
        return _unknown_keys(overlay, path, value, LANGUAGES, "language")
    _fault(overlay, path, message, fix)


def _read_units(overlay: Overlay, units) -> None:
    if not isinstance(units, dict):
        return _fault(
            overlay,
            ("units",),
            "'units' must be a set of named units",
            "write units: and under it e.g. socialjour: with name: and phone:",
        )
    for unit, fields in units.items():
        if not isinstance(fields, dict):
            _fault(overlay, ("units", unit), f"unit '{unit}' has no fields", "give it name: and phone:")
            continue
        _unknown_keys(overlay, ("units", unit), fields, UNIT_FIELDS)
        for name, value in fields.items():
            if name not in UNIT_FIELDS:
                continue
            if name == HOURS_FIELD:
                _read_hours(overlay, unit, value)
            elif _text_per_language(value) is None and not (isinstance(value, str) and value.strip()):
                _pair_fault(
                    overlay,
                    ("units", unit, name),
                    value,
                    f"'{unit}.{name}' must be a text or an sv:/en: pair",
                    "write one text, or 'sv:' and 'en:' lines",
                )
            else:
                overlay.values[f"{unit}.{name}"] = value


def _read_hours(overlay: Overlay, unit: str, value) -> None:
    try:
        parse_hours(value)
    except HoursError as refused:
        return _fault(
            overlay, ("units", unit, HOURS_FIELD), f"'{unit}.{HOURS_FIELD}': {refused.what}", refused.fix
        )
    overlay.values[f"{unit}.{HOURS_FIELD}"] = value


def _read_additions(overlay: Overlay, additions) -> None:
    if not isinstance(additions, dict):
        return _fault(
            overlay,
            ("additions",),
            "'additions' must be a set of routine ids",
            "write additions: and under it e.g. avvikning: with 'sv: |' and 'en: |'",
        )
    for routine_id, texts in additions.items():
        if _text_per_language(_texts_only(texts)) is None:
            _pair_fault(
                overlay,
                ("additions", routine_id),
                _texts_only(texts),
                f"the addition to '{routine_id}' must have both sv and en",
                "write 'sv: |' and 'en: |' with the text below each",
            )
        elif not _over_budget(overlay, routine_id, _texts_only(texts)):
            overlay.additions[routine_id] = _texts_only(texts)


def _over_budget(overlay: Overlay, routine_id: str, texts: dict) -> bool:
    """An addition is Markdown in a page: over a page's budget (content/budget.py), it is one line and left out."""
    over = False
    for lang, text in texts.items():
        for breach in breaches(text) if isinstance(text, str) else ():
            _fault(
                overlay,
                ("additions", routine_id, lang),
                f"the addition to '{routine_id}' ({lang}) has {breach.message.replace('the page is', 'it is')}",
                breach.limit.fix,
            )
            over = True
    return over


def _texts_only(addition):
    """An addition without the section it is placed at (edition.PLACEMENT, checked in edition.py)."""
    return (
        {key: value for key, value in addition.items() if key != "section"}
        if isinstance(addition, dict)
        else addition
    )


def _text_per_language(value) -> dict | None:
    ok = (
        isinstance(value, dict)
        and set(value) <= set(LANGUAGES)
        and all(isinstance(value.get(lang), str) and value[lang].strip() for lang in LANGUAGES)
    )
    return value if ok else None


# What the content needs, and what the overlay gives


def needed_keys(page: Page) -> list[tuple[str, int]]:
    """Every local value the page asks for, with the line it is asked on."""
    found = []
    for offset, line in enumerate(page.body.split("\n")):
        found += [(match[1], page.body_line + offset) for match in LOCAL_MARKER.finditer(line)]
    return found


def loaded(handbook: Handbook) -> list[Overlay]:
    """The county wording and every municipality file, read once per handbook."""
    return handbook.memo(
        ("overlays",),
        lambda: [
            load(handbook.root, slug)
            for slug in [COUNTY, *(path.stem for path in municipality_files(handbook.root))]
        ],
    )


# Rendering


def fill(overlay: Overlay, lang: str, markdown: str, fillable: bool = False) -> str:
    """The Markdown with every local marker replaced by the overlay's value, escaped; unknown markers stay as they are.
    ``fillable``: the county's values carry their key (data-sv-local), so that an edition filled into the county's
    built site (site/fill.py) puts its own value there."""

    def value(match):
        text = overlay.value(match[1], lang)
        if text is None:
            return match[0]
        text = html.escape(text, quote=False)
        if _is_phone(match[1], text):
            text = f"[{text}](tel:{parse_number(text).tel})"
        if overlay.is_county:
            return f'<span data-sv-local="{match[1]}">{text}</span>' if fillable else text
        return f'<span class="sv-local">{text}</span>'

    return LOCAL_MARKER.sub(value, markdown)


def local_html(overlay: Overlay, key: str, lang: str) -> str | None:
    """A municipality's local value as the HTML its edition shows (what ``fill`` makes of it through Markdown)."""
    text = overlay.value(key, lang)
    if text is None:
        return None
    text = html.escape(text, quote=False)
    if _is_phone(key, text):
        text = f'<a href="tel:{parse_number(text).tel}">{text}</a>'
    return f'<span class="sv-local">{text}</span>'


def _is_phone(key: str, text: str) -> bool:
    """A unit's phone that is a number (checks/municipal.py says when it is not): it becomes a tel: link."""
    return key.endswith("." + PHONE_FIELD) and parse_number(text) is not None


# Public numbers


NUMBERS_FILE = "municipalities/public-numbers.yml"


def read_public_numbers(root: str | Path) -> tuple[tuple[str, ...], list[Problem]]:
    """The numbers listed in municipalities/public-numbers.yml, and a problem for every entry that is not one."""
    if not (Path(root) / NUMBERS_FILE).exists():
        return (), []
    data, lines, _, problems = read_yaml_file(root, NUMBERS_FILE, listing="numbers")
    if data is None:
        return (), problems
    entries = data.get("numbers")
    if set(data) != {"numbers"} or not isinstance(entries, list):
        return (), [
            Problem(
                NUMBERS_FILE,
                1,
                "the file is not a list of '- number: …' entries",
                "write each public number as '- number: 08-123 456 00' with 'what:' below it",
            )
        ]
    numbers = []
    for index, entry in enumerate(entries):
        number = entry.get("number") if isinstance(entry, dict) else None
        fault = declared_fault(number)
        if fault is None:
            numbers.append(number)
        else:
            what = (
                f"entry '{number.strip()[:30]}' {fault}"
                if isinstance(number, str) and fault != NOT_A_NUMBER
                else "entry is not a public phone number"
            )
            problems.append(
                Problem(
                    NUMBERS_FILE,
                    lines.get(("numbers", index), 1),
                    what,
                    f"write '- number: 08-123 456 00' with 'what:' below it; {PUBLIC_KINDS_HINT}",
                )
            )
    return tuple(numbers), problems


def attach(handbook: Handbook) -> Handbook:
    """Give the handbook what the municipality folder declares: public numbers and adoption status."""
    switchboards = tuple(number for each in loaded(handbook) for number in each.public_numbers())
    listed, number_problems = read_public_numbers(handbook.root)
    handbook.adoption, status_problems = county.read_status(handbook.root)
    nights = (
        *county.night_numbers(handbook.adoption),
        *(each.values.get(f"{NIGHT_UNIT}.{PHONE_FIELD}") for each in loaded(handbook)),
    )
    handbook.night_numbers = frozenset(
        national(number) for number in nights if isinstance(number, str) and declared_fault(number) is None
    )
    handbook.public_numbers = (
        frozenset(national(number) for number in (*listed, *switchboards) if declared_fault(number) is None)
        | handbook.night_numbers
    )
    handbook.working_group = county.working_group_mailbox(load(handbook.root, None))
    if handbook.working_group:  # declared like a public number: the one address that may be shown
        handbook.public_numbers |= {handbook.working_group}
    handbook.load_problems = list(handbook.load_problems) + [
        problem.on_one_line() for problem in number_problems + status_problems
    ]
    return handbook


# The edition being built


def chosen(root: str | Path) -> Overlay:
    """The overlay of the edition named by SAMVERKAN_MUNICIPALITY (the county edition when unset)."""
    return load(root, os.environ.get(ENV, "").strip() or None)


def fingerprint(root: str | Path) -> tuple:
    """What decides whether the edition must be read again: the chosen municipality and the folder's files."""
    folder = Path(root) / FOLDER
    files = (
        tuple((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in sorted(folder.glob("*.y*ml")))
        if folder.is_dir()
        else ()
    )
    return (os.environ.get(ENV, ""), files)
