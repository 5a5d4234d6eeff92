"""No personal data in the handbook's files, as content/personal_data.py reads text."""

from __future__ import annotations

from pathlib import Path

from samverkan.content.model import Handbook
from samverkan.content.parts import LANGUAGES
from samverkan.content.personal_data import as_shown, bidi_controls, findings_by_line
from samverkan.content.problems import Problem
from samverkan.content.synonyms import file_name as synonyms_file


def personal_data(handbook: Handbook) -> list[Problem]:
    """The check: personal data anywhere in any page's file (front matter, body, even YAML comments) and in the
    search words (search/synonyms-<lang>.yml), which the search index takes to every reader's browser."""
    problems = [
        problem
        for page in handbook.pages
        for problem in file_problems(page.file, page.source, handbook.public_numbers)
    ]
    for name in map(synonyms_file, LANGUAGES):
        try:
            source = (Path(handbook.root) / name).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # no such file, or one whose reading fails (content/synonyms.py reports it)
        problems += file_problems(name, source, handbook.public_numbers)
    return problems


def file_problems(file: str, source: str, public: frozenset) -> list[Problem]:
    """Bidi controls and personal data anywhere in a file, as its reader would see it; each at its line."""
    problems = [
        Problem(file, source.count("\n", 0, finding.offset) + 1, finding.what, finding.fix)
        for finding in bidi_controls(source)
    ]
    problems += [
        Problem(file, line, finding.what, finding.fix)
        for line, finding in findings_by_line(as_shown(source), public)
    ]
    return sorted(problems, key=lambda problem: problem.line)
