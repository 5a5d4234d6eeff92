"""One model of a phone number: where a number enters the handbook (page text, municipality and county files,
municipalities/public-numbers.yml) or leaves it (shown text, the target of a tel: link), it is read here.

A number is parsed by libphonenumber's numbering plan (the ``phonenumbers`` package) into one normal form and
its kind, never by hand-written ranges:

- ``national``: the digits a caller in Sweden dials, the key of the declared numbers: '0850800000', '112',
  '11414'; a foreign number keeps its country code: '+4722000000'.
- ``tel``: what a tel: link dials: '+46850800000', '112', '+4722000000'.
- ``kind``: fixed line, service number (010, 020, 0771: numbers an organisation rents), short number (a number
  Sweden's plan documents: 112, 114 14, 1177, 116 000), mobile, personal number (075, also voice over IP,
  pagers, voicemail: they follow a person), premium rate (0900, 0939, 0944), foreign, or not in use.

Only ASCII digits make a number: one written in full-width or other Unicode digits ('０８-５０８…') is refused,
since it shows as a number but no tap-to-call link is made for it, and a reader's phone may not dial it.
"""

from __future__ import annotations

import functools
import re
import urllib.parse
from dataclasses import dataclass

import phonenumbers
from phonenumbers import PhoneNumberType, shortnumberinfo

REGION = "SE"

FIXED_LINE = "fixed-line"
SERVICE = "service"
SHORT = "short"
MOBILE = "mobile"
PERSONAL = "personal"
PREMIUM_RATE = "premium-rate"
FOREIGN = "foreign"
NOT_IN_USE = "not-in-use"

# What a kind is called in a problem line: "'x' is a mobile number".
KIND_NAMES = {
    FIXED_LINE: "a fixed-line number",
    SERVICE: "a service number",
    SHORT: "a short number",
    MOBILE: "a mobile number",
    PERSONAL: "a personal number that follows a person",
    PREMIUM_RATE: "a premium-rate number",
    FOREIGN: "a foreign number",
    NOT_IN_USE: "no number in use in Sweden's numbering plan",
}
# The kinds a function's public number may have, and so the only ones a link may dial or a night contact give:
# they reach an organisation, never a person, and cost no more than a call to a fixed line.
PUBLIC_KINDS = frozenset((FIXED_LINE, SERVICE, SHORT))
PUBLIC_KINDS_HINT = (
    "give a fixed-line number (08-…), an organisation's 010, 020 or 0771 number, or a documented short number "
    "(112, 114 14, 1177); never a mobile, a personal (075) or premium-rate (0900, 0939, 0944) number"
)

# The emergency numbers the theme's frame dials on every page (overrides/samverkan/emergency.html), whatever a
# plan declares: a link may always dial them. (A plan declares them too, to have them made links in its text.)
EMERGENCY_NUMBERS = frozenset(("112", "11414"))

NOT_A_NUMBER = "is not a phone number"  # declared_fault's answer for words, other signs, or nothing

_TYPES = {
    PhoneNumberType.FIXED_LINE: FIXED_LINE,
    PhoneNumberType.FIXED_LINE_OR_MOBILE: FIXED_LINE,
    PhoneNumberType.TOLL_FREE: SERVICE,
    PhoneNumberType.SHARED_COST: SERVICE,
    PhoneNumberType.UAN: SERVICE,
    PhoneNumberType.MOBILE: MOBILE,
    PhoneNumberType.PERSONAL_NUMBER: PERSONAL,
    PhoneNumberType.VOIP: PERSONAL,
    PhoneNumberType.PAGER: PERSONAL,
    PhoneNumberType.VOICEMAIL: PERSONAL,
    PhoneNumberType.PREMIUM_RATE: PREMIUM_RATE,
}
WRITTEN_LIMIT = (
    40  # characters: '+46 (0)8-508 000 00' has 19; longer text is no one number (and is not cached)
)
# What may stand between the digits of a written number: spaces (also no-break), any dash, brackets, dots, slashes.
_WRITTEN = re.compile(r"\+?[0-9][0-9 \u00a0\u202f\-\u2010-\u2015\u2212()./]*")
_TRAILING = (
    " \u00a0\u202f-\u2010\u2011\u2012\u2013\u2014\u2015\u2212(./"  # what may follow a number in a sentence
)
# A run of digits in an address that may be a number: with its country code (46, 0046, +46, %2B46) or a leading 0.
_IN_ADDRESS = re.compile(r"(?<![0-9])(?:(?:\+|%2[bB]|00)?46|0)[1-9][0-9]{6,10}(?![0-9])")
_TEL_SEPARATORS = re.compile(r"[-.()]")  # RFC 3966's visual separators, which the dialler ignores


@dataclass(frozen=True)
class PhoneNumber:
    national: str
    tel: str
    kind: str

    @property
    def kind_name(self) -> str:
        return KIND_NAMES[self.kind]

    @property
    def public_kind(self) -> bool:
        return self.kind in PUBLIC_KINDS


def non_ascii_digits(text: str) -> bool:
    """Whether ``text`` holds a digit that is not 0-9 ('０', '٣', '５'): Python's \\d and int() take them, a phone
    does not dial them."""
    return any(char.isdigit() and not char.isascii() for char in text)


@functools.lru_cache(maxsize=4096)
def parse_number(written: str) -> PhoneNumber | None:
    """The number written in ``written`` ('08-508 000 00', '+46 (0)8 508 000 00', '0046 8 508 000 00',
    '114 14', '+47 22 00 00 00'), or None when it is none: words, other signs, or digits other than 0-9.

    A number without a leading 0 or + is a short number, and only one Sweden's plan documents is one."""
    written = written.strip()
    if (
        not written
        or len(written) > WRITTEN_LIMIT
        or non_ascii_digits(written)
        or not _WRITTEN.fullmatch(written)
    ):
        return None
    digits = re.sub(r"[^0-9]", "", written)
    if not written.startswith(("+", "0")):
        return _short(digits)
    if written.startswith("+"):
        digits = "+" + digits
    try:
        parsed = phonenumbers.parse(digits, REGION)
    except phonenumbers.NumberParseException:
        return None
    e164 = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
    if parsed.country_code != 46:
        return PhoneNumber(e164, e164, FOREIGN)
    national = "0" + str(parsed.national_number)
    kind = (
        _TYPES.get(phonenumbers.number_type(parsed), NOT_IN_USE)
        if phonenumbers.is_valid_number(parsed)
        else NOT_IN_USE
    )
    return PhoneNumber(national, e164, kind)


def _short(digits: str) -> PhoneNumber | None:
    if len(digits) > 6:  # the longest of Sweden's short numbers has six digits (116 000)
        return None
    parsed = phonenumbers.parse(digits, REGION)
    return PhoneNumber(
        digits,
        digits,
        SHORT if shortnumberinfo.is_valid_short_number_for_region(parsed, REGION) else NOT_IN_USE,
    )


def declared_fault(written) -> str | None:
    """Why ``written`` cannot be declared a function's public number, as a predicate ('is a mobile number'), or
    None: it must be one number, in 0-9 digits, of a public kind (see PUBLIC_KINDS)."""
    if not isinstance(written, str):
        return NOT_A_NUMBER
    if non_ascii_digits(written):
        return "is written in digits other than 0-9"
    number = parse_number(written)
    if number is None:
        return NOT_A_NUMBER
    return None if number.public_kind else f"is {number.kind_name}"


def national(written: str) -> str:
    """The number's key among the declared numbers ('+46 8-508 000 00' -> '0850800000'); for text that is no
    number, its digits alone, which no declared number equals."""
    number = parse_number(written)
    return number.national if number else re.sub(r"[^0-9]", "", written)


def dial_target(national_number: str) -> str:
    """A tel: link's target for a declared number: '0850800000' -> '+46850800000'; '112' stays '112'."""
    number = parse_number(national_number)
    return number.tel if number else national_number


def shown_numbers(text: str) -> set[str]:
    """The numbers a link's text shows, by their national form: 'Ring 08-508 000 00' -> {'0850800000'}."""
    return {
        number.national
        for match in _WRITTEN.finditer(text)
        if (number := parse_number(match[0].rstrip(_TRAILING)))
    }


def tel_link_fault(target: str, shown: str, public: frozenset) -> str | None:
    """What is wrong with a tel: link to ``target`` (what follows 'tel:', as written in the href) whose text is
    ``shown``, or None: it must dial, in 0-9 digits, a declared public number, the one its text shows."""
    dialled_as_written = urllib.parse.unquote(target).strip()
    if non_ascii_digits(dialled_as_written) or non_ascii_digits(shown):
        return f"the tel: link '{shown.strip()[:30]}' is written in digits other than 0-9"
    number = parse_number(_TEL_SEPARATORS.sub("", dialled_as_written.split(";")[0]))
    if number is None:
        return f"the tel: link '{shown.strip()[:30]}' dials '{dialled_as_written[:30]}', which is not a phone number"
    if number.national not in public and number.national not in EMERGENCY_NUMBERS:
        return f"the tel: link '{shown.strip()[:30]}' dials {number.tel}, {number.kind_name} that is not declared public"
    if shown_numbers(shown) != {number.national}:
        return f"the tel: link '{shown.strip()[:30]}' does not show the number it dials ({number.tel})"
    return None


def address_fault(address: str, public: frozenset) -> str | None:
    """What is wrong with a link's address (https:, a path) that carries a person's number, or None: a mobile or
    personal number that is not declared public, in its query or path ('https://wa.me/46701234567',
    '?ring=0701234567'), reaches a reader's phone as surely as a tel: link does."""
    for match in _IN_ADDRESS.finditer(address):
        digits = (
            re.sub(r"^(?:\+|%2[bB]|00)?46", "+46", match[0]) if not match[0].startswith("0") else match[0]
        )
        number = parse_number(digits)
        if number and number.kind in (MOBILE, PERSONAL) and number.national not in public:
            return f"the link to '{address.strip()[:60]}' carries {number.kind_name} ({number.tel})"
    return None
