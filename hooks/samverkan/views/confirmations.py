"""What the handbook shows for each municipality, for the municipality to confirm: which still have values that are
missing or not confirmed, and one printable sheet per municipality (Swedish) to confirm or correct each value.

    samverkan confirmations [--sheets DIR]

The values are those *Kontakter per kommun* shows: the night contact of municipalities/status.yml (service,
number, hours, what to do when nobody answers, with the page it was read on and the day) and, for a municipality
with a file of its own, its units and numbers (with the day the file was reviewed). The sheet's words are in
overrides/samverkan/confirmation-sheet.html.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import jinja2

from samverkan.content import versions
from samverkan.content.hours import when_closed
from samverkan.editions import overlay as overlays
from samverkan.editions.county import Confirmation
from samverkan.editions.handbook import load_site
from samverkan.views.render import TEMPLATES

LANG = "sv"  # the working group asks the municipalities in Swedish
TEMPLATE = "confirmation-sheet.html"
NIGHT_VALUES = (
    ("service", "Socialjour"),
    ("phone", "Nummer"),
    ("hours", "Tider"),
    ("when_closed", "När ingen svarar"),
)
FILE_FIELDS = {"name": "namn", "phone": "nummer"}


@dataclass(frozen=True)
class Value:
    what: str  # the value's name on the sheet
    shown: str | None  # what the handbook shows; None: nothing (missing)
    source: str  # where it was read
    read: str | None  # the day it was read or reviewed
    asked: bool  # the municipality is asked to confirm it; its own file's values are its own word already
    confirmed: Confirmation | None = None  # the day and the function that confirmed it, once it has


def values(row, own: overlays.Overlay | None, county: overlays.Overlay) -> list[Value]:
    """Every value the handbook shows for the municipality, in the order of the sheet. The values of its own
    file are the municipality's own words: listed to check, not asked about."""
    night = row.night(LANG)
    found = [
        Value(
            label,
            _shown(row, night, field),
            night.source if night else "",
            night.read if night else None,
            True,
            night.confirmed if night else None,
        )
        for field, label in NIGHT_VALUES
    ]
    if own is not None:
        reviewed = own.data.get("reviewed")
        for key in sorted(key for key in own.values if "." in key):
            unit, field = key.split(".", 1)
            what = f"{county.value(f'{unit}.name', LANG) or unit}: {FILE_FIELDS.get(field, field)}"
            found.append(
                Value(
                    what,
                    own.value(key, LANG),
                    f"kommunens egen fil ({own.file})",
                    str(reviewed) if reviewed else None,
                    False,
                )
            )
    return found


def _shown(row, night, field: str) -> str | None:
    """A night value as Kontakter per kommun shows it: the hours in words (and whose entry gives them), and what to
    do when nobody answers after a number."""
    if night is None:
        return None
    if field == "hours":
        return (
            night.hours.text(LANG) + (f" (som för {night.hours_from})" if night.hours_from else "")
            if night.hours
            else None
        )
    if field == "when_closed":
        return when_closed(LANG, row.name) if night.phone else None
    return getattr(night, field)


def open_values(each: list[Value]) -> tuple[list[str], list[str]]:
    """(missing, not confirmed): the names of the values the working group still has to ask about."""
    return [value.what for value in each if not value.shown], [
        value.what for value in each if value.shown and value.asked and not value.confirmed
    ]


def run(config_file: str, sheets: str | None) -> int:
    """The command: one line per municipality with values to confirm; with ``sheets``, one sheet each into it."""
    handbook = load_site(config_file)
    with_files = {path.stem for path in overlays.municipality_files(handbook.root)}
    county = overlays.load(handbook.root, None)
    asked = 0
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, trim_blocks=True, lstrip_blocks=True
    )
    for row in handbook.adoption:
        own = overlays.load(handbook.root, row.slug) if row.slug in with_files else None
        each = values(row, own, county)
        missing, unconfirmed = open_values(each)
        if missing or unconfirmed:
            asked += 1
            print(
                f"{row.name} ({row.code}): "
                + "; ".join(
                    part
                    for part in (
                        f"missing: {', '.join(missing)}" if missing else "",
                        f"not confirmed: {', '.join(unconfirmed)}" if unconfirmed else "",
                    )
                    if part
                )
            )
        if sheets:
            target = Path(sheets) / f"{row.slug}.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(
                environment.get_template(TEMPLATE).render(
                    row=row, values=each, plan=versions.plan(handbook.root), mailbox=handbook.working_group
                ),
                encoding="utf-8",
            )
    print(
        f"{asked} of {len(handbook.adoption)} municipalities have values that are missing or not confirmed"
        + (f"; a sheet for each of the {len(handbook.adoption)} is in {sheets}" if sheets else ""),
        file=sys.stderr,
    )
    return 0
