"""What the working group's additions show in the real site: change history, adoption table, suggest-a-change link."""

from __future__ import annotations

import re


def read(site, path):
    return (site / path).read_text(encoding="utf-8")


def test_routines_show_their_change_history_in_both_languages(built_site):
    sv, en = read(built_site, "rutiner/avvikning/index.html"), read(built_site, "en/rutiner/avvikning/index.html")
    assert '<h2 id="andringshistorik">Ändringshistorik</h2>' in sv
    assert "<h2 id=\"andringshistorik\">Change history</h2>" in en
    assert sv.count("<tr><td") == en.count("<tr><td") > 0  # cells carry their column's label (cards on a phone)


def test_adoption_page_lists_all_26_municipalities(built_site):
    for path, summary in (("anslutning/index.html", "2 av 26 kommuner har anslutit sig."), ("en/anslutning/index.html", "2 of 26 municipalities have adopted the plan.")):
        page = read(built_site, path)
        assert page.count("<tr data-code=") == 26 and summary in page
        assert '<tr data-code="0180" data-adopted="yes">' in page and '<tr data-code="0191" data-adopted="yes">' in page


def test_every_page_links_to_suggest_a_change(built_site):
    assert '<p class="sv-suggest"><a href="../../om/foresla-andring/">Föreslå ändring</a></p>' in read(built_site, "rutiner/avvikning/index.html")
    assert '<p class="sv-suggest"><a href="om/foresla-andring/">Suggest a change</a></p>' in read(built_site, "en/index.html")


def test_county_edition_shows_generic_local_wording(built_site):
    page = read(built_site, "rutiner/avvikning/index.html")
    wording = "kommunens socialjour på kvällar, nätter och helger. (Socialjouren: välj kommun. Fara: 112.)"
    assert wording in re.sub(r"<[^>]+>", "", page)  # the number follows once a municipality is chosen
    assert "[[local:" not in page
    # the municipalities' additions are in their own scripts, for the chooser: not in the page
    assert "Lokalt tillägg" not in page and 'data-sv-slot="rutiner/avvikning/#1"' in page
    assert "Lokalt tillägg: Stockholms stad" in read(built_site, "assets/javascripts/municipalities/stockholm.sv.js")
