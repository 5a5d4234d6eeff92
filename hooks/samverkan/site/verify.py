"""The built site judged as a browser reads it: every HTML file parsed (Lexbor, an HTML5 parser), whatever made it.

    python -m samverkan verify SITE

Runs after every build and publish, on an edition, the offline edition and an archive alike. It fails on what
must never reach a reader: script, a handler or a style attribute that is not the theme's own, anything loaded
from another host, an id the theme's scripts read, personal data or a raw [[marker]] in the text the reader sees,
a page without its language, and a result of "Vad gör jag nu?" with no number to call."""

from __future__ import annotations

import functools
import re
import unicodedata
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from samverkan.content.personal_data import scan
from samverkan.content.problems import Problem

CONTENT = "article.md-content__inner"  # what pages, additions and views make; the rest is the theme's frame
RESOURCE_ATTRIBUTES = frozenset(("src", "srcset", "poster", "data", "action", "formaction", "xlink:href"))
EMBEDDING = frozenset(("iframe", "object", "embed", "base", "frame"))
ELSEWHERE = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:|//|\\\\)", re.IGNORECASE)
SAFE_RESOURCE_SCHEMES = ("data:", "blob:")  # made in the page itself, never fetched from a host
FIX = "rebuild; if it persists, the sanitizer or a template let it through (docs-dev/checks.md)"


def problems(site: str | Path, public_numbers: frozenset = frozenset(), pages: dict | None = None) -> list[Problem]:
    """The site's unsafe pages, a problem per fault; ``pages`` when they are parsed already (``parsed``)."""
    site = Path(site)
    found = []
    for name, (html, tree) in (pages if pages is not None else parsed(site)).items():
        if tree is None:
            found.append(Problem(f"{site.name}/{name}", 1, f"cannot be read ({html})", FIX))
        else:
            found += [Problem(f"{site.name}/{name}", 1, what, FIX) for what in tree_faults(tree, html, public_numbers)]
    return found


def parsed(site: Path) -> dict[str, tuple[str, LexborHTMLParser | None]]:
    """Every HTML file of the site by its site-relative name: its text and its parse, or why it cannot be read
    and None. Read once for both halves of the verification (completeness.safe_and_complete)."""
    pages = {}
    for page in sorted(site.rglob("*.html")):
        if page.is_symlink():
            continue
        try:
            html = page.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            pages[page.relative_to(site).as_posix()] = (str(error), None)
            continue
        pages[page.relative_to(site).as_posix()] = (html, LexborHTMLParser(html))
    return pages


def page_faults(html: str, public_numbers: frozenset = frozenset()) -> list[str]:
    """What is wrong with one built page, each as a short sentence."""
    return tree_faults(LexborHTMLParser(html), html, public_numbers)


def tree_faults(tree: LexborHTMLParser, html: str, public_numbers: frozenset = frozenset()) -> list[str]:
    """``page_faults`` of a page already parsed; its code elements are taken out of the tree."""
    faults = [] if (tree.root and tree.root.attributes.get("lang")) or "<html" not in html.lower() else ["the page has no <html lang>"]
    for node in tree.root.traverse(include_text=False) if tree.root else ():
        faults += _element_faults(node)
    content = tree.css_first(CONTENT)
    if content is not None:
        faults += _content_faults(content, public_numbers)
    return list(dict.fromkeys(faults))


def _element_faults(node) -> list[str]:
    tag = node.tag
    faults = [f"the page holds <{tag}>"] if tag in EMBEDDING else []
    for name, value in node.attributes.items():  # one pass: selectolax makes the dict anew on every access
        if name[:2].lower() == "on":
            faults.append(f"<{tag}> has the handler '{name}'")
        elif name in RESOURCE_ATTRIBUTES:
            if value and ELSEWHERE.match(value) and not value.strip().lower().startswith(SAFE_RESOURCE_SCHEMES):
                faults.append(f"<{tag}> loads {value.strip()[:80]} from outside the site")
        elif name == "href" and value:
            if tag == "link" and ELSEWHERE.match(value) and _loads(node.attributes):
                faults.append(f"<link> loads {value[:80]} from outside the site")
            if value.strip().lower().startswith(("javascript:", "vbscript:", "data:")):
                faults.append(f"<{tag}> links to a script address")
    return faults


def _loads(attributes: dict) -> bool:
    """A <link> the browser fetches (a stylesheet, an icon, a preload), not one that only names another page."""
    return not set((attributes.get("rel") or "").lower().split()) <= {"alternate", "canonical", "next", "prev", "author", "license"}


def _content_faults(content, public_numbers: frozenset) -> list[str]:
    faults = []
    for node in content.traverse(include_text=False):
        if node.tag == "script":
            faults.append("the content holds <script>")
        attributes = node.attributes
        if "style" in attributes or node.tag == "style":
            faults.append(f"<{node.tag}> in the content carries a style")
        identifier = attributes.get("id") or ""
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
    basic, astral = _format_characters()
    text = basic.sub("", text)
    return astral.sub("", text) if _ASTRAL.search(text) else text


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


@functools.cache
def _format_characters() -> tuple[re.Pattern, re.Pattern]:
    """Every Unicode Cf character, as two classes of ranges: those of the basic plane (which the regex engine
    tests in one step) and the rest. They all lie in planes 0, 1 and 14 (the rest are ideographs, private use or
    unassigned), which keeps this quick to make."""
    codes = [code for code in (*range(0x20000), *range(0xE0000, 0xF0000)) if unicodedata.category(chr(code)) == "Cf"]
    return _character_class(code for code in codes if code <= 0xFFFF), _character_class(code for code in codes if code > 0xFFFF)


def _character_class(codes) -> re.Pattern:
    ranges = []
    for code in codes:
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    return re.compile("[" + "".join(f"\\U{start:08x}-\\U{end:08x}" for start, end in ranges) + "]")
