"""The county list (municipalities/status.yml): every municipality of the county with how its socialjour is
reached at night, each value with its source and the day it was read; a bad night contact is one line."""

from __future__ import annotations

from pathlib import Path

import pytest
from samverkan.editions import county
from samverkan.editions.handbook import load_site

ROOT = Path(__file__).resolve().parents[2]

NIGHT = """\
municipalities:
  - code: "0191"
    name: Sigtuna kommun
    adopted: yes
    night:
{night}
"""
GOOD = """\
      service: {sv: Socialjouren, en: the out-of-hours social services}
      phone: 010-444 05 00
      source: https://www.sigtuna.se/socialjouren.html
      read: 2026-12-03"""


def status(tmp_path: Path, night: str):
    (tmp_path / "municipalities").mkdir()
    (tmp_path / "municipalities" / "status.yml").write_text(NIGHT.format(night=night), encoding="utf-8")
    return county.read_status(tmp_path)


def test_the_real_list_has_every_municipality_with_a_slug_and_checked_night_contacts():
    rows, problems = county.read_status(ROOT)
    assert problems == []
    assert len(rows) == len({row.slug for row in rows}) == 26
    assert {row.slug for row in rows} >= {"stockholm", "sigtuna", "upplands-vasby", "osteraker", "sodertalje"}
    nights = [row.night("sv") for row in rows if row.night_texts]
    assert len([night for night in nights if night.phone]) >= 7
    assert all(night.source.startswith(("https://", "http://")) and night.read and not night.confirmed for night in nights)
    by_slug = {row.slug: row for row in rows}
    assert by_slug["stockholm"].night("sv") is None  # its own number was not found: no switchboard in its place


def test_night_numbers_are_declared_public_and_known_as_night_numbers():
    handbook = load_site(ROOT / "mkdocs.yml")
    assert "0841020040" in handbook.night_numbers  # Socialjour Nordost, from the county list only
    assert "0104440500" in handbook.night_numbers and "0104440500" in handbook.public_numbers  # Sigtuna's socialjour, from its file
    assert "0859126000" in handbook.public_numbers and "0859126000" not in handbook.night_numbers  # Sigtuna's switchboard: daytime
    assert "112" in handbook.public_numbers and "112" not in handbook.night_numbers


def test_a_good_night_contact_is_read_in_both_languages(tmp_path):
    rows, problems = status(tmp_path, GOOD)
    assert problems == []
    night = rows[0].night("en")
    assert (night.service, night.phone, night.read, night.confirmed) == ("the out-of-hours social services", "010-444 05 00", "2026-12-03", False)


@pytest.mark.parametrize("night, says", [
    (GOOD.replace("010-444 05 00", "ring oss"), "phone 'ring oss' is not a phone number"),
    (GOOD.replace("010-444 05 00", "0900-123 456"), "phone '0900-123 456' is a premium-rate number"),
    (GOOD.replace("010-444 05 00", "0944-123 45"), "phone '0944-123 45' is a premium-rate number"),
    (GOOD.replace("010-444 05 00", "070-123 45 67"), "phone '070-123 45 67' is a mobile number"),
    (GOOD.replace("010-444 05 00", "０１０-４４４ ０５ ００"), "is written in digits other than 0-9"),
    (GOOD.replace("010-444 05 00", '"99999"'), "phone '99999' is no number in use"),
    (GOOD.replace("https://www.sigtuna.se/socialjouren.html", "javascript:alert(1)"), "needs source"),
    (GOOD.replace("https://www.sigtuna.se/socialjouren.html", '"https://x.se/a b"'), "needs source"),
    (GOOD.replace("2026-12-03", "2026-02-30"), "needs read"),
    (GOOD.replace("{sv: Socialjouren, en: the out-of-hours social services}", "Socialjouren"), "'service' must give sv: and en: texts"),
    (GOOD + "\n      confirmed: kanske", "confirmed must be yes or no"),
    (GOOD + "\n      number: 08-123 456 00", "unknown field 'number'"),
    ("      [1, 2]", "is not a set of fields"),
])
def test_a_bad_night_contact_is_one_line_at_its_line_and_the_row_stays(tmp_path, night, says):
    rows, problems = status(tmp_path, night)
    assert len(rows) == 1 and rows[0].night_texts is None  # the municipality stays in the list, without the bad value
    assert len(problems) == 1 and says in problems[0].message, problems
    assert problems[0].path == county.STATUS_FILE and problems[0].line >= 5 and "\n" not in str(problems[0])
