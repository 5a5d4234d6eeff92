"""Hostile and careless files in municipalities/: each stops `samverkan check` with one clean line.

Every case writes one bad file into a copy of the municipal fixture (tests/fixtures/municipal), runs the
command as an adopter would, and asserts the exact problem (file, line, message), that a fix follows it,
and that no traceback is printed. The files are checked whichever edition is chosen: the check here runs
the county edition, and the bad file is a municipality no one asked to build.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import subprocess
import traceback
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from conftest import hang_guard
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from municipal import municipal_handbook
from samverkan import cli
from samverkan.checks import rules
from samverkan.content.schema import build_day
from samverkan.editions import overlay
from samverkan.editions.handbook import load_site

# A correct municipality file; the cases name its lines. Code 0998 is Annanby's in the fixture's status.yml.
ANNANBY = """\
name:
  sv: Annanby kommun
  en: Annanby Municipality
code: "0998"
units:
  socialjour:
    name:
      sv: Socialjouren i Annanby
      en: Annanby's out-of-hours service
    phone: 08-123 400 00
additions:
  avvikning:
    sv: |
      I Annanby ringer boendet alltid Socialjouren.
    en: |
      In Annanby the residence always calls the out-of-hours service.
"""
FILE = "municipalities/annanby.yml"


# status.yml with a municipality's night contact; the cases name its lines (read: is line 12, a field added: 13).
STATUS = """\
municipalities:
  - {code: "0998", name: Annanby kommun, adopted: yes}
  - {code: "0999", name: Testby kommun, adopted: yes}
  - {code: "0997", name: Tredjeby kommun, adopted: 2026-05-04}
  - code: "0996"
    name: Fjärdeby kommun
    adopted: no
    night:
      service: {sv: Socialjouren, en: the out-of-hours social services}
      phone: 08-123 499 00
      source: https://fjardeby.se/socialjouren
      read: 2026-12-03
"""


def night(old: str, new: str) -> dict:
    assert old in STATUS, old
    return {"municipalities/status.yml": STATUS.replace(old, new, 1)}


def annanby(old: str, new: str) -> str:
    assert old in ANNANBY, old
    return ANNANBY.replace(old, new, 1)


@dataclass(frozen=True)
class Link:
    """A symbolic link to write instead of a file."""

    target: str


def case(name: str, files: dict, expected: str):
    return pytest.param(files, expected, id=name)


CASES = [
    # the file name and extension
    case(
        "capital letter in the name",
        {"municipalities/Annanby.yml": ANNANBY},
        "municipalities/Annanby.yml:1: the municipality's file name 'Annanby.yml' is not lower-case a–z and hyphens",
    ),
    case(
        "underscore in the name",
        {"municipalities/ann_anby.yml": ANNANBY},
        "municipalities/ann_anby.yml:1: the municipality's file name 'ann_anby.yml' is not lower-case a–z and hyphens",
    ),
    case(
        "reviewed: an impossible date",
        {FILE: annanby('code: "0998"', 'code: "0998"\nreviewed: "2026-02-30"')},
        f"{FILE}:5: reviewed '2026-02-30' is not a real date",
    ),
    case(
        ".yaml instead of .yml",
        {"municipalities/annanby.yaml": ANNANBY},
        "municipalities/annanby.yaml:1: a municipality file must end in .yml",
    ),
    case("symbolic link", {FILE: Link("/etc/passwd")}, f"{FILE}:1: the file is a symbolic link"),
    # the SCB code
    case(
        "code of no municipality in status.yml",
        {FILE: annanby('"0998"', '"0180"')},
        f"{FILE}:4: code '0180' is not one of the county's municipalities in municipalities/status.yml",
    ),
    case("no code", {FILE: annanby('code: "0998"\n', "")}, f"{FILE}:1: the file has no 'code'"),
    case(
        "another municipality's code",
        {FILE: annanby('"0998"', '"0999"')},
        "municipalities/testby.yml:2: code '0999' is also the code of municipalities/annanby.yml",
    ),
    # values left from the template
    case(
        "template's phone number",
        {FILE: annanby("08-123 400 00", "08-000 000 00")},
        f"{FILE}:10: 'units.socialjour.phone' still holds the template's example '08-000 000 00'",
    ),
    case(
        "template's municipality name",
        {FILE: annanby("Socialjouren i Annanby", "Socialjouren i Exempels kommun")},
        f"{FILE}:8: 'units.socialjour.name.sv' names the template's example 'Exempels kommun'",
    ),
    # switchboards only
    case(
        "mobile number",
        {FILE: annanby("08-123 400 00", "070-123 45 67")},
        f"{FILE}:10: 'socialjour.phone' is a mobile number (070-123 45 67)",
    ),
    case(
        "mobile number with +46",
        {FILE: annanby("08-123 400 00", "+46 70 123 45 67")},
        f"{FILE}:10: 'socialjour.phone' is a mobile number (+46 70 123 45 67)",
    ),
    case(
        "premium-rate number",
        {FILE: annanby("08-123 400 00", "0900-123 456")},
        f"{FILE}:10: 'socialjour.phone' is a premium-rate number (0900-123 456)",
    ),
    case(
        "full-width digits",
        {FILE: annanby("08-123 400 00", "０８-１２３ ４００ ００")},
        f"{FILE}:10: 'socialjour.phone' is written in digits other than 0-9 (０８-１２３ ４００ ００)",
    ),
    case(
        "foreign number",
        {FILE: annanby("08-123 400 00", "+47 22 00 00 00")},
        f"{FILE}:10: 'socialjour.phone' is a foreign number (+47 22 00 00 00)",
    ),
    case(
        "personal (075) number",
        {FILE: annanby("08-123 400 00", "075-123 45 67")},
        f"{FILE}:10: 'socialjour.phone' is a personal number that follows a person (075-123 45 67)",
    ),
    # personal data as the reader reads it, in any text or comment
    case(
        "bidi override in an addition",
        {FILE: annanby("      I Annanby ringer", "      I Annanby \u202eringer")},
        f"{FILE}:14: contains the invisible bidi control U+202E, which reorders what readers see",
    ),
    case(
        "mobile with 0046 in a comment",
        {FILE: annanby("additions:", "# jourhavande: 0046 70 123 45 67\nadditions:")},
        f"{FILE}:11: phone number '0046 70 123 45 67' is not a declared public switchboard",
    ),
    case(
        "e-mail written name(at)domain in an addition",
        {FILE: annanby("alltid Socialjouren.", "alltid Socialjouren, eller mejlar anna(at)annanby.se.")},
        f"{FILE}:14: contains an e-mail address",
    ),
    case(
        "a mobile in a link's address",
        {FILE: annanby("alltid Socialjouren.", "alltid [Socialjouren](https://wa.me/46701234567).")},
        f"{FILE}:14: 'additions.avvikning.sv': the link to 'https://wa.me/46701234567' carries a mobile number (+46701234567)",
    ),
    case(
        "words instead of a number",
        {FILE: annanby("08-123 400 00", "ring växeln")},
        f"{FILE}:10: 'socialjour.phone' must be one phone number",
    ),
    # misspelt and missing keys
    case(
        "misspelt field",
        {FILE: annanby("additions:", "additons:")},
        f"{FILE}:11: unknown field 'additons' — did you mean 'additions'? allowed: name, code, units, additions, site_url, reviewed (see municipalities/TEMPLATE.yml)",
    ),
    case(
        "misspelt unit field",
        {FILE: annanby("    phone:", "    phon:")},
        f"{FILE}:10: unknown field 'phon' under 'units.socialjour' — did you mean 'phone'? allowed: name, phone, hours (see municipalities/TEMPLATE.yml)",
    ),
    case(
        "misspelt unit",
        {FILE: annanby("  socialjour:", "  socialjor:")},
        f"{FILE}:6: unknown unit 'socialjor' — did you mean 'socialjour'? units pages ask for: socialjour",
    ),
    case(
        "misspelt language",
        {FILE: annanby("      en: Annanby's", "      eng: Annanby's")},
        f"{FILE}:9: unknown language 'eng' under 'units.socialjour.name' — did you mean 'en'? allowed: sv, en (see municipalities/TEMPLATE.yml)",
    ),
    case(
        "missing value pages ask for",
        {FILE: annanby("    phone: 08-123 400 00\n", "")},
        f"{FILE}:6: 'socialjour.phone' is not given, but docs/sv/rutiner/avvikning.md:29 (and 1 more) asks for it",
    ),
    case(
        "value on two lines",
        {
            FILE: annanby(
                "      sv: Socialjouren i Annanby", "      sv: |\n        Socialjouren\n        i Annanby"
            )
        },
        f"{FILE}:9: 'units.socialjour.name.sv' must be one line",
    ),
    # a file that cannot be read: its one problem, and nothing about the pages that need its values
    case(
        "tab in the indentation",
        {FILE: annanby("    phone:", "\tphone:")},
        f"{FILE}:10: the file is not valid YAML (found character '\\t' that cannot start any token)",
    ),
    case(
        "unclosed bracket",
        {FILE: annanby("  sv: Annanby kommun", "  sv: [Annanby kommun")},
        f"{FILE}:3: the file is not valid YAML (expected ',' or ']', but got ':')",
    ),
    case(
        "invalid UTF-8",
        {FILE: annanby("Socialjouren i", "Socialjouren \udce5 i").encode("utf-8", "surrogateescape")},
        f"{FILE}:8: the file is not valid UTF-8 (byte 0xe5)",
    ),
    case(
        "NUL byte", {FILE: annanby("additions:", "additions:\0")}, f"{FILE}:11: the file contains a NUL byte"
    ),
    case(
        "byte-order mark is read, lines still right",
        {FILE: "\ufeff" + annanby("08-123 400 00", "070-123 45 67")},
        f"{FILE}:10: 'socialjour.phone' is a mobile number (070-123 45 67)",
    ),
    case(
        "alias bomb",
        {
            FILE: ANNANBY
            + "a0: &a0 [x, x, x, x, x, x, x, x, x]\n"
            + "".join(f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]\n" for i in range(1, 10))
        },
        f"{FILE}:18: the file uses an alias (*name)",
    ),
    case(
        "recursive alias",
        {FILE: ANNANBY + "loop: &loop [*loop]\n"},
        f"{FILE}:17: the file uses an alias (*name)",
    ),
    case(
        "duplicate key",
        {FILE: annanby("    phone: 08-123 400 00\n", "    phone: 08-123 400 00\n    phone: 070-123 45 67\n")},
        f"{FILE}:11: the field 'phone' is given twice",
    ),
    case(
        "deep nesting in brackets",
        {FILE: ANNANBY + "deep: " + "[" * 5000 + "]" * 5000 + "\n"},
        f"{FILE}:17: the file nests deeper than 12 levels",
    ),
    case(
        "a list instead of fields",
        {FILE: "- name: Annanby\n- code: '0998'\n"},
        f"{FILE}:1: the file is not a set of 'field: value' lines",
    ),
    case("no fields at all", {FILE: "# to be filled in\n"}, f"{FILE}:1: the file has no fields"),
    case(
        "a second YAML document",
        {FILE: annanby("additions:", "---\nadditions:")},
        f"{FILE}:11: the file has a '---' line, which would end it there",
    ),
    case(
        "county wording unreadable",
        {"municipalities/county.yml": "name: {sv: din kommun\n"},
        "municipalities/county.yml:2: the file is not valid YAML (expected ',' or '}', but got '<stream end>')",
    ),
    # texts: they land in pages
    case(
        "javascript: link in an addition",
        {FILE: annanby("alltid Socialjouren.", "alltid [Socialjouren](javascript:alert(1)).")},
        f"{FILE}:14: 'additions.avvikning.sv' links to a 'javascript:' address, not an https: address",
    ),
    case(
        "http: link in an addition",
        {FILE: annanby("always calls the", "always calls [the](http://example.org)")},
        f"{FILE}:16: 'additions.avvikning.en' links to a 'http:' address, not an https: address",
    ),
    case(
        "data: address in a link definition",
        {
            FILE: annanby(
                "alltid Socialjouren.",
                "alltid [Socialjouren][s].\n\n      [s]: data:text/html;base64,PHNjcmlwdD4=",
            )
        },
        f"{FILE}:16: 'additions.avvikning.sv' links to a 'data:' address, not an https: address",
    ),
    case(
        "script in a unit name",
        {FILE: annanby("Socialjouren i Annanby", "<script>alert(1)</script>")},
        f"{FILE}:8: 'units.socialjour.name.sv' contains HTML ('<script')",
    ),
    case(
        "iframe in an addition",
        {FILE: annanby("alltid Socialjouren.", "alltid <iframe src=x></iframe>")},
        f"{FILE}:14: 'additions.avvikning.sv' contains HTML ('<iframe')",
    ),
    case(
        "image from another host in an addition",
        {
            FILE: annanby(
                "alltid Socialjouren.", "alltid Socialjouren. ![x](https://elsewhere.example/pixel.png)"
            )
        },
        f"{FILE}:14: 'additions.avvikning.sv' shows an image — remove it",
    ),
    case(
        "attribute list with a handler in an addition",
        {FILE: annanby("alltid Socialjouren.", 'alltid Socialjouren.\n      {: onclick="alert(1)" }')},
        f"{FILE}:15: 'additions.avvikning.sv': the attribute list '{{: onclick=\"alert(1)\" }}' sets attributes",
    ),
    case(
        "attribute list with a style in an addition",
        {FILE: annanby("always calls the", 'always calls the\n      {: style="display:none" }\n     ')},
        f"{FILE}:17: 'additions.avvikning.en': the attribute list '{{: style=\"display:none\" }}' sets attributes",
    ),
    case(
        "unknown id in an addition",
        {FILE: annanby("alltid Socialjouren.", "alltid [[boendet-x]].")},
        f"{FILE}:14: 'additions.avvikning.sv' links to 'boendet-x', which is not the id of any page (sv) — did you mean 'boendet'? use the id of a page, as in [[boendet]]",
    ),
    case(
        "local value the file does not give",
        {FILE: annanby("alltid Socialjouren.", "alltid [[local:jour.phone]].")},
        f"{FILE}:14: 'additions.avvikning.sv' asks for the local value 'jour.phone', which the file does not give",
    ),
    case(
        "malformed marker",
        {FILE: annanby("alltid Socialjouren.", "alltid [[Boendet ]].")},
        f"{FILE}:14: 'additions.avvikning.sv' has a malformed marker '[[Boendet ]]'",
    ),
    case(
        "addition to no routine",
        {FILE: annanby("  avvikning:", "  avvikningen:")},
        f"{FILE}:12: 'avvikningen' under additions is not the id of a routine — did you mean 'avvikning'? use the id of a routine page, e.g. avvikning",
    ),
    # personal data, anywhere in the file
    case(
        "personal identity number in a unit name",
        {FILE: annanby("Socialjouren i Annanby", "Socialjouren i Annanby 121212-1212")},
        f"{FILE}:8: looks like a personal identity number",
    ),
    case(
        "identity number with an en dash in an addition",
        {FILE: annanby("In Annanby the", "In Annanby (121212 – 1212) the")},
        f"{FILE}:16: looks like a personal identity number",
    ),
    case(
        "e-mail address in a comment",
        {FILE: annanby('code: "0998"', 'code: "0998"  # frågor: anna.svensson@annanby.se')},
        f"{FILE}:4: contains an e-mail address",
    ),
    case(
        "identity number behind a zero-width space",
        {FILE: annanby("In Annanby the", "In Annanby 121212\u200b-1212 the")},
        f"{FILE}:16: looks like a personal identity number",
    ),
    case(
        "e-mail address written with an entity",
        {FILE: annanby("alltid Socialjouren.", "alltid anna&#64;exempel.se.")},
        f"{FILE}:14: contains an e-mail address",
    ),
    case(
        "mobile number in an addition",
        {FILE: annanby("alltid Socialjouren.", "alltid Socialjouren eller 070-123 45 67.")},
        f"{FILE}:14: phone number '070-123 45 67' is not a declared public switchboard",
    ),
    # the other files of the folder
    case(
        "public-numbers.yml not valid YAML",
        {"municipalities/public-numbers.yml": '- number: "112\n'},
        "municipalities/public-numbers.yml:2: the file is not valid YAML (found unexpected end of stream)",
    ),
    case(
        "public-numbers.yml fields instead of a list",
        {"municipalities/public-numbers.yml": 'number: "112"\n'},
        "municipalities/public-numbers.yml:1: the file is not a list of '- number: …' entries",
    ),
    case(
        "public-numbers.yml entry without a number",
        {"municipalities/public-numbers.yml": '- number: "112"\n- what: police\n'},
        "municipalities/public-numbers.yml:2: entry is not a public phone number",
    ),
    case(
        "public-numbers.yml premium-rate number",
        {"municipalities/public-numbers.yml": '- number: "112"\n- number: 0939-123 456\n'},
        "municipalities/public-numbers.yml:2: entry '0939-123 456' is a premium-rate number",
    ),
    case(
        "public-numbers.yml mobile number",
        {"municipalities/public-numbers.yml": '- number: "112"\n- number: "+46 70 123 45 67"\n'},
        "municipalities/public-numbers.yml:2: entry '+46 70 123 45 67' is a mobile number",
    ),
    case(
        "public-numbers.yml full-width digits",
        {"municipalities/public-numbers.yml": '- number: "１１２"\n'},
        "municipalities/public-numbers.yml:1: entry '１１２' is written in digits other than 0-9",
    ),
    case(
        "public-numbers.yml invalid UTF-8",
        {"municipalities/public-numbers.yml": b'- number: "112"\n- number: "11\xff4 14"\n'},
        "municipalities/public-numbers.yml:2: the file is not valid UTF-8 (byte 0xff)",
    ),
    case(
        "public-numbers.yml alias",
        {"municipalities/public-numbers.yml": '- &n {number: "112"}\n- *n\n'},
        "municipalities/public-numbers.yml:1: the file uses an alias (*name)",
    ),
    case(
        "status.yml without its list",
        {"municipalities/status.yml": "municipalities: 12\n"},
        "municipalities/status.yml:1: the file needs 'municipalities:' with one entry per municipality",
    ),
    # a night contact's hours, dates and source
    case(
        "night hours malformed",
        night("2026-12-03\n", "2026-12-03\n      hours: Mo-Th 17-02\n"),
        "municipalities/status.yml:13: Fjärdeby kommun: the night contact hours: 'Mo-Th 17-02' is not weekdays (Mo … Su) with times HH:MM-HH:MM or off — write the hours in",
    ),
    case(
        "night hours overlapping",
        night("2026-12-03\n", "2026-12-03\n      hours: Mo 22:00-02:00, Tu 01:00-03:00\n"),
        "municipalities/status.yml:13: Fjärdeby kommun: the night contact hours: the times of 'Mo 22:00-02:00' and 'Tu 01:00-03:00' overlap — give every hour once",
    ),
    case(
        "night hours empty",
        night("2026-12-03\n", '2026-12-03\n      hours: ""\n'),
        "municipalities/status.yml:13: Fjärdeby kommun: the night contact hours: the opening hours are empty — write the hours in",
    ),
    case(
        "night read in the future",
        night("read: 2026-12-03", "read: 2062-12-03"),
        f"municipalities/status.yml:12: Fjärdeby kommun: the night contact read 2062-12-03 lies after the day of the build ({build_day()}) — write the day it was actually done",
    ),
    # a confirmation records a day and a function, never a person
    case(
        "confirmed by a person",
        night("2026-12-03\n", '2026-12-03\n      confirmed: {date: 2026-12-04, by: "Anna Svensson"}\n'),
        "municipalities/status.yml:13: Fjärdeby kommun: the night contact confirmed by: names no function (a person's name is never recorded) — write confirmed: no, or",
    ),
    case(
        "confirmed by an e-mail address",
        night(
            "2026-12-03\n",
            '2026-12-03\n      confirmed: {date: 2026-12-04, by: "Socialjouren, anna.svensson@fjardeby.se"}\n',
        ),
        "municipalities/status.yml:13: Fjärdeby kommun: the night contact confirmed by: contains an e-mail address — write confirmed: no, or",
    ),
    case(
        "confirmed in the future",
        night("2026-12-03\n", "2026-12-03\n      confirmed: {date: 2062-12-04, by: Socialjouren}\n"),
        f"municipalities/status.yml:13: Fjärdeby kommun: the night contact confirmed date 2062-12-04 lies after the day of the build ({build_day()}) — write the day it was actually done",
    ),
    case(
        "confirmed without saying by whom",
        night("2026-12-03\n", "2026-12-03\n      confirmed: yes\n"),
        "municipalities/status.yml:13: Fjärdeby kommun: the night contact confirmed must be no, or the date and the function that confirmed it — write confirmed: no, or",
    ),
    case(
        "night number without a source",
        night("      source: https://fjardeby.se/socialjouren\n", ""),
        "municipalities/status.yml:8: Fjärdeby kommun: the night contact needs source: the address of the page it was read on — write night: with",
    ),
    case(
        "a unit's hours malformed",
        {
            FILE: annanby(
                "    phone: 08-123 400 00\n", "    phone: 08-123 400 00\n    hours: Mo-Fr 25:00-26:00\n"
            )
        },
        f"{FILE}:11: 'socialjour.hours': '25:00-26:00' starts after 23:59 — start a day's hours at 00:00–23:59",
    ),
]


@pytest.fixture(scope="module")
def fixture_root(tmp_path_factory) -> Path:
    return municipal_handbook(tmp_path_factory.mktemp("municipal"))


def write(root: Path, files: dict) -> Path:
    for name, content in files.items():
        path = root / name
        if isinstance(content, Link):
            path.symlink_to(content.target)
        else:
            path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return root


def check(root: Path) -> subprocess.CompletedProcess:
    """`samverkan check` as an adopter runs it, in this process (a process per case took most of this file's
    time): what it prints, its exit code, and the traceback of anything it raised, as a process would show it."""
    out, err = io.StringIO(), io.StringIO()
    chosen = os.environ.pop(overlay.ENV, None)
    try:
        with hang_guard(), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = cli.main(["--config", str(root / "mkdocs.yml"), "check"])
            except Exception:  # noqa: BLE001 - shown as the process would show it, and the test fails on it
                traceback.print_exc()
                code = 1
    finally:
        if chosen is not None:
            os.environ[overlay.ENV] = chosen
    return subprocess.CompletedProcess(["samverkan", "check"], code, out.getvalue(), err.getvalue())


@pytest.fixture
def project(fixture_root, tmp_path) -> Path:
    root = tmp_path / "handbook"
    shutil.copytree(fixture_root, root, symlinks=True)
    # Annanby gets a file in every case: status.yml must say it has adopted
    status = root / "municipalities" / "status.yml"
    status.write_text(
        status.read_text(encoding="utf-8").replace(
            "Annanby kommun, adopted: no", "Annanby kommun, adopted: yes"
        ),
        encoding="utf-8",
    )
    return root


@pytest.mark.parametrize("files, expected", CASES)
def test_hostile_municipality_input_gives_one_clean_line(project, files, expected):
    result = check(write(project, {FILE: ANNANBY} | files))
    assert "Traceback" not in result.stdout + result.stderr
    assert result.returncode == 1
    problems = result.stdout.splitlines()
    assert len(problems) == 1, problems
    assert problems[0].startswith(expected)
    assert " — " in expected or problems[0].startswith(expected + " — ")


@pytest.mark.parametrize(
    "text",
    [
        ANNANBY,  # the correct file itself
        annanby(
            "alltid Socialjouren.",
            "alltid [[boendet|boendet]] & [Socialjouren](https://annanby.se/jour?a=1&b=2), barn < 18 år.",
        ),
        annanby("08-123 400 00", "0771-123 400"),  # a shared-cost switchboard (077) is not a mobile
        "\ufeff" + ANNANBY,  # a byte-order mark is read as UTF-8
        "---\n" + ANNANBY + "...\n",  # explicit start and end of the one YAML document
    ],
)
def test_what_a_municipality_may_write_passes(project, text):
    result = check(write(project, {FILE: text}))
    assert (result.returncode, result.stdout) == (0, ""), result.stdout + result.stderr


def test_a_night_value_read_more_than_a_year_ago_is_a_warning_not_a_problem(project):
    result = check(write(project, {FILE: ANNANBY} | night("read: 2026-12-03", "read: 2020-01-01")))
    assert (result.returncode, result.stdout) == (0, ""), result.stdout + result.stderr
    warnings = [line for line in result.stderr.splitlines() if "warning:" in line]
    assert len(warnings) == 1 and warnings[0].startswith(
        "municipalities/status.yml:12: warning: Fjärdeby kommun: the night contact was read "
    ), warnings
    assert "days ago (more than 365) — read its source again" in warnings[0]


def test_values_are_escaped_where_they_land_in_pages():
    town = overlay.Overlay(
        "town",
        "",
        values={"jour.name": "A & B <i>"},
        additions={"r": {"sv": "x < y & [[local:jour.name]]", "en": "-"}},
    )
    assert (
        overlay.fill(town, "sv", "[[local:jour.name]]") == '<span class="sv-local">A &amp; B &lt;i&gt;</span>'
    )
    assert town.addition("r", "sv") == 'x &lt; y &amp; <span class="sv-local">A &amp; B &lt;i&gt;</span>'


def test_the_chosen_edition_reports_a_broken_municipality_once(project):
    write(project, {FILE: annanby("08-123 400 00", "070-123 45 67")})
    handbook = load_site(project / "mkdocs.yml")
    problems, _ = rules.all_problems(handbook, overlay.load(project, "annanby"))
    assert [str(p).split(" — ")[0] for p in problems] == [
        f"{FILE}:10: 'socialjour.phone' is a mobile number (070-123 45 67)"
    ]


# Random files: whatever is in them, only Problems come out, quickly.

keys = st.sampled_from(
    ["name", "code", "units", "additions", "socialjour", "phone", "sv", "en", "avvikning", "x"]
)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.text(max_size=30),
    st.sampled_from(
        [
            "08-123 400 00",
            "070-123 45 67",
            "0998",
            "121212-1212",
            "[[boendet]]",
            "[[local:socialjour.name]]",
            "<script>",
            "[x](javascript:y)",
            "Exempels kommun",
        ]
    ),
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(keys, inner, max_size=4),
    max_leaves=12,
)
yaml_texts = st.dictionaries(keys, values, max_size=5).map(
    lambda data: yaml.safe_dump(data, allow_unicode=True)
)
yamlish = st.lists(
    st.sampled_from(
        [
            "name:",
            "  sv: x",
            "  en: y",
            "code: '0998'",
            "units:",
            "  socialjour:",
            "    phone: 08-1",
            "- a",
            "&a",
            "*a",
            "[",
            "]",
            "{",
            "---",
            "...",
            "\t",
            "|",
            "#",
            ":",
            "'",
            '"',
            "\\",
            "\n",
        ]
    ),
    max_size=30,
).map("".join)
contents = st.one_of(yaml_texts, yamlish, st.text(max_size=300), st.binary(max_size=300))


FOLDER_FILES = [
    FILE,
    "municipalities/county.yml",
    "municipalities/public-numbers.yml",
    "municipalities/status.yml",
]


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(file=st.sampled_from(FOLDER_FILES), content=contents)
def test_random_files_in_the_municipality_folder_give_only_one_line_problems(fixture_root, file, content):
    target = fixture_root / file
    before = target.read_bytes() if target.exists() else None
    target.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8", "surrogatepass"))
    try:
        with hang_guard():
            handbook = load_site(fixture_root / "mkdocs.yml")
            problems, notes = rules.all_problems(handbook, overlay.load(fixture_root, "annanby"))
    finally:
        if before is None:
            target.unlink()
        else:
            target.write_bytes(before)
    for problem in problems:
        assert len(str(problem).splitlines()) == 1 and problem.line >= 1 and " — " in str(problem)
    assert all(isinstance(note, str) for note in notes)


@pytest.mark.parametrize(
    "addition",
    [
        "|a" * 5_000 + "|",  # a table row of more cells than a page may hold
        "*a " * 700 + "x" + " b*" * 700,  # emphasis nested deeper than Markdown recurses
        "<span>" * 300,  # raw tags opened and never closed
    ],
)
def test_an_addition_over_a_page_s_budget_is_one_line_and_left_out(tmp_path, addition):
    from samverkan import cli

    root = municipal_handbook(tmp_path)
    file = root / "municipalities/testby.yml"
    text = file.read_text(encoding="utf-8")
    file.write_text(
        text.replace(
            "    sv: |\n      I Testby ringer boendet **alltid** Socialjouren.\n",
            f"    sv: |\n      {addition}\n",
        ),
        encoding="utf-8",
    )
    with hang_guard():
        edition = overlay.load(root, "testby")
        assert cli.main(["--config", str(root / "mkdocs.yml"), "build", "--municipality", "testby"]) == 1
    budget = [str(problem) for problem in edition.problems if "more than" in problem.message]
    assert (
        len(budget) == 1
        and budget[0].startswith("municipalities/testby.yml:")
        and "'avvikning' (sv)" in budget[0]
    ), edition.problems
    assert "avvikning" not in edition.additions
