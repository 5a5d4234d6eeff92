"""Read the structured parts of a page body: [[id]] links, checklist items and routine steps.

An author writes ordinary Markdown. Three conventions carry structure:
- ``[[id]]`` or ``[[id|text]]`` links to another page by id;
- a task-list line ``- [ ] Do this. [[actor-id]]`` is a checklist item, and the
  marker at the end of the line names its one responsible actor;
- a numbered line ``1. Do this. [[actor-id]]`` in a routine is an ordered step.
A heading ending in ``{#at-once}`` (or another phase in ``model.PHASES``) puts the
items below it in that time phase.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import PHASES, Item, Ref

MARKER = re.compile(r"\[\[([a-z0-9]+(?:-[a-z0-9]+)*)(?:\|([^\]\n]+))?\]\]")
TRAILING_MARKER = re.compile(r"\s*\[\[([a-z0-9]+(?:-[a-z0-9]+)*)\]\]\s*$")
TASK = re.compile(r"^\s*[-*+]\s+\[[ xX]\]\s+(?P<text>.*)$")
STEP = re.compile(r"^\s*\d+[.)]\s+(?P<text>.*)$")
HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+.*?(?:\{#(?P<anchor>[a-z0-9-]+)\})?\s*$")
FENCE = re.compile(r"^\s*(```|~~~)")


@dataclass(frozen=True)
class Body:
    links: tuple[Ref, ...]
    items: tuple[Item, ...]
    steps: tuple[Item, ...]


def parse(body: str, first_line: int) -> Body:
    links, items, steps = [], [], []
    phase, phase_level, in_fence = None, 0, False
    for offset, line in enumerate(body.split("\n")):
        number = first_line + offset
        if FENCE.match(line):
            in_fence = not in_fence
        if in_fence:
            continue
        heading = HEADING.match(line)
        if heading:
            level = len(heading["hashes"])
            if heading["anchor"] in PHASES:
                phase, phase_level = heading["anchor"], level
            elif level <= phase_level:
                phase, phase_level = None, 0
            continue
        links += [Ref(match[1], number) for match in MARKER.finditer(line)]
        task, step = TASK.match(line), STEP.match(line)
        if task:
            items.append(_item(task["text"], number, phase))
        elif step and TRAILING_MARKER.search(step["text"]):
            steps.append(_item(step["text"], number, phase))
    return Body(tuple(links), tuple(items), tuple(steps))


def _item(text: str, line: int, phase: str | None) -> Item:
    trailing = TRAILING_MARKER.search(text)
    actor = Ref(trailing[1], line) if trailing else None
    plain = TRAILING_MARKER.sub("", text).strip()
    return Item(text=plain, actor=actor, line=line, phase=phase)
