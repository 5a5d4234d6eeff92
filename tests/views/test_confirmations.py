"""confirmations: which municipalities still have night values missing or not confirmed, and one sheet each that
lists what the handbook shows for it, with the source and the day it was read, and a place to confirm or correct."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from handbooks import run_command
from municipal import municipal_handbook
from samverkan.editions.handbook import load_site

ROOT = Path(__file__).resolve().parents[2]

STATUS = """\
municipalities:
  - code: "0998"
    name: Annanby kommun
    adopted: no
    night:
      service: {sv: "Socialjouren i Annanby", en: "Annanby's out-of-hours social services"}
      phone: 010-444 05 00
      hours: Mo-Fr 17:00-02:00
      source: https://www.annanby.se/socialjour
      read: 2026-12-03
      confirmed: {date: 2026-12-05, by: "Socialjouren i Annanby"}
  - code: "0999"
    name: Testby kommun
    adopted: yes
    night:
      service: {sv: "Socialjour Testby", en: "Testby's socialjour"}
      source: https://www.testby.se/jour
      read: 2026-11-30
  - {code: "0997", name: Tredjeby kommun, adopted: 2026-05-04}
"""


def confirmations(root: Path, sheets: Path) -> subprocess.CompletedProcess:
    return run_command(root, "confirmations", "--sheets", str(sheets))


@pytest.mark.site
def test_the_working_group_learns_whom_to_ask_and_each_municipality_gets_its_sheet(tmp_path):
    root = municipal_handbook(tmp_path)
    (root / "municipalities" / "status.yml").write_text(STATUS, encoding="utf-8")
    run = confirmations(root, tmp_path / "sheets")
    assert run.returncode == 0 and "Traceback" not in run.stderr, run.stderr
    asked = run.stdout.splitlines()
    assert not any(line.startswith("Annanby") for line in asked)  # everything shown, and confirmed
    assert (
        "Testby kommun (0999): missing: Nummer, Tider, När ingen svarar; not confirmed: Socialjour" in asked
    )
    assert "Tredjeby kommun (0997): missing: Socialjour, Nummer, Tider, När ingen svarar" in asked
    assert "2 of 3 municipalities" in run.stderr

    sheets = sorted((tmp_path / "sheets").glob("*.html"))
    assert [sheet.stem for sheet in sheets] == ["annanby", "testby", "tredjeby"]
    annanby = (tmp_path / "sheets" / "annanby.html").read_text(encoding="utf-8")
    for shown in (
        "Annanby kommun",
        "Socialjouren i Annanby",
        "010-444 05 00",
        "mån–fre 17–02",
        "Svarar ingen, eller är det stängt: ring 112",
        "https://www.annanby.se/socialjour",
        "läst 2026-12-03",
        "(bekräftad av kommunen 2026-12-05, Socialjouren i Annanby)",
    ):
        assert shown in annanby
    testby = (tmp_path / "sheets" / "testby.html").read_text(encoding="utf-8")
    assert "Socialjour Testby" in testby and "Ingen uppgift" in testby and "bekräftad" not in testby
    # Testby has a file: its units are listed by the county's words
    assert "Kommunens fil" not in testby and ": namn" in testby
    for sheet in sheets:
        text = sheet.read_text(encoding="utf-8")
        assert text.count("Nej, rätt uppgift") >= 4 and "Bekräftat av (funktion, inte namn)" in text
        assert "<script" not in text and "http://" not in text


def test_every_municipality_of_the_county_gets_a_sheet(tmp_path):
    run = confirmations(ROOT, tmp_path)
    assert run.returncode == 0, run.stderr
    rows = load_site(ROOT / "mkdocs.yml").adoption
    assert len(rows) == 26 and sorted(path.stem for path in tmp_path.glob("*.html")) == sorted(
        row.slug for row in rows
    )
    for row in rows:
        night = row.night("sv")
        sheet = (tmp_path / f"{row.slug}.html").read_text(encoding="utf-8")
        assert row.name in sheet
        if night and night.phone:
            assert night.phone in sheet and f"läst {night.read}" in sheet
