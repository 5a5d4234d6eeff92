"""A budget for every page (content/budget.py): a page that piles up one kind of markup is one line naming
the page, the line and the limit, before anything renders it; any exception from rendering a page is one line
naming it; within the budget the time grows with the page, not faster."""

from __future__ import annotations

import gc
import time
from pathlib import Path

import markdown
import pytest
from conftest import hang_guard
from handbooks import copy_minimal, problems
from samverkan import cli
from samverkan.content.budget import LIMITS, Breach
from samverkan.content.settings import read_config
from samverkan.editions.edition import sections
from samverkan.views import webpage

PAGE = "docs/sv/index.md"
CONFIG = Path(__file__).resolve().parents[2] / "mkdocs.yml"


def _limit(words: str):
    return next(limit for limit in LIMITS if words in limit.what)


# The examples first, then shapes of each class it did not name. Each: the text after the page's own
# body, the limit it breaks, and the line (counted from the end of the page's own text) the problem names.
HOSTILE = {
    "nested emphasis, 4 KB": ("*a " * 700 + "x" + " b*" * 700, "emphasis", 1),
    "nested strong emphasis over many lines": (
        "\n".join(["__a"] * 120 + ["x"] + ["b__"] * 120),
        "emphasis",
        101,
    ),
    "60 KB of '[ ' on one line": ("[ " * 30_000, "'[' brackets", 1),
    "a '[' on each line of one paragraph": ("\n".join(["[ en rad"] * 200), "'[' brackets", 121),
    "images opened and never closed": ("![ " * 500, "'[' brackets", 1),
    "900 KB of <div> opened and never closed": ("<div>" * 180_000, "raw HTML tags", 1),
    "a <span> on each line": ("\n".join(["<span>text"] * 300), "raw HTML tags", 201),
    "100 000 equal headings": ("# A\n" * 100_000, "headings", 200),
    "setext headings": ("Samma\n=====\n\n" * 300, "headings", 599),
    "a table row of 5 000 cells": ("|a" * 5_000 + "|\n" + "|-" * 5_000 + "|", "table cells", 1),
    "lists nested 300 deep": ("\n".join("  " * depth + "- x" for depth in range(300)), "indentation", 22),
    "quotes nested 1 000 deep": (">" * 1_000 + " x", "indentation", 1),
}


@pytest.mark.parametrize("name", HOSTILE)
def test_a_page_over_its_budget_is_one_line_per_limit_naming_page_and_line(tmp_path, name):
    text, limit, line = HOSTILE[name]
    root = copy_minimal(tmp_path)
    page = root / PAGE
    own = page.read_text(encoding="utf-8")
    page.write_text(own + "\n" + text + "\n", encoding="utf-8")
    first = (own + "\n").count("\n") + 1  # the line of the text added
    with hang_guard():
        found = problems(root)
    limit = _limit(limit)
    assert [each for each in found if limit.what in each] == [
        f"{PAGE}:{first + line - 1}: {Breach(line, limit).message} — {limit.fix}"
    ], found
    # nothing else reads a page not read
    assert all(each.startswith(f"{PAGE}:") and "\n" not in each for each in found), found


def test_a_page_over_its_budget_is_never_rendered_and_the_build_names_it(tmp_path, capsys):
    root = copy_minimal(tmp_path)
    (root / PAGE).write_text(
        (root / PAGE).read_text(encoding="utf-8") + "\n" + "[ " * 30_000 + "\n", encoding="utf-8"
    )
    with hang_guard():
        assert cli.main(["--config", str(root / "mkdocs.yml"), "build"]) == 1
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err and f"{PAGE}:" in out.out + out.err


@pytest.mark.site
@pytest.mark.parametrize(
    "error", [RecursionError("maximum recursion depth exceeded"), ValueError("bad"), KeyError("x")]
)
def test_any_exception_from_rendering_a_page_is_one_line_naming_it(tmp_path, capsys, monkeypatch, error):
    """An input no budget foresaw: whatever rendering one page raises names that page, with no traceback."""
    root = copy_minimal(tmp_path)
    marker = "Sidan som inte går att visa."
    (root / PAGE).write_text(
        (root / PAGE).read_text(encoding="utf-8") + "\n" + marker + "\n", encoding="utf-8"
    )
    original = webpage.accessible_tasklists

    def fails_on_the_page(html):
        if marker in html:
            raise error
        return original(html)

    monkeypatch.setattr(webpage, "accessible_tasklists", fails_on_the_page)
    assert cli.main(["--config", str(root / "mkdocs.yml"), "build"]) == 1
    out = capsys.readouterr()
    # after MkDocs' "ERROR -"
    named = [
        line
        for line in (out.out + out.err).splitlines()
        if f"{PAGE}:1: the page cannot be rendered ({type(error).__name__}" in line
    ]
    assert len(named) == 1 and " — " in named[0] and "Traceback" not in out.out + out.err


def _markdown():
    """Python-Markdown as the site configures it (mkdocs.yml)."""
    extensions, configs = [], {}
    for entry in read_config(CONFIG)["markdown_extensions"]:
        name, config = next(iter(entry.items())) if isinstance(entry, dict) else (entry, {})
        extensions.append(name)
        configs[name] = config or {}
    return markdown.Markdown(extensions=extensions, extension_configs=configs)


def _seconds(function, text: str) -> float:
    """The CPU time of the best of five runs, without the cyclic collector: the machine is shared (CI often runs
    on a busy one), so the process's own CPU time is counted, not the wall clock, and the least is the one least
    disturbed."""
    best = float("inf")
    gc.disable()
    try:
        for _ in range(5):
            start = time.process_time()
            function(text)
            best = min(best, time.process_time() - start)
    finally:
        gc.enable()
    return best


# Per limit, a page of SIZE characters whose every unit carries `count` of what the limit counts, in the shape
# that was super-linear: doubling the count up to the limit at most doubles the time of the page (a ratio of 2;
# 4 would be quadratic; the bound leaves room for a shared machine's noise).
SIZE = 6_000
SHAPES = {
    "'[' brackets": lambda count: "[ " * count,
    "emphasis": lambda count: "*a " * (count // 2) + "x" + " b*" * (count // 2),
    "raw HTML tags": lambda count: "<span>" * count,
    "headings": lambda count: "# A\n\n" * count,
    "table cells": lambda count: "|a" * count + "|\n" + "|-" * count + "|\n" + "|b" * count + "|",
    "indentation": lambda count: "\n".join("  " * depth + "- x" for depth in range(count // 2)),
}


def _page(shape, count: int) -> str:
    unit = shape(count)
    return "\n\n".join([unit] * max(1, SIZE // len(unit)))


@pytest.mark.parametrize("limit", SHAPES)
def test_within_the_budget_doubling_what_a_limit_counts_at_most_doubles_the_time(limit):
    most = _limit(limit).most
    convert = lambda text: _markdown().convert(text)  # noqa: E731
    with hang_guard():
        half, full = (_seconds(convert, _page(SHAPES[limit], count)) for count in (most // 2, most))
    assert full / half < 3.5, f"{limit}: {half:.3f} s at {most // 2}, {full:.3f} s at {most}"


def test_equal_headings_get_their_anchors_in_linear_time():
    half, full = ("## Samma\n\n" * count for count in (20_000, 40_000))
    with hang_guard():
        ratio = _seconds(sections, full) / _seconds(sections, half)
    assert ratio < 3.5  # linear: 2; the toc extension's way: 4
    assert [section.anchor for section in sections("## Samma\n" * 3 + "## Samma 1\n")] == [
        "samma",
        "samma_1",
        "samma_2",
        "samma-1",
    ]
