"""A municipality's edition and the county site's chooser, in Chromium (issue 13): the edition shows its name
and contact card; its addition is in the table of contents at its section; on the county site a reader chooses a
municipality by keyboard, the choice is remembered, changed and forgotten, works from disk (offline), and axe-core
finds nothing; without JavaScript and on paper the county text stands; at 360 px nothing scrolls sideways."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from .conftest import serve_under_subpath
from .test_pages_browser import AXE_OPTIONS

NARROW = {"width": 360, "height": 740}
KEY = "samverkan-municipality"


@pytest.fixture(scope="module")
def served_editions(edition_sites, tmp_path_factory):
    """The Sigtuna and Stockholm editions of the real handbook, served under /handbok/: {slug: base URL}."""
    urls, servers = {}, []
    for slug, site in edition_sites.items():
        server, urls[slug] = serve_under_subpath(site.resolve(), tmp_path_factory.mktemp(f"www-{slug}"))
        servers.append(server)
    yield urls
    for server in servers:
        server.shutdown()


def axe_violations(page) -> list:
    page.evaluate(Axe().axe_script)
    return [
        violation["id"]
        for violation in page.evaluate("o => axe.run(document, o).then(r => r.violations)", AXE_OPTIONS)
    ]


def no_sideways_scroll_and_numbers_on_one_line(page) -> None:
    width = page.evaluate("() => document.scrollingElement.scrollWidth")
    assert width <= NARROW["width"], f"{page.url}: the page is {width} px wide"
    lines = page.evaluate("""() => [...document.querySelectorAll('.sv-contact-card a[href^="tel:"]')]
        .filter(a => a.offsetParent !== null).map(a => [a.textContent, a.getClientRects().length])""")
    assert lines and all(count == 1 for _, count in lines), lines


def test_edition_shows_its_name_and_card_where_staff_look_for_numbers(browser, served_editions):
    context = browser.new_context(viewport=NARROW)
    page = context.new_page()
    base = served_editions["sigtuna"]
    page.goto(base)
    assert (
        page.locator(".md-banner .sv-edition-banner").inner_text().strip()
        == "Samverkansplanen, utgåva för Sigtuna kommun"
    )
    card = page.locator(".sv-contact-card")
    assert card.is_visible() and "010-444 05 00" in card.inner_text() and "08-591 260 00" in card.inner_text()
    assert page.locator('.sv-contact-card a[href="tel:+46104440500"]').count() == 2  # the night route too
    no_sideways_scroll_and_numbers_on_one_line(page)
    for path in (
        "rutiner/avvikning/",
        "checklistor/avvikning-boendet/",
        "aktorer/socialjouren/",
        "en/rutiner/patraffande/",
    ):
        page.goto(base + path)
        assert page.locator('.sv-contact-card[data-sv-edition="sigtuna"]').is_visible(), path
        no_sideways_scroll_and_numbers_on_one_line(page)
    assert axe_violations(page) == []
    context.close()


def test_addition_is_announced_and_read_as_a_heading_at_its_section(page, served_editions):
    page.goto(served_editions["stockholm"] + "rutiner/avvikning/")
    page.locator(".sv-local-notice a").click()
    assert page.evaluate("location.hash") == "#lokalt-tillagg-stockholm"
    heading = page.get_by_role("heading", name="Lokalt tillägg: Stockholms stad")
    assert heading.is_visible() and heading.get_attribute("id") == "lokalt-tillagg-stockholm"
    tops = [
        page.locator(anchor).bounding_box()["y"]
        for anchor in ("#vem-gor-vad", "#lokalt-tillagg-stockholm", "#tidsramar")
    ]
    assert tops == sorted(tops)  # in 'Vem gör vad', before the next section
    assert axe_violations(page) == []


def choose_by_keyboard(page, times: int) -> None:
    page.locator("#sv-chooser-select").focus()
    for _ in range(times):
        page.keyboard.press("ArrowDown")


def chosen_parts(page) -> set:
    return set(
        page.locator("[data-sv-municipality]:visible").evaluate_all(
            "parts => parts.map(p => p.dataset.svMunicipality)"
        )
    )


def shown_parts(page, slug: str) -> set:
    """The municipalities whose parts the page shows, once the chosen one's have come: its script loads a moment
    after the choice (waited for up to a hang guard far above normal)."""
    page.wait_for_selector(f"[data-sv-municipality='{slug}']", state="visible", timeout=15_000)
    return chosen_parts(page)


def test_county_chooser_sets_remembers_changes_and_clears_by_keyboard(browser, served_site):
    context = browser.new_context(viewport=NARROW)
    page = context.new_page()
    page.goto(served_site)
    # filled from the county's list
    page.wait_for_selector("[data-sv-chooser]", state="visible", timeout=15_000)
    assert chosen_parts(page) == set()
    options = page.locator("#sv-chooser-select option").evaluate_all("options => options.map(o => o.value)")
    choose_by_keyboard(page, options.index("sigtuna"))  # all 26, by name
    assert (
        shown_parts(page, "sigtuna") == {"sigtuna"}
        and page.evaluate(f"localStorage.getItem('{KEY}')") == "sigtuna"
    )
    assert "Sigtuna kommun" in page.locator("[data-sv-chooser-status]").inner_text()
    no_sideways_scroll_and_numbers_on_one_line(page)
    assert axe_violations(page) == []
    page.goto(served_site + "rutiner/avvikning/")  # remembered on the next page
    assert (
        shown_parts(page, "sigtuna") == {"sigtuna"}
        and page.locator("#sv-chooser-select").input_value() == "sigtuna"
    )
    # changed: its card and its addition in place
    page.locator("#sv-chooser-select").select_option("stockholm")
    assert (
        shown_parts(page, "stockholm") == {"stockholm"}
        and page.locator("#lokalt-tillagg-stockholm").is_visible()
    )
    no_sideways_scroll_and_numbers_on_one_line(page)
    assert axe_violations(page) == []
    page.emulate_media(media="print")  # on paper the county text stands
    assert chosen_parts(page) == set()
    page.emulate_media(media="screen")
    page.locator("[data-sv-chooser-clear]").focus()
    page.keyboard.press("Enter")
    assert chosen_parts(page) == set() and page.evaluate(f"localStorage.getItem('{KEY}')") is None
    assert page.evaluate("document.activeElement.id") == "sv-chooser-select"
    context.close()


# its box on the screen, and at its four corners (inside its rounding) nothing covers it or cuts it off
FULLY_SEEN = """e => { const r = e.getBoundingClientRect();
    const corners = [[r.left + 4, r.top + 4], [r.right - 4, r.top + 4], [r.left + 4, r.bottom - 4], [r.right - 4, r.bottom - 4]];
    return r.width > 0 && r.left >= 0 && r.right <= innerWidth && corners.every(([x, y]) => e.contains(document.elementFromPoint(x, y))); }"""


@pytest.mark.parametrize(
    ("prefix", "none"), [("", "Ingen vald: hela länets plan"), ("en/", "None: the whole county's plan")]
)
def test_on_a_phone_the_chooser_says_what_none_means_and_forget_is_seen_whole(
    browser, served_site, prefix, none
):
    """Issue 29: once a municipality was chosen, "Glöm valet" was cut off by 5 px at 390 px on every page."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(served_site + prefix)
    select = page.locator("#sv-chooser-select")
    page.wait_for_selector("[data-sv-chooser]", state="visible", timeout=15_000)
    assert select.locator("option").first.inner_text() == none and select.evaluate(FULLY_SEEN)
    select.select_option("upplands-vasby")  # the longest name
    for path in ("", "checklistor/avvikning-boendet/"):
        page.goto(served_site + prefix + path)
        clear = page.locator("[data-sv-chooser-clear]")
        assert clear.is_visible() and clear.evaluate(FULLY_SEEN), (path, clear.bounding_box())
        assert select.evaluate(FULLY_SEEN)
    context.close()


def test_without_javascript_the_county_text_stands(browser, served_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(served_site + "rutiner/avvikning/")
    assert not page.locator("[data-sv-chooser]").is_visible() and chosen_parts(page) == set()
    assert "kommunens socialjour" in page.locator("article").inner_text()
    context.close()


def test_chooser_works_offline_from_disk(page, offline_site):
    page.goto((offline_site / "index.html").as_uri())
    page.locator("#sv-chooser-select").select_option("sigtuna")
    page.goto((offline_site / "rutiner" / "avvikning.html").as_uri())
    assert shown_parts(page, "sigtuna") == {"sigtuna"}
