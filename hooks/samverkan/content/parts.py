"""The small parts pages are made of: references, the records of front-matter lists, checklist items, and the
fixed vocabularies.

Apart from the model so that the body reader (body.py) can build items without importing the model."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

LANGUAGES = ("sv", "en")
DEFAULT_LANGUAGE = "sv"

ROLES = ("responsible", "participates", "informed")
ACTOR_KINDS = (
    "authority",
    "municipal-unit",
    "residence",
    "ngo",
    "role",
    "court",
    "network",
    "association",
    "region",
)
LAW_STATUSES = ("in-force", "repealed")
SECTION_STATUSES = ("confirmed", "unconfirmed")
# Time phases a checklist section can declare with a heading anchor, in the order they happen.
PHASES = ("before", "at-once", "within-hours", "within-days", "until-closed", "afterwards")
# Where the child is in the asylum process, for items that differ: before and after the Migration Agency assigns a municipality.
STAGES = ("arrival", "after-assignment")
# The heading anchor of a routine's table of who does what and when (body.py reads it, checks/duties.py proves it).
DUTIES = "duties"
PAGE_VIEWS = (
    "matrix",
    "glossary",
    "routines",
    "checklists",
    "actors",
    "laws",
    "adoption",
    "contacts",
    "changelog",
    "guide",
)


@dataclass(frozen=True)
class Ref:
    """A reference from one page to another page's id, with the line it is written on."""

    id: str
    line: int


@dataclass(frozen=True)
class RoleRef:
    actor: Ref
    role: str


@dataclass(frozen=True)
class Citation:
    law: Ref
    ref: str | None = None
    unconfirmed: bool = False


@dataclass(frozen=True)
class Section:
    """A section of a law the handbook may cite, e.g. '19 kap. 1 §', with its one-line summary."""

    ref: str
    summary: str
    status: str
    line: int


@dataclass(frozen=True)
class HistoryEntry:
    version: str
    date: dt.date
    change: str


@dataclass(frozen=True)
class Item:
    """A checklist item (task-list line) or routine step (numbered line) and its one responsible actor."""

    text: str
    actor: Ref | None
    line: int
    phase: str | None = None
    stage: str | None = None  # one of STAGES when the item applies only then
    # The phase's heading as the page writes it ('Tills barnet är tillbaka'): the words the views show beside it.
    phase_title: str | None = None


@dataclass(frozen=True)
class Duty:
    """A row of a routine's table of who does what and when (under a heading ending in {#duties}): the actors
    who do it, the pages it concerns (whom it tells, or the term for what is done), and when, as written."""

    actors: tuple[Ref, ...]
    concerns: tuple[Ref, ...]
    when: str
    line: int
