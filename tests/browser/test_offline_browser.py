"""The offline copy, downloaded from the site as a zip, unpacked and opened from disk: search, language switch,
no network at all; past its age it says so at the top, with its plan version and the day it was built (by the
phone's clock); and the ordinary site opened from disk says in one line that it cannot search, and links the
copy."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from conftest import ROOT
from samverkan.content import versions
from samverkan.site import offline

from .conftest import FIGURES, serve_under_subpath, site_pages
from .test_edition_browser import axe_violations
from .test_phone_browser import PHONE


def open_search(page):
    page.locator(".md-search__input").click()
    page.wait_for_function(
        "() => !/Initiali/.test(document.querySelector('.md-search-result__meta').textContent)",
        timeout=15_000,
    )


def search(page, query):
    box = page.locator(".md-search__input")
    box.fill(query[:-1])
    page.keyboard.type(query[-1])
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    return page.evaluate(
        "() => [...document.querySelectorAll('.md-search-result__item > a')].map(a => a.href)"
    )


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_offline_search_from_disk(page, offline_site, lang):
    start = offline_site / ("en/index.html" if lang == "en" else "index.html")
    page.goto(start.as_uri())
    open_search(page)
    hits = search(page, "avvikningar" if lang == "sv" else "missing")
    assert hits and all(h.startswith("file://") for h in hits)
    english = [h for h in hits if "/en/" in h[len(offline_site.as_uri()) :]]
    assert (len(english) == len(hits)) if lang == "en" else not english, hits


def test_offline_language_switch(page, offline_site):
    page.goto((offline_site / "rutiner" / "avvikning.html").as_uri())
    page.locator(".md-header__option .md-select").hover()
    with page.expect_navigation():
        page.locator(".md-select__link[hreflang=en]").click()
    assert page.url == (offline_site / "en" / "rutiner" / "avvikning.html").as_uri()
    page.goto((offline_site / "en" / "index.html").as_uri())
    page.locator(".md-header__option .md-select").hover()
    with page.expect_navigation():
        page.locator(".md-select__link[hreflang=sv]").click()
    assert page.url == (offline_site / "index.html").as_uri()


def test_offline_every_page_makes_no_network_request(browser, offline_site):
    pages = site_pages(offline_site)
    assert len(pages) > 50
    outside = []
    context = browser.new_context()
    context.on(
        "request",
        lambda request: (
            None
            if request.url.startswith(("file://", "data:", "about:", "blob:"))
            else outside.append(request.url)
        ),
    )
    page = context.new_page()
    for rel in pages:
        page.goto((offline_site / rel).as_uri(), wait_until="load")
    context.close()
    FIGURES["offline pages opened from disk / network requests"] = f"{len(pages)} / {len(outside)}"
    assert not outside, sorted(set(outside))[:10]


def built_day(page) -> dt.date:
    """The day the copy was built, as its page says it below the text."""
    return dt.date.fromisoformat(
        re.search(r"\d{4}-\d{2}-\d{2}(?=\.$)", page.locator(".sv-built").inner_text().strip())[0]
    )


@pytest.mark.parametrize(
    ("path", "scheme"), [("index.html", "light"), ("en/checklistor/avvikning-boendet.html", "dark")]
)
def test_a_copy_past_its_age_says_so_at_the_top_with_its_plan_version_and_build_day(
    browser, offline_site, path, scheme
):
    """Issue 29: a copy used months later showed its numbers as if current. The phone's clock decides."""
    plan = versions.plan(ROOT)
    context = browser.new_context(viewport=PHONE, color_scheme=scheme)
    page = context.new_page()
    page.goto((offline_site / path).as_uri())
    built = built_day(page)
    assert plan.version in page.locator(".sv-built").inner_text()
    notice = page.locator("[data-sv-old-after]")
    assert (
        notice.get_attribute("data-sv-old-after")
        == (built + dt.timedelta(days=offline.OLD_AFTER_DAYS)).isoformat()
    )
    assert notice.is_hidden()  # built today, or within the limit
    for days, shown in ((offline.OLD_AFTER_DAYS, False), (offline.OLD_AFTER_DAYS + 1, True)):
        page.clock.set_fixed_time(dt.datetime.combine(built + dt.timedelta(days=days), dt.time(12)))
        page.reload()
        assert notice.is_visible() == shown, days
    text = notice.inner_text()
    assert built.isoformat() in text and plan.version in text and str(offline.OLD_AFTER_DAYS) in text
    # at the top: on the first screen
    assert notice.bounding_box()["y"] + notice.bounding_box()["height"] <= PHONE["height"]
    assert axe_violations(page) == []
    context.close()


def test_the_site_itself_never_says_it_is_an_old_copy(published_site):
    assert "data-sv-old-after" not in (published_site / "index.html").read_text(encoding="utf-8")
    assert 'class="sv-built"' in (published_site / "index.html").read_text(encoding="utf-8")


def test_the_start_page_offers_the_zip_in_both_languages(published_site):
    assert (published_site / offline.ZIP_NAME).stat().st_size > 1_000_000
    for start, words in (
        (published_site / "index.html", "Ladda ner handboken för användning utan nät"),
        (published_site / "en" / "index.html", "Download the handbook for use without a network"),
    ):
        html = start.read_text(encoding="utf-8")
        assert (
            f'<a href="{"../" if "/en/" in start.as_posix() else ""}{offline.ZIP_NAME}">{words}</a>' in html
        )


def test_the_offline_copy_does_not_offer_itself(offline_site):
    assert offline.ZIP_NAME not in (offline_site / "index.html").read_text(encoding="utf-8")
    assert not (offline_site / offline.ZIP_NAME).exists()


@pytest.mark.parametrize("path", ["index.html", "en/rutiner/avvikning/index.html"])
def test_the_ordinary_site_from_disk_says_it_cannot_search_and_links_the_copy(page, published_site, path):
    page.goto((published_site / path).as_uri())
    notice = page.locator("[data-sv-offline-notice]")
    assert notice.is_visible() and notice.inner_text().count("\n") == 0
    link = notice.locator("a")
    assert link.get_attribute("href").endswith(offline.ZIP_NAME)
    assert (published_site / path).parent.joinpath(link.get_attribute("href")).resolve() == (
        published_site / offline.ZIP_NAME
    ).resolve()
    assert not page.locator(".md-search").is_visible() and "Initiali" not in page.locator("body").inner_text()


def test_served_the_ordinary_site_keeps_its_search_and_no_notice(page, published_site, tmp_path):
    server, base = serve_under_subpath(published_site, tmp_path / "www")
    try:
        page.goto(base)
        assert (
            page.locator("[data-sv-offline-notice]").count() == 1
            and not page.locator("[data-sv-offline-notice]").is_visible()
        )
        assert page.locator(".md-search").count() == 1 and page.evaluate(
            "!document.documentElement.hasAttribute('data-sv-no-search')"
        )
    finally:
        server.shutdown()
