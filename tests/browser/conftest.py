"""Browser tests: Playwright driving Debian's Chromium (never a downloaded browser).

If /usr/bin/chromium is missing these tests fail (README: `bash scripts/test` installs it); nothing is skipped.
The real site is served by a small threaded http.server on 127.0.0.1 under a sub-path (/handbok/), as an
intranet would; the offline copy (the zip the site offers) is unpacked and opened from disk (file://).
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, build_site  # tests/conftest.py (tests/ is on sys.path)
from samverkan.editions.handbook import load_site
from samverkan.site import offline
from samverkan.site.pdf import CHROMIUM_ARGS, count_pages, serve

CHROMIUM = "/usr/bin/chromium"
SUBPATH = "handbok"


def serve_under_subpath(site: Path, www: Path):
    """Serve ``site`` at http://127.0.0.1:<port>/handbok/, as an intranet would; (server, base URL)."""
    www.mkdir(exist_ok=True)
    (www / SUBPATH).symlink_to(site, target_is_directory=True)
    server, base_url = serve(www)
    return server, f"{base_url}{SUBPATH}/"


def site_pages(site: Path) -> list[str]:
    """Every HTML page of a built site, as paths relative to the site folder (both languages)."""
    pages = []
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        if rel.startswith(("assets/", "export/")) or rel.endswith("404.html"):
            continue
        pages.append(rel)
    return pages


def page_url_path(rel: str) -> str:
    """'rutiner/avvikning/index.html' -> 'rutiner/avvikning/' (what a directory-URL site links to)."""
    return rel[: -len("index.html")] if rel.endswith("index.html") else rel


@pytest.fixture(scope="session")
def handbook():
    """The real handbook's model, read once, for tests that compare what a page shows with the source."""
    return load_site(ROOT / "mkdocs.yml")


@pytest.fixture(scope="session")
def served_site(built_site, tmp_path_factory):
    """Base URL of the built site served under a sub-path: http://127.0.0.1:<port>/handbok/."""
    server, url = serve_under_subpath(built_site, tmp_path_factory.mktemp("www"))
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def offline_site(published_site, tmp_path_factory) -> Path:
    """The offline copy a reader downloads from the site: its zip, unpacked."""
    folder = tmp_path_factory.mktemp("site-offline")
    with zipfile.ZipFile(published_site / offline.ZIP_NAME) as archive:
        archive.extractall(folder)
    return folder / offline.FOLDER_IN_ZIP


@pytest.fixture(scope="session")
def browser():
    assert os.path.exists(CHROMIUM), (
        f"{CHROMIUM} is missing: run `bash scripts/test` (it installs Debian's chromium)"
    )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


def fixture_config(tmp: Path, docs: Path, nav: list) -> Path:
    """A site configuration like the real one (theme, hooks, plugins) over a small fixture docs folder."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["docs_dir"] = str(docs)
    config["nav"] = nav
    config["theme"]["custom_dir"] = str(ROOT / "overrides")
    config["hooks"] = [str(ROOT / hook) for hook in config["hooks"]]
    path = tmp / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


FIXTURE_DOCS = Path(__file__).resolve().parent / "fixture-docs"


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory):
    """A tiny bilingual site: a slug that starts with 'en' and a page whose review date has passed."""
    tmp = tmp_path_factory.mktemp("fixture")
    nav = [{"Start": "index.md"}, "ensamkommande.md", "forsenad.md", "arbetsgruppen.md"]
    site = tmp / "site"
    # a fixture page is overdue for review on purpose
    build_site(fixture_config(tmp, FIXTURE_DOCS, nav), site, strict=False)
    server, url = serve_under_subpath(site, tmp / "www")
    yield site, url
    server.shutdown()


count_pdf_pages = count_pages  # the PDF command's own page count, also used by the tests


FIGURES: dict = {}  # measured figures, printed at the end of the run (the issue asks for them)


def pytest_terminal_summary(terminalreporter):
    if FIGURES:
        terminalreporter.section("browser figures")
        for name, value in FIGURES.items():
            terminalreporter.write_line(f"{name}: {value}")
