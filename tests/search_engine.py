"""Material's search with the handbook's query logic, replayed in Python with lunr.py over the built search_index.json.

It mirrors what the browser does (Material 9.8 worker + overrides/assets/javascripts/workers/search-query.js),
step for step, so that tests/test_search.py measures what a reader gets:
- only this language's pages ("en/..." English, everything else Swedish);
- Material's tokenizer: text between HTML tags, split on the configured separator, lower-cased;
- the configured pipeline (stemmer only): Swedish Snowball (snowballstemmer) or lunr's English Porter stemmer;
- the query as a sentence: split on the separator, its first MOST_WORDS words kept; the handbook's synonym phrases (search/synonyms-<lang>.yml,
  carried in the index's config) replace the words they match; stop words are dropped; each remaining word is
  one "concept" searched by its stem, exactly (boosted) and as a prefix;
- a word typed without diacritics also searches the index's words that differ from it only in diacritics;
- every page that matches any concept is listed: first by how many concepts it matches, then by lunr's score
  (fields weighted title = keywords = headings > text) with Material's post-query boost for whole pages;
- sections are grouped under their page, a page ranked by its best document.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import snowballstemmer
from lunr.builder import Builder
from lunr.pipeline import Pipeline
from lunr.query import Query
from lunr.stemmer import stemmer as english_stemmer
from lunr.token import Token

_TAG = re.compile(r"<[^>]*>")
_SYNTAX = re.compile(r"[+\-*~^:]")  # lunr's query syntax: never passed on
EXACT_BOOST = 10  # as in search-query.js
QUERY_SCRIPT = Path(__file__).resolve().parents[1] / "overrides/assets/javascripts/workers/search-query.js"
# the words of a query searched
MOST_WORDS = int(re.search(r"var MOST_WORDS = (\d+);", QUERY_SCRIPT.read_text(encoding="utf-8"))[1])
_swedish = snowballstemmer.stemmer("swedish")


def _swedish_stemmer(token, i=None, tokens=None):
    return token.update(lambda word, metadata=None: _swedish.stemWord(word))


Pipeline.register_function(_swedish_stemmer, "stemmer-sv")


def stem_word(lang: str, word: str) -> str:
    # Stemmed until it no longer changes: Snowball is not idempotent ("påträffats" -> "påträffat" -> "påträff"),
    # and the query is a prefix of indexed stems, so the shortest stem is the one that matches.
    for _ in range(3):
        stemmed = _swedish.stemWord(word) if lang == "sv" else str(english_stemmer(Token(word)))
        if stemmed == word:
            break
        word = stemmed
    return word


def fold(word: str) -> str:
    """'påträffat' -> 'patraffat': letters without their diacritics (one letter for one letter)."""
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


@dataclass
class Concept:
    """One thing the reader asked for: a word typed, or a phrase the synonym file knows."""

    label: str  # as typed, shown when a result misses it
    terms: list[str]  # index stems that satisfy it
    foldable: bool = False  # typed without diacritics: the index's words that differ only in them count too


@dataclass
class Engine:
    lang: str
    separator: re.Pattern
    index: object
    docs: dict
    stop_words: set = field(default_factory=set)
    # (phrase as normalised words, the handbook's stems), longest first
    synonyms: list = field(default_factory=list)
    folded_vocabulary: list = field(default_factory=list)  # (folded index term, index term)
    roles: set = field(default_factory=set)  # stems of the words that name who is asking

    @classmethod
    def from_site(cls, site: Path, lang: str) -> Engine:
        prefix = "en/" if lang == "en" else ""  # each language's index sits under its own root
        data = json.loads((Path(site) / prefix / "search" / "search_index.json").read_text(encoding="utf-8"))
        config = data["config"]
        assert config["pipeline"] == ["stemmer"], "the replay assumes the stemmer-only pipeline of mkdocs.yml"
        separator = re.compile(config["separator"])
        docs = {
            prefix + doc["location"]: {**doc, "location": prefix + doc["location"]} for doc in data["docs"]
        }

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
            builder.field(
                name, boost=spec.get("boost", 1), extractor=lambda doc, name=name: words(doc.get(name))
            )
        for doc in docs.values():
            builder.add(doc, {"boost": doc["boost"]} if "boost" in doc else None)
        engine = cls(lang, separator, builder.build(), docs)
        engine._learn(config.get("vocabulary", {}).get(lang, {}))
        return engine

    def _learn(self, vocabulary: dict) -> None:
        """The language's stop words and synonyms, normalised as the query will be."""
        self.stop_words = {fold(word.lower()) for word in vocabulary.get("stop_words", [])}
        synonyms = []
        for typed, meant in vocabulary.get("synonyms", []):
            phrase = tuple(self._normal(word) for word in self._words(typed))
            stems = list(dict.fromkeys(self._stem(word) for word in self._words(meant)))
            if phrase and stems:
                synonyms.append((phrase, stems))
        self.synonyms = sorted(synonyms, key=lambda entry: -len(entry[0]))
        self.folded_vocabulary = [(fold(term), term) for term in self.index.inverted_index]
        self.roles = {self._stem(word.lower()) for word in vocabulary.get("roles", [])}

    def _words(self, text: str) -> list[str]:
        words = (_SYNTAX.sub("", word) for word in self.separator.split(text.lower()))
        return [word for word in words if word]

    def _stem(self, word: str) -> str:
        return stem_word(self.lang, word) if word.isalpha() else word

    def _normal(self, word: str) -> str:
        return fold(self._stem(word))

    def _is_stop(self, normal: str) -> bool:
        return normal in self.stop_words

    def concepts(self, query: str) -> list[Concept]:
        typed = self._words(query)[:MOST_WORDS]
        normal = [self._normal(word) for word in typed]
        stops = [fold(word) in self.stop_words for word in typed]
        found, i = [], 0
        while i < len(typed):
            match = self._synonym_at(normal, stops, i)
            if match:
                end, stems = match
                single = end - i == 1
                found.append(
                    Concept(" ".join(typed[i:end]), ([self._stem(typed[i])] if single else []) + stems)
                )
                i = end
                continue
            if not stops[i]:
                found.append(self._word(typed[i]))
            i += 1
        if not found:  # only stop words: search them after all ("vem", "hur")
            found = [self._word(word) for word in typed]
        return found

    def _word(self, word: str) -> Concept:
        return Concept(word, [self._stem(word)], foldable=word.isalpha() and fold(word) == word)

    def _synonym_at(self, normal: list[str], stops: list[bool], start: int):
        """(end, the handbook's stems) of the longest synonym phrase that starts at ``start``; stop words
        typed between its words do not break it ("kommer hon inte hem" matches "kommer inte hem")."""
        for phrase, stems in self.synonyms:
            if normal[start] != phrase[0]:
                continue
            i = start + 1
            for word in phrase[1:]:
                while i < len(normal) and normal[i] != word and stops[i]:
                    i += 1
                if i == len(normal) or normal[i] != word:
                    break
                i += 1
            else:
                return i, stems
        return None

    def _alternatives(self, concept: Concept) -> list[str]:
        """The concept's stems, and when typed without diacritics the index's spellings of them."""
        terms = list(concept.terms)
        if concept.foldable:
            for stem in concept.terms:
                terms += [
                    term[: len(stem)] for folded, term in self.folded_vocabulary if folded.startswith(stem)
                ]
        return list(dict.fromkeys(terms))

    def search(self, query: str) -> list[str]:
        """Page locations in the order the search box shows them."""
        concepts = self.concepts(query)
        alternatives = [self._alternatives(concept) for concept in concepts]
        terms = list(dict.fromkeys(term for group in alternatives for term in group))
        if not terms:
            return []
        q = self.index.create_query()
        for term in terms:
            if term.isalpha():  # words: the stem once exactly, boosted, and once as Material's prefix
                q.clause(term=term, boost=EXACT_BOOST, use_pipeline=False)
            q.clause(term=term, wildcard=Query.WILDCARD_TRAILING, use_pipeline=False)
        named = [i for i, concept in enumerate(concepts) if set(concept.terms) & self.roles]
        # of two roles named, the first is the one who asks
        role, others = (named[0], named[1:]) if len(named) > 1 else (None, [])
        best: dict[str, tuple] = {}  # page -> (concepts matched, weighted score) of its best document
        asker: set[str] = set()  # pages whose title names the role who asks: their own page
        other: set[str] = set()  # pages whose title names another role the query names
        for result in self.index.query(q):
            metadata = result["match_data"].metadata

            def matches(group, field=None, metadata=metadata):
                return any(
                    (field is None or field in metadata[m]) and m.startswith(term)
                    for m in metadata
                    for term in group
                )

            covered = sum(1 for group in alternatives if matches(group))
            whole_page = "#" not in result["ref"]
            weighted = result["score"] * (1 + (whole_page + covered / len(concepts)) ** 2)
            page = result["ref"].split("#")[0]
            best[page] = max(best.get(page, (0, 0.0)), (covered, weighted))
            if role is not None and whole_page and matches(alternatives[role], "title"):
                asker.add(page)
            if whole_page and any(matches(alternatives[i], "title") for i in others):
                other.add(page)
        return sorted(
            best,
            key=lambda page: (-best[page][0] - (page in asker) + (page in other - asker), -best[page][1]),
        )


def location(lang: str, path: str, directory_urls: bool = True) -> str:
    """The search location of a source page path ("rutiner/avvikning.md") in a language."""
    stem = path[: -len(".md")]
    if directory_urls:
        url = "" if stem == "index" else (stem[: -len("index")] if stem.endswith("/index") else stem + "/")
    else:
        url = stem + ".html"
    return ("en/" if lang == "en" else "") + url
