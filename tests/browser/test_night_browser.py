"""At 02:00 on a 390 px phone (issue 18): three readers each reach the number they need as a tap-to-call link
on the first screen of their result in "Vad gör jag nu?", with a municipality chosen and without one.

- a residence's night worker whose child has gone missing (not knowing whether it has been assigned);
- a police officer who has found a child at the Central Station at 03:00;
- an English-speaking volunteer of the Red Cross who meets a child who has been missing."""

from __future__ import annotations

import pytest

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
def test_without_a_municipality_the_first_screen_has_112_and_the_way_to_the_number(phone_with, served_site, reader):
    phone = phone_with(None)
    phone.goto(served_site + READERS[reader])
    links = phone.evaluate(FIRST_SCREEN, "a[href]")
    assert "tel:112" in links, (reader, links)
    assert any(link.endswith("kontakter/") for link in links), (reader, links)  # "välj kommun": the contacts list


@pytest.mark.parametrize("reader", READERS)
def test_with_a_municipality_chosen_its_socialjour_number_calls_from_the_first_screen(phone_with, served_site, reader):
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
