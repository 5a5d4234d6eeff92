"""A cited section's summary in Chromium: reachable by keyboard (tooltip on focus, note on Enter), printed as a
note at the foot of the page, and axe-core clean on a page with citations and on a law page's section table."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from samverkan.editions.handbook import load_site
from samverkan.views import citations

from .test_pages_browser import AXE_OPTIONS

CITING = "aktorer/polisen/"  # an actor page that cites sections of several laws


def first_note(lang: str):
    handbook = load_site("mkdocs.yml")
    page = handbook.at(lang, "aktorer/polisen.md")
    notes = sorted(citations.notes(handbook, page, lambda law: "").values(), key=lambda note: note.number)
    assert notes, "the page cites listed sections"
    return notes[0]


def tab_to_first_note(page) -> None:
    for _ in range(120):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('footnote-ref')"):
            # the tooltip fades in (Material: opacity .25s); axe reads colours mid-fade as too faint
            page.wait_for_function(
                "() => [...document.querySelectorAll('.md-tooltip2--active')].some(t => getComputedStyle(t).opacity === '1')"
            )
            return
    pytest.fail("no citation note is reachable with Tab")


@pytest.mark.parametrize("prefix,lang", [("", "sv"), ("en/", "en")])
def test_the_summary_of_a_cited_section_is_reachable_by_keyboard(page, served_site, prefix, lang):
    summary = first_note(lang).section.summary
    page.goto(served_site + prefix + CITING)
    tab_to_first_note(page)
    tooltip = page.locator(".md-tooltip2--active")
    tooltip.wait_for()
    assert summary[:60] in tooltip.inner_text(), "focus shows the summary beside the citation"
    page.keyboard.press("Enter")
    assert page.url.endswith("#cite-1")
    assert summary[:60] in page.locator(":target").inner_text(), (
        "Enter leads to the note at the foot of the page"
    )
    assert page.locator(":target a.footnote-backref").get_attribute("href") == "#cite-ref-1"


def test_the_notes_print_at_the_foot_of_the_page(page, served_site):
    page.goto(served_site + CITING)
    page.emulate_media(media="print")
    notes = page.locator(".sv-citations")
    assert notes.is_visible() and first_note("sv").section.summary[:60] in notes.inner_text()


@pytest.mark.parametrize("path", [CITING, "en/" + CITING, "lagar/sol/", "en/lagar/polislagen/"])
def test_pages_with_citations_and_section_tables_have_no_axe_violations(page, served_site, path):
    page.goto(served_site + path)
    if path.endswith(CITING):
        tab_to_first_note(page)  # with a tooltip open, too
    results = Axe().run(page, options=AXE_OPTIONS)
    assert results.violations_count == 0, results.generate_report()
