"""The changelogs: each one's own problems as content/versions.py reads it, and the English one mirroring the
Swedish one version for version."""

from __future__ import annotations

from samverkan.content.model import Handbook
from samverkan.content.problems import Problem
from samverkan.content.versions import CHANGELOGS, read


def changelogs(handbook: Handbook) -> list[Problem]:
    """The changelogs' problems, and every version of CHANGELOG.md missing or dated otherwise in the English one."""
    swedish, english = read(handbook.root, "sv"), read(handbook.root, "en")
    if swedish is None:
        return []
    found = list(swedish.problems)
    if english is None:
        return found + [
            Problem(
                CHANGELOGS["en"],
                1,
                "the English changelog is missing",
                f"add {CHANGELOGS['en']} with the same '## [X.Y] – date' sections as {CHANGELOGS['sv']}, in English",
            )
        ]
    found += english.problems
    for release in swedish.releases:
        twin = english.release(release.version)
        if twin is None:
            found.append(
                Problem(
                    CHANGELOGS["en"],
                    1,
                    f"has no section for version {release.version} ({CHANGELOGS['sv']}:{release.line})",
                    f"add '## [{release.version}] – {release.date}' with the changes in English",
                )
            )
        elif twin.date != release.date:
            found.append(
                Problem(
                    CHANGELOGS["en"],
                    twin.line,
                    f"version {release.version} is dated {twin.date}, but {CHANGELOGS['sv']}:{release.line} says {release.date}",
                    "give both the same date",
                )
            )
    for twin in english.releases:
        if swedish.release(twin.version) is None:
            found.append(
                Problem(
                    CHANGELOGS["en"],
                    twin.line,
                    f"version {twin.version} is not in {CHANGELOGS['sv']}",
                    f"add it to {CHANGELOGS['sv']} first, or remove it here",
                )
            )
    return found
