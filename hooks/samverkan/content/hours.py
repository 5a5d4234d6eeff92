"""Opening hours: when a service answers, as one model from which every language's text and every check derive.

A value is written in OpenStreetMap's ``opening_hours`` syntax, in this subset:

    24/7
    Mo-Th 17:00-02:00, Fr 15:00-02:00, Sa,Su 16:00-02:00
    Mo-Fr 08:00-12:00,13:00-16:30; Sa 10:00-26:00

weekdays (Mo … Su) as ranges and lists, each with times ``HH:MM-HH:MM`` (an end before the start, or past 24:00
up to 48:00, runs past midnight into the next day) or ``off``; rules apart by ``;`` or ``,``. Every day is named
once, times do not overlap, and something is open.

Why not the parser of the ``opening-hours-py`` package (tests/content/test_hours.py reads every value with it
and asserts the same week): it accepts the whole syntax (holidays, months, sunrise, comments), so a week read
from it is not one weekly schedule; it merges overlapping times and lets a later rule override an earlier one
without a word, so it cannot say that a value overlaps; and by OpenStreetMap's rules a day that a later ``;``
rule names loses the hours the day before runs into it ("Mo-Th 17:00-02:00; Fr 15:00-02:00" is closed on
Friday 00:00–02:00; opening_hours.js issues 87 and 261). This subset refuses that case with its fix (``,``
between the rules), so the reading here is always OpenStreetMap's.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

import jinja2

DAY = 24 * 60
WEEK = 7 * DAY  # minutes from Monday 00:00
DAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
ALWAYS = "24/7"
LABELS = Path(__file__).resolve().parents[3] / "overrides" / "samverkan" / "hours.html"
MAX_LENGTH = 300  # longer is no weekly schedule a reader can take in
EXAMPLE = "e.g. Mo-Th 17:00-02:00, Fr 15:00-02:00, Sa,Su 16:00-02:00, or 24/7"

_DAY = "|".join(DAYS)
_TIME_SPAN = r"\d\d:\d\d-\d\d:\d\d"
_RULE = re.compile(
    rf"\A(?:(?P<days>(?:{_DAY})(?:-(?:{_DAY}))?(?:,(?:{_DAY})(?:-(?:{_DAY}))?)*) )?(?P<times>off|{_TIME_SPAN}(?: ?, ?{_TIME_SPAN})*)"
)
# a comma after a time or 'off' and before a day starts the next rule
_RULE_SEPARATOR = re.compile(r" ?(;|(?<=[\df]),(?= ?[A-Z])) ?")


class HoursError(ValueError):
    """A value that is not opening hours of the subset: what is wrong, and how to fix it."""

    def __init__(
        self, what: str, fix: str = f"write the hours in OpenStreetMap's opening_hours syntax, {EXAMPLE}"
    ):
        super().__init__(what)
        self.what, self.fix = what, fix


@dataclass(frozen=True)
class Hours:
    """When a service answers: ``week`` is the sorted, non-overlapping (start, end) minutes from Monday 00:00,
    a span past Sunday midnight split in two; ``value`` is what was written."""

    value: str
    week: tuple[tuple[int, int], ...]

    def open_at(self, when: dt.datetime) -> bool:
        """Open at this local time."""
        minute = when.weekday() * DAY + when.hour * 60 + when.minute
        return any(start <= minute < end for start, end in self.week)

    def text(self, lang: str) -> str:
        """The hours in words: 'mån–tors 17–02, fre 15–02' / 'Mon–Thu 17:00–02:00, Fri 15:00–02:00'."""
        words = labels()[lang]
        if self.week == ((0, WEEK),):
            return words["always"]
        groups = []
        for days, spans in _by_day(self.week):
            named = words["days"][days[0]] + (f"–{words['days'][days[-1]]}" if len(days) > 1 else "")
            groups.append(
                f"{named} "
                + words["and"].join(f"{_clock(start, words)}–{_clock(end, words)}" for start, end in spans)
            )
        return ", ".join(groups)

    def data(self, lang: str) -> dict:
        """What a script needs: the week as lists, and the text."""
        return {"week": [list(span) for span in self.week], "text": self.text(lang)}


def parse_hours(value) -> Hours:
    """The model of a written value; HoursError, with one line's worth of what and how, when it is not one."""
    if not isinstance(value, str):
        raise HoursError("the opening hours are not one text")
    if not value.strip():
        raise HoursError("the opening hours are empty")
    written = " ".join(value.split())
    if len(written) > MAX_LENGTH:
        raise HoursError(f"the opening hours are longer than {MAX_LENGTH} characters")
    if written == ALWAYS:
        return Hours(written, ((0, WEEK),))
    rules = _rules(written)
    _each_day_once(rules)
    spans = sorted(
        (start, end, text)
        for text, days, times in rules
        for day in days
        for span in times
        for start, end in _in_week(day * DAY + span[0], day * DAY + span[1])
    )
    if not spans:
        raise HoursError(
            f"'{written}' is never open", "give the days and times it answers, or leave hours out"
        )
    for (_, end, first), (start, _, second) in pairwise(spans):
        if start < end:
            raise HoursError(
                f"the times of '{first}' overlap"
                if first == second
                else f"the times of '{first}' and '{second}' overlap",
                "give every hour once",
            )
    _spill_kept(rules, written)
    return Hours(written, _merged((start, end) for start, end, _ in spans))


def _rules(written: str) -> list[tuple[str, tuple[int, ...], tuple[tuple[int, int], ...]]]:
    """Each rule as (its text, its days 0–6, its times in minutes from its day's midnight)."""
    parts = _RULE_SEPARATOR.split(written)
    found = []
    for text in parts[::2]:
        match = _RULE.fullmatch(text)
        if not match:
            raise HoursError(f"'{text[:40]}' is not weekdays (Mo … Su) with times HH:MM-HH:MM or off")
        days = _days(match["days"]) if match["days"] else tuple(range(7))
        times = (
            ()
            if match["times"] == "off"
            else tuple(_span(span) for span in re.split(r" ?, ?", match["times"]))
        )
        found.append((text, days, times))
    return found


def _days(written: str) -> tuple[int, ...]:
    days = []
    for part in written.split(","):
        first, _, last = part.partition("-")
        start, end = DAYS.index(first), DAYS.index(last or first)
        # Fr-Mo wraps over Sunday
        days += [day % 7 for day in range(start, end + 1 if end >= start else end + 8)]
    return tuple(days)


def _span(written: str) -> tuple[int, int]:
    start, end = (_minutes(time) for time in written.split("-"))
    if start >= DAY:
        raise HoursError(
            f"'{written}' starts after 23:59",
            "start a day's hours at 00:00–23:59; an end past midnight may be up to 48:00",
        )
    if end == start:
        raise HoursError(f"'{written}' is empty", "give an end that is not its start (24/7 for always)")
    if end < start:
        end += DAY
    if end > 2 * DAY:
        raise HoursError(f"'{written}' ends after 48:00", "end at most 48:00, the next day's midnight")
    return start, end


def _minutes(time: str) -> int:
    hours, minutes = int(time[:2]), int(time[3:])
    if minutes > 59:
        raise HoursError(f"'{time}' is not a time", "write times as HH:MM, e.g. 17:00")
    return hours * 60 + minutes


def _each_day_once(rules) -> None:
    named: dict[int, str] = {}
    for text, days, _ in rules:
        for day in days:
            if named.get(day) == text:
                raise HoursError(f"'{text}' names {DAYS[day]} twice", "name every day once")
            if day in named:
                raise HoursError(
                    f"{DAYS[day]} is named in both '{named[day]}' and '{text}'",
                    "name every day once, in the rule that gives its hours",
                )
            named[day] = text


def _spill_kept(rules, written: str) -> None:
    """OpenStreetMap closes the hours that run past midnight into a day that an 'off' rule names, or, with ';'
    between rules, that any other rule names: refused, so that no hours are lost without a word."""
    named = {day: (text, times) for text, days, times in rules for day in days}
    for text, days, times in rules:
        for day in (day for day in days if any(end > DAY for _, end in times)):
            other, other_times = named.get((day + 1) % 7, (text, ()))
            if other == text:
                continue
            if not other_times:
                raise HoursError(
                    f"'{text}' runs past midnight into {DAYS[(day + 1) % 7]}, which '{other}' closes",
                    f"leave out '{other}': a day no rule names is closed",
                )
            if ";" in written:
                raise HoursError(
                    f"'{text}' runs past midnight into {DAYS[(day + 1) % 7]}, which '{other}' names: after ';' that rule would close those hours",
                    "write ', ' instead of '; ' between the rules, e.g. Mo-Th 17:00-02:00, Fr 15:00-02:00",
                )


def _in_week(start: int, end: int) -> list[tuple[int, int]]:
    """A span in the week: one past Sunday midnight goes on in Monday."""
    return [(start, end)] if end <= WEEK else [(start, WEEK), (0, end - WEEK)]


def _merged(spans) -> tuple[tuple[int, int], ...]:
    """Spans that touch as one (Monday 00:00–24:00 and Tuesday 00:00–02:00 are Monday 00:00–Tuesday 02:00)."""
    found: list[list[int]] = []
    for start, end in spans:
        if found and start == found[-1][1]:
            found[-1][1] = end
        else:
            found.append([start, end])
    return tuple((start, end) for start, end in found)


def _by_day(week) -> list[tuple[list[int], tuple[tuple[int, int], ...]]]:
    """Consecutive days with the same hours, in order from Monday: ([days], ((start, end) from the day's midnight, …))."""
    spans = list(week)
    if len(spans) > 1 and spans[0][0] == 0 and spans[-1][1] == WEEK:  # one span across Sunday midnight
        spans = [*spans[1:-1], (spans[-1][0], WEEK + spans[0][1])]
    per_day: dict[int, list] = {}
    for start, end in spans:
        for piece_start, piece_end in _pieces(start, end):
            per_day.setdefault(piece_start // DAY % 7, []).append(
                (piece_start % DAY, piece_start % DAY + piece_end - piece_start)
            )
    groups: list[tuple[list[int], tuple]] = []
    for day in sorted(per_day):
        hours = tuple(sorted(per_day[day]))
        if groups and groups[-1][0][-1] == day - 1 and groups[-1][1] == hours:
            groups[-1][0].append(day)
        else:
            groups.append(([day], hours))
    return groups


def _pieces(start: int, end: int) -> list[tuple[int, int]]:
    """A span as the days show it: one may run past midnight ('fre 15–02'), but none is longer than a day, so
    that its two times say what it is; a longer span is cut at midnight."""
    pieces = []
    while end - start > DAY or (end - start == DAY and start % DAY):
        midnight = (start // DAY + 1) * DAY
        pieces.append((start, midnight))
        start = midnight
    return [*pieces, (start, end)]


def _clock(minutes: int, words: dict) -> str:
    """'17', '02', '24' / '17:00': a time of the day, up to the next day's midnight."""
    hours, minute = divmod(minutes if minutes <= DAY else minutes - DAY, 60)
    form = words["hour"] if minute == 0 else words["hour_minute"]
    return form.format(hh=f"{hours:02d}", mm=f"{minute:02d}")


@functools.cache
def labels() -> dict:
    """The words of hours per language (overrides/samverkan/hours.html), read once."""
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(LABELS.parent), autoescape=True)
    return environment.get_template(LABELS.name).module.labels


def when_closed(lang: str, municipality: str) -> str:
    """What to do when the service does not answer or is closed: call 112 and ask for the municipality's
    socialjour (hours.html's one sentence for it, call_112)."""
    words = labels()[lang]
    whom = words["socialjour_in"].format(name=municipality)
    return f"{words['when_closed']} {words['call_112'].format(number='112', whom=whom)}."
