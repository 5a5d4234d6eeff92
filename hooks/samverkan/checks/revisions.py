"""Revision discipline: what a change to the handbook must carry, checked against a git base (e.g. main).

- A page whose text changed raises its ``version`` and updates ``reviewed``.
- A change to a Swedish page comes with the change to its English twin, and the
  reverse (unless the twin is marked ``untranslated: true``).
- CHANGELOG.md gets an entry for a new plan version. The **plan version** is the
  newest released heading in CHANGELOG.md (``## [1.1] – 2026-12-01``); every
  change to the content makes a new plan version.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from samverkan.content.frontmatter import FrontMatterError, Source, split
from samverkan.content.parts import LANGUAGES
from samverkan.content.problems import Problem
from samverkan.content.schema import parse_whole_number

CHANGELOG = "CHANGELOG.md"
RELEASE = re.compile(r"^## \[(\d+\.\d+)\]", re.MULTILINE)
PAGE = re.compile(r"^docs/(?P<lang>[a-z]{2})/(?P<path>.+\.md)$")


class GitError(Exception):
    pass


@dataclass(frozen=True)
class Change:
    status: str  # A added, M modified, D deleted
    file: str  # relative to the repository root


def git(repo: Path, *args: str) -> str:
    result = subprocess.run(["git", *args], cwd=repo, capture_output=True, encoding="utf-8", errors="replace")
    if result.returncode != 0:
        raise GitError(result.stderr.strip() or f"git {' '.join(args)} failed")
    return result.stdout


def changes(repo: Path, base: str) -> tuple[str, list[Change]]:
    """The merge base with ``base``, and every file changed since then (commits, working tree, new files)."""
    since = git(repo, "merge-base", base, "HEAD").strip()
    found = {}
    for line in git(repo, "diff", "--name-status", "--no-renames", since).splitlines():
        status, _, file = line.partition("\t")
        found[file] = Change(status[0], file)
    for file in git(repo, "ls-files", "--others", "--exclude-standard").splitlines():
        found[file] = Change("A", file)
    return since, sorted(found.values(), key=lambda change: change.file)


def plan_version(changelog: str | None) -> tuple[int, ...] | None:
    """The newest released version in a changelog's text."""
    versions = [_version(match) for match in RELEASE.findall(changelog or "")]
    return max(versions) if versions else None


def _version(text) -> tuple[int, ...] | None:
    parts = (
        tuple(parse_whole_number(part, 4) for part in text.strip().split("."))
        if isinstance(text, str)
        else ()
    )
    return parts if len(parts) == 2 and None not in parts else None


def _show(repo: Path, revision: str, file: str) -> str | None:
    try:
        return git(repo, "show", f"{revision}:{file}")
    except GitError:
        return None


def _read(repo: Path, file: str) -> str | None:
    """The file's text; None when there is none, or it is not UTF-8 (the ordinary check names its byte)."""
    path = repo / file
    try:
        return path.read_text(encoding="utf-8") if path.is_file() else None
    except UnicodeDecodeError:
        return None


def _front_matter(text: str | None) -> Source | None:
    try:
        return split(text) if text is not None else None
    except FrontMatterError:
        return None  # the ordinary check reports a page it cannot read


def bump_problems(file: str, old_text: str, new_text: str, base: str) -> list[Problem]:
    old, new = _front_matter(old_text), _front_matter(new_text)
    if old is None or new is None or old_text == new_text:
        return []
    problems = []
    old_version, new_version = _version(old.data.get("version")), _version(new.data.get("version"))
    if old_version and new_version and new_version <= old_version:
        problems.append(
            Problem(
                file,
                new.line_of("version"),
                f"the page changed but its version is still {new.data['version']} ({old.data['version']} on {base})",
                "raise version, e.g. 1.0 -> 1.1, the same in both languages",
            )
        )
    if str(new.data.get("reviewed")) <= str(old.data.get("reviewed")):
        problems.append(
            Problem(
                file,
                new.line_of("reviewed"),
                f"the page changed but reviewed is still {new.data.get('reviewed')}",
                "set reviewed to the date the change was reviewed (YYYY-MM-DD)",
            )
        )
    return problems


def twin_problems(repo: Path, page_changes: dict[str, Change]) -> list[Problem]:
    problems = []
    for file, change in page_changes.items():
        match = PAGE.match(file)
        for other in (lang for lang in LANGUAGES if lang != match["lang"]):
            twin = f"docs/{other}/{match['path']}"
            twin_source = _front_matter(_read(repo, twin))
            if twin in page_changes or (twin_source and twin_source.data.get("untranslated") is True):
                continue
            problems.append(
                Problem(
                    file,
                    1,
                    f"changed ({_verb(change)}) without its twin {twin}",
                    f"make the matching change in {twin}, or mark it 'untranslated: true'",
                )
            )
    return problems


def _verb(change: Change) -> str:
    return {"A": "added", "D": "deleted"}.get(change.status, "edited")


def changelog_problems(repo: Path, since: str, base: str) -> list[Problem]:
    old, new = plan_version(_show(repo, since, CHANGELOG)), plan_version(_read(repo, CHANGELOG))
    if new is not None and (old is None or new > old):
        return []
    newest = ".".join(map(str, new)) if new else "none"
    return [
        Problem(
            CHANGELOG,
            1,
            f"the content changed but there is no entry for a new plan version (newest: {newest}, as on {base})",
            "add a section '## [X.Y] – YYYY-MM-DD' above the others that says what changed, in Swedish",
        )
    ]


def check(repo: str | Path, base: str = "main") -> list[Problem]:
    """Every revision problem in the changes since ``base``."""
    repo = Path(repo)
    since, changed = changes(repo, base)
    pages = {change.file: change for change in changed if PAGE.match(change.file)}
    problems = twin_problems(repo, pages)
    for file, change in pages.items():
        if change.status == "M":
            problems += bump_problems(file, _show(repo, since, file), _read(repo, file), base)
    if pages:
        problems += changelog_problems(repo, since, base)
    return sorted(set(problems))


def run(repo: str | Path, base: str) -> int:
    try:
        problems = check(repo, base)
    except GitError as error:
        print(f"cannot compare with '{base}': {error}")
        return 2
    for problem in problems:
        print(problem)
    print(f"{len(problems)} revision problem(s) since {base}")
    return 1 if problems else 0
