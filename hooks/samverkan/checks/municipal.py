"""Municipality files checked like pages: the rules every file follows, its texts, what the pages need from it,
and the edition's own fields (site_url, reviewed, the sections additions name); adoption.py holds status.yml
against the files. editions/overlay.py reads the files.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path

from samverkan.checks.adoption import status_problems
from samverkan.checks.markup import attribute_list_faults, link_targets, scheme_of
from samverkan.checks.personal_data import file_problems
from samverkan.content.body import ID, LOCAL_MARKER
from samverkan.content.model import Handbook, Routine
from samverkan.content.parts import LANGUAGES
from samverkan.content.phone import NOT_A_NUMBER, PUBLIC_KINDS_HINT, address_fault, declared_fault
from samverkan.content.problems import Problem
from samverkan.content.schema import future_date_fault, parse_date
from samverkan.editions import edition
from samverkan.editions.county import STATUS_FILE
from samverkan.editions.edition import PLACEMENT, addition_section, sections, url_fault
from samverkan.editions.overlay import (
    COUNTY,
    FOLDER,
    PHONE_FIELD,
    TEMPLATE,
    TEMPLATE_HINT,
    Overlay,
    key_path,
    load,
    loaded,
    needed_keys,
)

# The rules every municipality file follows


@dataclass(frozen=True)
class Rules:
    """What a municipality file is checked against, read once from the folder and the pages."""

    codes: dict  # SCB code -> municipality name, from status.yml
    placeholders: frozenset  # the template's example values, whitespace collapsed
    example_names: tuple  # the template's example municipality name in each language
    units: tuple  # the units pages or the county wording know
    needed: dict  # key -> (file, line) of the first page asking for it, and how many places ask

    @classmethod
    def of(cls, handbook: Handbook) -> Rules:
        return handbook.memo(("overlay rules",), lambda: cls._read(handbook))

    @classmethod
    def _read(cls, handbook: Handbook) -> Rules:
        template = load(handbook.root, TEMPLATE)
        county = load(handbook.root, COUNTY)
        needed = _needed(handbook)
        units = {key.split(".")[0] for key in needed if "." in key}
        units |= {key.split(".")[0] for key in (*template.values, *county.values) if "." in key}
        return cls(
            codes={row.code: row.name for row in handbook.adoption},
            placeholders=frozenset(
                _plain(text) for path, text in _leaves(template.data) if path[0] != "code"
            ),
            example_names=tuple(
                template.value("name", lang) for lang in LANGUAGES if template.value("name", lang)
            ),
            units=tuple(sorted(units)),
            needed=needed,
        )


def _needed(handbook: Handbook) -> dict:
    needed: dict = {}
    for page in handbook.pages:
        for key, line in needed_keys(page):
            first, count = needed.get(key, ((page.file, line), 0))
            needed[key] = (first, count + 1)
    return needed


def _leaves(data, path: tuple = ()):
    """(path, text) of every text in nested data."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _leaves(value, path + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _leaves(value, path + (index,))
    elif isinstance(data, str):
        yield path, data


def _plain(text: str) -> str:
    return " ".join(text.split())


def municipality_problems(overlay: Overlay, rules: Rules) -> list[Problem]:
    """A municipality file's own rules: its SCB code, no values left from the template, function numbers only."""
    if not overlay.is_municipality or not overlay.readable:
        return []
    return _code_problems(overlay, rules) + _leftover_problems(overlay, rules) + _phone_problems(overlay)


def _code_problems(overlay: Overlay, rules: Rules) -> list[Problem]:
    if "code" not in overlay.data:
        return [
            Problem(
                overlay.file,
                1,
                "the file has no 'code'",
                f"add code: with the municipality's SCB code in quotes, as listed in {STATUS_FILE}",
            )
        ]
    if not rules.codes or overlay.code in rules.codes:
        return []
    named = [code for code, name in rules.codes.items() if name in (overlay.value("name", "sv") or "")]
    hint = f"did you mean '{named[0]}' ({rules.codes[named[0]]})? " if named else ""
    return [
        Problem(
            overlay.file,
            overlay.lines.get(("code",), 1),
            f"code '{overlay.data['code']}' is not one of the county's municipalities in {STATUS_FILE}",
            f'{hint}write the 4-digit SCB code in quotes, e.g. code: "0191"',
        )
    ]


def _leftover_problems(overlay: Overlay, rules: Rules) -> list[Problem]:
    problems = []
    for path, text in _leaves({key: value for key, value in overlay.data.items() if key != "code"}):
        example = next((name for name in rules.example_names if name in text), None)
        if _plain(text) in rules.placeholders or example:
            what = (
                f"names the template's example '{example}'"
                if example
                else f"still holds the template's example '{_short(text)}'"
            )
            problems.append(
                Problem(
                    overlay.file,
                    overlay.lines.get(path, 1),
                    f"'{'.'.join(map(str, path))}' {what}",
                    "write the municipality's own value",
                )
            )
    return problems


def _short(text: str) -> str:
    text = _plain(text)
    return text if len(text) <= 40 else text[:39] + "…"


def _phone_problems(overlay: Overlay) -> list[Problem]:
    problems = []
    for key, value in overlay.values.items():
        if not key.endswith("." + PHONE_FIELD):
            continue
        line = overlay.line(key)
        fault = declared_fault(value)
        if fault == NOT_A_NUMBER:
            problems.append(
                Problem(
                    overlay.file,
                    line,
                    f"'{key}' must be one phone number",
                    "write the switchboard's or the unit's public number alone, in digits 0-9, e.g. phone: 08-123 456 00",
                )
            )
        elif fault:
            problems.append(
                Problem(
                    overlay.file,
                    line,
                    f"'{key}' {fault} ({value.strip()[:30]})",
                    f"give the switchboard (växel) or the unit's public direct number: {PUBLIC_KINDS_HINT}",
                )
            )
    return problems


# The texts of a file: plain text and Markdown, https links, markers that resolve


TAG = re.compile(r"<(?:/?[A-Za-z][\w:-]*|!(?:--)?|\?)")
ANY_MARKER = re.compile(r"\[\[([^\[\]\n]*)\]\]")
ONE_MARKER = re.compile(rf"(?P<id>{ID})(?:\|[^\]\n]+)?|local:(?P<key>[a-z0-9_-]+(?:\.[a-z0-9_-]+)?)")


def text_problems(handbook: Handbook, overlay: Overlay) -> list[Problem]:
    """Every text a file gives, checked as it will land in a page; and personal data anywhere in the file."""
    if not overlay.readable:
        return []
    problems = []
    for path, lang, text in _texts(overlay):
        for offset, what, fix in _text_faults(handbook, overlay, path, lang, text):
            problems.append(
                Problem(overlay.file, _text_line(overlay, path, text.count("\n", 0, offset)), what, fix)
            )
    if overlay.is_county or overlay.is_municipality:  # the published ones
        problems += _personal_data(overlay, handbook.public_numbers)
    return problems


def _personal_data(overlay: Overlay, public: frozenset) -> list[Problem]:
    """Personal data anywhere in the file, comments too, as in pages; not on a line that already has a
    problem (a switchboard under a misspelt 'phon:' is not declared, but the misspelling is the fault; a mobile
    under 'phone:' is not declared either, but that it is a mobile is)."""
    faulty_lines = {problem.line for problem in overlay.problems + _phone_problems(overlay)}
    return [
        problem
        for problem in file_problems(overlay.file, overlay.source, public)
        if problem.line not in faulty_lines
    ]


def _texts(overlay: Overlay):
    """(path in the file, language or None, text) of every value and addition."""
    for key, value in overlay.values.items():
        for lang, text in value.items() if isinstance(value, dict) else [(None, value)]:
            yield (*key_path(key), *([lang] if lang else [])), lang, text
    for routine_id, texts in overlay.additions.items():
        for lang in LANGUAGES:
            yield ("additions", routine_id, lang), lang, texts[lang]


def _text_faults(handbook: Handbook, overlay: Overlay, path: tuple, lang: str | None, text: str):
    """(offset, what, fix) of everything wrong in one text."""
    name = ".".join(map(str, path))
    addition = path[0] == "additions"
    if not addition and "\n" in text.strip():
        yield 0, f"'{name}' must be one line", "write the value on one line"
    tag = TAG.search(text)  # the first is enough: the text is not Markdown until it has none
    if tag:
        yield (
            tag.start(),
            f"'{name}' contains HTML ('{tag[0]}')",
            "write plain text, no tags; a link as [text](https://…)",
        )
    for offset, target, image in link_targets(text):
        target = target.split()[0] if target.strip() else ""
        if image:
            yield (
                offset,
                f"'{name}' shows an image",
                "remove it: a municipality's text carries no images, so no reader's browser asks another host",
            )
        elif not target.startswith("https://"):
            scheme = scheme_of(target)
            shown = f"a '{scheme}:' address" if scheme else f"'{_short(target)}'"
            yield (
                offset,
                f"'{name}' links to {shown}, not an https: address",
                "link only to https:// addresses",
            )
        elif fault := address_fault(target, handbook.public_numbers):
            yield (
                offset,
                f"'{name}': {fault}",
                "link the function's page, never an address with a person's number in it",
            )
    for offset, what, fix in attribute_list_faults(text):
        yield offset, f"'{name}': {what}", fix
    for match in ANY_MARKER.finditer(text):
        yield from _marker_faults(handbook, overlay, name, lang, match, addition)


def _marker_faults(handbook: Handbook, overlay: Overlay, name: str, lang: str | None, match, addition: bool):
    marker = ONE_MARKER.fullmatch(match[1])
    if marker is None:
        yield (
            match.start(),
            f"'{name}' has a malformed marker '{_short(match[0])}'",
            "write [[id]], [[id|text]] or [[local:unit.field]]",
        )
    elif marker["key"] and not addition:
        yield match.start(), f"'{name}' asks for a local value; only additions may", "write the value itself"
    elif marker["key"] and overlay.value(marker["key"], lang) is None:
        yield (
            match.start(),
            f"'{name}' asks for the local value '{marker['key']}', which the file does not give",
            f"add it under units: ({TEMPLATE_HINT})",
        )
    elif marker["id"]:
        for language in [lang] if lang else LANGUAGES:
            if handbook.get(language, marker["id"]) is None:
                ids = sorted({page.id for page in handbook.pages if page.lang == language})
                meant = difflib.get_close_matches(marker["id"], ids, n=1, cutoff=0.6)
                hint = f"did you mean '{meant[0]}'? " if meant else ""
                yield (
                    match.start(),
                    f"'{name}' links to '{marker['id']}', which is not the id of any page ({language})",
                    f"{hint}use the id of a page, as in [[boendet]]",
                )


def _text_line(overlay: Overlay, path: tuple, offset_lines: int) -> int:
    """The file line of a line inside a value: a block value ('|' or '>') starts on the line after its key."""
    line = overlay.lines.get(path, 1)
    written = overlay.source.split("\n")[line - 1] if 0 < line <= overlay.source.count("\n") + 1 else ""
    return line + 1 + offset_lines if re.search(r":\s*[|>][-+0-9]*\s*(?:#.*)?$", written) else line


def check(handbook: Handbook, overlay: Overlay) -> tuple[list[Problem], list[str]]:
    """Problems that fail the edition's build, and notes about values no page uses.

    A file that cannot be read has that one problem, and nothing follows from it."""

    if not overlay.readable:
        return [problem.on_one_line() for problem in overlay.problems], []
    rules = Rules.of(handbook)
    problems = list(overlay.problems) + _unit_problems(overlay, rules)  # first: they mark what is misspelt
    problems += _missing_problems(overlay, rules) + _addition_problems(handbook, overlay)
    problems += (
        text_problems(handbook, overlay)
        + municipality_problems(overlay, rules)
        + edition_field_problems(handbook, overlay)
    )
    used = (
        {"name"}
        | set(rules.needed)
        | {
            match[1]
            for texts in overlay.additions.values()
            for text in texts.values()
            for match in LOCAL_MARKER.finditer(text)
        }
    )
    used |= edition.on_card(overlay)
    notes = [
        f"{overlay.file}:{overlay.line(key)}: '{key}' is used by no page"
        for key in overlay.values
        if key not in used
    ]
    return [problem.on_one_line() for problem in problems], notes


def _unit_problems(overlay: Overlay, rules: Rules) -> list[Problem]:
    """A unit no page knows whose name is close to one that pages know: a misspelling."""
    problems = []
    units = overlay.data.get("units")
    for unit in units if isinstance(units, dict) else ():
        meant = (
            difflib.get_close_matches(unit, rules.units, n=1, cutoff=0.75) if unit not in rules.units else []
        )
        if meant:
            overlay.faulty.add(("units", meant[0]))
            problems.append(
                Problem(
                    overlay.file,
                    overlay.lines.get(("units", unit), 1),
                    f"unknown unit '{unit}'",
                    f"did you mean '{meant[0]}'? units pages ask for: {', '.join(rules.units)}",
                )
            )
    return problems


def _missing_problems(overlay: Overlay, rules: Rules) -> list[Problem]:
    """One problem per value pages ask for and the file does not give, at the file's line where it belongs."""
    problems = []
    for key, ((file, line), count) in sorted(rules.needed.items()):
        path = key_path(key)
        if key in overlay.values or any(path[: len(faulty)] == faulty for faulty in overlay.faulty):
            continue
        more = f" (and {count - 1} more)" if count > 1 else ""
        where = f"under units: {path[1]}:" if len(path) == 3 else "at the top"
        problems.append(
            Problem(
                overlay.file,
                overlay.line(key),
                f"'{key}' is not given, but {file}:{line}{more} asks for it",
                f"add {path[-1]}: {where} ({TEMPLATE_HINT})",
            )
        )
    return problems


def _addition_problems(handbook: Handbook, overlay: Overlay) -> list[Problem]:
    routines = sorted({page.id for page in handbook.of_type("sv", Routine)})
    problems = []
    for routine_id in overlay.additions:
        if routine_id not in routines:
            meant = difflib.get_close_matches(routine_id, routines, n=1, cutoff=0.6)
            hint = f"did you mean '{meant[0]}'? " if meant else ""
            problems.append(
                Problem(
                    overlay.file,
                    overlay.lines.get(("additions", routine_id), 1),
                    f"'{routine_id}' under additions is not the id of a routine",
                    f"{hint}use the id of a routine page, e.g. avvikning",
                )
            )
    return problems


def municipality_files(handbook: Handbook) -> list[Problem]:
    """Every municipality file, the county wording, the template and status.yml, checked whichever edition
    is built."""

    overlays = loaded(handbook)
    problems = [problem for each in overlays for problem in check(handbook, each)[0]]
    if (
        Path(handbook.root) / FOLDER / f"{TEMPLATE}.yml"
    ).exists():  # copied by every adopter: it must be complete
        problems += check(handbook, load(handbook.root, TEMPLATE))[0]
    first_with_code: dict = {}
    for each in overlays:
        if each.is_municipality and each.readable and each.code:
            if each.code in first_with_code:
                problems.append(
                    Problem(
                        each.file,
                        each.lines.get(("code",), 1),
                        f"code '{each.code}' is also the code of {first_with_code[each.code]}",
                        "give each municipality its own SCB code",
                    )
                )
            first_with_code.setdefault(each.code, each.file)
    folder = Path(handbook.root) / FOLDER
    problems += [
        Problem(
            f"{FOLDER}/{path.name}",
            1,
            "a municipality file must end in .yml",
            f"rename it to {path.stem}.yml",
        )
        for path in sorted(folder.glob("*.yaml"))
    ]
    problems += status_problems(handbook)
    return problems


def edition_field_problems(handbook: Handbook, overlay: Overlay) -> list[Problem]:
    """The edition's own fields: site_url, reviewed, and the section each addition names (the county's too)."""
    if not overlay.readable or not (overlay.is_municipality or overlay.is_county):
        return []
    if overlay.is_county:
        return [
            problem
            for routine_id in overlay.additions
            for problem in _section_problems(handbook, overlay, routine_id)
        ]
    problems = []
    url = overlay.data.get("site_url")
    if url is not None:
        fault = url_fault(url) if isinstance(url, str) else "is not one address"
        if fault:
            problems.append(
                Problem(
                    overlay.file,
                    overlay.lines.get(("site_url",), 1),
                    f"site_url {fault}",
                    "write the edition's address, e.g. site_url: https://plan.sigtuna.se/ (https, ending in /)",
                )
            )
    date = overlay.data.get("reviewed")
    if date is not None and parse_date(date) is None:
        problems.append(
            Problem(
                overlay.file,
                overlay.lines.get(("reviewed",), 1),
                f"reviewed '{str(date)[:20]}' is not a real date",
                "write the day the names and numbers were checked as YYYY-MM-DD, e.g. reviewed: 2026-11-29",
            )
        )
    elif fault := future_date_fault(date):
        problems.append(
            Problem(overlay.file, overlay.lines.get(("reviewed",), 1), f"reviewed {fault[0]}", fault[1])
        )
    for routine_id in overlay.additions:
        problems += _section_problems(handbook, overlay, routine_id)
    return problems


def _section_problems(handbook: Handbook, overlay: Overlay, routine_id: str) -> list[Problem]:
    section = addition_section(overlay, routine_id)
    if section is None:
        return []
    line = overlay.lines.get(
        ("additions", routine_id, PLACEMENT), overlay.lines.get(("additions", routine_id), 1)
    )
    if not (
        isinstance(section, str)
        or isinstance(section, dict)
        and set(section) == set(LANGUAGES)
        and all(isinstance(v, str) for v in section.values())
    ):
        return [
            Problem(
                overlay.file,
                line,
                f"the section of the addition to '{routine_id}' must be one anchor or an sv:/en: pair",
                "write section: vem-gor-vad, or section: {sv: vem-gor-vad, en: who-does-what}",
            )
        ]
    problems = []
    for lang in LANGUAGES:
        routine = handbook.get(lang, routine_id)
        wanted = section if isinstance(section, str) else section[lang]
        anchors = [each.anchor for each in sections(routine.body)] if isinstance(routine, Routine) else None
        if anchors is not None and wanted not in anchors:
            meant = difflib.get_close_matches(wanted, anchors, n=1, cutoff=0.6)
            hint = f"did you mean '{meant[0]}'? " if meant else ""
            problems.append(
                Problem(
                    overlay.file,
                    line,
                    f"'{routine_id}' ({lang}) has no section '{wanted}'",
                    f"{hint}sections: {', '.join(anchors)}",
                )
            )
    return problems
