"""The search index after the build: one per language, with the language's search words.

mkdocs-static-i18n merges both languages into ``search/search_index.json``, so
every reader downloaded both. After the build this keeps the Swedish pages in
that file and moves the English ones, with locations relative to ``en/``, to
``en/search/search_index.json`` (English pages set their search base to ``en/``
in overrides/main.html). The offline edition keeps one index for both languages
(and its inlined copy, ``search/search_index.js``).

Each index's config carries ``vocabulary``: per language, the stop words and
synonyms of ``search/synonyms-<lang>.yml`` (samverkan/content/synonyms.py), which the
search worker applies to the query. Running it again changes nothing.
"""

from __future__ import annotations

import json
from pathlib import Path

from samverkan.content import synonyms
from samverkan.content.parts import LANGUAGES

ENGLISH = "en/"
INLINED = "var __index = "  # how Material's offline plugin inlines the index for file://


def finish(site_dir: str | Path, root: str | Path, split_languages: bool = True) -> None:
    """Add the vocabulary to the built index and, online, split it per language."""
    site = Path(site_dir)
    merged_file = site / "search" / "search_index.json"
    if not merged_file.is_file():
        return
    index = json.loads(merged_file.read_text(encoding="utf-8"))
    # faults: the check reports them
    vocabulary = {lang: synonyms.read(root, lang)[0].as_json() for lang in LANGUAGES}
    english = [doc for doc in index["docs"] if doc["location"].startswith(ENGLISH)]
    if not split_languages:
        _write(merged_file, {**index["config"], "vocabulary": vocabulary}, index["docs"])
        if (site / "search" / "search_index.js").is_file():
            _write(
                site / "search" / "search_index.js",
                {**index["config"], "vocabulary": vocabulary},
                index["docs"],
                INLINED,
            )
        return
    if not english:
        return  # already split
    swedish = [doc for doc in index["docs"] if not doc["location"].startswith(ENGLISH)]
    _write(merged_file, _config(index, vocabulary, "sv"), swedish)
    _write(
        site / ENGLISH / "search" / "search_index.json",
        _config(index, vocabulary, "en"),
        [{**doc, "location": doc["location"][len(ENGLISH) :]} for doc in english],
    )


def _config(index: dict, vocabulary: dict, lang: str) -> dict:
    return {**index["config"], "vocabulary": {lang: vocabulary[lang]}}


def _write(path: Path, config: dict, docs: list[dict], prefix: str = "") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        prefix + json.dumps({"config": config, "docs": docs}, ensure_ascii=False, separators=(",", ":")),
        encoding="utf-8",
    )
