"""The search test set typed into Material's search box in Chromium, per language."""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

import pytest
import yaml

from .conftest import FIGURES

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from search_engine import location  # noqa: E402

QUERIES = yaml.safe_load((Path(__file__).resolve().parents[1] / "search-queries.yml").read_text(encoding="utf-8"))

# Times the last keystroke (keydown) and the moment Material writes the result count for that query.
TIMER = """() => {
  const input = document.querySelector('.md-search__input');
  const meta = document.querySelector('.md-search-result__meta');
  window.__svT0 = 0; window.__svT1 = 0;
  if (!window.__svTimer) {
    window.__svTimer = true;
    input.addEventListener('keydown', () => { window.__svT0 = performance.now(); window.__svT1 = 0; }, true);
    new MutationObserver(() => { if (window.__svT0 && !window.__svT1 && meta.textContent !== '…') window.__svT1 = performance.now(); })
      .observe(meta, {childList: true, characterData: true, subtree: true});
  }
  meta.textContent = '…';
}"""

RESULTS = """() => [...document.querySelectorAll('.md-search-result__item')]
  .map(item => item.querySelector('a.md-search-result__link').getAttribute('href'))"""


def run_query(page, query: str) -> tuple[list[str], float]:
    search = page.locator(".md-search__input")
    search.fill("")
    page.evaluate(TIMER)
    if query[-1].isascii():
        search.fill(query[:-1])  # fill() alone does not start Material's search ...
        page.keyboard.type(query[-1])  # ... a typed key does (Material searches on keyup)
    else:  # Playwright inserts "§" as text, without key events: a key that types nothing does it
        search.fill(query)
        page.keyboard.press("End")
    page.wait_for_function("() => window.__svT1 > 0", timeout=10_000)
    page.wait_for_timeout(30)  # the list is written in the same task as the count; let it settle
    return page.evaluate(RESULTS), page.evaluate("() => window.__svT1 - window.__svT0")


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_search_set_in_chromium(page, served_site, lang):
    start = served_site + ("en/" if lang == "en" else "")
    page.goto(start)
    page.locator(".md-search__input").click()
    ready = "Skriv sökord" if lang == "sv" else "Type to start searching"
    page.wait_for_function(f"() => document.querySelector('.md-search-result__meta').textContent.includes({ready!r})")
    misses, times = [], []
    for case in QUERIES[lang]:
        shown, elapsed = run_query(page, case["q"])
        times.append(elapsed)
        want = served_site + location(lang, case["page"])
        pages = [href.split("#")[0].split("?")[0] for href in shown]
        if want not in pages[:3]:
            misses.append(f"{case['q']!r}: wanted {want}, got {pages[:3]}")
        other = [p for p in pages if (p.startswith(served_site + "en/")) != (lang == "en")]
        assert not other, f"{case['q']!r} on a {lang} page shows the other language: {other}"
    hits = len(QUERIES[lang]) - len(misses)
    FIGURES[f"search top-3 hit rate in Chromium ({lang})"] = f"{hits}/{len(QUERIES[lang])}"
    FIGURES[f"median keystroke-to-results ({lang})"] = f"{statistics.median(times):.0f} ms (max {max(times):.0f} ms)"
    assert not misses, "\n".join(misses)


def test_results_show_the_page_type(page, served_site):
    page.goto(served_site)
    page.locator(".md-search__input").click()
    page.wait_for_function("() => document.querySelector('.md-search-result__meta').textContent.includes('Skriv sökord')")
    run_query(page, "avvikit")
    chips = page.evaluate("() => [...document.querySelectorAll('.md-search-result__item')].slice(0, 3).map(i => i.querySelector('.md-tag')?.textContent)")
    assert chips and all(chip in {"Rutin", "Checklista", "Aktör", "Lag", "Begrepp", "Sida"} for chip in chips), chips
