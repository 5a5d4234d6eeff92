"""The built site judged as a browser reads it: every HTML file parsed (Lexbor, an HTML5 parser), whatever made it.

    python -m samverkan verify SITE

Runs after every build and publish, on an edition, the offline edition and an archive alike. It fails on what
must never reach a reader: script, a handler or a style attribute that is not the theme's own, anything loaded
from another host, an id the theme's scripts read, personal data or a raw [[marker]] in the text the reader sees,
a page without its language, and a result of "Vad gör jag nu?" with no number to call."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from samverkan.content.personal_data import scan
from samverkan.content.problems import Problem

CONTENT = "article.md-content__inner"  # what pages, additions and views make; the rest is the theme's frame
RESOURCE_ATTRIBUTES = ("src", "srcset", "poster", "data", "action", "formaction", "xlink:href")
ELSEWHERE = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:|//|\\\\)", re.IGNORECASE)
SAFE_RESOURCE_SCHEMES = ("data:", "blob:")  # made in the page itself, never fetched from a host
FIX = "rebuild; if it persists, the sanitizer or a template let it through (docs-dev/checks.md)"


def problems(site: str | Path, public_numbers: frozenset = frozenset()) -> list[Problem]:
    site = Path(site)
    found = []
    for page in sorted(site.rglob("*.html")):
        if page.is_symlink():
            continue
        try:
            html = page.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            found.append(Problem(_name(site, page), 1, f"cannot be read ({error})", FIX))
            continue
        found += [Problem(_name(site, page), 1, what, FIX) for what in page_faults(html, public_numbers)]
    return found


def _name(site: Path, page: Path) -> str:
    return f"{site.name}/{page.relative_to(site).as_posix()}"


def page_faults(html: str, public_numbers: frozenset = frozenset()) -> list[str]:
    """What is wrong with one built page, each as a short sentence."""
    tree = LexborHTMLParser(html)
    faults = [] if (tree.root and tree.root.attributes.get("lang")) or "<html" not in html.lower() else ["the page has no <html lang>"]
    for node in tree.root.traverse(include_text=False) if tree.root else ():
        faults += _element_faults(node)
    content = tree.css_first(CONTENT)
    if content is not None:
        faults += _content_faults(content, public_numbers)
    return list(dict.fromkeys(faults))


def _element_faults(node) -> list[str]:
    faults = [f"<{node.tag}> has the handler '{name}'" for name in node.attributes if name.lower().startswith("on")]
    for name in RESOURCE_ATTRIBUTES:
        value = node.attributes.get(name)
        if value and ELSEWHERE.match(value) and not value.strip().lower().startswith(SAFE_RESOURCE_SCHEMES):
            faults.append(f"<{node.tag}> loads {value.strip()[:80]} from outside the site")
    if node.tag == "link" and ELSEWHERE.match(node.attributes.get("href") or "") and _loads(node):
        faults.append(f"<link> loads {node.attributes['href'][:80]} from outside the site")
    if node.tag in ("iframe", "object", "embed", "base", "frame"):
        faults.append(f"the page holds <{node.tag}>")
    if any((node.attributes.get("href") or "").strip().lower().startswith(scheme) for scheme in ("javascript:", "vbscript:", "data:")):
        faults.append(f"<{node.tag}> links to a script address")
    return faults


def _loads(link) -> bool:
    """A <link> the browser fetches (a stylesheet, an icon, a preload), not one that only names another page."""
    return not set((link.attributes.get("rel") or "").lower().split()) <= {"alternate", "canonical", "next", "prev", "author", "license"}


def _content_faults(content, public_numbers: frozenset) -> list[str]:
    faults = []
    for node in content.traverse(include_text=False):
        if node.tag == "script":
            faults.append("the content holds <script>")
        if "style" in node.attributes or node.tag == "style":
            faults.append(f"<{node.tag}> in the content carries a style")
        identifier = node.attributes.get("id") or ""
        if identifier.startswith("__"):
            faults.append(f"the content uses the theme's id '{identifier}'")
    faults += [f"the text shows personal data: {finding.what}" for finding in scan(visible_text(content), public_numbers)]
    faults += [f"the result '{result.attributes.get('id')}' of 'Vad gör jag nu?' has no number to call (tel: link)"
               for result in content.css("section.sv-guide__result") if result.css_first('a[href^="tel:"]') is None]
    for code in content.css("code, pre"):  # a page about the conventions shows a marker as code
        code.decompose()
    text = visible_text(content)
    if "[[" in text:
        faults.append("the text shows a raw [[ marker")
    if "{#" in text or "{:" in text:
        faults.append("the text shows a raw {#…} or {:…} attribute list")
    return faults


def visible_text(node) -> str:
    """The text a reader sees: entities decoded by the parser, invisible format characters (Unicode Cf) removed."""
    text = node.text(separator=" ")
    return "".join(char for char in text if unicodedata.category(char) != "Cf")
