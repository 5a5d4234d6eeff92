"""The offline build (mkdocs-offline.yml) opened from disk: search, language switch, no network at all."""

from __future__ import annotations

import pytest

from .conftest import FIGURES, site_pages


def open_search(page):
    page.locator(".md-search__input").click()
    page.wait_for_function("() => !/Initiali/.test(document.querySelector('.md-search-result__meta').textContent)", timeout=15_000)


def search(page, query):
    box = page.locator(".md-search__input")
    box.fill(query[:-1])
    page.keyboard.type(query[-1])
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    return page.evaluate("() => [...document.querySelectorAll('.md-search-result__item > a')].map(a => a.href)")


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_offline_search_from_disk(page, offline_site, lang):
    start = offline_site / ("en/index.html" if lang == "en" else "index.html")
    page.goto(start.as_uri())
    open_search(page)
    hits = search(page, "avvikningar" if lang == "sv" else "missing")
    assert hits and all(h.startswith("file://") for h in hits)
    english = [h for h in hits if "/en/" in h[len(offline_site.as_uri()):]]
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
    context.on("request", lambda request: None if request.url.startswith(("file://", "data:", "about:", "blob:")) else outside.append(request.url))
    page = context.new_page()
    for rel in pages:
        page.goto((offline_site / rel).as_uri(), wait_until="load")
    context.close()
    FIGURES["offline pages opened from disk / network requests"] = f"{len(pages)} / {len(outside)}"
    assert not outside, sorted(set(outside))[:10]
