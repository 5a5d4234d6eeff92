"""Paper that records the night (issue 15): on paper a checklist or print pack has a date/unit/case line, a
time and initials column for each item, whole boxes, and a QR code, decoded here from the PDF the PDF
command makes, that leads to the page with its versions; the page says whether the print-out is current."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from samverkan.content import versions
from samverkan.content.settings import read_config
from samverkan.editions.handbook import load_site
from samverkan.site import pdf

from .conftest import FIGURES, ROOT

PAGES = ["checklistor/avvikning-boendet/", "en/checklistor/avvikning-polisen/", "aktorer/boendet/"]


def _page_of(handbook, url_path: str):
    lang = "en" if url_path.startswith("en/") else "sv"
    path = url_path.removeprefix("en/").rstrip("/") + ".md"
    return handbook.at(lang, path)


def _qr_codes_in_pdf(data: bytes, tmp_path) -> list[str]:
    """The QR codes on the PDF's first page, rendered at 200 dpi by poppler's pdftoppm (grey, PGM) and read by zxing-cpp."""
    import zxingcpp

    assert shutil.which("pdftoppm"), (
        "pdftoppm is missing: run `bash scripts/test` (it installs Debian's poppler-utils)"
    )
    (tmp_path / "page.pdf").write_bytes(data)
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "200",
            "-gray",
            "-f",
            "1",
            "-l",
            "1",
            str(tmp_path / "page.pdf"),
            str(tmp_path / "page"),
        ],
        check=True,
        timeout=60,
    )
    image = next(tmp_path.glob("page*.pgm")).read_bytes()
    magic, width, height, depth, pixels = image.split(maxsplit=4)
    assert magic == b"P5" and depth == b"255"
    width, height = int(width), int(height)
    return [
        code.text
        for code in zxingcpp.read_barcodes(memoryview(pixels[: width * height]).cast("B", (height, width)))
    ]


@pytest.mark.parametrize("url_path", PAGES)
def test_the_pdf_carries_a_qr_code_of_the_page_with_its_plan_and_page_versions(
    browser, served_site, url_path, tmp_path
):
    handbook = load_site(ROOT / "mkdocs.yml")
    page = _page_of(handbook, url_path)
    site_url = read_config(ROOT / "mkdocs.yml")["site_url"].rstrip("/") + "/"
    plan = versions.plan(ROOT)
    tab = pdf.printing_page(browser)
    try:
        item = pdf.Printable(page.lang, "pack" if page.type == "actor" else "checklist", page.path)
        data = pdf.render(tab, served_site, item)
    finally:
        tab.context.close()
    expected = f"{site_url}{url_path}?v={plan.version}&p={page.version}"
    assert _qr_codes_in_pdf(data, tmp_path) == [expected]
    FIGURES.setdefault("QR codes decoded from PDFs", []).append(expected.removeprefix(site_url))


@pytest.mark.parametrize("url_path", PAGES)
def test_on_paper_every_item_has_a_whole_box_and_a_time_and_initials_cell(page, served_site, url_path):
    page.goto(served_site + url_path)
    page.emulate_media(media="print")
    found = page.evaluate("""() => {
        const article = document.querySelector("article").getBoundingClientRect();
        const mm = 96 / 25.4;
        return [...document.querySelectorAll(".task-list-item")].map(li => {
            const box = li.querySelector("input[type=checkbox]").getBoundingClientRect();
            const cells = ["::before", "::after"].map(p => getComputedStyle(li, p));
            const row = li.getBoundingClientRect();
            return {
                boxInside: box.left >= article.left - 0.5 && box.right <= article.right,
                cells: cells.map(c => ({width: parseFloat(c.width) / mm, border: parseFloat(c.borderBottomWidth), content: c.content, display: c.display})),
                rowRight: row.right <= article.right + 0.5,
            };
        });
    }""")
    assert len(found) >= 3
    for item in found:
        assert item["boxInside"], "the box prints whole, inside the page"
        assert item["rowRight"]
        for cell in item["cells"]:
            assert (
                cell["display"] != "none"
                and cell["content"] == '""'
                and cell["border"] > 0
                and 10 <= cell["width"] <= 16
            ), cell
    labels = page.locator(".sv-paper__record span").all_inner_texts()
    columns = page.locator(".sv-paper__columns span").all_inner_texts()
    english = url_path.startswith("en/")
    night = (
        "Out-of-hours social services of the child's municipality, number:"
        if english
        else "Socialjouren i barnets kommun, nummer:"
    )
    # the county's: a line for the number
    assert labels == (
        ["Date", "Unit", "Case or reference number", night]
        if english
        else ["Datum", "Enhet", "Ärende eller diarienummer", night]
    )
    assert columns == (["Time", "Initials"] if english else ["Klockan", "Signatur"])
    assert page.locator(".sv-paper__record").first.is_visible() and page.locator(".sv-qr svg").is_visible()
    caption = page.locator(".sv-qr figcaption").inner_text()
    plan = versions.plan(ROOT)
    assert f"{plan.version} · {plan.date.isoformat()}" in caption
    page.emulate_media(media="screen")
    assert not page.locator(".sv-paper").is_visible() and not page.locator(".sv-qr").is_visible(), (
        "paper only"
    )


def test_the_page_says_whether_a_print_out_is_current(page, served_site):
    plan = versions.plan(ROOT)
    handbook = load_site(ROOT / "mkdocs.yml")
    checklist = _page_of(handbook, "checklistor/avvikning-boendet/")
    notice = page.locator("[data-sv-version-check]")
    page.goto(served_site + "checklistor/avvikning-boendet/")
    assert not notice.is_visible(), "no notice without a print-out's version"
    page.goto(served_site + f"checklistor/avvikning-boendet/?v={plan.version}&p={checklist.version}")
    assert notice.is_visible() and notice.get_attribute("data-sv-version-state") == "current"
    assert f"planversion {plan.version}" in notice.inner_text()
    page.goto(served_site + "en/checklistor/avvikning-boendet/?v=0.1&p=0.1")
    assert notice.is_visible() and notice.get_attribute("data-sv-version-state") == "outdated"
    text = notice.inner_text()
    assert (
        "A newer version exists" in text
        and f"Plan version {plan.version} of {plan.date.isoformat()} applies now" in text
    )
    assert f"page version 0.1 is now {checklist.version}" in text
    page.goto(served_site + f"checklistor/avvikning-boendet/?v=0.1&p={checklist.version}")
    assert "Sidans innehåll är detsamma som i utskriften" in notice.inner_text()
    page.goto(served_site + "checklistor/avvikning-boendet/?v=<script>&p=1")
    assert not notice.is_visible(), "an address that is not a version changes nothing"
