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
FACTOR = 5  # every page of the step's type four times more: 64 to 200 pages a step
RUNS = 3
ROOT = measure.ROOT


def trees(work: Path) -> list[tuple[str, Path, int]]:
    """(the type the tree adds, its mkdocs.yml, its pages): the real handbook first, then one step a tree."""
    found = [("", ROOT / "mkdocs.yml", sum(1 for _ in (ROOT / "docs").rglob("*.md")))]
    for number, page_type in enumerate(STEPS, 1):
        dest = work / f"types-{number}"
        pages = generate(FACTOR, dest, STEPS[:number])
        found.append((page_type, dest / "mkdocs.yml", pages))
    return found


def cpu_ms_per_page(before: list[measure.Run], after: list[measure.Run], added: int) -> float:
    return round(statistics.median((a.cpu_s - b.cpu_s) * 1000 / added for a, b in zip(after, before)), 2)


def measure_page_types(work: Path) -> dict:
    built = [(page_type, pages, measure.in_turns(measure.variants(config, work / f"{page_type or 'real'}-variants"), RUNS, warm_up=False))
             for page_type, config, pages in trees(work)]
    result = {}
    for (_, pages_before, before), (page_type, pages, after) in zip(built, built[1:]):
        cost = {name: cpu_ms_per_page(before[name], after[name], pages - pages_before) for name in before}
        result[page_type] = {"pages_added": pages - pages_before, "cpu_ms_per_page": cost,
                             "hooks_share": round(1 - cost["without_hooks"] / cost["with_hooks"], 3),
                             "over_plain_material": round(cost["with_hooks"] / cost["plain_material"], 2)}
    for number in range(1, len(STEPS) + 1):
        shutil.rmtree(work / f"types-{number}", ignore_errors=True)
    return {"factor": FACTOR, "runs": RUNS, "types": result}
