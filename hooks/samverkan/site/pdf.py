"""Render every checklist and every actor's page (its print pack) to PDF (A4) with Chromium, per language.

    scripts/pdf [--site DIR] [--out DIR]

Without --site it builds the site first (mkdocs.yml, strict) into a temporary folder. The PDFs go to
OUT/<lang>/checklistor/<page>.pdf and OUT/<lang>/aktorer/<actor>.pdf (default OUT: pdf/),
so an intranet can offer them as downloads. Chromium: /usr/bin/chromium, or $CHROMIUM.
"""

from __future__ import annotations

import argparse
import functools
import os
import re
import sys
import tempfile
import threading
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from samverkan.content.model import Actor, Checklist
from samverkan.content.parts import LANGUAGES
from samverkan.content.urls import language_url
from samverkan.editions.handbook import load_site
from samverkan.engine.mkdocs_build import build_site
from samverkan.views import views

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@dataclass(frozen=True)
class Printable:
    lang: str
    kind: str  # "checklist" or "pack" (an actor page)
    path: str  # source path relative to the language folder, e.g. "checklistor/avvikning-boendet.md"

    @property
    def url(self) -> str:
        return language_url(self.lang, self.path, True)

    @property
    def pdf_name(self) -> str:
        return f"{self.lang}/{self.path[: -len('.md')]}.pdf"


def printables(handbook) -> list[Printable]:
    found = []
    for lang in LANGUAGES:
        for kind, cls in (("checklist", Checklist), ("pack", Actor)):
            found += [
                Printable(lang, kind, page.path)
                for page in views.in_nav_order(handbook, handbook.of_type(lang, cls))
            ]
    return found


def count_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):  # the browser dropping a connection is not news
        pass


def serve(site: Path) -> tuple[ThreadingHTTPServer, str]:
    server = _Server(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}/"


def printing_page(browser):
    """A browser tab for printing: prints the published address (site_url), not 127.0.0.1."""
    context = browser.new_context()
    context.add_init_script("window.SV_KEEP_ADDRESS = true;")
    return context.new_page()


def render(page, base_url: str, item: Printable) -> bytes:
    """One page as A4 PDF, as the browser's print dialog would make it (print styles and page size)."""
    page.goto(base_url + item.url, wait_until="load")
    return page.pdf(format="A4", print_background=True, prefer_css_page_size=True)


def launch(playwright):
    chromium = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    if not os.path.exists(chromium):
        raise SystemExit(
            f"{chromium} not found: install Debian's chromium (apt-get install -y chromium) or set CHROMIUM"
        )
    return playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="scripts/pdf", description="Every checklist and print pack as A4 PDF, per language."
    )
    parser.add_argument("--config", default="mkdocs.yml", help="site configuration (default: mkdocs.yml)")
    parser.add_argument("--site", help="an already built site folder (default: build one now)")
    parser.add_argument("--out", default="pdf", help="output folder (default: pdf/)")
    args = parser.parse_args(argv)

    from playwright.sync_api import sync_playwright

    handbook = load_site(args.config)
    out = Path(args.out)
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(args.site) if args.site else Path(tmp) / "site"
        if not args.site:
            build_site(Path(args.config), site)
        server, base_url = serve(site)
        try:
            with sync_playwright() as playwright:
                browser = launch(playwright)
                page = printing_page(browser)
                for item in printables(handbook):
                    pdf = render(page, base_url, item)
                    target = out / item.pdf_name
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(pdf)
                    print(f"{count_pages(pdf)} page(s)  {target}")
                browser.close()
        finally:
            server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
