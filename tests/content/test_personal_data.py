"""Personal-data guard: identity numbers, e-mail addresses and undeclared phone numbers fail; lookalikes do not."""

from __future__ import annotations

import pytest
from handbooks import copy_minimal, problems, replace
from samverkan.checks.personal_data import file_problems
from samverkan.content.personal_data import as_read, luhn_ok, scan, text_faults
from samverkan.content.phone import national

PUBLIC = frozenset({"112", "11414", "020390000", "0850800000"})


def findings(text: str) -> list[str]:
    return [finding.what for finding in scan(text, PUBLIC)]


def with_check_digit(nine: str) -> str:
    """The ten digits of an identity number whose check digit is right."""
    return next(nine + str(d) for d in range(10) if luhn_ok(nine + str(d)))


PERSONNUMMER = with_check_digit("811218987")  # 811218-9876 is the Swedish tax agency's well-known example
COORDINATION = with_check_digit("701063238")  # day 63 = the 3rd, plus 60


@pytest.mark.parametrize(
    "text",
    [
        f"Barnet har personnummer {PERSONNUMMER[:6]}-{PERSONNUMMER[6:]}.",
        f"pnr {PERSONNUMMER}",
        f"född 19{PERSONNUMMER[:6]}-{PERSONNUMMER[6:]}",
        f"19{PERSONNUMMER}",
        f"{PERSONNUMMER[:6]}+{PERSONNUMMER[6:]} (över 100 år)",
    ],
)
def test_personal_identity_numbers_are_found(text):
    assert findings(text) == ["looks like a personal identity number"]


TEST_NUMBER = "121212-1212"  # Luhn-valid and a real date: the form used in Swedish documentation examples


@pytest.mark.parametrize(
    "written",
    [
        "121212 - 1212",  # spaces around a hyphen
        "121212–1212",  # en dash
        "121212 – 1212",  # en dash with spaces
        "121212—1212",  # em dash
        "121212\u22121212",  # minus sign
        "121212\u20111212",  # non-breaking hyphen
        "121212\u00a0-\u00a01212",  # no-break spaces
        "121212 1212",  # a space
        "19121212 1212",  # century, then a space
        "19121212 – 1212",  # century, en dash
        "121212 + 1212",  # over 100 years old
    ],
)
def test_identity_numbers_with_any_dash_or_space_are_found(written):
    assert written.replace(" ", "").replace("\u00a0", "")[-4:] == TEST_NUMBER[-4:]
    assert findings(f"Barnet har nummer {written} enligt akten.") == ["looks like a personal identity number"]


def test_a_wrong_check_digit_stays_unfound_whatever_the_dash():
    assert findings("121212 – 1213, 19121212 1213") == []


def test_coordination_numbers_are_found():
    assert findings(f"samordningsnummer {COORDINATION[:6]}-{COORDINATION[6:]}") == [
        "looks like a coordination number"
    ]


def test_a_wrong_check_digit_or_impossible_date_is_not_an_identity_number():
    wrong = PERSONNUMMER[:9] + str((int(PERSONNUMMER[9]) + 1) % 10)
    assert findings(f"{wrong[:6]}-{wrong[6:]}") == []
    assert findings("991332-1234 och 001300-0000") == []


@pytest.mark.parametrize(
    "text",
    [
        "Socialtjänstlagen (2025:400) 20 kap. 1 §",
        "SFS 2018:1197 och 2017:900",
        "Dnr 1.10.7-235/2017",
        "Dnr 3.1.1-1234/2024",
        "ISBN 978-91-7281-737-1",
        "ISBN 0-306-40615-2",
        "ISBN 9789172817371",
        "Gäller från 2026-01-15 till 2027-01-15, beslut 20261127.",
        "Åren 2015, 2016 och 2017; 35 369 barn, 1 829 avvikna.",
        "Ring 112, polisen 114 14 eller stödlinjen 020-390 000.",
        "Stadens växel 08-508 000 00, +46 8 508 000 00 eller 08-50800000.",
        "Kommunkod 0180, 0191 och 0114.",
        "Klockan 08.00-17.00, 22 kap. 11 §, LVU 43 §.",
        "Åren 2015–2017 och 2019 – 2021; perioden 20150101–20161231.",
        "Dnr 1.10.7–235/2017 och KS 2024/123–4567.",
        "SFS 2025:400 – 2025:401, 20 kap. 1–3 §§.",
        "Sidorna 120 121–122, tabell 2026 1127.",
        "ISBN 978 91 7281 737 1",
        "Beslutet 2026-11-29 – 2027-11-29.",
    ],
)
def test_lookalikes_are_not_personal_data(text):
    assert findings(text) == []


@pytest.mark.parametrize(
    "text, number",
    [
        ("Handläggare: 08-508 254 03", "08-508 254 03"),
        ("mobil 070-123 45 67", "070-123 45 67"),
        ("ring 0701234567", "0701234567"),
        ("+46 70 123 45 67", "+46 70 123 45 67"),
        ("031-123 45 67 dagtid", "031-123 45 67"),
    ],
)
def test_undeclared_phone_numbers_are_found(text, number):
    assert f"phone number '{number}' is not a declared public switchboard" in findings(text)


@pytest.mark.parametrize("text", ["anna.svensson@stockholm.se", "Mejla till barn+1@example.org."])
def test_email_addresses_are_found(text):
    assert findings(text) == ["contains an e-mail address"]


def test_national_normalises_the_country_code():
    assert (
        national("+46 (0)8-508 000 00")
        == national("+46 8 508 000 00")
        == national("0046 8 508 000 00")
        == national("08-508 000 00")
        == "0850800000"
    )


def test_the_check_names_the_file_and_line_in_body_and_front_matter(tmp_path):
    root = copy_minimal(tmp_path)
    replace(
        root,
        "docs/sv/rutiner/avvikning.md",
        "1. Boendet ringer polisen.",
        f"1. Boendet ringer polisen om {PERSONNUMMER}.",
    )
    replace(
        root,
        "docs/en/rutiner/avvikning.md",
        "title: When a child goes missing",
        "title: When a child goes missing (ask kim@example.org)",
    )
    found = [p for p in problems(root) if "identity number" in p or "e-mail" in p]
    assert found == [
        "docs/en/rutiner/avvikning.md:4: contains an e-mail address — remove it; point to the function's switchboard or web page instead",
        "docs/sv/rutiner/avvikning.md:23: looks like a personal identity number — remove it: the handbook is public and never names or identifies a person",
    ]


def test_switchboards_declared_in_the_municipality_folder_are_allowed(tmp_path):
    root = copy_minimal(tmp_path)
    replace(
        root,
        "docs/sv/rutiner/avvikning.md",
        "1. Boendet ringer polisen.",
        "1. Boendet ringer polisen på 114 14 eller växeln 08-123 00 00.",
    )
    assert any("'08-123 00 00' is not a declared" in p for p in problems(root))
    (root / "municipalities").mkdir()
    (root / "municipalities" / "public-numbers.yml").write_text(
        '- number: "114 14"\n- number: 08-123 00 00\n', encoding="utf-8"
    )
    assert not any("phone number" in p for p in problems(root))


# Read as the reader reads it (issue 31): the same number or address, written so that no pattern of 0-9 and
# single spaces finds it in file order.
@pytest.mark.parametrize(
    "text, number",
    [
        ("mobil 070 – 123 45 67", "070 – 123 45 67"),  # a word processor's spaced en dash
        ("ring 0046 70 123 45 67", "0046 70 123 45 67"),  # 0046 for +46
        ("ring 0046-70-1234567", "0046-70-1234567"),
        ("mobil 070-123\n45 67 dagtid", "070-123 45 67"),  # wrapped over two source lines
        ("mobil 070-123\u00a045\u00a067", "070-123\u00a045\u00a067"),  # no-break spaces
        ("ring 070.123.45.67", "070.123.45.67"),  # dots throughout
        ("ring 08/123 45 67", "08/123 45 67"),  # a slash after the area code
        ("ring +46.70.123.45.67", "+46.70.123.45.67"),
    ],
)
def test_undeclared_numbers_are_found_whatever_the_separators(text, number):
    assert f"phone number '{' '.join(number.split())}' is not a declared public switchboard" in findings(text)


@pytest.mark.parametrize(
    "text",
    [
        "Klockan 08.00–17.00 och 08.30 – 16.30.",
        "Beslutet 01.02.2026, ändrat 15.11.2026.",
        "Ring 08-508 000 00\noch fråga efter socialjouren.",
        "Stadens växel 08 – 508 000 00.",
    ],
)
def test_times_dates_and_declared_numbers_stay_unfound_with_the_new_separators(text):
    assert findings(text) == []


@pytest.mark.parametrize(
    "text",
    [
        f"pnr {PERSONNUMMER[:6]}-\n{PERSONNUMMER[6:]} enligt akten",  # an identity number over two lines
        f"född 19{PERSONNUMMER[:6]}\n– {PERSONNUMMER[6:]}",
    ],
)
def test_an_identity_number_over_two_lines_is_found(text):
    assert findings(text) == ["looks like a personal identity number"]


@pytest.mark.parametrize(
    "text",
    [
        "anna.svensson(at)stockholm.se",
        "anna.svensson [at] stockholm.se",
        "anna.svensson{AT}stockholm(dot)se",
        "anna.svensson @ stockholm.se",
        "anna(snabel-a)stockholm.se",
    ],
)
def test_addresses_written_to_fool_a_harvester_are_found(text):
    assert findings(text) == ["contains an e-mail address"]


def test_a_lookalike_of_at_is_not_an_address():
    assert findings("Läs mer (at your own pace) på www.ivo.se och i avsnitt [at] 3.") == []


def file_lines(source: str) -> list[str]:
    return [f"{problem.line}: {problem.message}" for problem in file_problems("x.md", source, PUBLIC)]


def test_full_width_digits_are_read_as_digits_and_refused_in_one_line():
    assert file_lines("rad ett\nRing ０７０-１２３ ４５ ６７ i natt.") == [
        "2: the number '０７０-１２３ ４５ ６７' is written in digits other than 0-9"
    ]
    # declared, but not dialled
    assert file_lines("Växeln ０８-５０８ ０００ ００.") == [
        "1: the number '０８-５０８ ０００ ００' is written in digits other than 0-9"
    ]
    # an entity for '０'
    assert file_lines("Växeln &#65296;8-508 000 00.") == [
        "1: the number '０8-508 000 00' is written in digits other than 0-9"
    ]
    assert file_lines("Arabic-Indic ٠٧٠١٢٣٤٥٦٧.") == [
        "1: the number '٠٧٠١٢٣٤٥٦٧' is written in digits other than 0-9"
    ]


def test_a_number_in_other_digits_is_personal_data_once_read():
    assert as_read("０７０-１２３ ４５ ６７") == "070-123 45 67" and as_read("٠٨") == "08"
    assert text_faults("mobil ０７０-１２３ ４５ ６７", PUBLIC) == [
        "the number '０７０-１２３ ４５ ６７' is written in digits other than 0-9"
    ]


@pytest.mark.parametrize("control", ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e"])
def test_bidi_embeddings_and_overrides_are_refused_at_their_line(control):
    lines = file_lines(f"rad ett\nRing {control}76 54 321-070\u202c i natt.")
    assert (
        lines[0]
        == f"2: contains the invisible bidi control U+{ord(control):04X}, which reorders what readers see"
    )


def test_bidi_isolates_stay_allowed():
    assert file_lines("Ordet \u2067\u0645\u0631\u062d\u0628\u0627\u2069 betyder hej.") == []


def test_a_number_in_the_search_words_is_found_in_its_file(tmp_path):
    root = copy_minimal(tmp_path)
    (root / "search").mkdir(exist_ok=True)
    (root / "search" / "synonyms-sv.yml").write_text(
        "synonyms:\n  - [socialjour, 070-123 45 67]\n", encoding="utf-8"
    )
    found = [p for p in problems(root) if "phone number" in p]
    assert found == [
        "search/synonyms-sv.yml:2: phone number '070-123 45 67' is not a declared public switchboard — use a switchboard listed in municipalities/public-numbers.yml or a municipality file, or add this one there if it is public"
    ]
