"""The whole plan as one PDF (plan-pdf): for the county and an edition, in both languages, read back as text with
poppler's pdftotext: the title page, a table of contents whose page numbers are where each page starts, every
routine and checklist, and the same PDF from two builds of the same commit."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from samverkan.content import versions
from samverkan.content.model import Checklist, Routine
from samverkan.content.parts import LANGUAGES
from samverkan.content.urls import language_url
from samverkan.editions import overlay
from samverkan.editions.handbook import load_site
from samverkan.publish import plan
from samverkan.site import offline, plan_document, plan_pdf
from samverkan.views import paper
from samverkan.views.render import Renderer
from selectolax.lexbor import LexborHTMLParser

from .conftest import FIGURES, ROOT

HANDBOOK = load_site(ROOT / "mkdocs.yml")
EDITIONS = (None, "stockholm")
_TOC_LINE = re.compile(r"^\s*(\S.*?)\s{2,}(\d+)\s*$")


def samverkan(*args: str) -> subprocess.CompletedProcess:
    """The command, as the working group runs it (in a process of its own: Playwright's sync API runs one per process)."""
    return subprocess.run(
        [sys.executable, "-m", "samverkan", "--config", str(ROOT / "mkdocs.yml"), *args],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT / "hooks")},
        timeout=1200,
    )


@pytest.fixture(scope="module")
def county_site(tmp_path_factory) -> Path:
    """The county's site as `build --plan-pdf` makes it: the plan's PDFs in it and in its offline copy."""
    site = tmp_path_factory.mktemp("plan-pdf") / "site"
    run = samverkan("build", "--plan-pdf", "--site-dir", str(site))
    assert run.returncode == 0, run.stderr
    return site


@pytest.fixture(scope="module")
def plan_pdfs(browser, county_site, edition_sites) -> dict[tuple, bytes]:
    """(edition, language) -> the plan's PDF: the county's from its built site, Stockholm's printed by plan-pdf's
    own code from the session's edition."""
    from samverkan.site.pdf import serve

    release = versions.plan(HANDBOOK.root)
    made = {
        (None, lang): (
            county_site / paper.plan_pdf_name(release.version, overlay.load(HANDBOOK.root, None), lang)
        ).read_bytes()
        for lang in LANGUAGES
    }
    server, base_url = serve(edition_sites["stockholm"])
    try:
        for lang in LANGUAGES:
            made["stockholm", lang] = plan_pdf.render(
                browser,
                base_url,
                edition_sites["stockholm"],
                HANDBOOK,
                overlay.load(HANDBOOK.root, "stockholm"),
                lang,
                "https://samverkansplanen.example/",
            )
    finally:
        server.shutdown()
    FIGURES["plan PDF pages"] = ", ".join(
        f"{slug or 'county'}/{lang}={plan_pdf.pdf.count_pages(data)}" for (slug, lang), data in made.items()
    )
    return made


def pages_text(data: bytes, tmp_path) -> list[str]:
    """The text of each page, as pdftotext lays it out."""
    source = tmp_path / "plan.pdf"
    source.write_bytes(data)
    text = subprocess.run(
        ["pdftotext", "-layout", str(source), "-"], capture_output=True, text=True, check=True
    ).stdout
    return text.split("\f")[:-1]


def flat(text: str) -> str:
    return " ".join(text.split())


def toc(pages: list[str], labels: dict) -> dict[str, int]:
    """The table of contents: title -> page number; a title that wraps is joined with its next line."""
    headings = {labels["plan_contents"], *labels["plan_groups"].values()}
    header = re.compile(rf"{labels['plan_page']} \d+ {labels['plan_of']} \d+\s*$")
    entries = {}
    for page in pages[1:3]:  # the contents take the second page, and may take the third
        pending = ""
        for line in page.splitlines():
            match = _TOC_LINE.match(line)
            if header.search(line):
                continue
            if match:
                entries[flat(pending + " " + match[1])] = int(match[2])
                pending = ""
            elif line.strip() and line.strip() not in headings:
                pending += " " + line.strip()
    return entries


def heading(site, lang: str, page) -> str:
    """The page's first heading, as the site shows it."""
    tree = LexborHTMLParser(
        (site / language_url(lang, page.path, True) / "index.html").read_text(encoding="utf-8")
    )
    title = tree.css_first("article h1")
    for link in title.css("a.headerlink"):
        link.decompose()
    return flat(title.text())


@pytest.mark.parametrize("slug", EDITIONS)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_plan_pdf_has_a_title_page_contents_that_match_and_every_routine_and_checklist(
    plan_pdfs, county_site, edition_sites, slug, lang, tmp_path
):
    pages = pages_text(plan_pdfs[slug, lang], tmp_path)
    chosen = overlay.load(HANDBOOK.root, slug)
    labels = Renderer(HANDBOOK, overlay=chosen).labels[lang]
    release = versions.plan(HANDBOOK.root)
    title_page = flat(pages[0])
    assert (
        labels["plan_version_line"].format(version=release.version, date=release.date.isoformat())
        in title_page
    )
    assert plan_document.edition_name(HANDBOOK, chosen, lang) in title_page
    assert flat(labels["plan_decided"]) in title_page
    assert f"{labels['plan_page']} 5 {labels['plan_of']} {len(pages)}" in flat(pages[4])  # the page header

    contents = toc(pages, labels)
    site = edition_sites[slug] if slug else county_site
    listed = [
        page for page in plan_document.sections(HANDBOOK, lang) if isinstance(page.page, (Routine, Checklist))
    ]
    assert len(listed) >= 20
    starts = []
    for section in listed:
        assert flat(section.title) in contents, f"{section.title} is not in the contents: {sorted(contents)}"
        start = contents[flat(section.title)]
        first_heading = heading(site, lang, section.page)
        assert first_heading in flat(pages[start - 1]), (
            f"{section.title}: the contents say page {start}, which does not start it"
        )
        starts.append(start)
    # each starts on a page of its own, in order
    assert starts == sorted(starts) and len(set(starts)) == len(starts)


def test_two_builds_of_the_same_commit_give_the_same_pdf(plan_pdfs, county_site, tmp_path):
    """plan-pdf, given the built site, makes the same file as the build did, byte for byte (dates are the plan version's)."""
    run = samverkan("plan-pdf", "--lang", "sv", "--site", str(county_site), "--out", str(tmp_path))
    assert run.returncode == 0, run.stderr
    release = versions.plan(HANDBOOK.root)
    written = tmp_path / paper.plan_pdf_name(release.version, overlay.load(HANDBOOK.root, None), "sv")
    assert f"page(s)  {written}" in run.stdout
    again = written.read_bytes()
    assert pages_text(again, tmp_path) == pages_text(plan_pdfs[None, "sv"], tmp_path)
    assert again == plan_pdfs[None, "sv"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_adoption_and_news_pages_link_the_pdf_in_the_site_and_its_offline_copy(
    county_site, lang, tmp_path
):
    release = versions.plan(HANDBOOK.root)
    name = paper.plan_pdf_name(release.version, overlay.load(HANDBOOK.root, None), lang)
    with zipfile.ZipFile(county_site / offline.ZIP_NAME) as archive:
        archive.extractall(tmp_path)
    for root, directory_urls in ((county_site, True), (tmp_path / offline.FOLDER_IN_ZIP, False)):
        assert (root / name).read_bytes().startswith(b"%PDF")
        for page in (HANDBOOK.get(lang, "anslutning"), HANDBOOK.get(lang, "nytt")):
            file = root / language_url(lang, page.path, directory_urls)
            file = file / "index.html" if directory_urls else file
            link = LexborHTMLParser(file.read_text(encoding="utf-8")).css_first(".sv-plan-pdf a")
            assert link is not None and release.version in link.text(), f"{file} does not link the plan's PDF"
            assert (file.parent / link.attrs["href"]).resolve() == (root / name).resolve()


def test_plan_pdf_refuses_a_folder_without_a_site_in_one_line(tmp_path, capsys):
    assert plan.run(str(ROOT / "mkdocs.yml"), None, ["sv"], str(tmp_path), str(tmp_path / "out")) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no built site" in err and not (tmp_path / "out").exists()
