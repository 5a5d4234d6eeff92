"""Small changes to a built page's HTML and metadata for readers: search tags, accessible checkboxes, packs as files.

Kept apart from MkDocs so tests can call them directly; hooks/mkdocs_hooks.py wires them in.
"""

from __future__ import annotations

import re

from .model import Page

# pymdownx.tasklist (custom_checkbox: false) writes the checkbox before the item's text, outside any
# label, so the box has no accessible name (axe: "label"). Wrap box and text in one <label>.
_TASK_ITEM = re.compile(
    r'(<li class="task-list-item">\s*(?:<p>)?\s*)(<input[^>]*type="checkbox"[^>]*/?>)(.*?)(?=<ul|<ol|</p>|</li>)',
    re.DOTALL,
)


def accessible_tasklists(html: str) -> str:
    """Every task-list checkbox labelled by its item's own text."""
    if "task-list-item" not in html:
        return html
    return _TASK_ITEM.sub(lambda m: f'{m[1]}<label class="sv-task">{m[2]}{m[3]}</label>', html)


def search_tags(page: Page, type_label: str) -> list[str]:
    """What Material's search indexes and shows as chips for a page: its type first, then its keywords."""
    return [type_label, *(keyword for keyword in page.keywords if keyword != type_label)]
