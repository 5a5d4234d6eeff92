"""The last step before a page's content is written: an allowlist sanitizer, parsing HTML as a browser does.

The source checks (checks/markup.py) tell an author file:line first; this is the defence. Whatever a page,
a municipality's addition or a generated view puts into the content, only the tags and attributes below
reach the reader: no script, no handler, no style, no id the theme uses, links only to https, http, tel and
mailto, images only from the site. The sanitizer is ammonia (through nh3), which parses with html5ever, so a
quote, a slash or a comment cannot make it see a different tag than the browser does.

Where it removes something, ``clean`` says what and in which source file, so the build names the file."""

from __future__ import annotations

from collections import Counter
from typing import NamedTuple

import nh3
from selectolax.lexbor import LexborHTMLParser

TAGS = {
    "a",
    "abbr",
    "article",
    "aside",
    "b",
    "blockquote",
    "br",
    "button",
    "caption",
    "code",
    "dd",
    "del",
    "details",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "input",
    "ins",
    "kbd",
    "label",
    "li",
    "mark",
    "nav",
    "ol",
    "option",
    "p",
    "path",
    "pre",
    "q",
    "s",
    "section",
    "select",
    "small",
    "span",
    "strong",
    "sub",
    "summary",
    "sup",
    "svg",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "time",
    "tr",
    "ul",
}
EVERY_TAG = {
    "class",
    "id",
    "title",
    "role",
    "hidden",
    "lang",
    "tabindex",
    "aria-label",
    "aria-labelledby",
    "aria-describedby",
    "aria-hidden",
    "aria-live",
    "aria-current",
    "aria-level",
}
ATTRIBUTES = {
    "*": EVERY_TAG,
    "a": {"href", "type", "hreflang"},
    "button": {"type", "disabled"},
    "input": {"type", "disabled", "checked"},
    "label": {"for"},
    "option": {"value", "selected"},  # the county's municipality chooser
    "select": {"name", "autocomplete"},
    "img": {"src", "alt", "width", "height", "loading"},
    "ol": {"start"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "time": {"datetime"},
    "details": {"open"},
    "svg": {"viewBox", "focusable", "xmlns", "width", "height"},
    "path": {"d", "stroke", "fill"},
}
SCHEMES = {"https", "http", "tel", "mailto"}
DATA_PREFIX = "data-"


class Removed(NamedTuple):
    # the municipality file an addition came from (data-sv-source), else None: the page itself
    source: str | None
    what: str  # the element as the source wrote it, e.g. '<img src onerror>'


def _keep(tag: str, attribute: str, value: str) -> str | None:
    """What the allowlist cannot say by name: ids the theme does not use, its own data- attributes
    left alone, images from this site only."""
    if attribute == "id" and value.startswith("__"):
        return None  # Material's own ids (__config, __search, __drawer …) all start so
    if attribute.startswith("data-md"):
        return None  # Material's scripts act on these
    if tag == "img" and attribute == "src" and (value.startswith("//") or ":" in value.split("/", 1)[0]):
        return None
    return value


def _sanitize(html: str) -> str:
    return nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=SCHEMES,
        link_rel=None,
        generic_attribute_prefixes={DATA_PREFIX},
        attribute_filter=_keep,
        strip_comments=True,
    )


def clean(html: str) -> tuple[str, list[Removed]]:
    """The content as the reader may get it, and what was taken out of it."""
    cleaned = _sanitize(html)
    if cleaned == html:
        return html, []
    kept = Counter(_signature(node) for node in _elements(cleaned))
    removed = []
    for node in _elements(html):
        signature = _signature(node)
        if kept[signature]:
            kept[signature] -= 1
        else:
            removed.append(Removed(_source_of(node), "<" + " ".join((node.tag, *node.attributes)) + ">"))
    return cleaned, removed


def _elements(html: str):
    body = LexborHTMLParser(f"<body>{html}</body>").body
    return (
        [
            node
            for node in body.traverse(include_text=False)
            if node.tag and node.tag != "body" and not node.tag.startswith("-")
        ]
        if body
        else []
    )


def _signature(node) -> tuple:
    return node.tag, tuple(sorted((name, value or "") for name, value in node.attributes.items()))


def _source_of(node) -> str | None:
    while node is not None:
        if "data-sv-source" in node.attributes:
            return node.attributes["data-sv-source"]
        node = node.parent
    return None
