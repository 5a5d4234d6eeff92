"""Read the structured parts of a page body: [[id]] links, checklist items and routine steps.

An author writes ordinary Markdown. Three conventions carry structure:
- ``[[id]]`` or ``[[id|text]]`` links to another page by id;
- a task-list line ``- [ ] Do this. [[actor-id]]`` is a checklist item, and the
  marker at the end of the line names its one responsible actor;
- a numbered line ``1. Do this. [[actor-id]]`` in a routine is an ordered step.
A heading ending in ``{#at-once}`` (or another phase in ``model.PHASES``) puts the
items below it in that time phase; one ending in ``{#arrival}`` or ``{#after-assignment}``
(``model.STAGES``) says they apply only before or only after the child is assigned a municipality.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from samverkan.content.parts import PHASES, STAGES, Item, Ref

ID = r"[a-z0-9]+(?:-[a-z0-9]+)*"
MARKER = re.compile(rf"\[\[({ID})(?:\|([^\[\]\n]+))?\]\]")
LOCAL_MARKER = re.compile(r"\[\[local:([a-z0-9_-]+(?:\.[a-z0-9_-]+)?)\]\]")  # a municipality's value, see overlay.py
COUNTY_MARKER = re.compile(r"\[\[county:([a-z]+(?:-[a-z]+)*)\]\]")  # the county's value, filled in when the page is read (load.py)
TRAILING_MARKER = re.compile(rf"\[\[({ID})\]\]\s*$")
# Anything that opens like a marker; the part up to the first "]]" (or the line's end) is shown in the problem.
_MARKER_START = re.compile(r"\[\[(?:[^\]\n]|\](?!\]))*(?:\]\])?")
TASK = re.compile(r"^\s*[-*+]\s+\[[ xX]\]\s+(?P<text>.*)$")
STEP = re.compile(r"^\s*\d+[.)]\s+(?P<text>.*)$")
HEADING = re.compile(r"^(?P<hashes>#{1,6})\s++(?:.*(?P<attributes>\{[^{}]*\})\s*$)?")
ANCHOR = re.compile(r"\{#(?P<anchor>[a-z0-9-]+)\}")
FENCE = re.compile(r"^\s*(```|~~~)")


@dataclass(frozen=True)
class Fault:
    """Body markup the model cannot mean: its line, what is wrong and how to fix it."""

    line: int
    message: str
    fix: str


@dataclass(frozen=True)
class Body:
    links: tuple[Ref, ...]
    items: tuple[Item, ...]
    steps: tuple[Item, ...]
    faults: tuple[Fault, ...] = ()


# A line that may carry structure: a fence, a heading, a task-list line or a numbered line. Only these
# lines are looked at one by one; the markers of the rest are found in one pass over the whole body.
_STRUCTURE_LINE = re.compile(r"^[ \t]*(?:```|~~~|#|[-*+][ \t]+\[|\d+[.)]).*$", re.MULTILINE)


def parse(body: str, first_line: int) -> Body:
    items, steps, fenced, faults = [], [], [], []  # fenced: (start, end) offsets of code blocks
    phase = stage = (None, 0)  # (anchor, heading level) of the time phase and the stage the items are in
    fence_start = None
    line, last = first_line, 0
    for match in _STRUCTURE_LINE.finditer(body):
        line += body.count("\n", last, match.start())
        last = match.start()
        text = match[0]
        if FENCE.match(text):
            if fence_start is None:
                fence_start = match.start()
            else:
                fenced.append((fence_start, match.end()))
                fence_start = None
            continue
        if fence_start is not None:
            continue
        heading = HEADING.match(text)
        if heading:
            anchor = heading_anchor(heading["attributes"])
            if anchor is None:
                faults.append(Fault(line, f"the heading's anchor {heading['attributes'][:40]!r} cannot be read",
                                    "write it as {#anchor}: lower-case letters a-z, digits and dashes, nothing else (no invisible characters)"))
            level = len(heading["hashes"])
            phase = _scope(phase, anchor, level, PHASES)
            stage = _scope(stage, anchor, level, STAGES)
            continue
        task, step = TASK.match(text), STEP.match(text)
        if task:
            items.append(_item(task["text"], line, phase[0], stage[0]))
        elif step and TRAILING_MARKER.search(step["text"]):
            steps.append(_item(step["text"], line, phase[0], stage[0]))
    if fence_start is not None:  # an unclosed fence runs to the end
        fenced.append((fence_start, len(body)))
    links, marker_faults = _markers(body, first_line, fenced)
    faults += marker_faults + [Fault(item.line, "the line ends with two actors", "give each item one responsible actor: split it into one line per actor")
               for item in (*items, *steps) if TRAILING_MARKER.search(item.text)]
    return Body(links, tuple(items), tuple(steps), tuple(sorted(faults, key=lambda fault: fault.line)))


def heading_anchor(attributes: str | None) -> str | None:
    """The anchor of a heading's trailing "{...}": '' when it has none, None when it names one that cannot be read."""
    if attributes is None or "#" not in attributes:
        return ""
    anchor = ANCHOR.fullmatch(attributes)
    return anchor["anchor"] if anchor else None


def _scope(current: tuple, anchor: str | None, level: int, names: tuple) -> tuple:
    """The scope after a heading: one whose anchor is among ``names`` opens it; one at the same or a higher
    level closes it."""
    if anchor in names:
        return anchor, level
    return (None, 0) if level <= current[1] else current


def _markers(body: str, first_line: int, fenced: list[tuple[int, int]]) -> tuple[tuple[Ref, ...], list[Fault]]:
    """The [[id]] links outside code blocks, and a fault for each [[...]] that is no valid marker."""
    links, faults, line, last = [], [], first_line, 0
    for match in _MARKER_START.finditer(body):
        if any(start <= match.start() < end for start, end in fenced):
            continue
        line += body.count("\n", last, match.start())
        last = match.start()
        marker = MARKER.fullmatch(match[0])
        if marker:
            links.append(Ref(marker[1], line))
        elif COUNTY_MARKER.fullmatch(match[0]):
            faults.append(Fault(line, f"'{match[0]}' names no value of the county", "write one of the values under county: in municipalities/county.yml, e.g. [[county:name]], or add it there"))
        elif not LOCAL_MARKER.fullmatch(match[0]):
            faults.append(Fault(line, f"'{match[0][:60]}' is not a valid marker", "write [[page-id]] or [[page-id|your words]]: lower-case id, no spaces, closed with ]]"))
    return tuple(links), faults


def _item(text: str, line: int, phase: str | None, stage: str | None) -> Item:
    trailing = TRAILING_MARKER.search(text)
    actor = Ref(trailing[1], line) if trailing else None
    plain = TRAILING_MARKER.sub("", text).strip()
    return Item(text=plain, actor=actor, line=line, phase=phase, stage=stage)
