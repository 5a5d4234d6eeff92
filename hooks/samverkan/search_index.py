"""One search index per language.

mkdocs-static-i18n merges both languages into ``search/search_index.json``, so
every reader downloaded both. After the build this keeps the Swedish pages in
that file and moves the English ones, with locations relative to ``en/``, to
``en/search/search_index.json`` (English pages set their search base to ``en/``
in overrides/main.html). Running it again changes nothing.
"""

from __future__ import annotations

import json
from pathlib import Path

ENGLISH = "en/"


def split(site_dir: str | Path) -> None:
    site = Path(site_dir)
    merged_file = site / "search" / "search_index.json"
    if not merged_file.is_file():
        return
    index = json.loads(merged_file.read_text(encoding="utf-8"))
    english = [doc for doc in index["docs"] if doc["location"].startswith(ENGLISH)]
    if not english:
        return  # already split
    swedish = [doc for doc in index["docs"] if not doc["location"].startswith(ENGLISH)]
    _write(merged_file, index["config"], swedish)
    _write(site / ENGLISH / "search" / "search_index.json", index["config"], [{**doc, "location": doc["location"][len(ENGLISH):]} for doc in english])


def _write(path: Path, config: dict, docs: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"config": config, "docs": docs}, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
