"""Opening hours (content/hours.py): the week a value gives, its text in both languages, and every value it
refuses; its reading is the reference parser's (opening-hours-py) for every value it accepts."""

from __future__ import annotations

import datetime as dt

import opening_hours
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from samverkan.content.hours import DAY, WEEK, HoursError, parse_hours, when_closed

NORDVAST = "Mo-Th 17:00-02:00, Fr 15:00-02:00, Sa,Su 16:00-02:00"
MONDAY = dt.datetime(2026, 12, 7)  # a Monday


def at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return MONDAY + dt.timedelta(days=day, hours=hour, minutes=minute)


def test_hours_past_midnight_belong_to_the_day_they_start_on():
    hours = parse_hours(NORDVAST)
    assert hours.week[1] == (17 * 60, DAY + 2 * 60)  # Monday 17:00 to Tuesday 02:00
    assert hours.open_at(at(1, 1, 59)) and not hours.open_at(at(1, 2, 0))
    assert hours.open_at(at(4, 1, 0))  # Thursday's night runs into Friday
    assert not hours.open_at(at(3, 2, 10))  # 02:10 on a Thursday: closed


def test_sunday_night_goes_on_in_monday_and_the_week_stays_sorted():
    hours = parse_hours("Su 22:00-02:00")
    assert hours.week == ((0, 120), (6 * DAY + 22 * 60, WEEK))
    assert hours.open_at(at(0, 1)) and hours.open_at(at(6, 23)) and not hours.open_at(at(0, 3))
    assert hours.text("sv") == "sön 22–02" and hours.text("en") == "Sun 22:00–02:00"


def test_an_end_past_24_is_the_next_day():
    assert (
        parse_hours("Sa 10:00-26:00").week
        == parse_hours("Sa 10:00-02:00").week
        == ((5 * DAY + 600, 6 * DAY + 120),)
    )


def test_always_open():
    for value in ("24/7", "Mo-Su 00:00-24:00"):
        hours = parse_hours(value)
        assert hours.week == ((0, WEEK),)
        assert (hours.text("sv"), hours.text("en")) == ("dygnet runt", "24 hours a day")
        assert hours.open_at(at(6, 23, 59))


def test_the_text_in_both_languages_comes_from_the_one_model():
    hours = parse_hours(NORDVAST)
    assert hours.text("sv") == "mån–tors 17–02, fre 15–02, lör–sön 16–02"
    assert hours.text("en") == "Mon–Thu 17:00–02:00, Fri 15:00–02:00, Sat–Sun 16:00–02:00"
    split = parse_hours("Mo-Fr 08:00-12:00, 13:00-16:30; Sa 10:00-12:00")
    assert split.text("sv") == "mån–fre 08–12 och 13–16.30, lör 10–12"
    assert split.text("en") == "Mon–Fri 08:00–12:00 and 13:00–16:30, Sat 10:00–12:00"
    assert hours.data("en") == {"week": [list(span) for span in hours.week], "text": hours.text("en")}


def test_a_span_longer_than_a_day_is_shown_day_by_day():
    hours = parse_hours("Fr 15:00-24:00, Sa,Su 00:00-24:00, Mo 00:00-02:00")
    assert hours.week == ((0, 120), (4 * DAY + 900, WEEK))
    assert hours.text("sv") == "mån 00–02, fre 15–24, lör–sön 00–24"


def test_when_nobody_answers():
    assert (
        when_closed("sv", "Järfälla kommun")
        == "Svarar ingen, eller är det stängt: ring 112 och be om socialjouren i Järfälla kommun."
    )
    assert "112" in when_closed("en", "City of Stockholm") and "City of Stockholm" in when_closed(
        "en", "City of Stockholm"
    )


@pytest.mark.parametrize(
    ("value", "what"),
    [
        ("", "the opening hours are empty"),
        (" ", "the opening hours are empty"),
        (5, "the opening hours are not one text"),
        ("Mo off", "'Mo off' is never open"),
        (
            "kvällar och helger",
            "'kvällar och helger' is not weekdays (Mo … Su) with times HH:MM-HH:MM or off",
        ),
        ("Mo-Th 17-02", "'Mo-Th 17-02' is not weekdays (Mo … Su) with times HH:MM-HH:MM or off"),
        ("Mo 10:00-12:00; Mo 11:00-13:00", "Mo is named in both 'Mo 10:00-12:00' and 'Mo 11:00-13:00'"),
        ("Mo,Mo 10:00-11:00", "'Mo,Mo 10:00-11:00' names Mo twice"),
        ("Mo 10:00-12:00,11:00-13:00", "the times of 'Mo 10:00-12:00,11:00-13:00' overlap"),
        ("Su 22:00-02:00, Mo 01:00-03:00", "the times of 'Su 22:00-02:00' and 'Mo 01:00-03:00' overlap"),
        ("Mo 10:00-10:00", "'10:00-10:00' is empty"),
        ("Mo 25:00-26:00", "'25:00-26:00' starts after 23:59"),
        ("Mo 10:00-49:00", "'10:00-49:00' ends after 48:00"),
        ("Mo 10:61-11:00", "'10:61' is not a time"),
        (
            "Mo-Th 17:00-02:00; Fr 15:00-02:00",
            "'Mo-Th 17:00-02:00' runs past midnight into Fr, which 'Fr 15:00-02:00' names: after ';' that rule would close those hours",
        ),
        (
            "Mo-Th 17:00-02:00, Fr off",
            "'Mo-Th 17:00-02:00' runs past midnight into Fr, which 'Fr off' closes",
        ),
        ("Mo " + "10:00-11:00," * 30 + "12:00-13:00", "the opening hours are longer than 300 characters"),
    ],
)
def test_what_is_not_hours_is_refused_with_what_is_wrong(value, what):
    with pytest.raises(HoursError) as refused:
        parse_hours(value)
    assert refused.value.what == what and refused.value.fix


def _reference_week(value: str) -> tuple:
    """The week by opening-hours-py: the open intervals of a week, from Monday 00:00, starting two days before."""
    spans = []
    for start, end, state, _ in opening_hours.OpeningHours(value).intervals(
        MONDAY - dt.timedelta(days=2), MONDAY + dt.timedelta(days=7)
    ):
        start, end = max(start, MONDAY), min(end, MONDAY + dt.timedelta(days=7))
        if state == opening_hours.State.OPEN and start < end:
            spans.append(
                (int((start - MONDAY).total_seconds()) // 60, int((end - MONDAY).total_seconds()) // 60)
            )
    return tuple(spans)


def test_the_reference_parser_reads_the_examples_the_same():
    for value in (
        NORDVAST,
        "Mo-Th 16:00-01:00, Fr 14:00-02:00, Sa 16:00-02:00, Su 16:00-01:00",
        "24/7",
        "Su 22:00-02:00",
        "Mo-Fr 08:00-12:00, 13:00-16:30; Sa 10:00-26:00",
        "Fr-Mo 10:00-11:30",
        "Tu off, We 10:00-12:00",
    ):
        assert parse_hours(value).week == _reference_week(value), value


_time = st.tuples(st.integers(0, 23), st.sampled_from([0, 30])).map(lambda t: f"{t[0]:02d}:{t[1]:02d}")
_end = st.tuples(st.integers(0, 30), st.sampled_from([0, 30])).map(lambda t: f"{t[0]:02d}:{t[1]:02d}")
_times = st.one_of(st.just("off"), _time.flatmap(lambda start: _end.map(lambda end: f"{start}-{end}")))


_disjoint_days = st.permutations(["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]).map(
    lambda days: [",".join(days[:2]), ",".join(days[2:4]), days[4]]
)


@settings(max_examples=300)
@given(_disjoint_days, st.lists(_times, min_size=3, max_size=3), st.sampled_from([", ", "; "]))
def test_every_value_accepted_is_read_as_the_reference_parser_reads_it(days, times, separator):
    value = separator.join(f"{each} {hours}" for each, hours in zip(days, times, strict=True))
    try:
        hours = parse_hours(value)
    except HoursError:
        return
    assert hours.week == _reference_week(value)


@given(st.text(alphabet="MoTuWeFrSa0123456789:-,; /offx", max_size=60))
def test_any_text_is_hours_or_one_refusal(value):
    try:
        parse_hours(value)
    except HoursError as refused:
        assert "\n" not in refused.what
