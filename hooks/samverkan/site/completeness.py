"""The built site judged complete, whatever engine made it: a build's exit code proves nothing about the site.

The second half of ``samverkan verify SITE`` (the first, safety, is verify.py). It fails on:
every page of the model without its HTML page in both languages or with the wrong <html lang>, a missing root
page, an internal link or anchor that leads nowhere or, but for the language switch, into the other language
(an English page's links stay under en/, a Swedish page's outside it), a language without its search index, and an export that
does not validate against its schema (the site's; the offline copy carries none). Raw [[markers]] and {#attribute lists} are the safety half's."""

from __future__ import annotations

import json
import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

import jsonschema

from samverkan.content import versions
from samverkan.content.model import Handbook
from samverkan.content.parts import DEFAULT_LANGUAGE, LANGUAGES
from samverkan.content.problems import Problem
from samverkan.content.urls import language_url, page_url
from samverkan.site import verify

FIX = "rebuild with the project's own command (samverkan build); the engine left the site incomplete"
SCHEMA = "export/handbook-export.schema.json"
OFFLINE_INDEX = "search/search_index.js"  # the offline edition inlines one index for both languages
NOT_FOUND_PAGE = "404.html"
SKIPPED_SCHEMES = ("http:", "https:", "tel:", "mailto:", "data:", "blob:", "javascript:")


def safe_and_complete(site: str | Path, handbook: Handbook, apart: tuple = ()) -> list[Problem]:
    """The built site judged whole, as ``samverkan verify`` does: safe (verify.py), then complete;
    every page parsed once. ``apart``: its folders that hold a site of their own, verified on its own; links into
    them are followed all the same. The archived plan versions (arkiv/) are always apart: each was verified as a
    site of its own when the archive command made it (publish/archive.py)."""
    apart = (*apart, versions.ARCHIVE_DIR)
    pages = verify.parsed(Path(site), apart)
    complete = problems(site, handbook, pages=pages)  # first: the safety half takes code out of the trees
    return verify.problems(site, handbook.public_numbers, pages, apart) + complete


def problems(
    site: str | Path, handbook: Handbook, language: str | None = None, pages: dict | None = None
) -> list[Problem]:
    """The site's faults; with ``language``, a tree of that language alone at the site's root, as another
    engine builds it from ``samverkan compile`` (no export: the hooks write it). ``pages``: the
    site's pages as verify.parsed read them, when they are read already."""
    site = Path(site)
    pages = _read_pages(pages if pages is not None else verify.parsed(site))
    model = [page for page in handbook.pages if language in (None, page.lang)]
    directory_urls = _directory_urls(model, pages, language)
    found = _model_pages(site, model, pages, directory_urls, language)
    found += _links(site, pages)
    found += _search_indexes(site, (language,) if language else LANGUAGES, language)
    # the hooks write the export, not into the offline copy
    return found if language or _offline(site) else found + _export(site)


def _read_pages(parsed: dict) -> dict[str, tuple[str | None, set[str], list[str]]]:
    """Every HTML file, site-relative: (its <html lang>, its ids, the hrefs of its links)."""
    pages = {}
    for name, (_, tree) in parsed.items():
        if tree is None:
            continue  # the safety half names a file it cannot read
        lang = tree.root.attributes.get("lang") if tree.root else None
        ids = {node.attributes["id"] for node in tree.css("[id]") if node.attributes.get("id")}
        # a language switch (hreflang) may lead to the other language; no other link may
        hrefs = [
            (node.attributes["href"], node.attributes.get("hreflang"))
            for node in tree.css("a[href]")
            if node.attributes.get("href")
        ]
        pages[name] = (lang, ids, hrefs)
    return pages


def _url(page, directory_urls: bool, language: str | None) -> str:
    return (
        page_url(page.path, directory_urls)
        if language
        else language_url(page.lang, page.path, directory_urls)
    )


def _directory_urls(model: list, pages: dict, language: str | None) -> bool:
    """Whether the site was built with directory URLs (rutiner/avvikning/index.html) or not (the offline
    edition's rutiner/avvikning.html), read off the first page that is not a section's index."""
    page = next((page for page in model if not page.path.endswith("index.md")), None)
    return page is None or _file_of(_url(page, True, language), True) in pages


def _file_of(url: str, directory_urls: bool) -> str:
    return (
        (url + "index.html" if url.endswith("/") or not url else url)
        if directory_urls
        else (url or "index.html")
    )


def _model_pages(
    site: Path, model: list, pages: dict, directory_urls: bool, language: str | None
) -> list[Problem]:
    found = []
    if "index.html" not in pages:
        found.append(Problem(site.name, 1, "the site has no root page (index.html)", FIX))
    for page in model:
        file = _file_of(_url(page, directory_urls, language), directory_urls)
        if file not in pages:
            found.append(
                Problem(
                    f"{site.name}/{file}",
                    1,
                    f"the page '{page.id}' ({page.lang}, docs/{page.lang}/{page.path}) was not built",
                    FIX,
                )
            )
        elif pages[file][0] != page.lang:
            found.append(
                Problem(
                    f"{site.name}/{file}",
                    1,
                    f'the page says <html lang="{pages[file][0]}">, not "{page.lang}"',
                    FIX,
                )
            )
    return found


def _links(site: Path, pages: dict) -> list[Problem]:
    found = []
    files = _Files(site, pages)
    for name, (_, ids, hrefs) in pages.items():
        if name == NOT_FOUND_PAGE:
            continue  # served at whatever address was asked for, its links are absolute from the server's root
        for href, hreflang in dict.fromkeys(hrefs):
            fault = _link_fault(files, name, ids, href, pages, crosses=hreflang is not None)
            if fault:
                found.append(Problem(f"{site.name}/{name}", 1, fault, FIX))
    return found


class _Files:
    """Where a link's target lies in the built site (a folder's index.html) and whether it is there; each
    target looked up once, since a site links the same assets from every page."""

    def __init__(self, site: Path, pages: dict):
        self.site, self.pages, self.known = site, pages, {}

    def file_of(self, target: str) -> tuple[str, bool]:
        if target not in self.known:
            self.known[target] = (target, True) if target in self.pages else self._on_disk(target)
        return self.known[target]

    def _on_disk(self, target: str) -> tuple[str, bool]:
        if (self.site / target).is_dir():
            target = posixpath.join(target, "index.html")
        return target, (self.site / target).is_file()


def _language_of(name: str) -> str:
    """The language of a file of an assembled site: the default one at the root, each other under its folder."""
    first = name.split("/", 1)[0]
    return first if first in LANGUAGES and "/" in name else DEFAULT_LANGUAGE


def _link_fault(
    files: _Files, name: str, ids: set[str], href: str, pages: dict, crosses: bool = False
) -> str | None:
    if href.lower().startswith(SKIPPED_SCHEMES) or href.startswith("//"):
        return None  # another host, or a number: not the site's to resolve (verify.py judges the schemes)
    parts = urlsplit(href)
    fragment = unquote(parts.fragment)
    if not parts.path:
        return (
            None
            if not fragment or fragment in ids
            else f"the link '{href[:80]}' leads to no anchor on the page"
        )
    target = posixpath.normpath(posixpath.join(posixpath.dirname(name), unquote(parts.path)))
    if target.startswith("../") or target == "..":
        return f"the link '{href[:80]}' leads out of the site"
    target, there = files.file_of(target)
    if not there:
        return f"the link '{href[:80]}' leads to nothing ({target})"
    if fragment and target in pages and fragment not in pages[target][1]:
        return f"the link '{href[:80]}' leads to no anchor '{fragment[:40]}' in {target}"
    if target in pages and not crosses and _language_of(target) != _language_of(name):
        return f"the link '{href[:80]}' leads from a page in {_language_of(name)} to one in {_language_of(target)} ({target})"
    return None


def _offline(site: Path) -> bool:
    return (site / OFFLINE_INDEX).is_file()


def _search_indexes(site: Path, languages, language: str | None) -> list[Problem]:
    if _offline(site):
        return []
    found = []
    for lang in languages:
        index = site / ("" if lang == DEFAULT_LANGUAGE or language else lang) / "search" / "search_index.json"
        try:
            docs = json.loads(index.read_text(encoding="utf-8")).get("docs")
        except (OSError, ValueError, AttributeError):
            docs = None
        if not docs:
            found.append(
                Problem(
                    f"{site.name}/{index.relative_to(site).as_posix()}",
                    1,
                    f"the {lang} search index is missing or empty",
                    FIX,
                )
            )
    return found


def _export(site: Path) -> list[Problem]:
    try:
        schema = json.loads((site / SCHEMA).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return [Problem(f"{site.name}/{SCHEMA}", 1, "the export's schema is missing or not JSON", FIX)]
    validator = jsonschema.Draft202012Validator(schema)
    found = []
    for lang in LANGUAGES:
        name = f"export/handbook-{lang}.json"
        try:
            error = next(
                iter(validator.iter_errors(json.loads((site / name).read_text(encoding="utf-8")))), None
            )
        except (OSError, ValueError):
            found.append(Problem(f"{site.name}/{name}", 1, "the export is missing or not JSON", FIX))
            continue
        if error is not None:
            found.append(
                Problem(
                    f"{site.name}/{name}",
                    1,
                    f"the export does not match its schema: {error.message[:120]}",
                    FIX,
                )
            )
    return found
