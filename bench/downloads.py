"""What a reader downloads and waits for: the search index per language, a first visit to three pages (the
index is fetched only when search is used), the first search on a fresh page, typing once the index is
loaded, and the phrase and keyword sets' top-3 hit rates (the lunr replay of tests/search_engine.py)."""

from __future__ import annotations

import gzip
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from serve import GZIP_LEVEL, Sent

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

from samverkan.content.parts import DEFAULT_LANGUAGE, LANGUAGES  # noqa: E402
from samverkan.content.urls import page_url  # noqa: E402
from samverkan.editions.handbook import load_site  # noqa: E402
from samverkan.site.pdf import CHROMIUM_ARGS  # noqa: E402

sys.path.insert(0, str(ROOT / "tests"))
from search_engine import Engine, location  # noqa: E402

CHROMIUM = "/usr/bin/chromium"


def sample_pages() -> dict[str, str]:
    """The start page and the first routine and checklist in the nav, as paths under the site root."""
    handbook = load_site(ROOT / "mkdocs.yml")
    in_nav = sorted(
        (p for p in handbook.pages if p.lang == DEFAULT_LANGUAGE),
        key=lambda p: handbook.nav_order.get(p.path, 1e9),
    )
    first = {kind: next(p.path for p in in_nav if p.type == kind) for kind in ("routine", "checklist")}
    return {"start": "/", **{kind: "/" + page_url(path, True) for kind, path in first.items()}}


def category(sent: Sent) -> str:
    kind = sent.content_type
    if kind == "text/html":
        return "html"
    if kind == "text/css":
        return "css"
    return "js" if "javascript" in kind else "other"


def first_visit(base: str, log: list[Sent], path: str) -> dict:
    """Load PATH in a fresh headless Chromium (empty cache) and total what the server sent, by kind."""
    log.clear()
    with tempfile.TemporaryDirectory() as profile:
        command = [
            CHROMIUM,
            *CHROMIUM_ARGS,
            f"--user-data-dir={profile}",
            "--virtual-time-budget=10000",
            "--dump-dom",
            base + path,
        ]
        subprocess.run(command, capture_output=True, check=True, timeout=120)
    totals = {"html": 0, "css": 0, "js": 0, "other": 0}
    for sent in log:
        totals[category(sent)] += sent.bytes
    return {
        "path": path,
        "total_bytes": sum(totals.values()),
        "bytes": totals,
        "requests": [{"path": s.path, "status": s.status, "bytes": s.bytes} for s in log],
    }


def gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, GZIP_LEVEL))


def search_index_sizes(site: Path) -> dict:
    """Raw and gzip bytes of each language's search index: its own file if it has one, else its share of the shared one."""
    shared = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    sizes = {}
    for lang in LANGUAGES:
        own = site / lang / "search" / "search_index.json"
        if lang != DEFAULT_LANGUAGE and own.is_file():
            data = own.read_bytes()
        else:
            data = json.dumps(
                {**shared, "docs": [doc for doc in shared["docs"] if _language_of(doc["location"]) == lang]},
                ensure_ascii=False,
            ).encode()
        sizes[lang] = {"raw_bytes": len(data), "gzip_bytes": gzip_size(data)}
    whole = (site / "search" / "search_index.json").read_bytes()
    sizes["shared_file"] = {"raw_bytes": len(whole), "gzip_bytes": gzip_size(whole)}
    return sizes


def _language_of(location: str) -> str:
    first = location.split("/", 1)[0]
    return first if first in LANGUAGES else DEFAULT_LANGUAGE


# the last keystroke's keydown to the moment Material writes the result count (as the browser tests time it)
TIMER = """() => {
  const input = document.querySelector('.md-search__input'), meta = document.querySelector('.md-search-result__meta');
  window.__t0 = 0; window.__t1 = 0; meta.textContent = '…';
  input.addEventListener('keydown', () => { window.__t0 = performance.now(); window.__t1 = 0; }, true);
  new MutationObserver(() => { if (window.__t0 && !window.__t1 && meta.textContent !== '…') window.__t1 = performance.now(); })
    .observe(meta, {childList: true, characterData: true, subtree: true});
}"""
COLD_RUNS = 5


def search_timings(base: str, routine: str) -> dict:
    """Cold: a fresh page, "/" (Material's key) and one letter, to results; warm: every phrase typed once loaded."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        cold = [_cold_search(browser, base + routine) for _ in range(COLD_RUNS)]
        warm = _typing(browser, base + routine, [case["q"] for case in _sets()["phrases"]["sv"]])
        browser.close()
    return {
        "cold_first_search_ms": round(statistics.median(cold)),
        "cold_runs_ms": [round(t) for t in cold],
        "keystroke_to_results_median_ms": round(statistics.median(warm)),
        "keystroke_to_results_max_ms": round(max(warm)),
    }


def _fresh_page(browser, url: str):
    page = browser.new_context().new_page()
    page.goto(url, wait_until="networkidle")
    page.evaluate(TIMER)
    return page


def _results_time(page) -> float:
    page.wait_for_function("() => window.__t1 > 0", timeout=20_000)
    return page.evaluate("() => window.__t1 - window.__t0")


def _cold_search(browser, url: str) -> float:
    page = _fresh_page(browser, url)
    page.keyboard.press("/")
    page.keyboard.type("r")
    elapsed = _results_time(page)
    page.context.close()
    return elapsed


def _typing(browser, url: str, phrases: list[str]) -> list[float]:
    page = _fresh_page(browser, url)
    page.keyboard.press("/")
    times = []
    for phrase in phrases:
        page.locator(".md-search__input").fill(phrase[:-1])
        page.evaluate(
            "() => { window.__t0 = 0; window.__t1 = 0; document.querySelector('.md-search-result__meta').textContent = '…'; }"
        )
        page.keyboard.type(phrase[-1])
        times.append(_results_time(page))
    page.context.close()
    return times


def _sets() -> dict:
    import yaml

    return {
        name: yaml.safe_load((ROOT / "tests" / f"search-{name}.yml").read_text(encoding="utf-8"))
        for name in ("queries", "phrases")
    }


def hit_rates(site: Path) -> dict:
    """Share of each set's queries whose page is in the top 3, per language (lunr replay over the built index)."""
    rates = {}
    for lang in LANGUAGES:
        engine = Engine.from_site(site, lang)
        for name, cases in _sets().items():
            hits = sum(location(lang, case["page"]) in engine.search(case["q"])[:3] for case in cases[lang])
            rates[f"{name} ({lang})"] = {"hits": hits, "total": len(cases[lang])}
    return rates


def first_visits(base: str, log: list[Sent]) -> dict:
    return {name: first_visit(base, log, path) for name, path in sample_pages().items()}


def measure(site: Path, base: str, log: list[Sent]) -> dict:
    return {
        "search_index": search_index_sizes(site),
        "first_visit": first_visits(base, log),
        "search": {**search_timings(base, sample_pages()["routine"]), "hit_rates": hit_rates(site)},
    }
