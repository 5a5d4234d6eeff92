"""The cost of one more page of each type: with the hooks, without them, and on plain Material.

Each tree adds one page type's copies to the tree before it (bench/generate.py), so every tree passes the
checks (a checklist's copies need their routine's, an actor's a routine that names it). The cost of a page of
that type is the CPU time the step adds over the pages it adds, taken round by round: one round builds every
tree every way in turn, so a machine that changes speed weighs on all alike. Laws are not measured: their
copies would be cited nowhere, which the checks refuse.
"""

from __future__ import annotations

import shutil
import statistics
from pathlib import Path

import measure
from generate import generate

STEPS = ("routine", "checklist", "actor", "term")
FACTOR = 9  # every page of the step's type eight times more: 128 to 400 pages a step, seconds of CPU time
RUNS = 5
ROOT = measure.ROOT


def trees(work: Path) -> list[tuple[str, Path, int]]:
    """(the type the tree adds, its mkdocs.yml, its pages): the real handbook first, then one step a tree."""
    found = [("", ROOT / "mkdocs.yml", sum(1 for _ in (ROOT / "docs").rglob("*.md")))]
    for number, page_type in enumerate(STEPS, 1):
        dest = work / f"types-{number}"
        pages = generate(FACTOR, dest, STEPS[:number])
        found.append((page_type, dest / "mkdocs.yml", pages))
    return found


def spread(values: list[float]) -> dict:
    return {
        "median": round(statistics.median(values), 3),
        "low": round(min(values), 3),
        "high": round(max(values), 3),
    }


def step_cost(before: dict[str, list[measure.Run]], after: dict[str, list[measure.Run]], added: int) -> dict:
    """CPU ms per added page, each way, round by round; the hooks' share and the ratio to plain Material round by round too.
    A step whose added CPU time is lost in the machine's noise (a cost at or below zero in some round) says so."""
    per_round = [
        {name: (after[name][i].cpu_s - before[name][i].cpu_s) * 1000 / added for name in before}
        for i in range(len(before["with_hooks"]))
    ]
    noisy = any(cost <= 0 for costs in per_round for cost in costs.values())
    return {
        "pages_added": added,
        "cpu_ms_per_page": {name: spread([costs[name] for costs in per_round]) for name in before},
        "noisy": noisy,
        "hooks_share": None
        if noisy
        else spread([1 - costs["without_hooks"] / costs["with_hooks"] for costs in per_round]),
        "over_plain_material": None
        if noisy
        else spread([costs["with_hooks"] / costs["plain_material"] for costs in per_round]),
    }


def measure_page_types(work: Path) -> dict:
    """One round builds every tree every way, in turns; the steps' costs come from the same rounds."""
    found = trees(work)
    builds = {
        (number, way): build
        for number, (page_type, config, _) in enumerate(found)
        for way, build in measure.variants(config, work / f"{page_type or 'real'}-variants").items()
    }
    runs = measure.in_turns(builds, RUNS, warm_up=False)
    ways = [way for number, way in builds if number == 0]
    result = {}
    for number, (page_type, _, pages) in enumerate(found[1:], 1):
        before, after = ({way: runs[tree, way] for way in ways} for tree in (number - 1, number))
        result[page_type] = step_cost(before, after, pages - found[number - 1][2])
    for number in range(1, len(STEPS) + 1):
        shutil.rmtree(work / f"types-{number}", ignore_errors=True)
    return {"factor": FACTOR, "runs": RUNS, "types": result}
