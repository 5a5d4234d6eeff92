"""The whole plan as one PDF (plan-pdf): for the county and an edition, in both languages, read back as text with
poppler's pdftotext: the title page, a table of contents whose page numbers are where each page starts, every
routine and checklist, and the same PDF from two builds of the same commit. And what a municipality preparing its
decision finds, tried as a new user would on a 390 px phone: the adoption page, the PDF and the example edition,
each within three taps of the county site's start page."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml
from samverkan.content import versions
from samverkan.content.model import Checklist, Routine
from samverkan.content.parts import LANGUAGES
from samverkan.content.urls import language_url
from samverkan.editions import overlay
from samverkan.editions.handbook import load_site
from samverkan.publish import example, plan
from samverkan.site import offline, plan_document, plan_pdf
from samverkan.views import paper
from samverkan.views.render import Renderer
from selectolax.lexbor import LexborHTMLParser

from .conftest import FIGURES, ROOT, serve_under_subpath

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
    """The county's site as `build --plan-pdf --example-edition` makes it: the plan's PDFs in it and in its offline
    copy, and the example edition in it."""
    site = tmp_path_factory.mktemp("plan-pdf") / "site"
    run = samverkan("build", "--plan-pdf", "--example-edition", "--site-dir", str(site))
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


def test_two_builds_of_the_same_commit_give_the_same_pdf(county_site, tmp_path):
    """plan-pdf, building the county's edition anew, makes the same file as build --plan-pdf did, byte for byte
    (dates are the plan version's)."""
    run = samverkan("plan-pdf", "--lang", "sv", "--out", str(tmp_path))
    assert run.returncode == 0, run.stderr
    release = versions.plan(HANDBOOK.root)
    written = tmp_path / paper.plan_pdf_name(release.version, overlay.load(HANDBOOK.root, None), "sv")
    assert f"page(s)  {written}" in run.stdout
    again, first = written.read_bytes(), (county_site / written.relative_to(tmp_path)).read_bytes()
    assert pages_text(again, tmp_path) == pages_text(first, tmp_path)
    assert again == first


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


@pytest.fixture(scope="module")
def served_county(county_site, tmp_path_factory):
    server, url = serve_under_subpath(county_site, tmp_path_factory.mktemp("www-adoption"))
    yield url
    server.shutdown()


def _adoption_page(phone, served_county: str, lang: str) -> int:
    """From the county site's start page to the adoption page by tapping, as a new reader would: the menu, then the
    page in it. The taps it took."""
    adoption = HANDBOOK.get(lang, "anslutning")
    phone.goto(served_county + ("" if lang == "sv" else f"{lang}/"))
    phone.locator('label.md-header__button[for="__drawer"]').tap()
    phone.locator(".md-nav--primary a.md-nav__link", has_text=adoption.title).first.tap()
    phone.wait_for_load_state()
    title = phone.locator("article h1").inner_text().rstrip("¶").strip()  # without its ¶ link
    assert title == adoption.title
    return 2


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("goal", ["plan PDF", "example edition"])
def test_a_new_reader_reaches_the_adoption_page_the_pdf_and_the_example_in_three_taps_on_a_phone(
    browser, county_site, served_county, lang, goal
):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    phone = context.new_page()
    try:
        taps = _adoption_page(phone, served_county, lang)
        release = versions.plan(HANDBOOK.root)
        if goal == "plan PDF":
            name = paper.plan_pdf_name(release.version, overlay.load(HANDBOOK.root, None), lang)
            link = phone.locator(".sv-adoption-material .sv-plan-pdf a")
            assert release.version in link.inner_text()
            with phone.expect_response(lambda response: response.url.endswith(name)) as arrival:
                link.tap()
            taps += 1
            response = arrival.value  # the browser shows it in its PDF viewer
            assert response.status == 200 and response.headers["content-type"] == "application/pdf"
            phone.wait_for_url(served_county + name)  # arrived: the PDF is the page
            assert (county_site / name).read_bytes().startswith(b"%PDF")
        else:
            link = phone.locator(".sv-adoption-material .sv-example-edition a")
            link.tap()
            taps += 1
            phone.wait_for_url(f"{served_county}{paper.EXAMPLE_FOLDER}/{'' if lang == 'sv' else lang + '/'}")
            name = yaml.safe_load((ROOT / example.SAMPLE).read_text(encoding="utf-8"))["name"][lang]
            assert name in phone.locator(".sv-edition-banner").inner_text()
            assert phone.locator(".sv-contact-card a[href^='tel:']").first.is_visible()
        assert taps <= 3
    finally:
        context.close()


def test_the_example_edition_is_in_the_county_site_but_not_in_its_offline_copy(county_site, tmp_path):
    folder = county_site / paper.EXAMPLE_FOLDER
    assert (folder / "index.html").is_file() and (
        folder / "en" / "rutiner" / "avvikning" / "index.html"
    ).is_file()
    start = LexborHTMLParser((folder / "index.html").read_text(encoding="utf-8"))
    assert "Exempelkommun" in start.css_first(".sv-edition-banner").text()
    assert start.css_first(".sv-contact-card") is not None
    with zipfile.ZipFile(county_site / offline.ZIP_NAME) as archive:
        names = archive.namelist()
        adoption = archive.read(f"{offline.FOLDER_IN_ZIP}/anslutning.html").decode("utf-8")
    assert not any(f"/{paper.EXAMPLE_FOLDER}/" in name for name in names)
    assert "sv-example-edition" not in adoption and "sv-plan-pdf" in adoption


def test_verify_judges_the_county_site_and_its_example_edition_each_as_a_site_of_its_own(county_site):
    run = samverkan("verify", str(county_site))
    assert run.returncode == 0 and run.stdout == "", run.stdout
    assert "0 problem(s)" in run.stderr
