"""The whole plan as one A4 PDF per language (plan_document.py), printed by the Chromium the print-outs use (pdf.py).

    samverkan plan-pdf [--municipality X] [--lang sv] [--site DIR] [--out DIR]

Printed twice: the first print shows where each page of the plan starts (the PDF's named destinations, one
per section id), the second fills those page numbers into the table of contents; the numbers stay where the
placeholders were, so no page moves. Chosen over a separate PDF library because the project prints with
Chromium already, and the site's own print styles then apply unchanged (measured: docs-dev/search-print-offline.md).

Reproducible: the same commit gives the same PDF, byte for byte. Chromium stamps the time of printing as the
creation and modification date; both are set to the plan version's date instead.
"""

from __future__ import annotations

import io
import re
from html import escape
from pathlib import Path

from samverkan.content import versions
from samverkan.editions.overlay import Overlay
from samverkan.site import pdf, plan_document
from samverkan.views import paper

DOCUMENT = "samverkansplanen-plan.html"  # the address the document is served at, beside the site's start page
# Chromium's form: local time and offset
_DATES = re.compile(rb"(/(?:CreationDate|ModDate) \(D:)\d{14}[-+]\d\d'\d\d'")


def write_all(
    site: Path, handbook, overlay: Overlay, langs, site_url: str, out: Path
) -> list[tuple[Path, int]]:
    """Every asked-for language's PDF of the edition built in ``site``, into ``out``; (path, pages) of each."""
    from playwright.sync_api import sync_playwright

    plan = versions.plan(handbook.root)
    written = []
    server, base_url = pdf.serve(site)
    try:
        with sync_playwright() as playwright:
            browser = pdf.launch(playwright)
            for lang in langs:
                data = render(browser, base_url, site, handbook, overlay, lang, site_url)
                target = out / paper.plan_pdf_name(plan.version, overlay, lang)
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
                written.append((target, pdf.count_pages(data)))
            browser.close()
    finally:
        server.shutdown()
    return written


def render(browser, base_url: str, site: Path, handbook, overlay: Overlay, lang: str, site_url: str) -> bytes:
    """One language's plan as a PDF, its table of contents numbered, its dates the plan version's."""
    page = browser.new_page()
    try:
        first = _print(page, base_url, plan_document.document(site, handbook, overlay, lang, site_url))
        numbers = start_pages(first, plan_document.sections(handbook, lang))
        final = _print(
            page, base_url, plan_document.document(site, handbook, overlay, lang, site_url, numbers)
        )
    finally:
        page.close()
    return dated(final, versions.plan(handbook.root).date)


def _print(page, base_url: str, html: str) -> bytes:
    address = base_url + DOCUMENT
    page.route(address, lambda route: route.fulfill(body=html, content_type="text/html; charset=utf-8"))
    page.goto(address, wait_until="load")
    page.unroute(address)
    return page.pdf(format="A4", print_background=True, prefer_css_page_size=True)


def start_pages(data: bytes, sections) -> dict[str, int]:
    """Section anchor -> the page (from 1) where it starts, from the PDF's named destinations."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    destinations = reader.named_destinations
    return {
        each.anchor: reader.get_destination_page_number(destinations["/" + each.anchor]) + 1
        for each in sections
        if "/" + each.anchor in destinations
    }


def print_document(html: str, date, footer: str = "") -> bytes:
    """A self-contained HTML document (nothing fetched, no script run) as one A4 PDF dated ``date``, each page's
    foot saying ``footer`` and its number (the board's draft: views/board.py)."""
    from playwright.sync_api import sync_playwright

    foot = (
        '<div style="font: 8pt sans-serif; width: 100%; text-align: center;">'
        + escape(footer)
        + ' <span class="pageNumber"></span> (<span class="totalPages"></span>)</div>'
    )
    with sync_playwright() as playwright:
        browser = pdf.launch(playwright)
        try:
            page = browser.new_context(java_script_enabled=False, offline=True).new_page()
            page.set_content(html, wait_until="load")
            data = page.pdf(
                format="A4",
                print_background=True,
                prefer_css_page_size=True,
                display_header_footer=True,
                header_template="<span></span>",
                footer_template=foot,
            )
        finally:
            browser.close()
    return dated(data, date)


def dated(data: bytes, date) -> bytes:
    """The PDF with its creation and modification dates set to ``date`` (in UTC; the same length, so the offsets in the file hold)."""
    stamp = date.strftime("%Y%m%d").encode() + b"000000+00'00'"
    return _DATES.sub(lambda m: m[1] + stamp, data)
