"""Personal-data guard: no personal identity number, e-mail address or private phone number in the handbook.

The handbook is public. A staff member who pastes a case note into a page could
leak a child's personal identity number (personnummer) or coordination number
(samordningsnummer), an e-mail address, or a private phone number. This check
finds them anywhere in a page's file. Phone numbers are allowed only
when they are declared public: listed in ``municipalities/public-numbers.yml`` or
given as a unit's switchboard in a municipality file.

It must not mistake SFS numbers (2025:400), case numbers (Dnr 1.10.7-235/2017),
dates, ISBNs or years for personal data: every pattern below demands its own
shape, and identity numbers must also carry a real date and a valid check digit.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import unicodedata
from dataclasses import dataclass

from samverkan.content.model import Handbook
from samverkan.content.problems import Problem

NUMBERS_FILE = "municipalities/public-numbers.yml"  # read by overlay.read_public_numbers

# Any dash a text may hold: hyphen-minus, the Unicode hyphens and dashes (incl. en and em dash), minus sign.
DASH = "\\-\u2010-\u2015\u2212"
SPACE = " \u00a0\u202f"  # space, no-break space, narrow no-break space
# 6 or 8 digits of birth date, then a dash or + (spaces around it allowed), spaces, or nothing, then
# 4 digits; no digit or number-like sign on either side.
IDENTITY = re.compile(
    rf"(?<![\w+{DASH}./:])(?P<date>(?:\d{{2}})?\d{{6}})(?:[{SPACE}]*[+{DASH}][{SPACE}]*|[{SPACE}]+)?(?P<tail>\d{{4}})(?![\w{DASH}/]|[.:]\d)"
)
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]++@[\w-]+(?:\.[\w-]+)*\.[a-zA-Z]{2,}")
# A Swedish phone number: +46 or a leading 0, an area code, then groups of digits.
PHONE = re.compile(
    rf"(?<![\w+{DASH}./:])(?:\+46[ {DASH}]?(?:\(0\)[ ]?)?|0)[1-9]\d{{0,3}}[ {DASH}]?\d{{2,3}}(?:[ ]?\d{{2,3}}){{1,3}}(?![\w{DASH}/]|[.:]\d)"
)
# Every identity or phone number lies in a run of at least six digits, spaces, dashes, brackets and
# pluses that starts with a digit or + and ends with a digit. Runs are cheap to find; the full patterns
# (slow: they start with a look-behind) then run only around them.
NUMBER_RUN = re.compile(rf"\+?[0-9][0-9{SPACE}+{DASH}()]{{4,}}[0-9]")
ISBN_BEFORE = re.compile(r"ISBN[\s:-]*$", re.IGNORECASE)
MARKDOWN_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")  # a backslash before ASCII punctuation: the reader sees the sign


@dataclass(frozen=True)
class Finding:
    offset: int  # position in the text
    what: str
    fix: str


def digits(number: str) -> str:
    """A phone number as its digits alone, with +46 written as 0: '+46 8-508 000 00' -> '0850800000'."""
    only = re.sub(r"\D", "", number)
    return "0" + only[2:].lstrip("0") if number.strip().startswith("+46") else only


def tel_target(national_digits: str) -> str:
    """'0850800000' -> '+46850800000', a tel: link's target; short numbers (112, 11414) stay as they are."""
    return "+46" + national_digits[1:] if national_digits.startswith("0") else national_digits


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
            found.append(Finding(match.start(), f"looks like a {kind}", "remove it: the handbook is public and never names or identifies a person"))
    return found


def emails(text: str) -> list[Finding]:
    return [Finding(m.start(), "contains an e-mail address", "remove it; point to the function's switchboard or web page instead") for m in EMAIL.finditer(text)]


def phones(text: str, public: frozenset, start: int = 0, end: int | None = None) -> list[Finding]:
    found = []
    for match in PHONE.finditer(text, start, len(text) if end is None else end):
        if ISBN_BEFORE.search(text[max(0, match.start() - 8) : match.start()]):
            continue
        number = digits(match[0])
        if 8 <= len(number) <= 10 and number not in public:
            found.append(Finding(match.start(), f"phone number '{match[0]}' is not a declared public switchboard", f"use a switchboard listed in {NUMBERS_FILE} or a municipality file, or add this one there if it is public"))
    return found


def scan(text: str, public: frozenset) -> list[Finding]:
    """Every piece of personal data in one text, in order."""
    found = emails(text) if "@" in text else []
    for run in NUMBER_RUN.finditer(text):
        end = min(len(text), run.end() + 2)  # the patterns look two characters past a number
        found += identity_numbers(text, run.start(), end) + phones(text, public, run.start(), end)
    return sorted(found, key=lambda finding: finding.offset)


def as_read(source: str) -> str:
    """The source as a reader sees it, line for line: entities decoded, Markdown's backslash escapes and
    invisible format characters (Unicode Cf, such as a zero-width space) removed."""
    return "\n".join(map(_line_as_read, source.split("\n")))


def _line_as_read(line: str) -> str:
    shown = html.unescape(MARKDOWN_ESCAPE.sub(r"\1", line))
    return "".join(" " if char in "\r\n" else char for char in shown if unicodedata.category(char) != "Cf")


def file_problems(file: str, source: str, public: frozenset) -> list[Problem]:
    """Personal data anywhere in a file, as its reader would see it; each at its line."""
    shown = as_read(source)
    return [Problem(file, shown.count("\n", 0, finding.offset) + 1, finding.what, finding.fix) for finding in scan(shown, public)]


def personal_data(handbook: Handbook) -> list[Problem]:
    """The check: personal data anywhere in any page's file: front matter, body, even YAML comments."""
    return [problem for page in handbook.pages for problem in file_problems(page.file, page.source, handbook.public_numbers)]
