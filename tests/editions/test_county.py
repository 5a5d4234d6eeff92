"""The county list (municipalities/status.yml): every municipality of the county with how its socialjour is
reached at night, each value with its source and the day it was read; a bad night contact is one line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from municipal import GOOD_NIGHT, night_status
from samverkan.editions import county
from samverkan.editions.handbook import load_site

ROOT = Path(__file__).resolve().parents[2]


def test_the_real_list_has_every_municipality_with_a_slug_and_checked_night_contacts():
    rows, problems = county.read_status(ROOT)
    assert problems == []
    assert len(rows) == len({row.slug for row in rows}) == 26
    assert {row.slug for row in rows} >= {"stockholm", "sigtuna", "upplands-vasby", "osteraker", "sodertalje"}
    nights = [row.night("sv") for row in rows if row.night_texts]
    assert len([night for night in nights if night.phone]) >= 7
    assert all(
        night.source.startswith(("https://", "http://")) and night.read and not night.confirmed
        for night in nights
    )
    by_slug = {row.slug: row for row in rows}
    # its own number, from a page that is not the city's: said so
    stockholm = by_slug["stockholm"].night("sv")
    assert (stockholm.phone, stockholm.publisher) == ("08-508 40 000", "equalsthlm.se")
    sydost = {by_slug[slug].night("sv").phone for slug in ("nacka", "tyreso", "varmdo")}
    assert len(sydost) == 1  # one joint service: its number for all three or for none
    assert (
        by_slug["jarfalla"].night("sv").hours_from == "Sollentuna kommun"
        and by_slug["jarfalla"].night("sv").hours == by_slug["sollentuna"].night("sv").hours
    )
    assert (
        by_slug["sodertalje"].night("en").hours.text("en")
        == "Mon–Thu 16:00–01:00, Fri 14:00–02:00, Sat 16:00–02:00, Sun 16:00–01:00"
    )
    assert {row.name for row in rows if row.name.endswith(" stad")} == {
        "Stockholms stad",
        "Sundbybergs stad",
        "Solna stad",
        "Lidingö stad",
        "Vaxholms stad",
    }
    assert (
        all(row.name_en for row in rows)
        and by_slug["botkyrka"].name_in("en") == "Botkyrka Municipality"
        and by_slug["solna"].name_in("en") == "City of Solna"
    )


def test_a_joint_service_s_hours_given_by_one_entry_stand_with_each_that_names_it(tmp_path):
    shared = (
        GOOD_NIGHT
        + """
      hours_from: sollentuna
  - code: "0163"
    name: Sollentuna kommun
    name_en: Sollentuna Municipality
    adopted: no
    night:
"""
        + GOOD_NIGHT.replace("https://www.sigtuna.se/socialjouren.html", "https://7minds.se/x")
        + "\n      hours: Mo-Th 17:00-02:00, Fr 15:00-02:00, Sa,Su 16:00-02:00\n      publisher: 7minds.se"
    )
    rows, problems = night_status(tmp_path, shared)
    assert problems == []
    sigtuna = next(row for row in rows if row.code == "0191").night("en")
    assert (sigtuna.hours_from, sigtuna.hours.text("en"), sigtuna.source) == (
        "Sollentuna Municipality",
        "Mon–Thu 17:00–02:00, Fri 15:00–02:00, Sat–Sun 16:00–02:00",
        "https://www.sigtuna.se/socialjouren.html",
    )
    other_number, problems = night_status(
        tmp_path / "other", shared.replace("010-444 05 00", "08-123 499 00", 1)
    )
    assert [problem.line for problem in problems] == [10] and next(
        row for row in other_number if row.code == "0191"
    ).night_texts is None


def test_a_night_value_read_more_than_a_year_ago_is_stale(tmp_path):
    rows, _ = night_status(tmp_path, GOOD_NIGHT)
    assert county.stale(rows, dt.date(2027, 12, 3)) == [] and county.stale(rows, dt.date(2027, 12, 4)) == [
        (rows[0], 366)
    ]
    confirmed, _ = night_status(
        tmp_path / "confirmed", GOOD_NIGHT + "\n      confirmed: {date: 2026-12-04, by: Socialjouren}"
    )
    # confirmed by the municipality: not a reading to renew
    assert county.stale(confirmed, dt.date(2030, 1, 1)) == []


def test_night_numbers_are_declared_public_and_known_as_night_numbers():
    handbook = load_site(ROOT / "mkdocs.yml")
    assert "0841020040" in handbook.night_numbers  # Socialjour Nordost, from the county list only
    # Sigtuna's socialjour, from its file
    assert "0104440500" in handbook.night_numbers and "0104440500" in handbook.public_numbers
    # Sigtuna's switchboard: daytime
    assert "0859126000" in handbook.public_numbers and "0859126000" not in handbook.night_numbers
    assert "112" in handbook.public_numbers and "112" not in handbook.night_numbers


def test_a_confirmation_records_the_day_and_the_function_that_gave_it(tmp_path):
    rows, problems = night_status(
        tmp_path,
        GOOD_NIGHT + '\n      confirmed: {date: 2026-12-04, by: "Socialjouren Nordväst, enhetschef"}',
    )
    assert problems == [] and rows[0].night("sv").confirmed == county.Confirmation(
        "2026-12-04", "Socialjouren Nordväst, enhetschef"
    )


def test_a_good_night_contact_is_read_in_both_languages(tmp_path):
    rows, problems = night_status(tmp_path, GOOD_NIGHT)
    assert problems == []
    night = rows[0].night("en")
    assert (night.service, night.phone, night.read, night.confirmed) == (
        "the out-of-hours social services",
        "010-444 05 00",
        "2026-12-03",
        None,
    )


@pytest.mark.parametrize(
    "night, says",
    [
        (GOOD_NIGHT.replace("010-444 05 00", "ring oss"), "phone 'ring oss' is not a phone number"),
        (
            GOOD_NIGHT.replace("010-444 05 00", "0900-123 456"),
            "phone '0900-123 456' is a premium-rate number",
        ),
        (GOOD_NIGHT.replace("010-444 05 00", "0944-123 45"), "phone '0944-123 45' is a premium-rate number"),
        (GOOD_NIGHT.replace("010-444 05 00", "070-123 45 67"), "phone '070-123 45 67' is a mobile number"),
        (
            GOOD_NIGHT.replace("010-444 05 00", "０１０-４４４ ０５ ００"),
            "is written in digits other than 0-9",
        ),
        (GOOD_NIGHT.replace("010-444 05 00", '"99999"'), "phone '99999' is no number in use"),
        (
            GOOD_NIGHT.replace("https://www.sigtuna.se/socialjouren.html", "javascript:alert(1)"),
            "needs source",
        ),
        (
            GOOD_NIGHT.replace("https://www.sigtuna.se/socialjouren.html", '"https://x.se/a b"'),
            "needs source",
        ),
        (GOOD_NIGHT.replace("2026-12-03", "2026-02-30"), "needs read"),
        (
            GOOD_NIGHT.replace("{sv: Socialjouren, en: the out-of-hours social services}", "Socialjouren"),
            "'service' must give sv: and en: texts",
        ),
        (
            GOOD_NIGHT + "\n      confirmed: kanske",
            "confirmed must be no, or the date and the function that confirmed it",
        ),
        # by whom?
        (
            GOOD_NIGHT + "\n      confirmed: 2026-12-04",
            "confirmed must be no, or the date and the function that confirmed it",
        ),
        (
            GOOD_NIGHT + "\n      confirmed: {date: 2026-12-04, by: Socialjouren, name: Anna}",
            "confirmed must be no, or the date",
        ),
        (
            GOOD_NIGHT + "\n      confirmed: {date: 2026-02-30, by: Socialjouren}",
            "confirmed date must be a real date",
        ),
        (
            GOOD_NIGHT + "\n      confirmed: {date: 2026-12-04, by: Anna Svensson}",
            "confirmed by: names no function",
        ),
        (
            GOOD_NIGHT + "\n      confirmed: {date: 2026-12-04, by: 'Socialjouren, 070-123 45 67'}",
            "confirmed by: phone number '070-123 45 67' is not a declared public switchboard",
        ),
        (
            GOOD_NIGHT + "\n      confirmed: {date: 2026-12-04, by: 'Socialjouren <b>chef</b>'}",
            "confirmed by: names no function",
        ),
        (GOOD_NIGHT + "\n      publisher: <b>x</b>", "publisher must name whose page the source is"),
        (
            GOOD_NIGHT + "\n      hours: {sv: kvällar, en: evenings}",
            "hours: the opening hours are not one text",
        ),
        (GOOD_NIGHT + "\n      hours: Mo-Th 17:00-02:00; Fr 15:00-02:00", "runs past midnight into Fr"),
        (
            GOOD_NIGHT + "\n      hours_from: sigtuna",
            "hours_from 'sigtuna' names no other entry that gives hours: for the same phone",
        ),
        (GOOD_NIGHT + "\n      number: 08-123 456 00", "unknown field 'number'"),
        ("      [1, 2]", "is not a set of fields"),
    ],
)
def test_a_bad_night_contact_is_one_line_at_its_line_and_the_row_stays(tmp_path, night, says):
    rows, problems = night_status(tmp_path, night)
    # the municipality stays in the list, without the bad value
    assert len(rows) == 1 and rows[0].night_texts is None
    assert len(problems) == 1 and says in problems[0].message, problems
    assert problems[0].path == county.STATUS_FILE and problems[0].line >= 5 and "\n" not in str(problems[0])
