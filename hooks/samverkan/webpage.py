"""Small changes to built pages for readers: search tags, labelled checklist boxes, language links under a sub-path.

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


def relative_alternates(extra, directory_urls: bool = True) -> None:
    """Language links as paths from the site root, never from the server root.

    mkdocs-static-i18n leaves the start pages' links as "/" and "/en/", which break when the site is
    served under a sub-path (an intranet's /handbok/) or opened from disk; the theme's url filter makes
    a root-relative "en/" relative to each page. It resets the links for every page, so this runs per page.
    """
    # mkdocs-static-i18n sets it as an attribute of the extra config, which templates read before the key
    alternates = getattr(extra, "alternate", None) or (extra.get("alternate") if hasattr(extra, "get") else None)
    for alternate in alternates or ():
        link = alternate.get("link", "")
        if link.startswith("/") and not link.startswith("//"):
            link = link.lstrip("/")
            alternate["link"] = (link or "./") if directory_urls else link + "index.html"  # file:// has no index pages
