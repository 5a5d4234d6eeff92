"""The whole plan as one document, for a board to read and adopt: one HTML page per edition and language, made
from the built site's pages (so it says exactly what the site says), printed to A4 PDF by plan_pdf.py.

The document is: a title page (plan version and date, the edition, a line for who decided), a table of contents
with page numbers, then every routine, checklist and actor page, the responsibility matrix, the contacts, and
the law summaries as an appendix. Each page of the site becomes a section; its ids are prefixed with the
section's, links between pages in the document become links inside it, and links to other pages point to the
published site. The markup is the template plan-document.html; the words are in labels.html.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from markupsafe import Markup
from selectolax.lexbor import LexborHTMLParser

from samverkan.content import versions
from samverkan.content.model import Actor, Checklist, Law, Page, Routine
from samverkan.content.urls import language_url
from samverkan.editions.overlay import Overlay
from samverkan.views import views
from samverkan.views.render import Renderer

# What a page shows for the screen or for a night's paper record, not for a reader of the whole plan (nor the banner
# of an archived version: its PDF is the plan as it was adopted).
LEFT_OUT = ", ".join(
    (
        "#sv-content",
        ".sv-version-check",
        ".sv-review-notice",
        ".sv-head__tools",
        ".sv-guide-link",
        ".sv-paper-side",
        ".sv-paper",
        ".sv-print-address",
        ".sv-print-tools",
        ".sv-ticks-status",
        ".sv-suggest",
        ".sv-history",
        "a.headerlink",
        "script",
        ".sv-archived",
    )
)
_VIEW_PAGES = ("matrix", "contacts")  # the generated pages the plan includes, by their view, in this order


@dataclass(frozen=True)
class Section:
    anchor: str  # the section's id in the document, e.g. "s12"
    group: str  # the key of its group's heading in the labels: routines, checklists, actors, ...
    page: Page

    @property
    def title(self) -> str:
        return self.page.title


def sections(handbook, lang: str) -> list[Section]:
    """The plan's pages in the order the document gives them."""
    groups = [
        ("routines", views.in_nav_order(handbook, handbook.of_type(lang, Routine))),
        ("checklists", views.in_nav_order(handbook, handbook.of_type(lang, Checklist))),
        ("actors", views.in_nav_order(handbook, handbook.of_type(lang, Actor))),
        (
            "overviews",
            [
                page
                for view in _VIEW_PAGES
                for page in handbook.pages
                if page.lang == lang and getattr(page, "view", None) == view
            ],
        ),
        ("appendix", views.in_nav_order(handbook, handbook.of_type(lang, Law))),
    ]
    found, number = [], 0
    for group, pages in groups:
        for page in pages:
            number += 1
            found.append(Section(f"s{number}", group, page))
    return found


def edition_name(handbook, overlay: Overlay, lang: str) -> str:
    """Whose plan the document is: the municipality's name, or the county's."""
    if overlay.is_municipality:
        return overlay.name(lang)
    return (handbook.county.get(lang) or {}).get("name") or ""


def document(
    site: Path,
    handbook,
    overlay: Overlay,
    lang: str,
    site_url: str,
    page_numbers: dict[str, int] | None = None,
) -> str:
    """The plan as one HTML document. ``page_numbers`` (section anchor -> page) fill the table of contents;
    without them it shows placeholders of the same width, so the pages fall where they will fall with them."""
    plan = versions.plan(handbook.root)
    renderer = Renderer(handbook, overlay=overlay)
    listed = sections(handbook, lang)
    by_url = {language_url(lang, each.page.path, True): each.anchor for each in listed}
    bodies = [Markup(_section_body(site, lang, each, by_url, site_url)) for each in listed]
    return renderer.env.get_template("plan-document.html").render(
        t=renderer.labels[lang],
        lang=lang,
        plan=plan,
        edition=edition_name(handbook, overlay, lang),
        sections=list(zip(listed, bodies, strict=True)),
        numbers=page_numbers or {},
        css_string=css_string,
        stylesheets=_stylesheets(site),
    )


def _stylesheets(site: Path) -> list[str]:
    """The site's stylesheets, from the site root, as its start page links them."""
    start = LexborHTMLParser((site / "index.html").read_text(encoding="utf-8"))
    return [node.attrs["href"] for node in start.css('head link[rel="stylesheet"]')]


def _section_body(site: Path, lang: str, section: Section, by_url: dict[str, str], site_url: str) -> str:
    url = language_url(lang, section.page.path, True)
    tree = LexborHTMLParser((site / url / "index.html").read_text(encoding="utf-8"))
    article = tree.css_first("article")
    for node in article.css(LEFT_OUT):
        node.decompose()
    prefix = section.anchor + "-"
    for node in article.css("[id]"):
        node.attrs["id"] = prefix + node.attrs["id"]
    for node in article.css("a[href]"):
        node.attrs["href"] = _link(node.attrs["href"], url, prefix, by_url, site_url)
    heading = article.css_first("h1")
    if heading is not None:
        heading.attrs["id"] = section.anchor
    return article.inner_html


def _link(href: str, page_url: str, prefix: str, by_url: dict[str, str], site_url: str) -> str:
    """A link of a page, as it should point from the document."""
    if href.startswith("#"):
        return "#" + prefix + href[1:]
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return href
    target = posixpath.normpath(posixpath.join(page_url, parts.path)) + "/"
    target = "" if target in ("./", "/") else target
    if target in by_url:
        return "#" + (f"{by_url[target]}-{parts.fragment}" if parts.fragment else by_url[target])
    return urljoin(site_url.rstrip("/") + "/" + page_url, href)


_CSS_UNSAFE = re.compile(r'[\\"<>&\x00-\x1f\x7f]')  # and what could end the <style> element


def css_string(text: str) -> Markup:
    """Text as a quoted CSS string (for the page headers' content), whatever characters it holds."""
    return Markup('"' + _CSS_UNSAFE.sub(lambda m: f"\\{ord(m[0]):x} ", text) + '"')
