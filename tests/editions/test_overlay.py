"""Municipality overlay: local values in the right places, clear failures, unused values reported."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from handbooks import replace
from municipal import municipal_handbook
from samverkan.checks import municipal as municipal_checks
from samverkan.editions import county, overlay
from samverkan.editions.handbook import load_site
from samverkan.publish import publish
from samverkan.views.render import Renderer

ROOT = Path(__file__).resolve().parents[2]


def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def edition_problems(root: Path, slug: str | None) -> tuple[list[str], list[str]]:
    handbook = load_site(root / "mkdocs.yml")
    problems, notes = municipal_checks.check(handbook, overlay.load(root, slug))
    return [str(p) for p in sorted(problems)], notes


@pytest.mark.site
def test_municipality_edition_shows_its_names_numbers_and_additions_in_both_languages(tmp_path):
    root = municipal_handbook(tmp_path)
    replace(
        root,
        "municipalities/testby.yml",
        "Socialjouren.\n",
        "Socialjouren, [[local:socialjour.phone]] & [[boendet|boendet]] (< 18 år).\n",
    )
    site = tmp_path / "site"
    publish.build(root / "mkdocs.yml", site, "testby")
    sv, en = read(site, "rutiner/avvikning/index.html"), read(site, "en/rutiner/avvikning/index.html")
    # an addition's markers resolve as in pages, and its text is escaped, not HTML
    assert (
        'Socialjouren, <span class="sv-local"><a href="tel:+46812345678">08-123 456 78</a></span> &amp; '
        '<a href="../../aktorer/boendet/">boendet</a> (&lt; 18 år).'
    ) in sv
    assert '<span class="sv-local">Socialjouren i Testby</span>' in sv
    assert (
        '<a href="tel:+46812345678">08-123 456 78</a>' in sv
        and '<a href="tel:+46812345678">08-123 456 78</a>' in en
    )
    assert "Testby's out-of-hours service" in en
    assert (
        '<p aria-level="2" class="admonition-title" id="lokalt-tillagg-testby" role="heading">Lokalt tillägg: Testby kommun</p>'
        in sv
    )
    assert "<strong>alltid</strong>" in sv
    assert (
        '<p aria-level="2" class="admonition-title" id="local-addition-testby" role="heading">Local addition: Testby Municipality</p>'
        in en
    )
    assert "Lokalt tillägg" not in read(site, "index.html")  # additions only on their routine


@pytest.mark.site
def test_county_edition_shows_generic_wording_and_no_local_box(tmp_path):
    root = municipal_handbook(tmp_path)
    site = tmp_path / "site"
    publish.build(root / "mkdocs.yml", site)
    sv = read(site, "rutiner/avvikning/index.html")
    # each value keyed, for the editions filled into the county's site (site/fill.py)
    assert (
        'Ring <span data-sv-local="socialjour.name">kommunens socialjour</span> (<span data-sv-local="socialjour.phone">via kommunens växel</span>).'
        in sv
    )
    # a municipality's parts are in its script, for the reader who chooses it (test_edition.py)
    assert "Lokalt tillägg" not in sv and 'class="sv-local"' not in sv
    assert (
        'Call <span data-sv-local="socialjour.name">the municipality\'s out-of-hours service</span> (<span data-sv-local="socialjour.phone">'
        "through the municipality's switchboard</span>)."
    ) in read(site, "en/rutiner/avvikning/index.html")


def test_missing_value_fails_the_build_naming_the_key_and_the_page(tmp_path):
    root = municipal_handbook(tmp_path)
    replace(root, "municipalities/testby.yml", "    phone: 08-123 456 78\n", "")
    with pytest.raises(publish.BuildFailed) as failure:
        publish.build(root / "mkdocs.yml", tmp_path / "site", "testby")
    assert str(
        failure.value
    ).splitlines() == [  # one line, in the municipality's file, naming where pages ask for it
        "municipalities/testby.yml:4: 'socialjour.phone' is not given, but docs/sv/rutiner/avvikning.md:29 (and 1 more) asks for it"
        " — add phone: under units: socialjour: (see municipalities/TEMPLATE.yml)"
    ]
    assert not (tmp_path / "site").exists()


def test_a_copy_of_the_template_is_refused_at_every_example_value_it_still_holds(tmp_path):
    root = municipal_handbook(tmp_path)
    shutil.copyfile(root / "municipalities" / "TEMPLATE.yml", root / "municipalities" / "mallby.yml")
    problems, _ = edition_problems(root, "mallby")
    assert [p.split(" — ")[0] for p in problems] == [
        "municipalities/mallby.yml:3: 'name.sv' names the template's example 'Exempels kommun'",
        "municipalities/mallby.yml:4: 'name.en' names the template's example 'Exempel Municipality'",
        "municipalities/mallby.yml:5: code '0000' is not one of the county's municipalities in municipalities/status.yml",
        "municipalities/mallby.yml:9: 'units.socialjour.name.sv' names the template's example 'Exempels kommun'",
        "municipalities/mallby.yml:10: 'units.socialjour.name.en' names the template's example 'Exempel Municipality'",
        "municipalities/mallby.yml:11: 'units.socialjour.phone' still holds the template's example '08-000 000 00'",
    ]


def test_the_real_template_gives_every_value_the_real_pages_ask_for():
    handbook = load_site(ROOT / "mkdocs.yml")
    template = overlay.load(ROOT, "TEMPLATE")
    assert municipal_checks.check(handbook, template)[0] == []
    assert set(municipal_checks.Rules.of(handbook).needed) <= set(template.values)


def test_values_no_page_uses_are_reported_not_failed(tmp_path):
    root = municipal_handbook(tmp_path)
    assert edition_problems(root, "testby") == ([], [])  # a municipality's every unit is on its contact card
    replace(
        root,
        "municipalities/county.yml",
        "units:\n",
        "units:\n  falt:\n    name: {sv: fältgruppen, en: the field team}\n",
    )
    problems, notes = edition_problems(root, None)
    assert problems == []
    assert notes == ["municipalities/county.yml:4: 'falt.name' is used by no page"]


def test_unknown_municipality_and_addition_to_no_routine_are_problems(tmp_path):
    root = municipal_handbook(tmp_path)
    problems, _ = edition_problems(root, "ingenstans")
    assert problems[0].startswith(
        "municipalities/ingenstans.yml:1: there is no municipality file for 'ingenstans'"
    )
    replace(root, "municipalities/testby.yml", "  avvikning:\n", "  avvikelse:\n")
    problems, _ = edition_problems(root, "testby")
    assert problems == [
        "municipalities/testby.yml:10: 'avvikelse' under additions is not the id of a routine — use the id of a routine page, e.g. avvikning"
    ]


def test_addition_with_personal_data_fails(tmp_path):
    root = municipal_handbook(tmp_path)
    replace(
        root,
        "municipalities/testby.yml",
        "ringer boendet",
        "ringer boendet anna.svensson@testby.se eller 070-123 45 67 och",
    )
    problems, _ = edition_problems(root, "testby")
    assert [p.split(": ", 1)[1].split(" — ")[0] for p in problems] == [
        "contains an e-mail address",
        "phone number '070-123 45 67' is not a declared public switchboard",
    ]


def test_fill_marks_local_values_and_leaves_unknown_markers():
    county = overlay.Overlay(
        "county", "", values={"socialjour.phone": {"sv": "växeln", "en": "the switchboard"}}
    )
    town = overlay.Overlay("town", "", values={"socialjour.phone": "08-508 000 00"})
    text = "[[local:socialjour.phone]] [[local:nothing.here]]"
    assert overlay.fill(county, "en", text) == "the switchboard [[local:nothing.here]]"
    assert (
        overlay.fill(town, "sv", text)
        == '<span class="sv-local">[08-508 000 00](tel:+46850800000)</span> [[local:nothing.here]]'
    )


def test_real_stockholm_overlay_and_template_are_complete():
    handbook = load_site(ROOT / "mkdocs.yml")
    for slug in ("stockholm", "TEMPLATE", None):
        problems, _ = municipal_checks.check(handbook, overlay.load(ROOT, slug))
        assert [str(p) for p in problems] == [], slug


def test_real_stockholm_edition_gives_the_switchboard_by_day_and_socialjouren_at_night_with_112_when_nobody_answers(
    edition_sites,
):
    site = edition_sites["stockholm"]
    for prefix, closed in (
        (
            "",
            "Svarar ingen, eller är det stängt: ring 112 och be om socialjouren i Stockholms stad.",
        ),
        (
            "en/",
            "If no one answers, or it is closed: call 112 and ask for the socialjour of City of Stockholm.",
        ),
    ):
        assert '<a href="tel:+46850800000">08-508 000 00</a>' in read(
            site, f"{prefix}rutiner/avvikning/index.html"
        ), prefix
        for routine in ("avvikning", "patraffande"):
            page = read(site, f"{prefix}rutiner/{routine}/index.html")
            # Socialjouren's own number (status.yml, not confirmed)
            assert 'href="tel:+46850840000"' in page, (
                prefix,
                routine,
            )
            assert closed in re.sub(r"<[^>]+>", "", page), (prefix, routine)  # 112 in it is a call link
            assert (
                "Lokalt tillägg: Stockholms stad" if not prefix else "Local addition: City of Stockholm"
            ) in page
    assert "Socialjouren i Stockholms stad" in read(site, "rutiner/avvikning/index.html")


def test_adoption_view_lists_every_municipality_with_its_status(tmp_path):
    root = municipal_handbook(tmp_path)
    handbook = load_site(root / "mkdocs.yml")
    page = handbook.at("sv", "index.md")
    page.view = "adoption"
    html = Renderer(handbook).view_html(page)
    assert "<p>2 av 3 kommuner har anslutit sig.</p>" in html
    assert '<tr data-code="0999" data-adopted="yes">' in html and "Ja (från början)" in html
    assert 'Ja, <time datetime="2026-05-04">2026-05-04</time>' in html
    assert '<tr data-code="0998" data-adopted="no">' in html


def test_real_status_file_holds_the_26_municipalities_of_stockholm_county():
    rows, problems = county.read_status(ROOT)
    assert problems == []
    assert len(rows) == len({row.code for row in rows}) == 26
    assert all(row.code.startswith("01") for row in rows)
    by_code = {row.code: row for row in rows}
    assert by_code["0180"].name == "Stockholms stad" and by_code["0180"].adopted
    assert by_code["0191"].name == "Sigtuna kommun" and by_code["0191"].adopted
    assert by_code["0114"].name == "Upplands Väsby kommun" and by_code["0139"].name == "Upplands-Bro kommun"
    assert sum(row.adopted for row in rows) == 2
