"""The handbook built by Zensical (`samverkan build --engine zensical`, site/zensical_site.py), judged by the same
verifier as MkDocs' site. One build for the module; it needs Zensical in .venv-zensical/ (scripts/setup-zensical,
which scripts/test runs); in the site tier, and left out with -m 'not zensical'."""

from __future__ import annotations

import posixpath
import re

import pytest
from conftest import ROOT
from samverkan.editions import overlay
from samverkan.editions.handbook import load_site
from samverkan.engine import zensical_build
from samverkan.site import completeness, zensical_site

pytestmark = [
    pytest.mark.site,
    pytest.mark.zensical,
    pytest.mark.skipif(
        zensical_build.version() is None, reason="Zensical is not installed: bash scripts/setup-zensical"
    ),
]


@pytest.fixture(scope="module")
def handbook():
    return load_site(ROOT / "mkdocs.yml")


@pytest.fixture(scope="module")
def zensical_site_dir(handbook, tmp_path_factory):
    site = tmp_path_factory.mktemp("zensical") / "site"
    assert (
        zensical_site.build(
            ROOT / "mkdocs.yml",
            handbook,
            overlay.load(handbook.root),
            site,
            "https://samverkansplanen.example/",
        )
        == []
    )
    return site


def test_the_verifier_finds_nothing_but_the_project_s_search_which_zensical_does_not_run_yet(
    zensical_site_dir, handbook
):
    """Every page in both languages with its lang, every link and anchor, no raw marker, no theme id in the content,
    a number to call in every guide result, only the theme's scripts, the policy on every page: as with MkDocs.
    The project's search index is what is missing: zensical-ui's page script speaks another protocol to its
    search worker, and no adapter to the project's worker is written yet (docs-dev/it.md)."""
    assert sorted(
        problem.message for problem in completeness.safe_and_complete(zensical_site_dir, handbook)
    ) == [
        "the en search index is missing or empty",
        "the sv search index is missing or empty",
    ]


def test_swedish_at_the_root_english_under_en_one_404_one_sitemap_of_both(zensical_site_dir):
    assert (zensical_site_dir / "404.html").is_file() and not (zensical_site_dir / "en" / "404.html").exists()
    assert not (zensical_site_dir / "en" / "sitemap.xml").exists()
    sitemap = (zensical_site_dir / "sitemap.xml").read_text(encoding="utf-8")
    assert "https://samverkansplanen.example/en/rutiner/avvikning/" in sitemap
    assert "https://samverkansplanen.example/rutiner/avvikning/" in sitemap
    english = (zensical_site_dir / "en" / "rutiner" / "avvikning" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in english
    switch = dict(
        (lang, href)
        for href, lang in re.findall(
            r'<a href="([^"]*)" hreflang="([a-z]+)" class="md-select__link"', english
        )
    )
    at = "en/rutiner/avvikning/"  # the switch leads to each language's start page, from any depth and from disk
    assert {lang: posixpath.normpath(posixpath.join(at, href)) for lang, href in switch.items()} == {
        "sv": ".",
        "en": "en",
    }


def test_the_skip_link_s_target_stands_before_the_article_the_numbers_call_and_the_boxes_are_labelled(
    zensical_site_dir,
):
    page = (zensical_site_dir / "vad-gor-jag-nu" / "index.html").read_text(encoding="utf-8")
    assert page.index('id="__skip"') < page.index('<article class="md-content__inner')
    assert 'class="sv-tel" href="tel:' in page and "samverkan:" not in page
    checklist = (zensical_site_dir / "checklistor" / "avvikning-boendet" / "index.html").read_text(
        encoding="utf-8"
    )
    boxes = checklist.count('<input type="checkbox" disabled')  # the items' boxes, not the theme's toggles
    assert boxes > 0 and checklist.count('<label class="sv-task"><input type="checkbox" disabled') == boxes
