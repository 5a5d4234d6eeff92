"""Where a page ends up in the built site, and links between built pages."""

from __future__ import annotations

import posixpath


def page_url(path: str, directory_urls: bool) -> str:
    stem = path[: -len(".md")]
    if not directory_urls:
        return stem + ".html"
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def relative_url(from_path: str, to_path: str, directory_urls: bool) -> str:
    source, target = page_url(from_path, directory_urls), page_url(to_path, directory_urls)
    base = source if directory_urls else posixpath.dirname(source)
    rel = posixpath.relpath(target or ".", base.rstrip("/") or ".")
    if directory_urls and not rel.endswith("/"):
        rel = "./" if rel == "." else rel + "/"
    return rel


def relative_md(from_path: str, to_path: str) -> str:
    """A Markdown link between source files, which MkDocs checks and rewrites."""
    return posixpath.relpath(to_path, posixpath.dirname(from_path) or ".")
