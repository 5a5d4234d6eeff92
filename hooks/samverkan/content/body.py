"""Read the structured parts of a page body: [[id]] links, checklist items and routine steps.

An author writes ordinary Markdown. Three conventions carry structure:
- ``[[id]]`` or ``[[id|text]]`` links to another page by id;
- a task-list line ``- [ ] Do this. [[actor-id]]`` is a checklist item, and the
  marker at the end of the line names its one responsible actor;
- a numbered line ``1. Do this. [[actor-id]]`` in a routine is an ordered step;
- a table under a heading ending in ``{#duties}`` says who does what, when: each row names the actors in its
  first cell, the pages the duty concerns (whom it tells, ``[[polisen]]``, or what it is, ``[[term-skyddsbedomning]]``)
  in its second, and when in its third (parts.Duty).
A heading ending in ``{#at-once}`` (or another phase in ``model.PHASES``) puts the
items below it in that time phase; one ending in ``{#arrival}`` or ``{#after-assignment}``
(``model.STAGES``) says they apply only before or only after the child is assigned a municipality.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from samverkan.content.parts import DUTIES, PHASES, STAGES, Duty, Item, Ref

ID = r"[a-z0-9]+(?:-[a-z0-9]+)*"
MARKER = re.compile(rf"\[\[({ID})(?:\|([^\[\]\n]+))?\]\]")
# a municipality's value, see overlay.py
LOCAL_MARKER = re.compile(r"\[\[local:([a-z0-9_-]+(?:\.[a-z0-9_-]+)?)\]\]")
# the county's value, filled in when the page is read (load.py)
COUNTY_MARKER = re.compile(r"\[\[county:([a-z]+(?:-[a-z]+)*)\]\]")
TRAILING_MARKER = re.compile(rf"\[\[({ID})\]\]\s*$")
# Anything that opens like a marker; the part up to the first "]]" (or the line's end) is shown in the problem.
_MARKER_START = re.compile(r"\[\[(?:[^\]\n]|\](?!\]))*(?:\]\])?")
TASK = re.compile(r"^\s*[-*+]\s+\[[ xX]\]\s+(?P<text>.*)$")
STEP = re.compile(r"^\s*\d+[.)]\s+(?P<text>.*)$")
HEADING = re.compile(r"^(?P<hashes>#{1,6})\s++(?:.*(?P<attributes>\{[^{}]*\})\s*$)?")
ANCHOR = re.compile(r"\{#(?P<anchor>[a-z0-9-]+)\}")
FENCE = re.compile(r"^\s*(```|~~~)")
TABLE_ROW = re.compile(r"^\s*\|(?P<cells>.*)$")
TABLE_RULE = re.compile(r"^[\s:|]*+-[\s:|-]*+$")  # the line under a table's header
# A table cell: markers (whose '|' does not end the cell) and other characters up to the next '|'
CELL = re.compile(r"(?P<cell>(?:\[\[[^\[\]\n]*+\]\]|[^|\n])*+)(?:\||$)")


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
    duties: tuple[Duty, ...] = ()
    faults: tuple[Fault, ...] = ()


# A line that may carry structure: a fence, a heading, a task-list line or a numbered line. Only these
# lines are looked at one by one; the markers of the rest are found in one pass over the whole body.
_STRUCTURE_LINE = re.compile(r"^[ \t]*(?:```|~~~|#|[-*+][ \t]+\[|\d+[.)]|\|).*$", re.MULTILINE)


def parse(body: str, first_line: int) -> Body:
    items, steps, rows, fenced, faults = [], [], [], [], []  # fenced: (start, end) offsets of code blocks
    # (anchor, heading level) of the time phase and the stage the items are in
    phase = stage = duties = (
        None,
        0,
    )
    phase_title = None  # the time phase's heading text, which the views show beside each item
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
                faults.append(
                    Fault(
                        line,
                        f"the heading's anchor {heading['attributes'][:40]!r} cannot be read",
                        "write it as {#anchor}: lower-case letters a-z, digits and dashes, nothing else (no invisible characters)",
                    )
                )
            level = len(heading["hashes"])
            phase = _scope(phase, anchor, level, PHASES)
            if anchor in PHASES:
                phase_title = _heading_text(text, heading)
            stage = _scope(stage, anchor, level, STAGES)
            duties = _scope(duties, anchor, level, (DUTIES,))
            continue
        if duties[0] and TABLE_ROW.match(text):
            if TABLE_RULE.match(text):
                rows = rows[:-1]  # the row above the rule is the header
            else:
                rows.append((line, text))
            continue
        task, step = TASK.match(text), STEP.match(text)
        title = phase_title if phase[0] else None
        if task:
            items.append(_item(task["text"], line, phase[0], stage[0], title))
        elif step and TRAILING_MARKER.search(step["text"]):
            steps.append(_item(step["text"], line, phase[0], stage[0], title))
    if fence_start is not None:  # an unclosed fence runs to the end
        fenced.append((fence_start, len(body)))
    links, marker_faults = _markers(body, first_line, fenced)
    faults += marker_faults + [
        Fault(
            item.line,
            "the line ends with two actors",
            "give each item one responsible actor: split it into one line per actor",
        )
        for item in (*items, *steps)
        if TRAILING_MARKER.search(item.text)
    ]
    duty_rows = [_duty(text, line) for line, text in rows]
    faults += [row for row in duty_rows if isinstance(row, Fault)]
    duty_rows = tuple(row for row in duty_rows if isinstance(row, Duty))
    return Body(
        links, tuple(items), tuple(steps), duty_rows, tuple(sorted(faults, key=lambda fault: fault.line))
    )


def heading_anchor(attributes: str | None) -> str | None:
    """The anchor of a heading's trailing "{...}": '' when it has none, None when it names one that cannot be read."""
    if attributes is None or "#" not in attributes:
        return ""
    anchor = ANCHOR.fullmatch(attributes)
    return anchor["anchor"] if anchor else None


def _heading_text(line: str, heading: re.Match) -> str:
    """A heading's words, without its hashes and its trailing {...}."""
    end = heading.start("attributes") if heading["attributes"] else len(line)
    return line[heading.end("hashes") : end].strip()


def _scope(current: tuple, anchor: str | None, level: int, names: tuple) -> tuple:
    """The scope after a heading: one whose anchor is among ``names`` opens it; one at the same or a higher
    level closes it."""
    if anchor in names:
        return anchor, level
    return (None, 0) if level <= current[1] else current


def _markers(
    body: str, first_line: int, fenced: list[tuple[int, int]]
) -> tuple[tuple[Ref, ...], list[Fault]]:
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
            faults.append(
                Fault(
                    line,
                    f"'{match[0]}' names no value of the county",
                    "write one of the values under county: in municipalities/county.yml, e.g. [[county:name]], or add it there",
                )
            )
        elif not LOCAL_MARKER.fullmatch(match[0]):
            faults.append(
                Fault(
                    line,
                    f"'{match[0][:60]}' is not a valid marker",
                    "write [[page-id]] or [[page-id|your words]]: lower-case id, no spaces, closed with ]]",
                )
            )
    return tuple(links), faults


def _item(text: str, line: int, phase: str | None, stage: str | None, phase_title: str | None) -> Item:
    trailing = TRAILING_MARKER.search(text)
    actor = Ref(trailing[1], line) if trailing else None
    plain = TRAILING_MARKER.sub("", text).strip()
    return Item(text=plain, actor=actor, line=line, phase=phase, stage=stage, phase_title=phase_title)


def _duty(row: str, line: int) -> Duty | Fault:
    """A row of the duties table, or the fault that keeps it from saying who does what."""
    cells = [
        cell["cell"] for cell in CELL.finditer(TABLE_ROW.match(row)["cells"].rstrip().removesuffix("|"))
    ][:3]
    actors, concerns = (
        tuple(Ref(marker[1], line) for marker in MARKER.finditer(cell)) for cell in (cells + ["", ""])[:2]
    )
    if len(cells) < 3 or not actors or not concerns or not cells[2].strip():
        return Fault(
            line,
            "the row of the duties table does not say who does what, when",
            "write three cells: who as [[actor-id]], what with the page it concerns (whom it tells, [[polisen]], or what it is, [[term-skyddsbedomning]]), and when",
        )
    return Duty(actors, concerns, cells[2].strip(), line)
