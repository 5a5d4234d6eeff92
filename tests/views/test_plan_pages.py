"""What the working group's additions show in the real site: change history, adoption table, suggest-a-change link."""

from __future__ import annotations

import re


def read(site, path):
    return (site / path).read_text(encoding="utf-8")


def test_routines_show_their_change_history_in_both_languages(built_site):
    sv, en = (
        read(built_site, "rutiner/avvikning/index.html"),
        read(built_site, "en/rutiner/avvikning/index.html"),
    )
    assert '<h2 id="andringshistorik">Ändringshistorik</h2>' in sv
    assert '<h2 id="andringshistorik">Change history</h2>' in en
    # cells carry their column's label (cards on a phone)
    assert sv.count("<tr><td") == en.count("<tr><td") > 0


def test_adoption_page_lists_all_26_municipalities(built_site):
    for path, summary in (
        ("anslutning/index.html", "2 av 26 kommuner har anslutit sig."),
        ("en/anslutning/index.html", "2 of 26 municipalities have adopted the plan."),
    ):
        page = read(built_site, path)
        assert page.count("<tr data-code=") == 26 and summary in page
        assert (
            '<tr data-code="0180" data-adopted="yes">' in page
            and '<tr data-code="0191" data-adopted="yes">' in page
        )
        assert ("Solna stad" if path.startswith("anslutning") else "City of Solna") in page


def test_contacts_say_exactly_what_was_done_with_each_night_value_and_when_it_answers(built_site):
    pages = (read(built_site, f"{prefix}kontakter/index.html") for prefix in ("", "en/"))
    # the list itself
    sv, en = (
        re.sub(r"<[^>]+>", "", page[page.index('<div class="sv-view sv-contacts">') : page.index("</table>")])
        for page in pages
    )
    # Värmdö
    assert (
        "Uppgift från kommunens sida daterad 2014-09-25, läst 2026-12-07, inte bekräftad av kommunen (källa)."
        in sv
    )
    # Stockholm
    assert (
        "Uppgift från en sida som inte är kommunens (equalsthlm.se), läst 2026-12-07, inte bekräftad av kommunen"
        in sv
    )
    assert (
        "08-508 40 000. Öppet" not in sv
        and "Öppet mån–tors 16–01, fre 14–02, lör 16–02, sön 16–01. Svarar ingen, eller är det stängt: ring 112 och be om socialjouren i Södertälje kommun."
        in sv
    )
    assert (
        "Open Mon–Thu 17:00–02:00, Fri 15:00–02:00, Sat–Sun 16:00–02:00." in en
        and "From a page not run by the municipality (7minds.se)" in en
    )
    assert "City of Solna" in en and "Botkyrka Municipality" in en
    # Järfälla, Sigtuna, Sundbyberg: Nordväst's
    assert "Öppettiderna är de som står för Sollentuna kommun, samma nummer." in sv
    assert "kontrollerad" not in sv and "checked" not in en


def test_every_page_links_to_suggest_a_change(built_site):
    assert '<p class="sv-suggest"><a href="../../om/foresla-andring/">Föreslå ändring</a></p>' in read(
        built_site, "rutiner/avvikning/index.html"
    )
    assert '<p class="sv-suggest"><a href="om/foresla-andring/">Suggest a change</a></p>' in read(
        built_site, "en/index.html"
    )


def test_county_edition_shows_generic_local_wording(built_site):
    page = read(built_site, "rutiner/avvikning/index.html")
    wording = (
        "kommunens socialjour på kvällar, nätter och helger. (Socialjouren i barnets kommun: välj den, se Kontakter per kommun, "
        "eller ring 112 och be om den kommunens socialjour.)"
    )
    # the number follows once the child's municipality is chosen
    assert wording in re.sub(r"<[^>]+>", "", page)
    assert "[[local:" not in page
    # the municipalities' additions are in their own scripts, for the chooser: not in the page
    assert "Lokalt tillägg" not in page and 'data-sv-slot="rutiner/avvikning.md#addition-vem-gor-vad"' in page
    assert "Lokalt tillägg: Stockholms stad" in read(
        built_site, "assets/javascripts/municipalities/stockholm.sv.js"
    )
