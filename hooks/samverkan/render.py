"""Turn a page's Markdown and its derived views into what the site shows.

Markup lives in the Jinja templates under ``overrides/samverkan``; this module
only chooses a template and hands it data from ``views``.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path

import jinja2

from . import views
from .body import MARKER, TASK, TRAILING_MARKER
from .model import Actor, Handbook, Law, Page, PlainPage
from .urls import relative_md, relative_url

TEMPLATES = Path(__file__).resolve().parents[2] / "overrides" / "samverkan"


class Renderer:
    def __init__(self, handbook: Handbook, directory_urls: bool = True, templates: Path = TEMPLATES):
        self.handbook = handbook
        self.directory_urls = directory_urls
        self.env = jinja2.Environment(loader=jinja2.FileSystemLoader(templates), autoescape=True, trim_blocks=True, lstrip_blocks=True)
        self.labels = self.env.get_template("labels.html").module.labels

    @cached_property
    def _abbreviations(self) -> dict[str, str]:
        return {lang: views.abbreviations(self.handbook, lang) for lang in self.labels}

    def markdown(self, page: Page, markdown: str) -> str:
        """The page's Markdown with [[id]] markers as links, its generated view, and abbreviation tooltips."""
        lines = [self._link_markers(page, line) for line in markdown.split("\n")]
        view = self.view_html(page)
        if view:
            lines += ["", view]
        lines += [""] + [f"*[{abbr}]: {text}" for abbr, text in sorted(self._abbreviations[page.lang].items())]
        return "\n".join(lines)

    def _link_markers(self, page: Page, line: str) -> str:
        if TASK.match(line) or TRAILING_MARKER.search(line):
            line = TRAILING_MARKER.sub(lambda m: " " + self._link(page, m[1], None, ".sv-actor"), line)
        return MARKER.sub(lambda m: self._link(page, m[1], m[2], ""), line)

    def _link(self, page: Page, target_id: str, text: str | None, css: str) -> str:
        target = self.handbook.get(page.lang, target_id)
        if target is None:
            return f"[[{target_id}]]"
        attrs = f"{{ {css} }}" if css else ""
        return f"[{text or target.title}]({relative_md(page.path, target.path)}){attrs}"

    def plain(self, lang: str, text: str) -> str:
        """Text with [[id]] markers replaced by the words a reader sees: the custom text or the page title."""

        def words(match):
            target = self.handbook.get(lang, match[1])
            return match[2] or (target.title if target else match[1])

        return MARKER.sub(words, text)

    def view_html(self, page: Page) -> str:
        context = self._view_context(page)
        if context is None:
            return ""
        template, data = context
        html = self.env.get_template(template).render(
            page=page,
            t=self.labels[page.lang],
            url=lambda target: relative_url(page.path, target.path, self.directory_urls),
            plain=lambda text: self.plain(page.lang, text),
            **data,
        )
        return "\n".join(line for line in html.split("\n") if line.strip())

    def _view_context(self, page: Page):
        hb = self.handbook
        if isinstance(page, Actor):
            return "actor.html", {"roles": views.actor_roles(hb, page), "groups": views.actor_items(hb, page)}
        if isinstance(page, Law):
            return "law.html", {"cites": views.citing_pages(hb, page), "replaces": views.replaced_laws(hb, page), "successor": page.replaced_by and hb.get(page.lang, page.replaced_by.id)}
        if isinstance(page, PlainPage) and page.view == "matrix":
            return "matrix.html", {"matrix": views.matrix(hb, page.lang)}
        if isinstance(page, PlainPage) and page.view == "glossary":
            return "glossary.html", {"terms": views.glossary(hb, page.lang)}
        if isinstance(page, PlainPage) and page.view in views.LISTED_TYPES:
            return "listing.html", {"pages": views.listing(hb, page.lang, views.LISTED_TYPES[page.view])}
        return None

    def page_meta(self, page: Page) -> dict:
        """What the page header shows: type, version, review dates and owner, in the page's language."""
        owner = self.handbook.get(page.lang, page.owner.id)
        return {
            "type": page.type,
            "type_label": self.labels[page.lang]["types"][page.type],
            "version": page.version,
            "reviewed": page.reviewed.isoformat(),
            "next_review": page.next_review.isoformat(),
            "owner": owner.title if owner else page.owner.id,
            "untranslated": page.untranslated,
            "t": self.labels[page.lang],
        }
