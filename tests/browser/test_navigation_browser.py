"""Language switch (both ways, every page type, nested pages, a slug that starts with "en"), keyboard use,
and the review notice decided in the browser."""

from __future__ import annotations

import re

import pytest

# One page of each type, nested and not: (Swedish path, English path) under the site root.
PAIRS = [
    ("", "en/"),  # start page (plain page)
    ("ansvarsmatris/", "en/ansvarsmatris/"),  # generated matrix view
    ("rutiner/", "en/rutiner/"),  # section index
    ("rutiner/avvikning/", "en/rutiner/avvikning/"),  # routine
    ("checklistor/avvikning-boendet/", "en/checklistor/avvikning-boendet/"),  # checklist
    ("aktorer/boendet/", "en/aktorer/boendet/"),  # actor
    ("lagar/sol/", "en/lagar/sol/"),  # law
    # term whose slug has "en" inside
    (
        "begrepp/term-ensamkommande-barn/",
        "en/begrepp/term-ensamkommande-barn/",
    ),
    ("om/tillganglighet/", "en/om/tillganglighet/"),  # about section
]


def switch(page, lang: str) -> None:
    page.locator(".md-header__option .md-select").hover()
    link = page.locator(f".md-select__link[hreflang={lang}]")
    with page.expect_navigation():
        link.click()


@pytest.mark.parametrize("sv,en", PAIRS, ids=[p[0] or "start" for p in PAIRS])
def test_language_switch_keeps_the_page_both_ways(page, served_site, sv, en):
    page.goto(served_site + sv)
    assert page.evaluate("document.documentElement.lang") == "sv"
    switch(page, "en")
    assert page.url == served_site + en
    assert page.evaluate("document.documentElement.lang") == "en"
    switch(page, "sv")
    assert page.url == served_site + sv


def test_a_slug_that_starts_with_en_switches_correctly(page, fixture_site):
    """Regression: 'ensamkommande/' starts with the language code 'en' and was once misrouted."""
    _, base = fixture_site
    page.goto(base + "ensamkommande/")
    switch(page, "en")
    assert page.url == base + "en/ensamkommande/"
    switch(page, "sv")
    assert page.url == base + "ensamkommande/"


def test_review_notice_from_a_page_whose_date_has_passed(page, fixture_site):
    site, base = fixture_site
    html = (site / "forsenad" / "index.html").read_text(encoding="utf-8")
    assert re.search(r"data-sv-review-notice(=\"\")?>", html), (
        "built when already overdue: the notice is in the HTML itself"
    )
    page.goto(base + "forsenad/")
    notice = page.locator("[data-sv-review-notice]")
    assert notice.is_visible() and "2020-01-01" in notice.inner_text()
    from axe_playwright_python.sync_playwright import Axe

    assert Axe().run(page).violations_count == 0, "the notice itself is accessible"
    page.goto(base + "en/forsenad/")
    assert page.locator("[data-sv-review-notice]").is_visible()
    assert "Review overdue" in page.locator("[data-sv-review-notice]").inner_text()
    page.goto(base + "ensamkommande/")
    assert not page.locator("[data-sv-review-notice]").is_visible(), "not overdue: no notice"


def test_review_notice_is_decided_at_view_time(browser, served_site):
    """A copy built today, read in 2100: every page's next review has passed, so the notice shows."""
    context = browser.new_context()
    context.add_init_script("""{ const RealDate = Date; const fixed = new RealDate('2100-01-01T12:00:00').getTime();
      Date = class extends RealDate { constructor(...a) { super(...(a.length ? a : [fixed])); } static now() { return fixed; } }; }""")
    page = context.new_page()
    page.goto(served_site + "rutiner/avvikning/")
    assert page.locator("[data-sv-review-notice]").is_visible()
    context.close()
    fresh = browser.new_page()
    fresh.goto(served_site + "rutiner/avvikning/")
    assert not fresh.locator("[data-sv-review-notice]").is_visible()
    fresh.close()


def test_keyboard_skip_link_focus_and_search(page, served_site):
    page.goto(served_site + "checklistor/avvikning-boendet/")
    page.keyboard.press("Tab")
    skip = page.evaluate("document.activeElement.className")
    assert "md-skip" in skip, f"first Tab lands on the skip link, not {skip!r}"
    outline = page.evaluate(
        "getComputedStyle(document.activeElement).outlineStyle + ' ' + getComputedStyle(document.activeElement).outlineWidth"
    )
    assert not outline.startswith("none"), f"focus is visible: {outline}"
    page.keyboard.press("Enter")
    assert "#" in page.url
    # search is reachable by Tab alone
    page.goto(served_site)
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('md-search__input')"):
            break
    else:
        pytest.fail("the search box is not reachable with Tab")
    page.keyboard.type("LVU")
    page.wait_for_selector(".md-search-result__item")


def test_keyboard_on_a_phone_reaches_search(browser, served_site):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(served_site)
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('sv-search-button')"):
            break
    else:
        pytest.fail("the search button is not reachable with Tab at 360 px")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    context.close()


def test_start_page_without_headings_still_has_a_skip_link(page, fixture_site):
    _, base = fixture_site
    page.goto(base)
    page.keyboard.press("Tab")
    assert "md-skip" in page.evaluate("document.activeElement.className")
    page.keyboard.press("Enter")
    assert page.url.endswith("#sv-content")
