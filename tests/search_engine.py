"""Material's search, replayed in Python with lunr.py over the built search_index.json.

It mirrors what the browser does (Material 9.8 worker + overrides/assets/javascripts/workers/search-<lang>.js):
- only this language's pages ("en/..." English, everything else Swedish);
- Material's tokenizer: text between HTML tags, split on the configured separator, lower-cased;
- the configured pipeline (stemmer only): Swedish Snowball (snowballstemmer) or lunr's English Porter stemmer;
- every query word stemmed the same way, then searched exactly (boosted) and as a prefix ("barn*", as Material does);
- Material's post-query boost (page-level documents and documents matching more of the words rank higher)
  and grouping of sections under their page.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import snowballstemmer
from lunr.builder import Builder
from lunr.pipeline import Pipeline
from lunr.query import Query
from lunr.stemmer import stemmer as english_stemmer

_TAG = re.compile(r"<[^>]*>")
EXACT_BOOST = 10  # as in overrides/assets/javascripts/workers/search-<lang>.js
_swedish = snowballstemmer.stemmer("swedish")


def _swedish_stemmer(token, i=None, tokens=None):
    return token.update(lambda word, metadata=None: _swedish.stemWord(word))


Pipeline.register_function(_swedish_stemmer, "stemmer-sv")


def stem_word(lang: str, word: str) -> str:
    from lunr.token import Token

    # Stemmed until it no longer changes: Snowball is not idempotent ("påträffats" -> "påträffat" -> "påträff"),
    # and the query is a prefix of indexed stems, so the shortest stem is the one that matches.
    for _ in range(3):
        stemmed = _swedish.stemWord(word) if lang == "sv" else str(english_stemmer(Token(word)))
        if stemmed == word:
            break
        word = stemmed
    return word


@dataclass
class Engine:
    lang: str
    separator: re.Pattern
    index: object
    docs: dict

    @classmethod
    def from_site(cls, site: Path, lang: str) -> "Engine":
        prefix = "en/" if lang == "en" else ""  # each language's index sits under its own root
        data = json.loads((Path(site) / prefix / "search" / "search_index.json").read_text(encoding="utf-8"))
        config = data["config"]
        assert config["pipeline"] == ["stemmer"], "the replay assumes the stemmer-only pipeline of mkdocs.yml"
        separator = re.compile(config["separator"])
        docs = {prefix + doc["location"]: {**doc, "location": prefix + doc["location"]} for doc in data["docs"]}

        def words(value):
            if value is None:
                return None
            values = value if isinstance(value, list) else [value]
            out = []
            for text in values:
                for chunk in _TAG.split(text):
                    out += [w for w in separator.split(chunk) if w]
            return out

        builder = Builder()
        builder.pipeline.add(_swedish_stemmer if lang == "sv" else english_stemmer)
        builder.search_pipeline.add(_swedish_stemmer if lang == "sv" else english_stemmer)
        builder.b(0)
        builder.ref("location")
        for name, spec in config["fields"].items():
            builder.field(name, boost=spec.get("boost", 1), extractor=lambda doc, name=name: words(doc.get(name)))
        for doc in docs.values():
            builder.add(doc, {"boost": doc["boost"]} if "boost" in doc else None)
        return cls(lang, separator, builder.build(), docs)

    def terms(self, query: str) -> list[str]:
        found = []
        for word in self.separator.split(query.lower()):
            if word:
                found.append(stem_word(self.lang, word) if word.isalpha() else word)
        return found

    def search(self, query: str) -> list[str]:
        """Page locations in the order Material shows them."""
        terms = self.terms(query)
        if not terms:
            return []
        q = self.index.create_query()
        for term in terms:
            if term.isalpha():  # search-<lang>.js: the stem once exact with a boost, once as a prefix
                q.clause(term=term, boost=EXACT_BOOST, use_pipeline=True)
            q.clause(term=term, wildcard=Query.WILDCARD_TRAILING, use_pipeline=False)
        scored = []
        for result in self.index.query(q):
            matched = list(result["match_data"].metadata.keys())
            found = sum(1 for term in dict.fromkeys(terms) if any(m.startswith(term) for m in matched))
            boost = (0 if "#" in result["ref"] else 1) + found / len(dict.fromkeys(terms))
            scored.append((result["score"] * (1 + boost**2), result["ref"]))
        scored.sort(key=lambda pair: -pair[0])
        pages = []
        for _, ref in scored:
            page = ref.split("#")[0]
            if page not in pages:
                pages.append(page)
        return pages


def location(lang: str, path: str, directory_urls: bool = True) -> str:
    """The search location of a source page path ("rutiner/avvikning.md") in a language."""
    stem = path[: -len(".md")]
    if directory_urls:
        url = "" if stem == "index" else (stem[: -len("index")] if stem.endswith("/index") else stem + "/")
    else:
        url = stem + ".html"
    return ("en/" if lang == "en" else "") + url
