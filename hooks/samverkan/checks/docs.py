"""The tables of docs-dev/ that are written from the code, not by hand: every problem, from the registry of rules
(checks/rules.py), and every front-matter field, from the model (content/model.py). ``samverkan docs`` writes
them in place; tests/checks/test_docs.py fails when one differs."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

from samverkan.checks import rules
from samverkan.content.model import PAGE_CLASSES, Page, front_matter_fields

END = "<!-- end of the table written by samverkan docs -->"


def fields_table() -> str:
    """Every front-matter field: those every page has first, then each type's own, as the model declares them."""
    every_page = {each.name for each in dataclasses.fields(Page)}
    rows = ["| field | pages | required | what to write |", "|---|---|---|---|"]
    for pages, page_type in (("every page", "page"), *((name, name) for name in PAGE_CLASSES)):
        rows += [
            f"| `{name}` | {pages} | {'yes' if field.required else ''} | {rules.cell(field.doc)} |"
            for name, field in front_matter_fields(page_type).items()
            if (name in every_page) == (pages == "every page")
        ]
    return "\n".join(rows) + "\n"


# file -> (the code the table is written from, the table)
TABLES: dict[str, tuple[str, Callable[[], str]]] = {
    "docs-dev/checks.md": ("hooks/samverkan/checks/rules.py", rules.table),
    "docs-dev/authors.md": ("hooks/samverkan/content/model.py", fields_table),
}


def _begin(source: str) -> str:
    return f"<!-- written by samverkan docs from {source}: change it there, then run samverkan docs -->"


def rewritten(text: str, source: str, table: str) -> str:
    """``text`` with the table between its markers replaced by ``table``."""
    begin = _begin(source)
    start, end = text.index(begin) + len(begin), text.index(END)
    return text[:start] + "\n\n" + table + "\n" + text[end:]


def stale(root: str | Path) -> dict[str, str]:
    """file -> its text with the tables written anew, for every file whose tables differ from the code's."""
    found = {}
    for name, (source, table) in TABLES.items():
        text = (Path(root) / name).read_text(encoding="utf-8")
        new = rewritten(text, source, table())
        if new != text:
            found[name] = new
    return found


def run(root: str | Path) -> int:
    for name, text in stale(root).items():
        (Path(root) / name).write_text(text, encoding="utf-8")
        print(f"{name}: written anew")
    return 0
