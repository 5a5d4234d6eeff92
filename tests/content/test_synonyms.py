"""The synonym files (search/synonyms-<lang>.yml): read safely, and every handbook word must be on a page."""

from __future__ import annotations

from pathlib import Path

import pytest
from samverkan.checks.search_words import search_words
from samverkan.content import synonyms
from samverkan.editions.handbook import load_site

ROOT = Path(__file__).resolve().parents[2]


def write(root: Path, lang: str, text: str | bytes) -> None:
    path = root / synonyms.file_name(lang)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))


def test_the_real_files_are_read_without_problems_and_pass_the_check():
    for lang in ("sv", "en"):
        vocabulary, problems = synonyms.read(ROOT, lang)
        assert (
            problems == []
            and len(vocabulary.synonyms) > 50
            and "och" in synonyms.read(ROOT, "sv")[0].stop_words
        )
    assert search_words(load_site(ROOT / "mkdocs.yml")) == []


def test_a_handbook_word_that_no_page_uses_is_one_problem_at_its_line(tmp_path):
    handbook = load_site(ROOT / "mkdocs.yml")
    write(tmp_path, "sv", "synonyms:\n  hittades: påträffas\n  rymt: qqqxyzord\n")
    handbook.root = str(tmp_path)
    problems = search_words(synonyms.attach(handbook))
    assert [(p.path, p.line) for p in problems] == [("search/synonyms-sv.yml", 3)]
    assert "'qqqxyzord'" in problems[0].message and "'rymt'" in problems[0].message


def test_a_role_in_no_page_title_is_one_problem(tmp_path):
    handbook = load_site(ROOT / "mkdocs.yml")
    write(tmp_path, "sv", "roles: [boendet, polisen, brandkåren]\nsynonyms:\n  hittades: påträffas\n")
    handbook.root = str(tmp_path)
    problems = search_words(synonyms.attach(handbook))
    assert [(p.path, p.line, p.message) for p in problems] == [
        ("search/synonyms-sv.yml", 1, "the role 'brandkåren' is in no sv page's title")
    ]


@pytest.mark.parametrize(
    "text,line,words",
    [
        ("synonyms: [a, b]\n", 1, "is not a list of"),
        ("stop_words: och\n", 1, "stop_words is not a list"),
        ("roles: polisen\n", 1, "roles is not a list"),
        ("roles: [polisen, [boendet]]\n", 1, "is not one word"),
        ("stop_words: [och, yes]\n", 1, "put on, no, yes and off in quotes"),
        ("stop_words: [och]\nsynonym:\n  a: b\n", 2, "unknown field 'synonym'"),
        ("synonyms:\n  hittades: [påträffas]\n", 2, "has no words on one side"),
        ("synonyms:\n  'hittades: påträffas\n", None, "not valid YAML"),
        ("- a\n- b\n", 1, "not a set of"),
        ("a: &x [1]\nb: *x\n", None, ""),
        (b"synonyms:\n  hittades: p\xe5tr\n", 2, "UTF-8"),
        ("synonyms:\n" + "[" * 200 + "\n", None, ""),
    ],
)
def test_a_malformed_or_hostile_file_gives_one_line_problems_never_a_traceback(tmp_path, text, line, words):
    write(tmp_path, "sv", text)
    vocabulary, problems = synonyms.read(tmp_path, "sv")
    assert problems, text
    assert all(
        str(problem).count("\n") == 0 and problem.path == "search/synonyms-sv.yml" for problem in problems
    )
    assert any(words in str(problem) for problem in problems), [str(p) for p in problems]
    assert line is None or problems[0].line == line


def test_a_missing_file_is_an_empty_vocabulary(tmp_path):
    assert synonyms.read(tmp_path, "en") == (synonyms.Vocabulary(), [])
