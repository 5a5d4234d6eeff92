"""The kinds of value front matter holds, and what each must hold.

Each field kind turns a raw YAML value into a model value or raises ``Invalid`` with a message and a fix.
Each field is declared once, on the model (content/model.py, ``declared``); docs-dev/authors.md's table of
fields is written from there (``samverkan docs``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from samverkan.content.frontmatter import line_of
from samverkan.content.parts import (
    ROLES,
    SECTION_STATUSES,
    Citation,
    HistoryEntry,
    Ref,
    RoleRef,
    Section,
)

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
VERSION_PATTERN = re.compile(r"^\d+\.\d+$")
SFS_PATTERN = re.compile(r"^\d{4}:\d+$")
DATE_PATTERN = re.compile(r"^\d{4}-\d{2}-\d{2}$")
ABBR_PATTERN = re.compile(r"^(?=(?:.*[A-ZÅÄÖ]){2})[A-Za-zÅÄÖåäö0-9]{2,8}$")
# A law's section as the handbook writes it: '19 kap. 1 §', '19 kap. 1 a §', '12 §', '19 kap.' or 'artikel 3'.
SECTION_NUMBER = r"\d+(?: [a-z])?"
SECTION_REF_PATTERN = re.compile(
    rf"^(?:{SECTION_NUMBER} kap\.(?: {SECTION_NUMBER} §)?|{SECTION_NUMBER} §|artikel \d+)$"
)
SECTION_REF_FORMS = "'19 kap. 1 §', '19 kap. 1 a §', '12 §', '19 kap.' (a whole chapter) or 'artikel 3'"


class Invalid(ValueError):
    def __init__(self, message: str, fix: str, path: tuple = ()):
        super().__init__(message)
        self.message, self.fix, self.path = message, fix, path


@dataclass(frozen=True)
class Context:
    """What a field parser needs to place a value: the key path and the page's line map."""

    path: tuple
    lines: dict

    def line(self, *more) -> int:
        return line_of(self.lines, self.path + more)

    def child(self, *more) -> Context:
        return Context(self.path + more, self.lines)


def text(value, ctx):
    """One line of plain text: field values land in titles, tooltips, search results and HTML attributes."""
    if not isinstance(value, str) or not value.strip():
        raise Invalid("must be a non-empty text", "write the text after the colon")
    value = value.strip()
    if "\n" in value:
        raise Invalid("must be one line", "write the text on one line after the colon (no '|' or '>' block)")
    if "<" in value or ">" in value:
        raise Invalid("must not contain < or >", "write plain text without HTML")
    hidden = next((char for char in value if unicodedata.category(char) in ("Cf", "Cc")), None)
    if hidden:  # an invisible character would make two equal-looking titles or keywords differ
        raise Invalid(
            f"contains an invisible character (U+{ord(hidden):04X})",
            "retype the text without it (it often comes with copy and paste)",
        )
    return value


def abbreviation(value, ctx):
    value = text(value, ctx)
    if not ABBR_PATTERN.match(value):
        raise Invalid(
            f"'{value}' is not an abbreviation",
            "an abbreviation is 2-8 letters with at least two capitals, e.g. LVU or SoL: it becomes a tooltip wherever it appears",
        )
    return value


def text_list(value, ctx):
    if not isinstance(value, list):
        raise Invalid("must be a list", "write one '- text' line per entry")
    return tuple(text(item, ctx.child(i)) for i, item in enumerate(value))


def boolean(value, ctx):
    if not isinstance(value, bool):
        raise Invalid("must be true or false", "write 'true' or 'false'")
    return value


def parse_whole_number(value, digits: int = 6) -> int | None:
    """A whole number written in at most ``digits`` digits 0-9, or None: '²' and '٣' pass isdigit() but are
    not such digits, and 5 000 digits are no order or version (int() refuses them)."""
    if isinstance(value, str) and 0 < len(value) <= digits and value.isascii() and value.isdigit():
        return int(value)
    return None


def parse_date(value) -> dt.date | None:
    """A real calendar date written YYYY-MM-DD, or None: '2026-02-30' has the shape but is no date."""
    if isinstance(value, str) and value.isascii() and DATE_PATTERN.match(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


BUILD_ZONE = ZoneInfo("Europe/Stockholm")  # the county's calendar: an author's "today" is Stockholm's day


def build_day() -> dt.date:
    """The day of the build, by the county's calendar (a page reviewed at 00:30 in Stockholm is reviewed that
    day, though UTC still says yesterday)."""
    return dt.datetime.now(BUILD_ZONE).date()


def future_date_fault(value, today: dt.date | None = None) -> tuple[str, str] | None:
    """(what, fix) when ``value`` is a real date after the day of the build, else None; the caller puts the
    field's name before what: f"read {what}" -> "read 2062-12-03 lies after the day of the build (2026-12-07)".

    The one rule for every date that records something done: a review (reviewed:), a reading (read:), a check
    or a confirmation. Such a date in the future is a slip (2062 for 2026) that would hide the work's age:
    the page's review never falls due, the numbers look freshly checked. Whether ``value`` is a date at all is
    the caller's concern (``parse_date``); a value that is none gives None here."""
    parsed = value if isinstance(value, dt.date) else parse_date(value)
    today = today or build_day()
    if parsed is None or parsed <= today:
        return None
    return (
        f"{parsed.isoformat()} lies after the day of the build ({today.isoformat()})",
        f"write the day it was actually done as YYYY-MM-DD, today ({today.isoformat()}) at the latest",
    )


def past_date(value, ctx):
    """A real date, not after the day of the build: when something was done (reviewed, a history entry)."""
    parsed = date(value, ctx)
    fault = future_date_fault(parsed)
    if fault:
        raise Invalid(*fault)
    return parsed


def whole_number(value, ctx):
    number = parse_whole_number(value)
    if number is None:
        raise Invalid(f"'{str(value)[:20]}' is not a whole number", "write a number such as 3")
    return number


def identifier(value, ctx):
    if not isinstance(value, str) or not ID_PATTERN.match(value):
        raise Invalid(
            f"'{value}' is not a valid id", "use lower-case letters a-z, digits and hyphens, e.g. 'god-man'"
        )
    return value


def version(value, ctx):
    if not isinstance(value, str) or not VERSION_PATTERN.match(value):
        raise Invalid(f"'{value}' is not a version", "write MAJOR.MINOR, e.g. version: 1.2")
    return value


def date(value, ctx):
    parsed = parse_date(value)
    if parsed is None:
        raise Invalid(
            f"'{str(value)[:20]}' is not a valid date", "write a real date as YYYY-MM-DD, e.g. 2026-11-27"
        )
    return parsed


def ref(value, ctx):
    return Ref(identifier(value, ctx), ctx.line())


def ref_list(value, ctx):
    if not isinstance(value, list):
        raise Invalid("must be a list of ids", "write one '- id' line per entry")
    return tuple(ref(item, ctx.child(i)) for i, item in enumerate(value))


def one_of(choices):
    def parse(value, ctx):
        if value not in choices:
            raise Invalid(f"'{value}' is not allowed", "use one of: " + ", ".join(choices))
        return value

    parse.choices = choices
    return parse


def url(value, ctx):
    value = text(value, ctx)
    if not value.startswith("https://"):
        raise Invalid(
            f"'{value}' is not an https address", "give the official address starting with https://"
        )
    return value


def sfs(value, ctx):
    if not isinstance(value, str) or not SFS_PATTERN.match(value):
        raise Invalid(f"'{value}' is not an SFS number", "write year:number, e.g. sfs: 2025:400")
    return value


def _records(parse_one, example):
    def parse(value, ctx):
        if not isinstance(value, list):
            raise Invalid("must be a list", f"write one '- {example}' entry per line")
        parsed = []
        for index, entry in enumerate(value):
            entry_ctx = ctx.child(index)
            if not isinstance(entry, dict):
                raise Invalid(
                    "each entry must have named fields", f"write entries like '- {example}'", (index,)
                )
            parsed.append(parse_one(entry, entry_ctx, index))
        return tuple(parsed)

    return parse


def _field(entry, name, parse, ctx, index, required=True):
    if name not in entry:
        if required:
            raise Invalid(f"entry has no '{name}'", f"add '{name}:' to the entry", (index,))
        return None
    try:
        return parse(entry[name], ctx.child(name))
    except Invalid as error:
        raise Invalid(f"'{name}' {error.message}", error.fix, (index, name)) from None


def _unknown(entry, allowed, index):
    extra = sorted(set(entry) - set(allowed))
    if extra:
        raise Invalid(
            f"entry has unknown field '{extra[0]}'", "allowed here: " + ", ".join(allowed), (index,)
        )


def _role(entry, ctx, index):
    _unknown(entry, ("actor", "role"), index)
    return RoleRef(_field(entry, "actor", ref, ctx, index), _field(entry, "role", one_of(ROLES), ctx, index))


def _citation(entry, ctx, index):
    _unknown(entry, ("law", "ref", "unconfirmed"), index)
    return Citation(
        _field(entry, "law", ref, ctx, index),
        _field(entry, "ref", text, ctx, index, required=False),
        bool(_field(entry, "unconfirmed", boolean, ctx, index, required=False)),
    )


def section_ref(value, ctx):
    normalised = " ".join(value.split()) if isinstance(value, str) else value
    if not isinstance(normalised, str) or not SECTION_REF_PATTERN.match(normalised):
        raise Invalid(
            f"'{value}' is not a section",
            f"write it as {SECTION_REF_FORMS}, with spaces and the full stop after 'kap'",
        )
    return normalised


def _section(entry, ctx, index):
    _unknown(entry, ("ref", "summary", "status"), index)
    return Section(
        _field(entry, "ref", section_ref, ctx, index),
        _field(entry, "summary", text, ctx, index),
        _field(entry, "status", one_of(SECTION_STATUSES), ctx, index),
        ctx.line(),
    )


def sections(value, ctx):
    parsed = _records(_section, "ref: 19 kap. 1 §, summary: ..., status: confirmed")(value, ctx)
    seen = set()
    for index, section in enumerate(parsed):
        if section.ref in seen:
            raise Invalid(f"lists '{section.ref}' twice", "keep one entry per section", (index, "ref"))
        seen.add(section.ref)
    return parsed


def _history(entry, ctx, index):
    _unknown(entry, ("version", "date", "change"), index)
    return HistoryEntry(
        _field(entry, "version", version, ctx, index),
        _field(entry, "date", past_date, ctx, index),
        _field(entry, "change", text, ctx, index),
    )


roles = _records(_role, "actor: polisen, role: responsible")
citations = _records(_citation, "law: sol, ref: 20 kap. 1 §")
history = _records(_history, "version: 1.1, date: 2026-11-27, change: what changed")


FRONT_MATTER = "front matter"  # the key of a model field's declaration in its metadata


@dataclass(frozen=True)
class Field:
    """A front-matter field: how its value is read, whether a page must give it, and what to write."""

    parse: object
    required: bool
    doc: str


def declared(parse, doc: str, required: bool = False, **default):
    """A model field that front matter gives: its kind of value, its help text and whether it is required,
    declared once on the model (content/model.py); the loader and the authors' table read it from there."""
    return dataclasses.field(metadata={FRONT_MATTER: Field(parse, required, doc)}, **default)
