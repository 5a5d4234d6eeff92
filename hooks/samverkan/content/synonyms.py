"""Search words per language: ``search/synonyms-<lang>.yml`` (stop words and synonyms), read and checked.

The file is content, written by the working group like ``keywords:``: what staff type on the left, the
handbook's own words on the right. search_index.py carries it in the search index's config, and the search
worker (overrides/assets/javascripts/workers/search-query.js) applies it to the query, so the index itself
does not grow. checks/search_words.py rejects an entry whose handbook word appears on no page of its language:
search would look for a word that finds nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import snowballstemmer

from samverkan.content.frontmatter import FrontMatterError, read_text_file, read_yaml
from samverkan.content.model import Handbook
from samverkan.content.parts import LANGUAGES
from samverkan.content.problems import Problem

FOLDER = "search"
FIELDS = ("stop_words", "synonyms", "roles")
WORD = re.compile(r"[\w§]+")


def file_name(lang: str) -> str:
    return f"{FOLDER}/synonyms-{lang}.yml"


@dataclass(frozen=True)
class Vocabulary:
    stop_words: tuple[str, ...] = ()
    synonyms: tuple[tuple[str, str], ...] = ()  # (what staff type, the handbook's words)
    lines: tuple[int, ...] = ()  # the file line of each synonym
    roles: tuple[
        str, ...
    ] = ()  # words that name who is asking ("boendet", "polisen"): a page for that role ranks first
    roles_line: int = 1

    def as_json(self) -> dict:
        return {
            "stop_words": list(self.stop_words),
            "synonyms": [list(pair) for pair in self.synonyms],
            "roles": list(self.roles),
        }


def read(root: str | Path, lang: str) -> tuple[Vocabulary, list[Problem]]:
    """The language's vocabulary, and one problem per fault in its file (a missing file is an empty vocabulary)."""
    name = file_name(lang)
    path = Path(root) / name
    if not path.is_file() and not path.is_symlink():
        return Vocabulary(), []
    text, problems = read_text_file(path, name)
    if text is None:
        return Vocabulary(), problems
    try:
        data, lines = read_yaml(text)
    except FrontMatterError as error:
        return Vocabulary(), [
            Problem(name, error.line, error.message.replace("front matter", "file"), error.fix)
        ]
    if not isinstance(data, dict):
        return Vocabulary(), [
            Problem(name, 1, "the file is not a set of fields", f"write the fields {' and '.join(FIELDS)}:")
        ]
    problems = [
        Problem(name, lines.get((key,), 1), f"unknown field '{key}'", f"use only {' and '.join(FIELDS)}")
        for key in data
        if key not in FIELDS
    ]
    stop_words = _word_list(name, "stop_words", data.get("stop_words") or [], lines, problems)
    synonyms, synonym_lines = _synonyms(name, data.get("synonyms") or {}, lines, problems)
    roles = _word_list(name, "roles", data.get("roles") or [], lines, problems)
    return Vocabulary(stop_words, synonyms, synonym_lines, roles, lines.get(("roles",), 1)), problems


def _word_list(name: str, field: str, value, lines: dict, problems: list) -> tuple[str, ...]:
    if not isinstance(value, list):
        problems.append(
            Problem(
                name, lines.get((field,), 1), f"{field} is not a list", f"write {field}: [word, word, ...]"
            )
        )
        return ()
    words = []
    for index, word in enumerate(value):
        if isinstance(word, str) and WORD.fullmatch(word.strip()):
            words.append(word.strip().lower())
        else:
            line = lines.get((field, index), lines.get((field,), 1))
            problems.append(
                Problem(
                    name,
                    line,
                    f"the {field} entry {word!r} is not one word",
                    "write one word per entry; put on, no, yes and off in quotes",
                )
            )
    return tuple(words)


def _synonyms(name: str, value, lines: dict, problems: list) -> tuple[tuple, tuple]:
    if not isinstance(value, dict):
        problems.append(
            Problem(
                name,
                lines.get(("synonyms",), 1),
                "synonyms is not a list of 'typed: handbook words' lines",
                "write one 'words staff type: the handbook's words' per line",
            )
        )
        return (), ()
    pairs, pair_lines = [], []
    for typed, meant in value.items():
        line = lines.get(("synonyms", typed), lines.get(("synonyms",), 1))
        if (
            not isinstance(typed, str)
            or not isinstance(meant, str)
            or not WORD.search(typed)
            or not WORD.search(meant)
        ):
            problems.append(
                Problem(
                    name,
                    line,
                    f"synonym {typed!r} has no words on one side",
                    "write 'words staff type: the handbook's words' on one line",
                )
            )
            continue
        pairs.append((typed.strip(), meant.strip()))
        pair_lines.append(line)
    return tuple(pairs), tuple(pair_lines)


_SWEDISH = snowballstemmer.stemmer("swedish")


@cache
def stem(lang: str, word: str) -> str:
    """The stem search gives a word (lunr's stemmers), repeated until it no longer changes: Snowball is not
    idempotent ("påträffats" -> "påträffat" -> "påträff"), and search matches the shortest."""
    if lang == "en":
        from lunr.stemmer import stemmer as english
        from lunr.token import Token

        step = lambda text: str(english(Token(text)))  # noqa: E731
    else:
        step = _SWEDISH.stemWord
    for _ in range(3):
        stemmed = step(word)
        if stemmed == word:
            break
        word = stemmed
    return word


def attach(handbook: Handbook) -> Handbook:
    """Give the handbook each language's vocabulary; faults in the files are load problems."""
    for lang in LANGUAGES:
        handbook.vocabularies[lang], faults = read(handbook.root, lang)
        handbook.load_problems = list(handbook.load_problems) + faults
    return handbook
