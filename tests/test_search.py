"""Search: the test set (tests/search-queries.yml) replayed with lunr.py over the real built index.

The same set runs in Chromium in tests/browser/test_search_browser.py.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from search_engine import Engine, location  # noqa: E402
from samverkan.load import load_site  # noqa: E402
from samverkan.views import actor_items  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
QUERIES = yaml.safe_load((ROOT / "tests" / "search-queries.yml").read_text(encoding="utf-8"))
WORKERS = ROOT / "overrides" / "assets" / "javascripts" / "workers"
CASES = [(lang, case["q"], case["page"]) for lang in ("sv", "en") for case in QUERIES[lang]]


@pytest.fixture(scope="session")
def engines(built_site):
    return {lang: Engine.from_site(built_site, lang) for lang in ("sv", "en")}


def test_the_set_is_big_enough_and_names_pages_of_the_handbook():
    for lang in ("sv", "en"):
        assert len(QUERIES[lang]) >= 30, f"{lang}: at least 30 queries"
        for case in QUERIES[lang]:
            assert (ROOT / "docs" / lang / case["page"]).is_file(), f"docs/{lang}/{case['page']} missing"


@pytest.mark.parametrize("lang,query,page", CASES, ids=[f"{lang}:{q}" for lang, q, _ in CASES])
def test_query_finds_its_page_in_the_top_3(engines, lang, query, page):
    results = engines[lang].search(query)
    assert location(lang, page) in results[:3], f"{query!r} on {lang}: top 3 {results[:3]}"


def test_results_stay_in_the_page_language(engines):
    assert engines["sv"].docs and engines["en"].docs
    assert not any(loc.startswith("en/") for loc in engines["sv"].docs)
    assert all(loc.startswith("en/") for loc in engines["en"].docs)
    # a Swedish word that only Swedish pages contain finds nothing in English, and the reverse
    assert engines["en"].search("påträffats") == []


def test_the_index_is_configured_for_swedish_stemming_and_statute_numbers(built_site):
    config = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["config"]
    assert config["pipeline"] == ["stemmer"], "no trimmer: it deletes '2025:400' in Swedish; no stop words: 'man' in 'god man'"
    separator = re.compile(config["separator"])
    assert [w for w in separator.split("SoL (2025:400), 12 §.") if w] == ["SoL", "2025", "400", "12", "§"]
    assert set(config["lang"]) == {"sv", "en"}


def index_docs(site, lang):
    prefix = "en/" if lang == "en" else ""
    return json.loads((site / prefix / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


def test_each_language_downloads_only_its_own_index(built_site):
    sv, en = index_docs(built_site, "sv"), index_docs(built_site, "en")
    assert not any(doc["location"].startswith("en/") for doc in sv + en), "English locations are relative to en/"
    assert {doc["location"] for doc in sv} & {doc["location"] for doc in en}, "the same pages exist in both"
    assert '"base": "../../../en/"' in (built_site / "en/rutiner/avvikning/index.html").read_text(encoding="utf-8")


def test_every_page_is_indexed_with_its_type_and_keywords(built_site):
    docs = index_docs(built_site, "sv") + [{**doc, "location": "en/" + doc["location"]} for doc in index_docs(built_site, "en")]
    by_location = {doc["location"]: doc for doc in docs}
    assert by_location["checklistor/avvikning-boendet/"]["tags"][0] == "Checklista"
    assert by_location["en/checklistor/avvikning-boendet/"]["tags"][0] == "Checklist"
    assert "avvikit" in by_location["begrepp/term-avvikning/"]["tags"]
    assert by_location["lagar/sol/"]["tags"][0] == "Lag"
    residence_docs = " ".join(doc["text"] for loc, doc in by_location.items() if loc.startswith("aktorer/boendet/"))
    handbook = load_site(ROOT / "mkdocs.yml")
    groups = actor_items(handbook, handbook.get("sv", "boendet"))
    item = next(item.text for group in groups for item in group.items if "[[" not in item.text)
    assert item not in residence_docs, "an actor page's print pack repeats checklist items: kept out of search"


def test_the_two_language_workers_differ_only_in_their_language():
    sv, en = (WORKERS / "search-sv.js").read_text(), (WORKERS / "search-en.js").read_text()
    assert sv.replace('"sv"', '"en"').replace(" sv pages", " en pages") == en
    material = re.search(r'MATERIAL_WORKER = "([^"]+)"', sv)[1]
    import material as material_package

    assert (Path(material_package.__file__).parent / "templates" / "assets" / "javascripts" / "workers" / material).is_file(), (
        f"Material's worker {material} is gone (Material upgraded?): update MATERIAL_WORKER in both files and main.html"
    )
