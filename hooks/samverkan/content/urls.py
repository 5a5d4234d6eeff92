"""Where a page ends up in the built site, and links between built pages."""

from __future__ import annotations

import functools
import posixpath

from samverkan.content.parts import DEFAULT_LANGUAGE


@functools.cache  # pure, and asked for the same pairs over and over: every link of every page
def page_url(path: str, directory_urls: bool) -> str:
    stem = path[: -len(".md")]
    if not directory_urls:
        return stem + ".html"
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def language_url(lang: str, path: str, directory_urls: bool) -> str:
    """A page's address from the site root: Swedish at the root, other languages under their code."""
    return ("" if lang == DEFAULT_LANGUAGE else f"{lang}/") + page_url(path, directory_urls)


def published_url(site_url: str, lang: str, path: str, directory_urls: bool) -> str:
    """A page's address where the site is published (MkDocs' canonical URL)."""
    return site_url.rstrip("/") + "/" + language_url(lang, path, directory_urls)


@functools.cache
def relative_url(from_path: str, to_path: str, directory_urls: bool) -> str:
    source, target = page_url(from_path, directory_urls), page_url(to_path, directory_urls)
    base = source if directory_urls else posixpath.dirname(source)
    rel = _relpath(target.rstrip("/"), base.rstrip("/"))
    if directory_urls and not rel.endswith("/"):
        rel = "./" if rel == "." else rel + "/"
    return rel


def _relpath(target: str, start: str) -> str:
    """posixpath.relpath for paths inside the site, without its calls to the file system (a hot spot:
    every link on every page goes through here)."""
    target_parts, start_parts = [p for p in target.split("/") if p], [p for p in start.split("/") if p]
    common = 0
    while common < min(len(target_parts), len(start_parts)) and target_parts[common] == start_parts[common]:
        common += 1
    return "/".join([".."] * (len(start_parts) - common) + target_parts[common:]) or "."
