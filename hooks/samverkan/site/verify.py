"""The built site judged as a browser reads it: every HTML file parsed (Lexbor, an HTML5 parser), whatever made it.

    samverkan verify SITE

Runs after every build and publish, on an edition, the offline edition and an archive alike. It fails on what
must never reach a reader: script, a handler or a style attribute that is not the theme's own, anything loaded
from another host, an id the theme's scripts read, personal data or a raw [[marker]] anywhere in the text the reader sees,
a page without its language, a result of "Vad gör jag nu?" with no number to call, and a tel: link that does not
dial, in digits 0-9, the declared public number its text shows (content/phone.py). Every other published text file
(search index, export, feeds, sitemap) is read as its reader gets it for personal data (published_text_problems), and
every published file of every type, zip members too, for what a browser could run in it (site/published.py)."""

from __future__ import annotations

import gzip
import io
import json
import os
import re
import stat
import zipfile
from html import unescape
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from samverkan.content.parts import LANGUAGES
from samverkan.content.personal_data import text_faults, without_format_characters
from samverkan.content.phone import address_fault, tel_link_fault
from samverkan.content.problems import Problem
from samverkan.site import published

CONTENT = "article.md-content__inner"  # what pages, additions and views make; the rest is the theme's frame
RESOURCE_ATTRIBUTES = frozenset(("src", "srcset", "poster", "data", "action", "formaction", "xlink:href"))
EMBEDDING = frozenset(("iframe", "object", "embed", "base", "frame"))
ELSEWHERE = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:|//|\\\\)", re.IGNORECASE)
SAFE_RESOURCE_SCHEMES = ("data:", "blob:")  # made in the page itself, never fetched from a host
FIX = "rebuild; if it persists, the sanitizer or a template let it through (docs-dev/checks.md)"
PAGE = ".html"


def problems(
    site: str | Path, public_numbers: frozenset = frozenset(), pages: dict | None = None, apart: tuple = ()
) -> list[Problem]:
    """The site's unsafe pages, a problem per fault; ``pages`` when they are parsed already (``parsed``).
    ``apart``: folders of the site that hold a site of their own, verified on its own (publish/example.py)."""
    site = Path(site)
    found = []
    for name, (html, tree) in (pages if pages is not None else parsed(site, apart)).items():
        if tree is None:
            found.append(Problem(f"{site.name}/{name}", 1, f"cannot be read ({html})", FIX))
        else:
            found += [
                Problem(f"{site.name}/{name}", 1, what, FIX)
                for what in tree_faults(tree, html, public_numbers) + published.frame_faults(tree)
            ]
    text = published_text_problems(site, public_numbers, apart)
    unreadable = {problem.path for problem in text if problem.message.startswith("cannot be read")}
    return (
        found
        + text
        + [
            problem
            for problem in file_problems(site, public_numbers, apart)
            if problem.path not in unreadable
        ]
    )


def _apart(site: Path, path: Path, apart: tuple) -> bool:
    return bool(apart) and path.relative_to(site).parts[:1] in [(folder,) for folder in apart]


def file_problems(site: Path, public_numbers: frozenset, apart: tuple = ()) -> list[Problem]:
    """Every published file that is not a page, of every type, by published.file_faults; a zip member by member."""
    found = []
    for folder, folders, files in os.walk(site):
        if Path(folder) == site:
            folders[:] = [name for name in folders if name not in apart]
        for entry in sorted((*folders, *files)):
            path = Path(folder, entry)
            name = f"{site.name}/{path.relative_to(site).as_posix()}"
            if path.is_symlink():
                found.append(Problem(name, 1, "is a symbolic link, which the site does not publish", FIX))
            elif entry in files and path.suffix != PAGE:
                found += [
                    Problem(where, 1, what, FIX)
                    for where, what in _file_faults(name, path.read_bytes(), public_numbers)
                ]
    return found


def _file_faults(name: str, data: bytes, public_numbers: frozenset) -> list[tuple[str, str]]:
    """(name, fault) of the file and, in a zip, of each member: a page as a page is judged, the rest by type."""
    if name.lower().endswith(".zip"):
        return _zip_faults(name, data, public_numbers)
    if name.endswith(PAGE):
        html = data.decode("utf-8", "replace")
        tree = LexborHTMLParser(html)
        return [
            (name, what) for what in tree_faults(tree, html, public_numbers) + published.frame_faults(tree)
        ]
    try:
        return [(name, what) for what in published.file_faults(name, data)]
    except (OSError, EOFError, ValueError) as error:  # a bad gzip stream
        return [(name, f"cannot be read ({str(error)[:80]})")]


def _member_text_faults(name: str, data: bytes, public_numbers: frozenset) -> list[tuple[str, str]]:
    """A zip member's words, as published_text_problems reads a site's text files."""
    reader = TEXT_FILES.get(Path(name).suffix.lower())
    if reader is None or reader == "gzip" or f"/{THEME_FILES}/" in f"/{name}":
        return []
    try:
        text = _read_as(data.decode("utf-8"), reader)
    except ValueError as error:
        return [(name, f"cannot be read ({str(error)[:80]})")]
    return [(name, f"the file shows personal data: {what}") for what in text_faults(text, public_numbers)]


def _zip_faults(name: str, data: bytes, public_numbers: frozenset) -> list[tuple[str, str]]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            found = []
            for member in archive.infolist():
                where = f"{name}/{member.filename}"
                if stat.S_ISLNK(member.external_attr >> 16):
                    found.append((where, "is a symbolic link, which the site does not publish"))
                elif member.file_size > published.UNPACKED_LIMIT:
                    found.append((where, "unpacks to more than its limit"))
                elif not member.is_dir():
                    found += _file_faults(where, archive.read(member), public_numbers) + _member_text_faults(
                        where, archive.read(member), public_numbers
                    )
            return found
    except (zipfile.BadZipFile, OSError, EOFError) as error:
        return [(name, f"cannot be read ({str(error)[:80]})")]


# Published files other than pages that carry the handbook's words to readers, and how each is read as text.
# The offline copy's zip is not read here: its edition is verified as a site of its own before it is zipped.
# Nor is assets/: the theme's files and the project's scripts and styles, never the handbook's words (a vendored
# script's licence rightly names its author's address).
THEME_FILES = "assets"
TEXT_FILES = {
    ".json": "json",
    ".xml": "markup",
    ".svg": "markup",
    ".txt": "plain",
    ".webmanifest": "json",
    ".gz": "gzip",
}
TEXT_FILE_LIMIT = 50_000_000  # bytes a text file may unpack to; more is a fault, never read into memory


def published_text_problems(site: Path, public_numbers: frozenset, apart: tuple = ()) -> list[Problem]:
    """Personal data, numbers in other digits and bidi controls in every published text file that is not a page:
    the search index (with the search words every reader's browser loads), the export, feeds, the sitemap.
    Each file is read as its reader gets it: JSON decoded (a '\\u0030' is a '0'), markup without its tags and
    entities (a feed's escaped HTML too), a .gz unpacked. A file's problems name it; a file has no lines here."""
    found = []
    for path in sorted(site.rglob("*")):
        reader = TEXT_FILES.get(path.suffix.lower())
        if (
            reader is None
            or _theme_file(path.relative_to(site).parts)
            or _apart(site, path, apart)
            or path.is_symlink()
            or not path.is_file()
        ):
            continue
        name = f"{site.name}/{path.relative_to(site).as_posix()}"
        try:
            text = _published_text(path, reader)
        except (
            OSError,
            ValueError,
            EOFError,
            gzip.BadGzipFile,
        ) as error:  # UnicodeDecodeError and bad JSON are ValueErrors
            found.append(Problem(name, 1, f"cannot be read ({str(error)[:80]})", FIX))
            continue
        found += [
            Problem(name, 1, f"the file shows personal data: {what}", FIX)
            for what in text_faults(text, public_numbers)
        ]
    return found


def _theme_file(parts: tuple[str, ...]) -> bool:
    """In assets/, or a language's own assets/ (an engine that builds each language on its own copies them)."""
    return parts[0] == THEME_FILES or (len(parts) > 2 and parts[0] in LANGUAGES and parts[1] == THEME_FILES)


def _published_text(path: Path, reader: str) -> str:
    if reader == "gzip":
        with gzip.open(path) as unpacked:
            data = unpacked.read(TEXT_FILE_LIMIT + 1)
        if len(data) > TEXT_FILE_LIMIT:
            raise ValueError(f"it unpacks to more than {TEXT_FILE_LIMIT} bytes")
        inner = Path(path.stem)
        return _read_as(data.decode("utf-8"), TEXT_FILES.get(inner.suffix.lower(), "plain"))
    if path.stat().st_size > TEXT_FILE_LIMIT:
        raise ValueError(f"it is larger than {TEXT_FILE_LIMIT} bytes")
    return _read_as(path.read_text(encoding="utf-8"), reader)


def _read_as(text: str, reader: str) -> str:
    """The words of a file's text as its reader gets them, one string per line."""
    if reader == "json":
        return "\n".join(_strings(json.loads(text)))
    if reader in ("markup", "gzip"):
        for _ in range(2):  # a feed carries its pages' HTML escaped inside its XML
            text = unescape(_TAG.sub(" ", text))
    return text


_TAG = re.compile(r"<[^<>]*+>")


def _strings(value) -> list[str]:
    """Every string in decoded JSON, keys too, depth first, without recursion (an index may nest deep)."""
    strings, pending = [], [value]
    while pending:
        item = pending.pop()
        if isinstance(item, str):
            strings.append(item)
        elif isinstance(item, dict):
            strings += [key for key in item if isinstance(key, str)]
            pending += reversed(list(item.values()))
        elif isinstance(item, list):
            pending += reversed(item)
    return strings


def parsed(site: Path, apart: tuple = ()) -> dict[str, tuple[str, LexborHTMLParser | None]]:
    """Every HTML file of the site by its site-relative name: its text and its parse, or why it cannot be read
    and None. Read once for both halves of the verification (completeness.safe_and_complete)."""
    pages = {}
    for page in sorted(site.rglob("*.html")):
        if page.is_symlink() or _apart(site, page, apart):
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
    """``page_faults`` of a page already parsed (left as it is)."""
    faults = (
        []
        if (tree.root and tree.root.attributes.get("lang")) or "<html" not in html.lower()
        else ["the page has no <html lang>"]
    )
    for node in tree.root.traverse(include_text=False) if tree.root else ():
        faults += _element_faults(node, public_numbers)
    content = tree.css_first(CONTENT)
    if content is not None:
        faults += _content_faults(content, public_numbers)
    faults += _shown_faults(tree, public_numbers)
    return list(dict.fromkeys(faults))


def _element_faults(node, public_numbers: frozenset) -> list[str]:
    tag = node.tag
    faults = [f"the page holds <{tag}>"] if tag in EMBEDDING else []
    for name, value in node.attributes.items():  # one pass: selectolax makes the dict anew on every access
        if name[:2].lower() == "on":
            faults.append(f"<{tag}> has the handler '{name}'")
        elif name in RESOURCE_ATTRIBUTES:
            if (
                value
                and ELSEWHERE.match(value)
                and not value.strip().lower().startswith(SAFE_RESOURCE_SCHEMES)
            ):
                faults.append(f"<{tag}> loads {value.strip()[:80]} from outside the site")
        elif name == "href" and value:
            if tag == "link" and ELSEWHERE.match(value) and _loads(node.attributes):
                faults.append(f"<link> loads {value[:80]} from outside the site")
            scheme = value.strip().lower()
            if scheme.startswith(("javascript:", "vbscript:", "data:")):
                faults.append(f"<{tag}> links to a script address")
            elif (
                scheme.startswith("tel:")
                and (fault := tel_link_fault(value.strip()[4:], visible_text(node), public_numbers))
                or not scheme.startswith("tel:")
                and (fault := address_fault(value, public_numbers))
            ):
                faults.append(fault)
    return faults


def _loads(attributes: dict) -> bool:
    """A <link> the browser fetches (a stylesheet, an icon, a preload), not one that only names another page."""
    return not set((attributes.get("rel") or "").lower().split()) <= {
        "alternate",
        "canonical",
        "next",
        "prev",
        "author",
        "license",
    }


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
    faults += [
        f"the result '{result.attributes.get('id')}' of 'Vad gör jag nu?' has no number to call (tel: link)"
        for result in content.css("section.sv-guide__result")
        if result.css_first('a[href^="tel:"]') is None
    ]
    return faults


UNSHOWN = "script, style, template, noscript"  # in the page, but never shown as text


def _shown_faults(tree: LexborHTMLParser, public_numbers: frozenset) -> list[str]:
    """What the text of the whole page shows, frame and content alike (an engine may put a page's header or
    views outside its article): personal data, a raw [[marker]] or attribute list. Read from a copy, so the
    page's scripts stay for the policy's check."""
    if tree.body is None:
        return []
    shown = LexborHTMLParser(tree.body.html or "")
    for node in shown.css(UNSHOWN):
        node.decompose()
    body = shown.body
    if body is None:
        return []
    faults = [
        f"the text shows personal data: {what}"
        for what in text_faults(body.text(separator=" "), public_numbers)
    ]
    for code in shown.css("code, pre"):  # a page about the conventions shows a marker as code
        code.decompose()
    text = visible_text(body)
    if "[[" in text:
        faults.append("the text shows a raw [[ marker")
    if "{#" in text or "{:" in text:
        faults.append("the text shows a raw {#…} or {:…} attribute list")
    return faults


def visible_text(node) -> str:
    """The text a reader sees: entities decoded by the parser, invisible format characters (Unicode Cf) removed."""
    return without_format_characters(node.text(separator=" "))
