"""At night on a 390 px phone (issues 18 and 29): each reader reaches the number they need as a tap-to-call link on
the first screen of their result in "Vad gör jag nu?", labelled with whose it is, when it answers and what to do
when no one does; with a municipality chosen and without one.

Five readers of issue 29, each at their hour by the phone's clock (Playwright's clock), with the municipality where
they are chosen under "Din kommun" and, where they know it, the child's:

- a residence's night worker in Järfälla at 02:10 whose child has gone missing (not knowing whether it has been assigned);
- a police officer in Södertälje at 03:00 who has found a child;
- an English-speaking volunteer in the City of Stockholm with a child placed from another county (Uppsala County);
- a school counsellor in Nacka who fears a pupil is at risk;
- a social secretary in Vallentuna, where a child assigned to Sigtuna has been found."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import pytest
from samverkan.editions import edition

from .test_phone_browser import PHONE

KEY = "samverkan-municipality"
READERS = {
    "night worker": "vad-gor-jag-nu/#avvikning--boendet--unknown",
    "police officer": "vad-gor-jag-nu/#patraffande--polisen",
    "volunteer": "en/vad-gor-jag-nu/#patraffande--roda-korset",
}
FIRST_SCREEN = """sel => [...document.querySelectorAll(sel)]
    .filter(a => a.offsetParent !== null && a.closest('.sv-guide__result:target'))
    .filter(a => { const r = a.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; })
    .map(a => a.getAttribute('href'))"""


@dataclass(frozen=True)
class Reader:
    result: str  # their result in "Vad gör jag nu?"
    here: str  # "Din kommun"
    child: str  # "Barnets kommun": a slug, "" (Vet inte) or "-" (I ett annat län)
    clock: dt.datetime  # the phone's clock, in Stockholm
    needs: tuple[str, ...]  # whose numbers they need: "here", "child"


def night(hour: int, minute: int = 0) -> dt.datetime:
    """Tuesday 8 December 2026 (Monday evening's night), in Stockholm."""
    return dt.datetime(2026, 12, 8, hour, minute, tzinfo=ZoneInfo("Europe/Stockholm"))


FIVE = {
    "Järfälla night worker": Reader(
        "vad-gor-jag-nu/#avvikning--boendet--unknown", "jarfalla", "", night(2, 10), ("here",)
    ),
    "Södertälje police officer": Reader(
        "vad-gor-jag-nu/#patraffande--polisen", "sodertalje", "", night(3), ("here",)
    ),
    "Stockholm volunteer, child from another county": Reader(
        "en/vad-gor-jag-nu/#patraffande--roda-korset", "stockholm", "-", night(1, 30), ("here",)
    ),
    "Nacka school counsellor": Reader(
        "vad-gor-jag-nu/#manniskohandel--skolan", "nacka", "", night(10).replace(day=7), ("here",)
    ),
    "Vallentuna social secretary": Reader(
        "vad-gor-jag-nu/#patraffande--socialtjansten-vistelsekommun",
        "vallentuna",
        "sigtuna",
        night(23).replace(day=7),
        ("here",),
    ),
}
LINES_ON_FIRST_SCREEN = """() => [...document.querySelectorAll('.sv-guide__result:target .sv-night')]
    .filter(line => line.offsetParent !== null)
    .filter(line => { const r = line.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; })
    .map(line => ({whose: line.getAttribute('data-sv-night'), text: line.innerText,
                   links: [...line.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))}))"""
WHOSE = {
    "sv": {"here": "där du är", "child": "barnets kommun"},
    "en": {"here": "where you are", "child": "the child's municipality"},
}
NOBODY = {"sv": "Svarar ingen, eller är det stängt", "en": "If no one answers, or it is closed"}
NOW = {"sv": ("Öppet nu.", "Stängt nu."), "en": ("Open now.", "Closed now.")}


@pytest.mark.parametrize("name", FIVE)
def test_five_readers_at_their_hour_get_the_number_of_the_right_municipality_on_the_first_screen(
    browser, served_site, handbook, name
):
    reader = FIVE[name]
    lang = "en" if reader.result.startswith("en/") else "sv"
    context = browser.new_context(
        viewport=PHONE, is_mobile=True, has_touch=True, timezone_id="Europe/Stockholm"
    )
    context.add_init_script(f"localStorage.setItem('{KEY}', '{reader.here}')")
    phone = context.new_page()
    phone.clock.install(time=reader.clock)
    phone.goto(served_site + reader.result)
    phone.wait_for_selector("[data-sv-filled]", state="attached")  # the chosen municipality's lines are in
    if (
        reader.child
    ):  # given in the chooser earlier in this visit, opened from a line after a call to the child's
        phone.goto(served_site + "checklistor/avvikning-boendet/")
        phone.locator("[data-sv-choose-child]").first.click()
        phone.locator("#sv-chooser-child").select_option(reader.child)
        phone.goto(served_site + reader.result)
        phone.wait_for_selector("[data-sv-filled]", state="attached")
    contacts = {each.slug: each for each in edition.contacts(handbook, lang)}
    lines = phone.evaluate(LINES_ON_FIRST_SCREEN)
    for whose in reader.needs:
        slug = reader.here if whose == "here" else reader.child
        line = next((line for line in lines if line["whose"] == whose), None)
        assert line, (name, whose, lines)
        if slug in contacts:
            contact = contacts[slug]
            assert f"{contact.name}, {WHOSE[lang][whose]}" in line["text"], line  # whose it is
            assert (
                f"tel:{contact.night_tel or '112'}" in line["links"] and line["links"].count("tel:112") == 1
            ), line
            # what to do when no one answers
            assert NOBODY[lang] in line["text"] or not contact.night_tel, line
            hours = (contact.choice(False)["night"] or {}).get("hours")
            if hours:  # when it answers, and whether it does now by the phone's clock
                minute = reader.clock.weekday() * 1440 + reader.clock.hour * 60 + reader.clock.minute
                is_open = any(start <= minute < end for start, end in hours["week"])
                assert hours["text"] in line["text"] and NOW[lang][not is_open] in line["text"], line
            else:
                assert not any(said in line["text"] for said in NOW[lang]), line
        else:  # not known, or in another county: the way to it, and 112 to ask for that municipality's
            assert WHOSE[lang][whose] in line["text"] and any(
                link.endswith("kontakter/") for link in line["links"]
            ), line
            assert line["links"].count("tel:112") == 1, line
    child = contacts.get(reader.child)
    if child:  # every call in the result that names the child's municipality: its number, so labelled
        lines = phone.locator(".sv-guide__result:target [data-sv-filled][data-sv-night=child]")
        assert lines.count() and all(
            f"tel:{child.night_tel}" in line.inner_html() and child.name in line.inner_text()
            for line in lines.all()
        )
    context.close()


@pytest.fixture
def phone_with(browser):
    """A phone whose reader has chosen a municipality earlier (or none): the choice is in localStorage."""
    contexts = []

    def open_with(slug: str | None):
        context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
        if slug:
            context.add_init_script(f"localStorage.setItem('{KEY}', '{slug}')")
        contexts.append(context)
        return context.new_page()

    yield open_with
    for context in contexts:
        context.close()


@pytest.mark.parametrize("reader", READERS)
def test_without_a_municipality_the_first_screen_has_112_and_the_way_to_the_number(
    phone_with, served_site, reader
):
    phone = phone_with(None)
    phone.goto(served_site + READERS[reader])
    links = phone.evaluate(FIRST_SCREEN, "a[href]")
    assert "tel:112" in links, (reader, links)
    # "välj kommun": the contacts list
    assert any(link.endswith("kontakter/") for link in links), (
        reader,
        links,
    )


@pytest.mark.parametrize("reader", READERS)
def test_with_a_municipality_chosen_its_socialjour_number_calls_from_the_first_screen(
    phone_with, served_site, reader
):
    phone = phone_with("sigtuna")
    phone.goto(served_site + READERS[reader])
    assert "tel:+46104440500" in phone.evaluate(FIRST_SCREEN, 'a[href^="tel:"]'), reader
    size = phone.locator('.sv-guide__result:target a[href="tel:+46104440500"]').first.bounding_box()
    assert size["height"] >= 24, size  # samverkan.css gives tel links a large target


def test_a_municipality_that_has_not_adopted_the_plan_still_gives_its_number(phone_with, served_site):
    phone = phone_with("danderyd")  # not adopted; its joint socialjour's number is in the county list
    phone.goto(served_site + READERS["police officer"])
    assert "tel:+46841020040" in phone.evaluate(FIRST_SCREEN, 'a[href^="tel:"]')
    assert "inte anslutit" in phone.locator("[data-sv-chooser-status]").inner_text()


def test_the_contacts_list_offers_all_26_with_their_night_numbers(phone_with, served_site):
    phone = phone_with(None)
    phone.goto(served_site + "kontakter/")
    rows = phone.locator("[data-sv-municipality-row]")
    assert rows.count() == 26
    assert phone.locator("[data-sv-municipality-row] a[href^='tel:']").count() >= 7
    assert phone.locator("#sv-chooser-select option").count() == 27  # "none" and the 26
