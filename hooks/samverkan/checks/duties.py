"""Every duty of a role, from the routine itself.

A routine's table of who does what and when (a heading ending in {#duties}, parts.Duty) is the source of truth for
what each actor must do at once. "Vad gör jag nu?" and the checklists show an actor only the items tagged to it, so
a duty the table gives an actor but an item gives another never reaches the first one. This check proves, for every
row the table marks at once and every actor it names, that the actor has an item at once in one of the routine's
checklists naming a page the duty concerns ([[polisen]], [[term-skyddsbedomning]]), and that the guide shows it that
item at once at every stage it asks about.
"""

from __future__ import annotations

from samverkan.content.body import MARKER
from samverkan.content.model import Actor, Checklist, Handbook, Page, Routine
from samverkan.content.parts import DEFAULT_LANGUAGE, Duty, Item
from samverkan.content.problems import Problem
from samverkan.views import guide

# The table's word for at once, as in the checklists' heading '## Genast {#at-once}'. The Swedish routine is the
# original; its English twin has the same items, actors and phases (checks/pages.parity).
AT_ONCE = "Genast"


def duties(handbook: Handbook) -> list[Problem]:
    found = []
    shown = {situation.routine.id: situation for situation in guide.situations(handbook, DEFAULT_LANGUAGE)}
    for routine in handbook.of_type(DEFAULT_LANGUAGE, Routine):
        checklists = [
            page
            for ref in routine.checklists
            if isinstance(page := handbook.get(routine.lang, ref.id), Checklist)
        ]
        for duty in (duty for duty in routine.duties if duty.when.startswith(AT_ONCE)):
            for actor in duty.actors:
                found += _undone(handbook, routine, checklists, shown.get(routine.id), duty, actor.id)
    return found


def _undone(
    handbook: Handbook, routine: Routine, checklists: list[Checklist], situation, duty: Duty, actor_id: str
) -> list[Problem]:
    """The one problem that keeps the actor from seeing the duty at once, or none."""
    mine = [
        (page, item)
        for page in checklists
        for item in page.items
        if item.actor and item.actor.id == actor_id and item.phase == "at-once" and concerns(item, duty)
    ]
    if not mine:
        return [
            _shared(handbook, routine, checklists, duty, actor_id)
            or _missing(routine, checklists, duty, actor_id)
        ]
    role = next((role for role in situation.roles if role.actor.id == actor_id), None) if situation else None
    for stage in (role.stages or (None,)) if role else ():
        if not any(item.phase == "at-once" and concerns(item, duty) for item in role.at(stage).items):
            page, item = mine[0]
            return [
                Problem(
                    page.file,
                    item.line,
                    f"'Vad gör jag nu?' does not show '{actor_id}' this duty at once when it asks about {stage} ({routine.file}:{duty.line})",
                    f"give '{actor_id}' an item for it that applies at {stage}: under no stage heading, or under the one ending in {{#{stage}}}",
                )
            ]
    return []


def _shared(
    handbook: Handbook, routine: Routine, checklists: list[Checklist], duty: Duty, actor_id: str
) -> Problem | None:
    """The item or step that does the duty for the actor too but is tagged to another one."""
    actor = handbook.get(routine.lang, actor_id)
    for page in (routine, *checklists):
        for item in (*page.steps, *page.items):
            if (
                item.actor
                and item.actor.id != actor_id
                and concerns(item, duty)
                and _names(item, actor_id, actor)
            ):
                return Problem(
                    page.file,
                    item.line,
                    f"the item names '{actor_id}' too, but is tagged only to '{item.actor.id}'",
                    f"split it: one line per actor, each ending with its own [[actor]]; give '{actor_id}' its line under '## Genast {{#at-once}}' in a checklist of {routine.id}",
                )
    return None


def _missing(routine: Routine, checklists: list[Checklist], duty: Duty, actor_id: str) -> Problem:
    pages = " or ".join(f"[[{ref.id}]]" for ref in duty.concerns)
    own = [
        page.file
        for page in checklists
        if any(item.actor and item.actor.id == actor_id for item in page.items)
    ]
    where = own[0] if own else f"a checklist of '{routine.id}' ('{actor_id}' has none yet)"
    return Problem(
        routine.file,
        duty.line,
        f"the table gives '{actor_id}' this duty at once, but no item of '{actor_id}' under {{#at-once}} in this routine's checklists names {pages}",
        f"add '- [ ] … {pages.split(' or ')[0]} … [[{actor_id}]]' under '## Genast {{#at-once}}' in {where}",
    )


def concerns(item: Item, duty: Duty) -> bool:
    """True when the item names a page the duty concerns."""
    wanted = {ref.id for ref in duty.concerns}
    return any(marker[1] in wanted for marker in MARKER.finditer(item.text))


def _names(item: Item, actor_id: str, actor: Page | None) -> bool:
    """True when the item's text names the actor, by its marker or its title."""
    text = item.text.casefold()
    return f"[[{actor_id}" in text or (isinstance(actor, Actor) and actor.title.casefold() in text)
