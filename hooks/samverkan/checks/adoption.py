"""municipalities/status.yml against the municipality files: who has adopted the plan has a file, who has a file
has adopted it; and a warning for every night value read long ago (editions/county.py reads the list)."""

from __future__ import annotations

import re

from samverkan.content.frontmatter import read_yaml_file
from samverkan.content.model import Actor, Handbook
from samverkan.content.problems import Problem
from samverkan.content.schema import build_day
from samverkan.editions.county import STALE_DAYS, STATUS_FILE, stale
from samverkan.editions.overlay import FOLDER, Overlay, loaded


def stale_notes(handbook: Handbook, today=None) -> list[str]:
    """A warning, not a problem, for every night value not confirmed and read more than STALE_DAYS ago: the
    site still shows it, with the day it was read, but someone should read its source again."""
    lines = night_read_lines(handbook)
    return [
        f"{STATUS_FILE}:{lines.get(row.code, 1)}: warning: {row.name}: the night contact was read {days} days ago (more than {STALE_DAYS}) — read its source again, "
        f"write the new day under read:, or ask the municipality to confirm it"
        for row, days in stale(handbook.adoption, today or build_day())
    ]


def status_problems(handbook: Handbook) -> list[Problem]:
    """status.yml and the municipality files agree: a municipality marked adopted has a file, and a
    municipality with a file is marked adopted. Each problem names the side that is wrong."""
    if not handbook.adoption:
        return []
    municipalities = [each for each in loaded(handbook) if each.is_municipality]
    files = {each.code: each for each in municipalities if each.readable and each.code}
    status_lines = _status_lines(handbook)
    problems = []
    for row in handbook.adoption:
        if row.adopted and not any(_is_file_of(each, row) for each in municipalities):
            problems.append(
                Problem(
                    STATUS_FILE,
                    status_lines.get(row.code, 1),
                    f'{row.name} ({row.code}) is marked adopted, but no file in {FOLDER}/ has code "{row.code}"',
                    f"add its file (copy {FOLDER}/TEMPLATE.yml), or write adopted: no until it exists",
                )
            )
    rows = {row.code: row for row in handbook.adoption}
    for code, each in sorted(files.items()):
        row = rows.get(code)
        if row is not None and not row.adopted:
            problems.append(
                Problem(
                    each.file,
                    each.lines.get(("code",), 1),
                    f"{row.name} has a file, but {STATUS_FILE}:{status_lines.get(code, 1)} says adopted: no",
                    f"write adopted: yes (or the date of the board's decision) in {STATUS_FILE} when the board has decided, else remove the file",
                )
            )
    return problems


def only_in_problems(handbook: Handbook) -> list[Problem]:
    """A unit only some municipalities have names them by their slugs in status.yml."""
    slugs = {row.slug for row in handbook.adoption}
    if not slugs:  # a plan without a county list (a test's minimal handbook) has nothing to name
        return []
    return [
        Problem(
            actor.file,
            ref.line,
            f"only_in: '{ref.id}' is not a municipality in {STATUS_FILE}",
            f"write the municipality's slug as {STATUS_FILE} gives it, e.g. {min(slugs)}",
        )
        for actor in handbook.pages
        if isinstance(actor, Actor)
        for ref in actor.only_in
        if ref.id not in slugs
    ]


def _is_file_of(each: Overlay, row) -> bool:
    """The file is the municipality's by its code, its name, or its file name (a file that cannot be read,
    or names the wrong code, has its own problem: it is not also missing)."""
    plain = re.sub(r" (kommun|stad)$", "", row.name).lower().translate(str.maketrans("åäöé ", "aaoe-"))
    return each.code == row.code or each.value("name", "sv") == row.name or each.slug == plain


def night_read_lines(handbook: Handbook) -> dict:
    """SCB code -> the line of its night contact's read: in status.yml."""
    data, lines, _, _ = read_yaml_file(handbook.root, STATUS_FILE)
    entries = data.get("municipalities") if isinstance(data, dict) else None
    return {
        str(entry.get("code")): lines.get(("municipalities", index, "night", "read"), 1)
        for index, entry in enumerate(entries or [])
        if isinstance(entry, dict)
    }


def _status_lines(handbook: Handbook) -> dict:
    """SCB code -> the line of its entry in status.yml."""

    data, lines, _, _ = read_yaml_file(handbook.root, STATUS_FILE)
    entries = data.get("municipalities") if isinstance(data, dict) else None
    return {
        str(entry.get("code")): lines.get(("municipalities", index), 1)
        for index, entry in enumerate(entries or [])
        if isinstance(entry, dict)
    }
