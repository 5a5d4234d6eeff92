"""The completeness half of the verifier: a build that exits 0 but leaves pages, languages, links, search or the
export broken (as Zensical's did) is named, one line per fault."""

from __future__ import annotations

import json
import shutil

import pytest
from conftest import ROOT
from samverkan.editions.handbook import load_site
from samverkan.site import completeness


@pytest.fixture(scope="module")
def handbook():
    return load_site(ROOT / "mkdocs.yml")


@pytest.fixture
def site(built_site, tmp_path):
    copy = tmp_path / "site"
    shutil.copytree(built_site, copy, symlinks=True)
    return copy


def messages(site, handbook) -> list[str]:
    return [problem.message for problem in completeness.problems(site, handbook)]


def test_the_real_site_is_complete(built_site, handbook):
    assert completeness.problems(built_site, handbook) == []


def edit(file, old, new):
    text = file.read_text(encoding="utf-8")
    assert old in text
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_page_of_the_model_that_was_not_built(site, handbook):
    (site / "en" / "rutiner" / "avvikning" / "index.html").unlink()
    assert messages(site, handbook) == [
        "the page 'avvikning' (en, docs/en/rutiner/avvikning.md) was not built"
    ] + [message for message in messages(site, handbook) if message.startswith("the link")]
    assert any(
        "leads to nothing (en/rutiner/avvikning/index.html)" in message
        for message in messages(site, handbook)
    )


def test_an_english_page_that_says_it_is_swedish(site, handbook):
    edit(site / "en" / "kontakter" / "index.html", '<html lang="en"', '<html lang="sv"')
    assert messages(site, handbook) == ['the page says <html lang="sv">, not "en"']


def test_no_root_page(site, handbook):
    (site / "index.html").unlink()
    assert "the site has no root page (index.html)" in messages(site, handbook)


def test_a_link_and_an_anchor_that_lead_nowhere(site, handbook):
    edit(site / "kontakter" / "index.html", '<a href="../anslutning/">', '<a href="../anslutningen/">')
    edit(site / "rutiner" / "avvikning" / "index.html", 'href="#vem-gor-vad"', 'href="#vem-gor-vad-inte"')
    found = messages(site, handbook)
    assert "the link '../anslutningen/' leads to nothing (anslutningen)" in found
    assert "the link '#vem-gor-vad-inte' leads to no anchor on the page" in found


def test_a_link_from_an_english_page_that_lands_on_a_swedish_one(site, handbook):
    """An assembled site holds both languages: a link one level too deep from en/ still finds a page, the Swedish
    one; only the language switch (hreflang) may cross."""
    edit(
        site / "en" / "kontakter" / "index.html",
        '<a href="../anslutning/" class="md-nav__link">',
        '<a href="../../anslutning/" class="md-nav__link">',
    )
    edit(site / "anslutning" / "index.html", '<a href="../kontakter/"', '<a href="../en/kontakter/"')
    assert messages(site, handbook) == [
        "the link '../en/kontakter/' leads from a page in sv to one in en (en/kontakter/index.html)",
        "the link '../../anslutning/' leads from a page in en to one in sv (anslutning/index.html)",
    ]


def test_a_language_without_its_search_index(site, handbook):
    (site / "en" / "search" / "search_index.json").write_text('{"docs": []}', encoding="utf-8")
    assert messages(site, handbook) == ["the en search index is missing or empty"]


def test_an_export_that_does_not_match_its_schema(site, handbook):
    export = site / "export" / "handbook-sv.json"
    document = json.loads(export.read_text(encoding="utf-8"))
    document.pop(next(iter(document)))
    export.write_text(json.dumps(document), encoding="utf-8")
    found = messages(site, handbook)
    assert len(found) == 1 and found[0].startswith("the export does not match its schema")
