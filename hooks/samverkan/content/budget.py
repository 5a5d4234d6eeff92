"""A budget for every page, checked before anything renders it.

Python-Markdown and the HTML parsers behind it take time that grows faster than the page where a page piles
up one kind of markup: brackets in one paragraph (its link patterns look ahead from every '['), emphasis
nested in one paragraph (a RecursionError past a few hundred levels), raw tags opened and never closed, cells
in one table row, nested lists and blocks, equal headings (each new anchor is tried against all before it).
Measured by doubling each input (tests/checks/test_budgets.py), each is linear up to the limit below: a page inside every
limit renders in time proportional to its size. The limits lie far above what the handbook's pages use
(at the time of writing at most 10 500 characters, 15 headings and 2 tags in a page, 52 brackets and 32
emphasis marks in a paragraph, 4 cells and 4 columns of indentation in a line).

A page over a limit is not read: one line names the page, the line and the limit, and nothing renders it."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from samverkan.content.body import FENCE


@dataclass(frozen=True)
class Limit:
    what: str  # what is counted, as the problem names it
    scope: str  # "page", "paragraph" or "line": where the count starts again
    most: int
    count: Callable[[str], int]  # in one line of the body
    fix: str
    in_code: bool = False  # counted in fenced code too, which Markdown shows as written


# an ATX heading, or the line under a setext one
_HEADING = re.compile(r"\A[ ]{0,3}(?:#|=+[ \t]*$|-+[ \t]*$)")
_TAG = re.compile(r"<[a-zA-Z/!?]")
_EMPHASIS = re.compile(r"[*_]")
_INDENT = re.compile(r"[ \t>]*")

LIMITS = (
    Limit(
        "characters",
        "page",
        50_000,
        lambda line: len(line) + 1,
        "split it into pages of their own (a page here is at most a few thousand characters)",
        in_code=True,
    ),
    Limit(
        "headings",
        "page",
        200,
        lambda line: 1 if _HEADING.match(line) else 0,
        "split the page, or make some headings bold text",
    ),
    Limit(
        "raw HTML tags",
        "page",
        200,
        lambda line: len(_TAG.findall(line)),
        "write it in Markdown; pages use HTML only for the start page's cards",
    ),
    Limit(
        "'[' brackets",
        "paragraph",
        120,
        lambda line: line.count("["),
        "split the paragraph or the list with a blank line",
    ),
    Limit(
        "emphasis marks (* and _)",
        "paragraph",
        200,
        lambda line: len(_EMPHASIS.findall(line)),
        "split the paragraph with a blank line, or emphasise less",
    ),
    Limit(
        "table cells ('|')",
        "line",
        64,
        lambda line: line.count("|"),
        "split the table, or write the row as a list",
    ),
    Limit(
        "columns of indentation (nested lists, quotes and blocks)",
        "line",
        40,
        lambda line: len(_INDENT.match(line)[0].expandtabs(4)),
        "nest lists and blocks less deeply",
    ),
)


@dataclass(frozen=True)
class Breach:
    line: int  # in the body, from 1
    limit: Limit

    @property
    def message(self) -> str:
        within = {"page": "the page", "paragraph": "one paragraph", "line": "one line"}[self.limit.scope]
        return f"more than {self.limit.most} {self.limit.what} in {within}: the page is not rendered"


def breaches(body: str) -> list[Breach]:
    """Each limit the body goes over, once, at the line where its count first passes it; in one pass.

    Fenced code counts only towards the limits ``in_code``."""
    counts = dict.fromkeys(LIMITS, 0)
    found: dict[Limit, Breach] = {}
    fenced = False
    for number, line in enumerate(body.split("\n"), 1):
        if not line.strip():
            counts.update((limit, 0) for limit in LIMITS if limit.scope == "paragraph")
        if FENCE.match(line):
            fenced = not fenced
        for limit in LIMITS:
            if limit in found or (fenced and not limit.in_code):
                continue
            counts[limit] = (0 if limit.scope == "line" else counts[limit]) + limit.count(line)
            if counts[limit] > limit.most:
                found[limit] = Breach(number, limit)
    return sorted(found.values(), key=lambda breach: breach.line)
