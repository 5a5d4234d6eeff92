"""The search sets (keywords and phrases) typed into Material's search box in Chromium, per language; the
search index fetched only when the reader goes to search; the help when nothing is found."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe
from samverkan.editions.handbook import load_site
from samverkan.views import guide

from .conftest import FIGURES, ROOT

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from search_engine import MOST_WORDS, location  # noqa: E402

SETS = {
    name: yaml.safe_load(
        (Path(__file__).resolve().parents[1] / f"search-{name}.yml").read_text(encoding="utf-8")
    )
    for name in ("queries", "phrases")
}
AXE_OPTIONS = {
    "resultTypes": ["violations"],
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]},
}
# bench/downloads.py times search (cold first search, keystroke to results); the tests keep to what is shown.
# Marks when Material writes the result count after the last keystroke (keydown), so that the results read are that query's.
WATCH = """() => {
  const input = document.querySelector('.md-search__input');
  const meta = document.querySelector('.md-search-result__meta');
  window.__svTyped = false; window.__svShown = false;
  if (!window.__svWatch) {
    window.__svWatch = true;
    input.addEventListener('keydown', () => { window.__svTyped = true; window.__svShown = false; }, true);
    new MutationObserver(() => { if (window.__svTyped && meta.textContent !== '…') window.__svShown = true; })
      .observe(meta, {childList: true, characterData: true, subtree: true});
  }
  meta.textContent = '…';
}"""
SHOWN = "() => window.__svShown"
HANG_GUARD_MS = 30_000  # results come in milliseconds; only a search that never answers reaches this

RESULTS = """() => [...document.querySelectorAll('.md-search-result__item')]
  .map(item => item.querySelector('a.md-search-result__link').getAttribute('href'))"""


def run_query(page, query: str) -> list[str]:
    search = page.locator(".md-search__input")
    search.fill("")
    page.evaluate(WATCH)
    if query[-1].isascii():
        search.fill(query[:-1])  # fill() alone does not start Material's search ...
        page.keyboard.type(query[-1])  # ... a typed key does (Material searches on keyup)
    else:  # Playwright inserts "§" as text, without key events: a key that types nothing does it
        search.fill(query)
        page.keyboard.press("End")
    page.wait_for_function(SHOWN, timeout=HANG_GUARD_MS)
    page.wait_for_timeout(30)  # the list is written in the same task as the count; let it settle
    return page.evaluate(RESULTS)


def open_search(page, lang: str) -> None:
    page.locator(".md-search__input").click()
    ready = "Skriv sökord" if lang == "sv" else "Type to start searching"
    page.wait_for_function(
        f"() => document.querySelector('.md-search-result__meta').textContent.includes({ready!r})"
    )


@pytest.mark.parametrize("name", SETS)
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_search_set_in_chromium(page, served_site, name, lang):
    page.goto(served_site + ("en/" if lang == "en" else ""))
    open_search(page, lang)
    cases = SETS[name][lang]
    misses = []
    for case in cases:
        shown = run_query(page, case["q"])
        want = served_site + location(lang, case["page"])
        pages = [href.split("#")[0].split("?")[0] for href in shown]
        if want not in pages[:3]:
            misses.append(f"{case['q']!r}: wanted {want}, got {pages[:3]}")
        other = [p for p in pages if (p.startswith(served_site + "en/")) != (lang == "en")]
        assert not other, f"{case['q']!r} on a {lang} page shows the other language: {other}"
    FIGURES[f"search {name} top-3 hit rate in Chromium ({lang})"] = f"{len(cases) - len(misses)}/{len(cases)}"
    assert not misses, "\n".join(misses)


def test_a_first_visit_fetches_no_index_and_no_request_fails_then_the_first_letter_finds_pages(
    page, served_site
):
    responses = []
    page.on("response", lambda response: responses.append((response.status, response.url)))
    page.goto(served_site + "rutiner/avvikning/", wait_until="networkidle")
    assert not [url for _, url in responses if "search_index" in url or "sitemap" in url], responses
    assert not [(status, url) for status, url in responses if status >= 400]
    page.evaluate(WATCH)
    page.keyboard.press("/")  # Material's key: focuses the search box, which fetches the index
    page.keyboard.type("r")
    page.wait_for_function(SHOWN, timeout=HANG_GUARD_MS)
    assert page.evaluate(RESULTS), "the first letter typed finds pages"
    assert [url for _, url in responses if url.endswith("search/search_index.json")], (
        "the index is fetched once search is used"
    )
    assert not [(status, url) for status, url in responses if status >= 400]


@pytest.mark.parametrize(
    "lang,words,situations",
    [
        ("sv", "qqqxyzord", "När ett barn avviker eller försvinner"),
        ("en", "qqqxyzword", "When a child goes missing"),
    ],
)
def test_when_nothing_is_found_the_situations_of_the_guide_and_emergency_numbers_are_offered(
    page, served_site, lang, words, situations
):
    page.goto(served_site + ("en/" if lang == "en" else "") + "lagar/")
    page.evaluate(Axe().axe_script)  # the page's policy refuses an added inline script
    open_search(page, lang)
    run_query(page, "polisen" if lang == "sv" else "police")
    help_box = page.locator("[data-sv-search-help]")
    assert help_box.is_hidden()
    with_hits = page.evaluate("o => axe.run(document, o).then(r => r.violations.map(v => v.id))", AXE_OPTIONS)
    shown = run_query(page, words)
    assert shown == [] and help_box.is_visible()
    assert (
        situations in help_box.inner_text()
        and "112" in help_box.inner_text()
        and "114 14" in help_box.inner_text()
    )
    without_hits = page.evaluate(
        "o => axe.run(document, o).then(r => r.violations.map(v => v.id))", AXE_OPTIONS
    )
    FIGURES[f"axe violations on search results with / without hits ({lang})"] = (
        f"{len(with_hits)} / {len(without_hits)}"
    )
    assert with_hits == [] and without_hits == []
    page.keyboard.press("ArrowDown")  # the arrow keys reach the help's links, as they reach results
    assert page.evaluate("() => document.activeElement.closest('[data-sv-search-help]') !== null")
    links = help_box.locator("a:not([href^='tel:'])").evaluate_all("as => as.map(a => a.href)")
    # the model's, as "Vad gör jag nu?" lists them
    expected = guide.situations(load_site(ROOT / "mkdocs.yml"), lang)
    assert len(links) == len(expected) >= 3 and all(
        link.startswith(served_site + ("en/" if lang == "en" else "") + "rutiner/") for link in links
    ), links
    for link in links:
        assert page.request.get(link).status == 200, link
    run_query(page, "polisen" if lang == "sv" else "police")
    assert help_box.is_hidden()


def test_results_show_the_page_type(page, served_site):
    page.goto(served_site)
    page.locator(".md-search__input").click()
    page.wait_for_function(
        "() => document.querySelector('.md-search-result__meta').textContent.includes('Skriv sökord')"
    )
    run_query(page, "avvikit")
    chips = page.evaluate(
        "() => [...document.querySelectorAll('.md-search-result__item')].slice(0, 3).map(i => i.querySelector('.md-tag')?.textContent)"
    )
    assert chips and all(
        chip in {"Rutin", "Checklista", "Aktör", "Lag", "Begrepp", "Sida"} for chip in chips
    ), chips


@pytest.mark.parametrize(
    "pasted",
    [
        "polisen " + "qqqxyz " * 1_500,  # a found word, then 10 000 characters of words no page holds
        "polisen " + " ".join(f"ord{number}" for number in range(1_600)),  # as many different words
        "polisen " + "ring " * 2_500,  # a word every page holds, over and over
    ],
)
def test_a_pasted_page_of_text_is_searched_by_its_first_words_and_answers(page, served_site, pasted):
    page.goto(served_site)
    open_search(page, "sv")
    assert run_query(page, pasted)  # within the hang guard, not minutes later
    missing = page.evaluate(
        "() => [...document.querySelectorAll('.md-search-result__article')].map(result => result.querySelectorAll('del').length)"
    )
    # each result lists the words of the query it lacks, polisen not among them
    assert missing and max(missing) < MOST_WORDS
