"""The county's municipalities (``municipalities/status.yml``): whether each has adopted the plan, and how
its out-of-hours social services (socialjouren) are reached at night.

Every municipality of the county is listed, adopted or not: the police and the county's organisations meet
children from all of them, and a night worker needs the number of the child's municipality whatever its
board has decided. A night contact is a public function number with where it was read and when:

    - code: "0191"
      name: Sigtuna kommun
      name_en: Sigtuna Municipality      # its English name (City of … for a stad); without it: the Swedish name
      slug: sigtuna                      # the name a reader chooses it by; its file's name when it has one
      adopted: yes
      night:
        service: {sv: Socialjouren för Sigtuna kommun, en: …}
        phone: 010-444 05 00
        hours: Mo-Th 17:00-02:00, Fr 15:00-02:00, Sa,Su 16:00-02:00   # optional, content/hours.py
        hours_from: sollentuna           # or: the hours another entry gives for the same number (a joint service)
        source: https://www.sigtuna.se/…  # the page it was read on
        publisher: 7minds.se             # only when that page is not the municipality's own: whose it is
        source_dated: 2022-12-23         # optional: the date the page itself carries
        read: 2026-12-03                 # the day it was read there
        confirmed: no                    # or, when the municipality has confirmed it to the working group:
        # confirmed: {date: 2026-12-10, by: "Socialjouren Nordväst, enhetschef"}

A confirmation records the day and the function that gave it, never a person: ``by:`` must contain one of
FUNCTION_WORDS and no address or number (content/personal_data.py). A read, source or confirmation date after
today (the build's day) is a problem; a value read more than a year ago is noted (``stale``). What to do when
the service does not answer is one text for all (content/hours.py, when_closed).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlsplit

from samverkan.content.frontmatter import read_yaml_file
from samverkan.content.hours import Hours, HoursError, parse_hours
from samverkan.content.parts import LANGUAGES
from samverkan.content.personal_data import text_faults
from samverkan.content.phone import PUBLIC_KINDS_HINT, declared_fault, national
from samverkan.content.problems import Problem
from samverkan.content.schema import future_date_fault, parse_date

STATUS_FILE = "municipalities/status.yml"
VALUES_FILE = (
    "municipalities/county.yml"  # its county: mapping; the rest is the county edition's wording (overlay.py)
)
COUNTY_FIELD = "county"
# A county value is written into pages as if its author had typed it: plain words only, so it can carry no
# Markdown, HTML or YAML of its own.
PLAIN_WORDS = re.compile(r"[^\W_][\w .,:'’()–-]*")
CODE = re.compile(r"^\d{4}$")
SLUG = re.compile(r"[a-z]+(?:-[a-z]+)*")
WORKING_GROUP_FIELD = (
    "working_group_mailbox"  # in municipalities/county.yml: the working group's shared mailbox, if any
)
# A shared mailbox names a function: one word, or words joined by hyphens, before the @. A dot or an underscore
# there is how a person's address is written (first.last@, first_last@): refused, like every personal address.
MAILBOX_WORD = re.compile(r"[a-z0-9-]+")  # the part before the @, and each label of the domain
TOP_DOMAIN = re.compile(r"[a-z]{2,}")
NIGHT_FIELDS = (
    "service",
    "phone",
    "hours",
    "hours_from",
    "source",
    "publisher",
    "source_dated",
    "read",
    "confirmed",
)
NIGHT_HINT = (
    "write night: with service: {sv: …, en: …}, phone:, source: (the page's address) and read: (YYYY-MM-DD)"
)
STALE_DAYS = 365  # a night value read longer ago than this is noted for a new reading
# A confirmation names the function that gave it: its by: must contain one of these words (any case), so that a
# person's name alone ("Anna Svensson") is refused. The handbook is public and names functions, never people.
FUNCTION_WORDS = (
    "jour",
    "socialtjänst",
    "förvaltning",
    "omsorg",
    "enhet",
    "chef",
    "nämnd",
    "växel",
    "kommun",
    "stad",
)
CONFIRMED_HINT = (
    'write confirmed: no, or confirmed: {date: YYYY-MM-DD, by: "Socialjouren Nordväst, enhetschef"}: '
    f"by: names the function that confirmed it, with one of the words {', '.join(FUNCTION_WORDS)}; never a person's name or address"
)


@dataclass(frozen=True)
class Confirmation:
    """A municipality's answer to the working group: the day it confirmed a value, and which function did."""

    date: str
    by: str


@dataclass(frozen=True)
class Night:
    """How a municipality's socialjour is reached: one language's texts."""

    service: str
    phone: str | None
    hours: Hours | None
    # the municipality whose entry gives these hours for the same number, when not this one
    hours_from: str | None
    source: str
    publisher: str | None  # whose page the source is, when it is not the municipality's own
    source_dated: str | None
    read: str
    confirmed: Confirmation | None  # None until the municipality has confirmed it


@dataclass(frozen=True)
class AdoptionRow:
    code: str  # SCB municipality code, e.g. 0180
    name: str  # official name, e.g. Stockholms stad
    adopted: bool
    date: str | None = None  # YYYY-MM-DD of the board's decision, when known
    note: dict | None = None  # {sv:, en:}
    slug: str = ""
    night_texts: dict | None = None  # the night: block as checked, see night()
    name_en: str | None = None

    def night(self, lang: str) -> Night | None:
        found = self.night_texts
        if not found:
            return None
        hours = parse_hours(found["hours"]) if "hours" in found else None
        hours_from = found["hours_from"][lang] if isinstance(found.get("hours_from"), dict) else None
        confirmed = Confirmation(**found["confirmed"]) if found.get("confirmed") else None
        return Night(
            found["service"][lang],
            found.get("phone"),
            hours,
            hours_from,
            found["source"],
            found.get("publisher"),
            found.get("source_dated"),
            found["read"],
            confirmed,
        )

    def name_in(self, lang: str) -> str:
        return self.name_en if lang == "en" and self.name_en else self.name


def mailbox_fault(value) -> str | None:
    """Why a value is not a shared mailbox's address (a function's, never a person's); None when it is one."""
    if not isinstance(value, str) or "@" not in value:
        return "is not an e-mail address"
    local, _, domain = value.partition("@")
    if "." in local or "_" in local:
        return "looks like a person's address (a dot or _ before the @, as in first.last@)"
    host, _, top = domain.rpartition(".")
    if not (
        MAILBOX_WORD.fullmatch(local)
        and host
        and all(MAILBOX_WORD.fullmatch(label) for label in host.split("."))
        and TOP_DOMAIN.fullmatch(top)
    ):
        return "is not a shared mailbox's address: lower-case letters, digits and hyphens, one @"
    return None


def working_group_mailbox(county_overlay) -> str | None:
    """The working group's shared mailbox from the county's file, when it gives a valid one."""
    value = county_overlay.data.get(WORKING_GROUP_FIELD)
    return value if value is not None and mailbox_fault(value) is None else None


def read_status(root: str | Path) -> tuple[tuple[AdoptionRow, ...], list[Problem]]:
    if not (Path(root) / STATUS_FILE).exists():
        return (), []
    data, lines, _, problems = read_yaml_file(root, STATUS_FILE)
    if data is None:
        return (), problems
    entries = data.get("municipalities")
    if not isinstance(entries, list):
        return (), [
            Problem(
                STATUS_FILE,
                lines.get(("municipalities",), 1),
                "the file needs 'municipalities:' with one entry per municipality",
                "write e.g. '- {code: \"0180\", name: Stockholms stad, adopted: yes}' under it",
            )
        ]
    rows, shared_at = [], {}
    for index, entry in enumerate(entries):
        line = lines.get(("municipalities", index), 1)
        row = _status_row(entry)
        if row is None:
            problems.append(
                Problem(
                    STATUS_FILE,
                    line,
                    "entry needs code (4 digits), name, and adopted: yes, no or a date",
                    "write e.g. '- {code: \"0180\", name: Stockholms stad, adopted: yes}'",
                )
            )
            continue
        fault = _night_fault(entry.get("night")) if "night" in entry else None
        if fault:
            field, message, fix = fault
            at = lines.get(
                ("municipalities", index, "night", field), lines.get(("municipalities", index, "night"), line)
            )
            problems.append(Problem(STATUS_FILE, at, f"{row.name}: the night contact {message}", fix))
        elif "night" in entry:
            row = replace(row, night_texts={"confirmed": False, **entry["night"]})
            shared_at[row.code] = lines.get(("municipalities", index, "night", "hours_from"), line)
        rows.append(row)
    return tuple(sorted(_shared_hours(rows, shared_at, problems), key=lambda row: row.code)), problems


def _shared_hours(rows: list[AdoptionRow], lines: dict, problems: list[Problem]) -> list[AdoptionRow]:
    """Each row whose night contact takes its hours from another entry (hours_from: its slug) with them: a joint
    service gives its hours on one municipality's page only. The other entry must give hours for the same number."""
    by_slug = {row.slug: row for row in rows}
    found = []
    for row in rows:
        night = row.night_texts or {}
        wanted = night.get("hours_from")
        other = by_slug.get(wanted) if isinstance(wanted, str) else None
        given = other.night_texts if other is not None and other is not row else None
        if wanted is None:
            found.append(row)
        elif (
            given
            and given.get("hours")
            and not given.get("hours_from")
            and "hours" not in night
            and night.get("phone")
            and national(str(given.get("phone"))) == national(str(night["phone"]))
        ):
            found.append(
                replace(
                    row,
                    night_texts={
                        **night,
                        "hours": given["hours"],
                        "hours_from": {lang: other.name_in(lang) for lang in LANGUAGES},
                    },
                )
            )
        else:
            problems.append(
                Problem(
                    STATUS_FILE,
                    lines.get(row.code, 1),
                    f"{row.name}: the night contact hours_from '{str(wanted)[:30]}' names no other entry that gives hours: for the same phone",
                    "write the slug of the entry whose hours: are this same number's, e.g. hours_from: sollentuna, and no hours: of its own; or leave it out",
                )
            )
            found.append(replace(row, night_texts=None))
    return found


def read_values(root: str | Path) -> tuple[dict[str, dict[str, str]], list[Problem]]:
    """The county's own values, per language, from the county: mapping of municipalities/county.yml: its
    name, and what else the pages name it by. A page writes [[county:name]] where it names the county.

        county:
          name: {sv: Stockholms län, en: Stockholm County}
    """
    values = {lang: {} for lang in LANGUAGES}
    if not (Path(root) / VALUES_FILE).exists():
        return values, []
    data, lines, _, problems = read_yaml_file(root, VALUES_FILE)
    found = (data or {}).get(COUNTY_FIELD)
    if data is None or found is None:
        return values, problems
    if not isinstance(found, dict):
        return values, [
            Problem(
                VALUES_FILE,
                lines.get((COUNTY_FIELD,), 1),
                "'county' must be a set of named values",
                "write county: and under it e.g. name: {sv: Stockholms län, en: Stockholm County}",
            )
        ]
    for key, value in found.items():
        texts = _text_per_language(value) or (
            {lang: value for lang in LANGUAGES} if isinstance(value, str) else None
        )
        if (
            not SLUG.fullmatch(str(key))
            or texts is None
            or not all(PLAIN_WORDS.fullmatch(text.strip()) for text in texts.values())
        ):
            problems.append(
                Problem(
                    VALUES_FILE,
                    lines.get((COUNTY_FIELD, key), 1),
                    f"the county value '{str(key)[:30]}' is not a lower-case name with plain words in sv and en",
                    "write e.g. name: {sv: Stockholms län, en: Stockholm County}: letters, digits, spaces and . , : ' ( ) – - only",
                )
            )
            continue
        for lang in LANGUAGES:
            values[lang][key] = texts[lang].strip()
    return values, problems


def _status_row(entry) -> AdoptionRow | None:
    if (
        not isinstance(entry, dict)
        or not CODE.match(str(entry.get("code", "")))
        or not isinstance(entry.get("name"), str)
    ):
        return None
    slug = (
        entry.get("slug")
        if isinstance(entry.get("slug"), str) and SLUG.fullmatch(entry["slug"])
        else plain_slug(entry["name"])
    )
    adopted, note = entry.get("adopted"), _text_per_language(entry.get("note"))
    name_en = (
        entry.get("name_en")
        if isinstance(entry.get("name_en"), str) and PLAIN_WORDS.fullmatch(entry["name_en"])
        else None
    )
    if parse_date(adopted):
        return AdoptionRow(entry["code"], entry["name"], True, adopted, note, slug, name_en=name_en)
    if isinstance(adopted, bool):
        return AdoptionRow(entry["code"], entry["name"], adopted, None, note, slug, name_en=name_en)
    return None


def plain_slug(name: str) -> str:
    """'Upplands Väsby kommun' -> 'upplands-vasby': the name a municipality's file would have."""
    plain = re.sub(r" (kommun|stad)$", "", name).lower().translate(str.maketrans("åäöéü", "aaoeu"))
    return "-".join(part for part in re.split(r"[^a-z]+", plain) if part)


def _night_fault(night) -> tuple[str, str, str] | None:
    """What is wrong with a night: block, as (the field it is at, what, how to fix), or None."""
    if not isinstance(night, dict):
        return "", "is not a set of fields", NIGHT_HINT
    unknown = sorted(set(map(str, night)) - set(NIGHT_FIELDS))
    if unknown:
        return (
            unknown[0],
            f"has an unknown field '{unknown[0]}' (allowed: {', '.join(NIGHT_FIELDS)})",
            NIGHT_HINT,
        )
    if _text_per_language(night.get("service")) is None:
        return "service", "'service' must give sv: and en: texts", NIGHT_HINT
    phone = night.get("phone")
    if phone is not None and (fault := declared_fault(phone)):
        return "phone", f"phone '{str(phone)[:30]}' {fault}: {PUBLIC_KINDS_HINT}", NIGHT_HINT
    if "hours" in night:
        try:
            parse_hours(night["hours"])
        except HoursError as refused:
            return "hours", f"hours: {refused.what}", refused.fix
    source = night.get("source")
    parts = urlsplit(source) if isinstance(source, str) and not re.search(r"[\s<>\"'\\]", source) else None
    if not parts or parts.scheme not in ("https", "http") or not parts.hostname:
        return "source", "needs source: the address of the page it was read on", NIGHT_HINT
    if "publisher" in night and not (
        isinstance(night["publisher"], str) and PLAIN_WORDS.fullmatch(night["publisher"])
    ):
        return (
            "publisher",
            "publisher must name whose page the source is, in plain words",
            "write e.g. publisher: 7minds.se, or leave it out when the page is the municipality's own",
        )
    if not parse_date(night.get("read")):
        return "read", "needs read: the day it was read, as YYYY-MM-DD", NIGHT_HINT
    if "source_dated" in night and not parse_date(night["source_dated"]):
        return "source_dated", "source_dated must be a real date, as YYYY-MM-DD", NIGHT_HINT
    for field in ("read", "source_dated"):
        if fault := future_date_fault(night.get(field)):
            return field, f"{field} {fault[0]}", fault[1]
    if fault := confirmation_fault(night.get("confirmed", False)):
        return "confirmed", *fault
    return None


def confirmation_fault(value) -> tuple[str, str] | None:
    """(what, how to fix) when a confirmed: value is not no or {date:, by:} naming a function, else None."""
    if value is False:
        return None
    if (
        not isinstance(value, dict)
        or set(map(str, value)) != {"date", "by"}
        or not isinstance(value["by"], str)
        or not value["by"].strip()
    ):
        return "confirmed must be no, or the date and the function that confirmed it", CONFIRMED_HINT
    if not parse_date(value["date"]):
        return "confirmed date must be a real date, as YYYY-MM-DD", CONFIRMED_HINT
    if fault := future_date_fault(value["date"]):
        return f"confirmed date {fault[0]}", fault[1]
    by = value["by"]
    if faults := text_faults(by, frozenset()):
        return f"confirmed by: {faults[0]}", CONFIRMED_HINT
    if not PLAIN_WORDS.fullmatch(by.strip()) or not any(word in by.lower() for word in FUNCTION_WORDS):
        return "confirmed by: names no function (a person's name is never recorded)", CONFIRMED_HINT
    return None


def stale(rows, today: dt.date) -> list[tuple[AdoptionRow, int]]:
    """The night values read more than STALE_DAYS ago, with how many days ago."""
    found = []
    for row in rows:
        read = parse_date(row.night_texts["read"]) if row.night_texts else None
        if read and (today - read).days > STALE_DAYS and row.night_texts.get("confirmed") is False:
            found.append((row, (today - read).days))
    return found


def _text_per_language(value) -> dict | None:
    ok = (
        isinstance(value, dict)
        and set(value) <= set(LANGUAGES)
        and all(isinstance(value.get(lang), str) and value[lang].strip() for lang in LANGUAGES)
    )
    return value if ok else None


def night_numbers(rows) -> tuple[str, ...]:
    """The socialjour numbers the county list declares public."""
    return tuple(row.night_texts["phone"] for row in rows if row.night_texts and row.night_texts.get("phone"))
