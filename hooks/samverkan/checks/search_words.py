"""The search words (search/synonyms-<lang>.yml, read by content/synonyms.py) find something: a role word is in a
page's title, and the handbook's word for what staff type appears on a page of its language."""

from __future__ import annotations

from samverkan.content.model import Handbook
from samverkan.content.problems import Problem
from samverkan.content.synonyms import WORD, file_name, stem


def search_words(handbook: Handbook) -> list[Problem]:
    problems = []
    for lang, vocabulary in handbook.vocabularies.items():
        titles = _by_prefix(" ".join(page.title for page in handbook.pages if page.lang == lang))
        problems += [
            Problem(
                file_name(lang),
                vocabulary.roles_line,
                f"the role '{role}' is in no {lang} page's title",
                "list words that name a role in the titles of its pages (boendet, polisen), or remove it",
            )
            for role in vocabulary.roles
            if not _found(role, lang, titles)
        ]
        # another county's plan lacks the core county's places
        if not vocabulary.synonyms or not handbook.own_county:
            continue
        page_words = _page_words(handbook, lang)
        for (typed, meant), line in zip(vocabulary.synonyms, vocabulary.lines, strict=True):
            for word in WORD.findall(meant.lower()):
                if not _found(word, lang, page_words):
                    problems.append(
                        Problem(
                            file_name(lang),
                            line,
                            f"'{word}', the handbook's word for '{typed}', appears on no {lang} page",
                            "write a word the pages use, or remove the line",
                        )
                    )
    return problems


def _page_words(handbook: Handbook, lang: str) -> dict[str, set[str]]:
    """The words of the language's pages, by their first three letters."""
    return _by_prefix(
        " ".join(
            " ".join((page.title, page.description or "", " ".join(page.keywords), page.body))
            for page in handbook.pages
            if page.lang == lang
        )
    )


def _by_prefix(text: str) -> dict[str, set[str]]:
    words: dict[str, set[str]] = {}
    for word in set(WORD.findall(text.lower())):
        words.setdefault(word[:3], set()).add(word)
    return words


def _found(word: str, lang: str, page_words: dict[str, set[str]]) -> bool:
    """Whether search finds ``word`` on some page: its stem begins the stem of a word there."""
    if not word.isalpha():
        return word in page_words.get(word[:3], ())
    target = stem(lang, word)
    return any(stem(lang, candidate).startswith(target) for candidate in page_words.get(target[:3], ()))
