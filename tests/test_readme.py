"""README and the audience pages it links to: short enough to read, and no link in them is broken."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import ROOT

PAGES = [
    ROOT / "README.md",
    ROOT / "CONTRIBUTING.md",
    ROOT / "CONTRIBUTING.en.md",
    *sorted((ROOT / "docs-dev").glob("*.md")),
]
LINK = re.compile(r"\[[^\]\n]*\]\(([^)\s]+)\)")
CODE = re.compile(r"^```.*?^```|`[^`\n]*`", re.S | re.M)  # code blocks and spans show links, they are none


def _relative_links(page: Path) -> list[str]:
    text = CODE.sub("", page.read_text(encoding="utf-8"))
    return [target for target in LINK.findall(text) if not re.match(r"[a-z]+:", target)]


def _anchors(page: Path) -> set[str]:
    """GitHub's anchors for a page's headings: lower case, punctuation dropped, spaces as hyphens."""
    headings = re.findall(r"^#+ (.+)$", CODE.sub("", page.read_text(encoding="utf-8")), re.M)
    return {re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-") for heading in headings}


def test_readme_is_short():
    assert (ROOT / "README.md").stat().st_size < 10_000


def test_readme_links_every_audience_page():
    linked = {(ROOT / target).resolve() for target in _relative_links(ROOT / "README.md")}
    assert set(PAGES[3:]) <= linked


def test_no_link_in_the_guides_is_broken():
    broken = []
    for page in PAGES:
        for target in _relative_links(page):
            path, _, anchor = target.partition("#")
            file = (page.parent / path).resolve() if path else page
            if not file.exists() or anchor and file.suffix == ".md" and anchor not in _anchors(file):
                broken.append(f"{page.relative_to(ROOT)}: {target}")
    assert not broken, "\n".join(broken)


def test_the_link_check_sees_a_broken_link(tmp_path):
    page = tmp_path / "page.md"
    page.write_text(
        "# Title\n\n[there](missing.md) and [here](#title)\n\n```\n[not a link](x.md)\n```\n`[nor](y.md)`\n",
        encoding="utf-8",
    )
    assert _relative_links(page) == ["missing.md", "#title"] and "title" in _anchors(page)


SEPARATOR = re.compile(r"^\|(?:\s*:?-+:?\s*\|)+\s*$")


def _headless_tables(text: str) -> list[int]:
    """The line of each Markdown table (outside code blocks) whose first row is not a header over a |---| row."""
    lines = text.split("\n")
    fenced, found = False, []
    for number, line in enumerate(lines):
        fenced ^= line.startswith("```")
        starts_table = line.startswith("|") and not (number and lines[number - 1].startswith("|"))
        if not fenced and starts_table:
            header_below = number + 1 < len(lines) and SEPARATOR.match(lines[number + 1])
            if SEPARATOR.match(line) or not header_below:
                found.append(number + 1)
    return found


def test_every_table_in_the_guides_has_a_header_row():
    headless = [
        f"{page.relative_to(ROOT)}:{line}"
        for page in PAGES
        for line in _headless_tables(page.read_text(encoding="utf-8"))
    ]
    assert not headless, headless


def test_the_table_check_sees_a_table_without_its_header():
    assert _headless_tables("text\n\n|---|---|\n| a | b |\n\n| x | y |\n|---|---|\n| 1 | 2 |\n") == [3]
