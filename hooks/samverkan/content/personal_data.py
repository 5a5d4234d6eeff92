"""Personal-data guard: no personal identity number, e-mail address or private phone number in the handbook.

The handbook is public. A staff member who pastes a case note into a page could
leak a child's personal identity number (personnummer) or coordination number
(samordningsnummer), an e-mail address, or a private phone number. The reading here
finds them anywhere in a file (checks/personal_data.py runs it on every page). Phone numbers are allowed only
when they are declared public: listed in ``municipalities/public-numbers.yml`` or
given as a unit's switchboard in a municipality file.

It must not mistake SFS numbers (2025:400), case numbers (Dnr 1.10.7-235/2017),
dates, ISBNs or years for personal data: every pattern below demands its own
shape, and identity numbers must also carry a real date and a valid check digit.

Text is scanned as the reader reads it (``as_read``): entities decoded, Unicode NFKC-normalised, every decimal
digit a digit 0-9, invisible format characters gone; a line break is a space, so a number wrapped over two
lines is one number, and any separator a reader skips may stand between its groups (a spaced en dash, no-break
spaces, a slash after the area code, dots throughout). A number in digits other than 0-9 and a bidi embedding or
override (U+202A–U+202E, which can make a browser show a number the file spells backwards) are refused outright.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import re
import unicodedata
from dataclasses import dataclass

from samverkan.content.phone import national, non_ascii_digits

NUMBERS_FILE = "municipalities/public-numbers.yml"  # read by overlay.read_public_numbers

# Any dash a text may hold: hyphen-minus, the Unicode hyphens and dashes (incl. en and em dash), minus sign.
DASH = "\\-\u2010-\u2015\u2212"
SPACE = " \u00a0\u202f\t\n"  # what a reader sees as a space: space, no-break spaces, a tab, a line break
# 6 or 8 digits of birth date, then a dash or + (spaces around it allowed), spaces, or nothing, then
# 4 digits; no digit or number-like sign on either side.
IDENTITY = re.compile(
    rf"(?<![\w+{DASH}./:])(?P<date>(?:\d{{2}})?\d{{6}})(?:[{SPACE}]*+[+{DASH}][{SPACE}]*+|[{SPACE}]++)?(?P<tail>\d{{4}})(?![\w{DASH}/]|[.:]\d)"
)
# An e-mail address, also as written to fool a harvester: name(at)domain, name [at] domain, name@domain(dot)se.
_AT = r"(?:[ \t]*+@[ \t]*+|[ \t]*+[(\[{][ \t]*+(?i:at|snabel-?a)[ \t]*+[)\]}][ \t]*+)"
_DOT = r"(?:\.|[ \t]*+[(\[{][ \t]*+(?i:dot|punkt)[ \t]*+[)\]}][ \t]*+)"
EMAIL = re.compile(rf"(?<![\w.+-])[\w.+-]++{_AT}[\w-]+(?:{_DOT}[\w-]+)*{_DOT}[a-zA-Z]{{2,}}")
AT_SIGN = re.compile(r"@|[(\[{][ \t]*+(?i:at|snabel-?a)[ \t]*+[)\]}]")  # where an address may be
# A Swedish phone number: +46, 0046 or a leading 0, an area code, then groups of digits. Between the groups
# spaces, a dash with or without spaces, or nothing; after the area code also a slash (08/508 000 00); or dots
# between every group (070.123.45.67), so that a time (08.00–17.00) or a date (01.02.2026) is no number.
_GAP = rf"(?:[{SPACE}]*+[{DASH}][{SPACE}]*+|[{SPACE}]++)?"
_AREA_GAP = rf"(?:[{SPACE}]*+[{DASH}/][{SPACE}]*+|[{SPACE}]++)?"
_COUNTRY = rf"(?:\+|00)46{_GAP}(?:\(0\){_GAP})?"
PHONE = re.compile(
    rf"(?<![\w+{DASH}./:])(?:(?:{_COUNTRY}|0)[1-9]\d{{0,3}}{_AREA_GAP}\d{{2,3}}(?:{_GAP}\d{{2,3}}){{1,3}}"
    rf"|(?:\+46\.|0)[1-9]\d{{0,3}}\.\d{{2,3}}(?:\.\d{{2,3}}){{1,3}})(?![\w{DASH}/]|[.:]\d)"
)
# Every identity or phone number lies in a run of at least six digits, spaces, dashes, brackets, dots, slashes
# and pluses that starts with a digit or + and ends with a digit. Runs are cheap to find; the full patterns
# (slow: they start with a look-behind) then run only around them.
NUMBER_RUN = re.compile(rf"\+?[0-9][0-9{SPACE}+{DASH}()./]{{4,}}[0-9]")
OTHER_DIGIT = re.compile(r"(?![0-9])\d")  # a decimal digit that is not 0-9: '０', '٣', '५'
DIGIT_RUN = re.compile(rf"\d(?:[{SPACE}{DASH}./()+]*+\d)++")  # a number of at least two digits, as written
# Bidi embeddings and overrides: they reorder what follows until a pop, so a browser may show 'ab' as 'ba'.
# Isolates (U+2066–U+2069) stay allowed: they keep a right-to-left word from disturbing its line, no more.
BIDI_CONTROL = re.compile("[\u202a-\u202e]")
ISBN_BEFORE = re.compile(r"ISBN[\s:-]*$", re.IGNORECASE)
# a backslash before ASCII punctuation: the reader sees the sign
MARKDOWN_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


@dataclass(frozen=True)
class Finding:
    offset: int  # position in the text
    what: str
    fix: str


def luhn_ok(ten_digits: str) -> bool:
    total = 0
    for index, char in enumerate(ten_digits):
        value = int(char) * (2 if index % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def _real_birth_date(date: str) -> bool:
    """YYMMDD or YYYYMMDD with a real month and day; coordination numbers add 60 to the day."""
    year = int(date[:4]) if len(date) == 8 else 2000 + int(date[:2])
    if len(date) == 8 and not 1800 <= year <= 2100:
        return False
    month, day = int(date[-4:-2]), int(date[-2:])
    if day > 60:
        day -= 60
    try:
        dt.date(year if len(date) == 8 else 2000, month, day)  # 2000 is a leap year: 29 Feb stays valid
    except ValueError:
        return False
    return True


def identity_numbers(text: str, start: int = 0, end: int | None = None) -> list[Finding]:
    found = []
    for match in IDENTITY.finditer(text, start, len(text) if end is None else end):
        date, tail = match["date"], match["tail"]
        if _real_birth_date(date) and luhn_ok(date[-6:] + tail):
            kind = "coordination number" if int(date[-2:]) > 60 else "personal identity number"
            found.append(
                Finding(
                    match.start(),
                    f"looks like a {kind}",
                    "remove it: the handbook is public and never names or identifies a person",
                )
            )
    return found


def emails(text: str, public: frozenset = frozenset()) -> list[Finding]:
    """Every e-mail address but a declared shared mailbox (the working group's, in the county's file)."""
    return [
        Finding(
            m.start(),
            "contains an e-mail address",
            "remove it; point to the function's switchboard or web page instead",
        )
        for m in EMAIL.finditer(text)
        if m[0].lower() not in public
    ]


def other_digits(text: str) -> list[Finding]:
    """Numbers of three digits or more written with digits other than 0-9 ('０８-５０８ ０００ ００'): they read as
    numbers, but are no number a phone dials or a tap-to-call link is made for, and escape every pattern of 0-9."""
    if not OTHER_DIGIT.search(text):
        return []
    return [
        Finding(
            run.start(),
            f"the number '{run[0][:30]}' is written in digits other than 0-9",
            "write it in the digits 0-9",
        )
        for run in DIGIT_RUN.finditer(text)
        if non_ascii_digits(run[0]) and sum(char.isdigit() for char in run[0]) >= 3
    ]


def bidi_controls(text: str) -> list[Finding]:
    """Bidi embeddings and overrides (U+202A–U+202E), which reorder what a browser shows."""
    return [
        Finding(
            match.start(),
            f"contains the invisible bidi control U+{ord(match[0]):04X}, which reorders what readers see",
            "remove it (it often comes with copy and paste); to keep a right-to-left word apart, use an isolate, U+2068 … U+2069",
        )
        for match in BIDI_CONTROL.finditer(text)
    ]


def phones(text: str, public: frozenset, start: int = 0, end: int | None = None) -> list[Finding]:
    found = []
    for match in PHONE.finditer(text, start, len(text) if end is None else end):
        if ISBN_BEFORE.search(text[max(0, match.start() - 8) : match.start()]):
            continue
        number = national(" ".join(match[0].split()))  # a line break in it is a space
        if 8 <= len(number) <= 10 and number not in public:
            found.append(
                Finding(
                    match.start(),
                    f"phone number '{' '.join(match[0].split())}' is not a declared public switchboard",
                    f"use a switchboard listed in {NUMBERS_FILE} or a municipality file, or add this one there if it is public",
                )
            )
    return found


def scan(text: str, public: frozenset) -> list[Finding]:
    """Every piece of personal data in one text as the reader reads it (``as_read``), in order."""
    found = emails(text, public) if AT_SIGN.search(text) else []
    for run in NUMBER_RUN.finditer(text):
        end = min(len(text), run.end() + 2)  # the patterns look two characters past a number
        found += identity_numbers(text, run.start(), end) + phones(text, public, run.start(), end)
    return sorted(found, key=lambda finding: finding.offset)


def as_shown(source: str) -> str:
    """The source as a browser shows it, line for line: entities decoded, Markdown's backslash escapes and
    invisible format characters (Unicode Cf, such as a zero-width space) removed."""
    return "\n".join(map(_line_as_shown, source.split("\n")))


def _line_as_shown(line: str) -> str:
    shown = html.unescape(MARKDOWN_ESCAPE.sub(r"\1", line))
    return "".join(" " if char in "\r\n" else char for char in shown if unicodedata.category(char) != "Cf")


def as_read(text: str) -> str:
    """Text as a reader reads it, line for line: Unicode NFKC-normalised (a full-width '０' is '0', a ligature its
    letters), every decimal digit the digit 0-9 it is ('٣' is '3'), invisible format characters gone."""
    if text.isascii():
        return text
    # no character normalises to a line break
    read = without_format_characters(unicodedata.normalize("NFKC", text))
    return (
        OTHER_DIGIT.sub(lambda digit: str(unicodedata.decimal(digit[0])), read)
        if OTHER_DIGIT.search(read)
        else read
    )


def without_format_characters(text: str) -> str:
    """``text`` without its invisible format characters (Unicode Cf: zero-width space, soft hyphen, bidi controls)."""
    basic, astral = _format_characters()
    text = basic.sub("", text)
    return astral.sub("", text) if _ASTRAL.search(text) else text


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


@functools.cache
def _format_characters() -> tuple[re.Pattern, re.Pattern]:
    """Every Unicode Cf character, as two classes of ranges: those of the basic plane (which the regex engine
    tests in one step) and the rest. They all lie in planes 0, 1 and 14 (the rest are ideographs, private use or
    unassigned), which keeps this quick to make."""
    codes = [
        code
        for code in (*range(0x20000), *range(0xE0000, 0xF0000))
        if unicodedata.category(chr(code)) == "Cf"
    ]
    return _character_class(code for code in codes if code <= 0xFFFF), _character_class(
        code for code in codes if code > 0xFFFF
    )


def _character_class(codes) -> re.Pattern:
    ranges = []
    for code in codes:
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    return re.compile("[" + "".join(f"\\U{start:08x}-\\U{end:08x}" for start, end in ranges) + "]")


def findings_by_line(shown: str, public: frozenset) -> list[tuple[int, Finding]]:
    """(line, finding) of every number in digits other than 0-9 and every piece of personal data in text as a
    browser shows it (``as_shown`` of a file, or a parser's visible text), read as the reader reads it; lines
    from 1. A line with a number in other digits reports only that: the number is judged once it is written in 0-9."""
    read = as_read(shown)
    other = [(shown.count("\n", 0, finding.offset) + 1, finding) for finding in other_digits(shown)]
    lines_with_other_digits = {line for line, _ in other}
    found = [(read.count("\n", 0, finding.offset) + 1, finding) for finding in scan(read, public)]
    return sorted(
        other + [(line, finding) for line, finding in found if line not in lines_with_other_digits],
        key=lambda item: item[0],
    )


def text_faults(text: str, public: frozenset) -> list[str]:
    """What must not reach a reader in a published text (a page's visible text, the search index, the export, a
    feed), each as a short sentence: bidi controls, numbers in digits other than 0-9, personal data as read."""
    return [finding.what for finding in bidi_controls(text)] + [
        finding.what for _, finding in findings_by_line(text, public)
    ]
