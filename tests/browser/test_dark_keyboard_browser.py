"""At night and by keyboard (issue 21): the site follows a phone's dark mode with AA contrast (axe-core finds
nothing in the dark scheme either, paper stays light); the start page's emergency numbers come within the first
five Tab stops, nothing hidden takes the focus, and a skip link leads to the content."""

from __future__ import annotations

import asyncio
import concurrent.futures

import pytest

from .conftest import site_pages
from .test_pages_browser import check_pages
from .test_phone_browser import PHONE

FOCUS = """() => { const e = document.activeElement; const r = e.getBoundingClientRect();
    const style = getComputedStyle(e);
    const drawn = e.matches('input.md-option') ? document.querySelector(`label[for="${e.id}"], label.md-header__button[for^="__palette"]`) : e;
    const box = drawn ? drawn.getBoundingClientRect() : r;
    return {tag: e.tagName, href: e.getAttribute('href') || '', text: (e.innerText || e.getAttribute('aria-label') || '').trim().slice(0, 40),
            seen: box.width > 0 && box.height > 0 && box.right > 0 && box.left < innerWidth && box.bottom > 0 && box.top < innerHeight
                  && style.visibility !== 'hidden' && !e.closest('[inert], [aria-hidden="true"], [hidden]')}; }"""


def one_page_per_kind(pages: list[str]) -> list[str]:
    """The start pages, the guide, the contacts list and the first page of every section, in both languages."""
    chosen, seen = [], set()
    for rel in pages:
        parts = rel.removeprefix("en/").split("/")
        kind = (rel.startswith("en/"), parts[0], len(parts))  # a section's index page and its pages apart
        if kind not in seen:
            seen.add(kind)
            chosen.append(rel)
    return chosen


def test_the_dark_scheme_has_no_axe_violations(served_site, built_site):
    pages = one_page_per_kind(site_pages(built_site))
    assert len(pages) >= 20 and "kontakter/index.html" in pages and "en/vad-gor-jag-nu/index.html" in pages
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        found = pool.submit(asyncio.run, check_pages(served_site, pages, "dark")).result()
    assert not found["violations"], "axe-core, dark:\n" + "\n".join(
        f"{rule}: {where[:3]}" for rule, where in found["violations"].items()
    )
    assert not found["problems"], found["problems"]


def test_a_phone_in_dark_mode_gets_the_dark_scheme_and_paper_stays_light(browser, served_site):
    context = browser.new_context(viewport=PHONE, color_scheme="dark")
    page = context.new_page()
    page.goto(served_site + "checklistor/avvikning-boendet/")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    dark = page.evaluate("getComputedStyle(document.body).backgroundColor")
    page.emulate_media(media="print", color_scheme="dark")
    assert (
        page.evaluate("getComputedStyle(document.body).backgroundColor")
        in ("rgb(255, 255, 255)", "rgba(0, 0, 0, 0)")
        != dark
    )
    assert page.evaluate("getComputedStyle(document.querySelector('article h1')).color") == "rgb(0, 0, 0)"
    context.close()


def test_the_toggle_switches_the_scheme_and_says_so_in_the_page_s_language(browser, served_site):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, color_scheme="light")
    page = context.new_page()
    for prefix, name in (("", "Byt till mörkt läge"), ("en/", "Switch to dark mode")):
        page.goto(served_site + prefix)
        toggle = page.locator(f'label.md-header__button[title="{name}"]')
        assert toggle.count() == 1, prefix
    toggle.click()
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    context.close()


def scheme(page) -> str:
    return page.evaluate("document.body.dataset.mdColorScheme")


def test_each_visit_follows_the_phone_and_a_choice_holds_for_the_visit_only(browser, served_site):
    """Issue 29: Material kept the palette for good, so one daytime visit kept the site white at night."""
    context = browser.new_context(viewport=PHONE, color_scheme="dark")
    earlier = context.new_page()  # an earlier visit: the reader chose light, and the phone was dark
    earlier.goto(served_site)
    assert scheme(earlier) == "slate"
    earlier.locator('label.md-header__button[title="Byt till ljust läge"]').click()
    assert scheme(earlier) == "default"
    earlier.goto(served_site + "checklistor/avvikning-boendet/")  # the choice holds while navigating
    assert scheme(earlier) == "default"
    earlier.emulate_media(color_scheme="light")
    earlier.emulate_media(color_scheme="dark")  # and when the phone switches
    earlier.reload()
    assert scheme(earlier) == "default"
    assert earlier.evaluate("Object.keys(localStorage).some(key => key.endsWith('.__palette'))")
    earlier.close()

    night = context.new_page()  # a new visit, with the choice of the earlier one still in localStorage
    night.goto(served_site + "en/")
    assert scheme(night) == "slate"
    # without a choice in this visit, it follows the phone as it switches
    night.emulate_media(color_scheme="light")
    night.wait_for_function("() => document.body.dataset.mdColorScheme === 'default'")
    night.goto(served_site + "kontakter/")
    assert scheme(night) == "default"
    context.close()


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_emergency_numbers_are_within_the_first_five_tab_stops(browser, served_site, prefix):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(served_site + prefix)
    stops = []
    for _ in range(5):
        page.keyboard.press("Tab")
        stops.append(page.evaluate(FOCUS))
    # the skip link and its target
    assert stops[0]["href"].startswith("#") and page.locator(stops[0]["href"]).count() == 1
    assert {"tel:112", "tel:11414"} <= {stop["href"] for stop in stops}, stops
    context.close()


@pytest.mark.parametrize("width", [PHONE["width"], 1280])
def test_nothing_hidden_takes_the_focus(browser, served_site, width):
    context = browser.new_context(viewport={"width": width, "height": PHONE["height"]})
    page = context.new_page()
    for path in ("", "checklistor/avvikning-boendet/", "en/rutiner/avvikning/"):
        page.goto(served_site + path)
        unseen = []
        for _ in range(40):
            page.keyboard.press("Tab")
            page.wait_for_timeout(20)
            stop = page.evaluate(FOCUS)
            if not stop["seen"] and stop["tag"] != "BODY":
                unseen.append(stop)
        assert unseen == [], (width, path, unseen[:5])
    context.close()
