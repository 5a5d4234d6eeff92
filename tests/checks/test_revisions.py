"""Revision discipline, checked in a tiny git repository: version bumps, reviewed dates, sv/en twins, CHANGELOG."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from samverkan.checks import revisions

PAGE = """---
type: page
id: {id}
title: {title}
version: "{version}"
reviewed: {reviewed}
next_review: 2027-06-01
owner: arbetsgruppen
---

{body}
"""

CHANGELOG = """# Ändringslogg

## [Unreleased]

## [{version}] – 2026-11-27

### Ändrat
- Något.
"""


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def write(repo: Path, file: str, text: str) -> None:
    path = repo / file
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def page(body: str, version: str = "1.0", reviewed: str = "2026-01-15", title: str = "Sida") -> str:
    return PAGE.format(id="sida", title=title, version=version, reviewed=reviewed, body=body)


@pytest.fixture
def repo(tmp_path) -> Path:
    """A repository whose main branch holds one page in both languages and a changelog at plan version 1.0."""
    repo = tmp_path / "plan"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "user.email", "test@example.org")
    git(repo, "config", "user.name", "Test")
    write(repo, "docs/sv/sida.md", page("Text."))
    write(repo, "docs/en/sida.md", page("Text.", title="Page"))
    write(repo, "CHANGELOG.md", CHANGELOG.format(version="1.0"))
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "start")
    git(repo, "checkout", "-q", "-b", "change")
    return repo


def messages(repo: Path) -> list[str]:
    return [str(problem) for problem in revisions.check(repo, "main")]


def test_a_complete_change_passes(repo):
    write(repo, "docs/sv/sida.md", page("Ny text.", "1.1", "2026-11-28"))
    write(repo, "docs/en/sida.md", page("New text.", "1.1", "2026-11-28", title="Page"))
    write(repo, "CHANGELOG.md", CHANGELOG.format(version="1.1"))
    git(repo, "commit", "-qam", "change")
    assert messages(repo) == []


def test_an_unbumped_change_is_flagged(repo):
    write(repo, "docs/sv/sida.md", page("Ny text."))
    write(repo, "docs/en/sida.md", page("New text.", "1.1", "2026-11-28", title="Page"))
    write(repo, "CHANGELOG.md", CHANGELOG.format(version="1.1"))
    assert messages(repo) == [
        "docs/sv/sida.md:5: the page changed but its version is still 1.0 (1.0 on main) — raise version, e.g. 1.0 -> 1.1, the same in both languages",
        "docs/sv/sida.md:6: the page changed but reviewed is still 2026-01-15 — set reviewed to the date the change was reviewed (YYYY-MM-DD)",
    ]


def test_a_one_language_change_names_both_files(repo):
    write(repo, "docs/sv/sida.md", page("Ny text.", "1.1", "2026-11-28"))
    write(repo, "CHANGELOG.md", CHANGELOG.format(version="1.1"))
    assert messages(repo) == [
        "docs/sv/sida.md:1: changed (edited) without its twin docs/en/sida.md — make the matching change in docs/en/sida.md, or mark it 'untranslated: true'"
    ]


def test_an_english_page_added_alone_names_the_missing_swedish_one(repo):
    write(repo, "docs/en/ny.md", page("New."))
    write(repo, "CHANGELOG.md", CHANGELOG.format(version="1.1"))
    assert messages(repo) == [
        "docs/en/ny.md:1: changed (added) without its twin docs/sv/ny.md — make the matching change in docs/sv/ny.md, or mark it 'untranslated: true'"
    ]


def test_a_change_without_a_new_plan_version_in_the_changelog_is_flagged(repo):
    write(repo, "docs/sv/sida.md", page("Ny text.", "1.1", "2026-11-28"))
    write(repo, "docs/en/sida.md", page("New text.", "1.1", "2026-11-28", title="Page"))
    git(repo, "commit", "-qam", "change")
    assert messages(repo) == [
        "CHANGELOG.md:1: the content changed but there is no entry for a new plan version (newest: 1.0, as on main) — add a section '## [X.Y] – YYYY-MM-DD' above the others that says what changed, in Swedish"
    ]


def test_changes_outside_the_pages_need_nothing(repo):
    write(repo, "README.md", "Hej\n")
    assert messages(repo) == []


def test_the_command_reports_an_unknown_base(repo, capsys):
    assert revisions.run(repo, "no-such-branch") == 2
    assert "cannot compare with 'no-such-branch'" in capsys.readouterr().out


def test_plan_version_is_the_newest_release_heading():
    assert revisions.plan_version(CHANGELOG.format(version="1.10") + "\n## [1.9] – 2026-01-01\n") == (1, 10)
    assert revisions.plan_version("# Ändringslogg\n\n## [Unreleased]\n") is None


def test_the_real_changelog_has_a_plan_version():
    text = (Path(__file__).resolve().parents[2] / "CHANGELOG.md").read_text(encoding="utf-8")
    assert revisions.plan_version(text) is not None
