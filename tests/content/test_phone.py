"""The one number model (content/phone.py): a number's normal form and kind by Sweden's numbering plan, and
the rules built on it: a tel: link dials, in digits 0-9, the declared public number it shows."""

from __future__ import annotations

import pytest
from handbooks import copy_minimal, problems, replace
from samverkan.content.phone import (
    FIXED_LINE,
    FOREIGN,
    MOBILE,
    NOT_IN_USE,
    PERSONAL,
    PREMIUM_RATE,
    SERVICE,
    SHORT,
    address_fault,
    declared_fault,
    parse_number,
    tel_link_fault,
)
from samverkan.site.verify import page_faults

PUBLIC = frozenset({"112", "11414", "020390000", "0850800000"})


@pytest.mark.parametrize(
    "written, national, tel, kind",
    [
        ("08-508 000 00", "0850800000", "+46850800000", FIXED_LINE),
        ("+46 (0)8-508 000 00", "0850800000", "+46850800000", FIXED_LINE),
        ("0046 8 508 000 00", "0850800000", "+46850800000", FIXED_LINE),
        ("08.508.000.00", "0850800000", "+46850800000", FIXED_LINE),
        ("010-444 05 00", "0104440500", "+46104440500", SERVICE),
        ("020-390 000", "020390000", "+4620390000", SERVICE),
        ("0771-11 22 33", "0771112233", "+46771112233", SERVICE),
        ("112", "112", "112", SHORT),
        ("114 14", "11414", "11414", SHORT),
        ("1177", "1177", "1177", SHORT),
        ("116 000", "116000", "116000", SHORT),
        ("070-123 45 67", "0701234567", "+46701234567", MOBILE),
        ("+46 73 123 45 67", "0731234567", "+46731234567", MOBILE),
        ("075-123 45 67", "0751234567", "+46751234567", PERSONAL),
        ("0900-123 456", "0900123456", "+46900123456", PREMIUM_RATE),
        ("0939-123 456", "0939123456", "+46939123456", PREMIUM_RATE),
        ("0944-123 45", "094412345", "+4694412345", PREMIUM_RATE),
        ("+47 22 00 00 00", "+4722000000", "+4722000000", FOREIGN),
        ("0044 20 7946 0958", "+442079460958", "+442079460958", FOREIGN),
        ("99999", "99999", "99999", NOT_IN_USE),
    ],
)
def test_a_number_has_one_normal_form_and_its_kind(written, national, tel, kind):
    number = parse_number(written)
    assert (number.national, number.tel, number.kind) == (national, tel, kind)


@pytest.mark.parametrize(
    "written",
    [
        "",
        "ring växeln",
        "08-508 000 00 eller 112",
        "0" * 100_000,
        "08-" + "1 " * 5000,
        "０８-５０８ ０００ ００",
        "٠٨٥٠٨٠٠٠٠٠",
        "112\u200b",
        "1234567",
    ],
)
def test_words_other_digits_or_two_numbers_are_no_number(written):
    assert parse_number(written) is None


@pytest.mark.parametrize(
    "written, fault",
    [
        ("08-508 000 00", None),
        ("112", None),
        ("010-444 05 00", None),
        ("070-123 45 67", "is a mobile number"),
        ("0900-123 456", "is a premium-rate number"),
        ("+47 22 00 00 00", "is a foreign number"),
        ("１１２", "is written in digits other than 0-9"),
        (None, "is not a phone number"),
    ],
)
def test_only_numbers_of_public_kinds_may_be_declared(written, fault):
    assert declared_fault(written) == fault


@pytest.mark.parametrize(
    "target, shown, says",
    [
        # the example
        (
            "+46900123456",
            "08-508 000 00",
            "dials +46900123456, a premium-rate number that is not declared public",
        ),
        # a declared number, but another one
        (
            "+46850800000",
            "114 14",
            "does not show the number it dials (+46850800000)",
        ),
        # a mobile hidden in an href
        (
            "+46701234567",
            "Ring växeln",
            "dials +46701234567, a mobile number that is not declared public",
        ),
        # percent-encoded, as a dialler decodes it
        (
            "%2B46701234567",
            "08-508 000 00",
            "dials +46701234567, a mobile number",
        ),
        ("+4722000000", "+47 22 00 00 00", "dials +4722000000, a foreign number that is not declared public"),
        ("+46850800000", "０８-５０８ ０００ ００", "is written in digits other than 0-9"),
        ("１１２", "112", "is written in digits other than 0-9"),
        ("javascript-free", "112", "which is not a phone number"),
        ("112", "Ring polisen", "does not show the number it dials (112)"),
    ],
)
def test_a_tel_link_must_dial_the_declared_number_it_shows(target, shown, says):
    fault = tel_link_fault(target, shown, PUBLIC)
    assert fault is not None and says in fault and "\n" not in fault


@pytest.mark.parametrize(
    "target, shown",
    [
        ("+46850800000", "08-508 000 00"),
        ("+46-8-508-000-00", "+46 8 508 000 00"),
        ("020390000", "020-390 000"),
        ("112", "112"),
        ("11414", "114 14"),
        ("+46850800000", "Stadens växel 08-508 000 00 (dygnet runt)"),
    ],
)
def test_a_tel_link_that_shows_what_it_dials_passes(target, shown):
    assert tel_link_fault(target, shown, PUBLIC) is None


def test_the_verifier_reads_what_a_built_link_dials():
    page = '<html lang="sv"><body><article class="md-content__inner"><p>Ring {}.</p></article></body></html>'
    assert page_faults(page.format('<a href="tel:+46850800000">08-508 000 00</a>'), PUBLIC) == []
    faults = page_faults(page.format('<a href=" TEL:+46900123456">08-508 000 00</a>'), PUBLIC)
    assert faults == [
        "the tel: link '08-508 000 00' dials +46900123456, a premium-rate number that is not declared public"
    ]


@pytest.mark.parametrize(
    "link, says",
    [
        ("[08-508 000 00](tel:+46900123456)", "dials +46900123456, a premium-rate number"),
        ("[Ring socialsekreteraren](tel:0701234567)", "dials +46701234567, a mobile number"),
        ("[114 14](<tel:112>)", "does not show the number it dials (112)"),
        ("[１１２](tel:112)", "is written in digits other than 0-9"),
        ("[+47 22 00 00 00](TEL:+4722000000)", "dials +4722000000, a foreign number"),
    ],
)
def test_the_check_reads_what_a_pages_tel_link_dials(tmp_path, link, says):
    root = copy_minimal(tmp_path)
    (root / "municipalities").mkdir()
    (root / "municipalities" / "public-numbers.yml").write_text(
        '- number: "112"\n- number: "114 14"\n', encoding="utf-8"
    )
    replace(
        root,
        "docs/sv/rutiner/avvikning.md",
        "1. Boendet ringer polisen.",
        f"1. Boendet ringer polisen på {link}.",
    )
    found = [problem for problem in problems(root) if "tel: link" in problem]
    assert (
        len(found) == 1 and says in found[0] and found[0].startswith("docs/sv/rutiner/avvikning.md:23: ")
    ), found


@pytest.mark.parametrize(
    "address, says",
    [
        ("https://wa.me/46701234567", "carries a mobile number (+46701234567)"),
        ("https://example.se/kontakt?ring=0701234567", "carries a mobile number (+46701234567)"),
        (
            "https://example.se/?n=%2B46751234567",
            "carries a personal number that follows a person (+46751234567)",
        ),
        ("sms:0046701234567", "carries a mobile number (+46701234567)"),
    ],
)
def test_an_address_that_carries_a_mobile_is_refused(address, says):
    fault = address_fault(address, PUBLIC)
    assert fault is not None and says in fault


@pytest.mark.parametrize(
    "address",
    [
        "https://www.riksdagen.se/sv/dokument-och-lagar/dokument/svensk-forfattningssamling/socialtjanstlag-2025400_sfs-2025-400/",
        "https://www.stockholm.se/?vaxel=0850800000",
        "https://example.se/arende/20261207123456",
        "../rutiner/avvikning.md#genast",
    ],
)
def test_addresses_without_a_persons_number_pass(address):
    assert address_fault(address, PUBLIC) is None


def test_a_mobile_in_a_pages_link_address_is_refused_by_check_and_verifier(tmp_path):
    root = copy_minimal(tmp_path)
    replace(
        root,
        "docs/sv/rutiner/avvikning.md",
        "1. Boendet ringer polisen.",
        "1. Boendet [skriver till jouren](https://wa.me/46701234567).",
    )
    found = [problem for problem in problems(root) if "carries" in problem]
    assert len(found) == 1 and found[0].startswith(
        "docs/sv/rutiner/avvikning.md:23: the link to 'https://wa.me/46701234567' carries a mobile number"
    )
    built = '<html lang="sv"><body><article class="md-content__inner"><a href="https://wa.me/46701234567">jouren</a></article></body></html>'
    assert page_faults(built, PUBLIC) == [
        "the link to 'https://wa.me/46701234567' carries a mobile number (+46701234567)"
    ]
