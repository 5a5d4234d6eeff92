"""What "Vad gör jag nu?" cannot reach: the guide (views/guide.py) shows each responsible role what to do at once,
so a routine or a role with nothing at once is a problem of the pages, found here."""

from __future__ import annotations

from samverkan.content.model import Handbook, PlainPage, Routine
from samverkan.content.parts import DEFAULT_LANGUAGE
from samverkan.content.problems import Problem
from samverkan.views.guide import Situation, situations


def guide_reaches(handbook: Handbook) -> list[Problem]:
    """What "Vad gör jag nu?" cannot reach, once the handbook has the guide: a routine with checklists but nothing
    to do at once, an actor responsible in a routine with no item or step of its own there, and one whose result
    (at a stage the guide asks about) has nothing to do at once."""
    if not any(page.view == "guide" for page in handbook.of_type(DEFAULT_LANGUAGE, PlainPage)):
        return []
    found = []
    shown = {s.routine.id: s for s in situations(handbook, DEFAULT_LANGUAGE)}
    reached = {routine_id: {role.actor.id for role in s.roles} for routine_id, s in shown.items()}
    for routine in handbook.of_type(DEFAULT_LANGUAGE, Routine):
        if routine.checklists and routine.id not in reached:
            found.append(
                Problem(
                    routine.file,
                    1,
                    "'Vad gör jag nu?' cannot reach this routine: nothing in it is to be done at once",
                    "put its urgent items under a heading '## Genast {#at-once}' in its checklist",
                )
            )
        for role in routine.actors if routine.id in reached else ():
            if role.role == "responsible" and role.actor.id not in reached[routine.id]:
                found.append(
                    Problem(
                        routine.file,
                        routine.line_of("actors"),
                        f"'Vad gör jag nu?' cannot show '{role.actor.id}' anything: it is responsible but has no item or step here",
                        f"end the steps or checklist items it does with [[{role.actor.id}]]",
                    )
                )
        found += _nothing_at_once(routine, shown.get(routine.id))
    return found


def _nothing_at_once(routine: Routine, situation: Situation | None) -> list[Problem]:
    """A responsible role whose result starts with nothing to do at once."""
    if situation is None:
        return []
    responsible = {actor.id for actor in situation.responsible}
    found = []
    for role in situation.roles:
        for stage in role.stages or (None,):
            if role.actor.id in responsible and not any(
                item.phase == "at-once" for item in role.at(stage).items
            ):
                when = f" ({stage})" if stage else ""
                found.append(
                    Problem(
                        routine.file,
                        routine.line_of("actors"),
                        f"'Vad gör jag nu?' shows '{role.actor.id}'{when} nothing to do at once, though it is responsible here",
                        f"put what it must do first under a heading ending in {{#at-once}}, in this routine or its checklist, ending with [[{role.actor.id}]]",
                    )
                )
    return found
