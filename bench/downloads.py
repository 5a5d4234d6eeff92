"""What a reader downloads: the search index per language, and a first visit to three pages."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from serve import GZIP_LEVEL, Sent

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

from samverkan.load import load_site  # noqa: E402
from samverkan.model import DEFAULT_LANGUAGE, LANGUAGES  # noqa: E402
from samverkan.urls import page_url  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROME_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]


def sample_pages() -> dict[str, str]:
    """The start page and the first routine and checklist in the nav, as paths under the site root."""
    handbook = load_site(ROOT / "mkdocs.yml")
    in_nav = sorted((p for p in handbook.pages if p.lang == DEFAULT_LANGUAGE), key=lambda p: handbook.nav_order.get(p.path, 1e9))
    first = {kind: next(p.path for p in in_nav if p.type == kind) for kind in ("routine", "checklist")}
    return {"start": "/", **{kind: "/" + page_url(path, True) for kind, path in first.items()}}


def category(sent: Sent) -> str:
    kind = sent.content_type
    if kind == "text/html":
        return "html"
    if kind == "text/css":
        return "css"
    return "js" if "javascript" in kind else "other"


def first_visit(base: str, log: list[Sent], path: str) -> dict:
    """Load PATH in a fresh headless Chromium (empty cache) and total what the server sent, by kind."""
    log.clear()
    with tempfile.TemporaryDirectory() as profile:
        command = [CHROMIUM, *CHROME_FLAGS, f"--user-data-dir={profile}", "--virtual-time-budget=10000", "--dump-dom", base + path]
        subprocess.run(command, capture_output=True, check=True, timeout=120)
    totals = {"html": 0, "css": 0, "js": 0, "other": 0}
    for sent in log:
        totals[category(sent)] += sent.bytes
    return {
        "path": path,
        "total_bytes": sum(totals.values()),
        "bytes": totals,
        "requests": [{"path": s.path, "status": s.status, "bytes": s.bytes} for s in log],
    }


def gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, GZIP_LEVEL))


def search_index_sizes(site: Path) -> dict:
    """Raw and gzip bytes of each language's search index: its own file if it has one, else its share of the shared one."""
    shared = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    sizes = {}
    for lang in LANGUAGES:
        own = site / lang / "search" / "search_index.json"
        if lang != DEFAULT_LANGUAGE and own.is_file():
            data = own.read_bytes()
        else:
            data = json.dumps({**shared, "docs": [doc for doc in shared["docs"] if _language_of(doc["location"]) == lang]}, ensure_ascii=False).encode()
        sizes[lang] = {"raw_bytes": len(data), "gzip_bytes": gzip_size(data)}
    whole = (site / "search" / "search_index.json").read_bytes()
    sizes["shared_file"] = {"raw_bytes": len(whole), "gzip_bytes": gzip_size(whole)}
    return sizes


def _language_of(location: str) -> str:
    first = location.split("/", 1)[0]
    return first if first in LANGUAGES else DEFAULT_LANGUAGE


def measure(site: Path, base: str, log: list[Sent]) -> dict:
    return {
        "search_index": search_index_sizes(site),
        "first_visit": {name: first_visit(base, log, path) for name, path in sample_pages().items()},
    }
