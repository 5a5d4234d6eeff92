""" "Vad gör jag nu? / What do I do now?": what has happened -> who you are -> your items, from the model.

A situation is a routine with something to do at once (a checklist item or step in the phase 'at-once'); its
roles are the actors responsible for items or steps in it; a role's result is its items in that routine, one
section per phase in the order a reader needs them (READING_ORDER: at once first, from every checklist of the
routine, then the rest in time order, what should have been done before last), then the items of no phase per
checklist or routine (views.actor_items). Where a role's items differ before and after the child is assigned a
municipality (headings {#arrival} and {#after-assignment}), the guide asks which applies first. Nothing is written twice: a new routine or actor appears by itself.
The page (PlainPage with ``view: guide``) shows it through overrides/samverkan/guide.html as plain links
between sections (#<routine>, #<routine>--<actor>), so it works without JavaScript, offline and on paper.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from samverkan.content.model import Actor, Handbook, Page, PlainPage, Routine
from samverkan.content.parts import PHASES, STAGES, Item
from samverkan.content.urls import relative_url
from samverkan.views import views

# A reader who asks what to do now reads what must be done at once first, then the rest in time order, and what
# should have been done before last: in an emergency it can no longer be done.
READING_ORDER = ("at-once", *(phase for phase in PHASES if phase not in ("at-once", "before")), "before")
# The actor whose number the night line after a call gives (views/night.py): the numbers that open a result tell
# every reader but this one to call it at night.
NIGHT_SERVICE = "socialjouren"


@dataclass(frozen=True)
class Section:
    """Part of a result: the role's items under one phase heading, from every source that writes it so; or those
    of no phase from one source."""

    items: tuple[Item, ...]
    source: Page | None = None  # the checklist or routine of items without a phase

    @property
    def phase(self) -> str | None:
        return self.items[0].phase

    @property
    def title(self) -> str | None:
        """The phase's heading as the checklist writes it ('Tills barnet är tillbaka'); None without a phase."""
        return self.items[0].phase_title


@dataclass(frozen=True)
class Role:
    actor: Actor
    groups: tuple[views.ItemGroup, ...]  # the actor's items in the routine, per checklist, in time order

    @property
    def sections(self) -> tuple[Section, ...]:
        """The items as the result shows them: per phase in READING_ORDER (one section per heading the sources
        give it: 'Genast', 'Genast om barnet dyker upp i en annan kommun'), then per source those of no phase."""
        phased: dict[tuple[str, str | None], list[Item]] = {}
        for phase in READING_ORDER:
            for item in (item for group in self.groups for item in group.items if item.phase == phase):
                phased.setdefault((phase, item.phase_title), []).append(item)
        unphased = (
            Section(tuple(item for item in group.items if item.phase is None), source=group.checklist)
            for group in self.groups
        )
        return (
            *(Section(tuple(items)) for items in phased.values()),
            *(section for section in unphased if section.items),
        )

    @property
    def is_night_service(self) -> bool:
        """The socialjour's own result: it is the service the others call at night, so it is not told to."""
        return self.actor.id == NIGHT_SERVICE

    @property
    def items(self) -> tuple[Item, ...]:
        """Every item of the role, in the order the result shows them."""
        return tuple(item for section in self.sections for item in section.items)

    @property
    def stages(self) -> tuple[str, ...]:
        """The stages the role's items differ by (model.STAGES); empty when none does, and the guide does not ask."""
        return tuple(stage for stage in STAGES if any(item.stage == stage for item in self.items))

    def at(self, stage: str | None) -> Role:
        """The role with only the items that apply at ``stage`` (those of no stage apply at every one)."""
        if stage is None:
            return self
        groups = (
            replace(group, items=tuple(item for item in group.items if item.stage in (None, stage)))
            for group in self.groups
        )
        return Role(self.actor, tuple(group for group in groups if group.items))


@dataclass(frozen=True)
class Situation:
    routine: Routine
    roles: tuple[Role, ...]
    actors: tuple[tuple[Actor, str], ...]  # everyone with a role in the routine, responsible first

    @property
    def responsible(self) -> tuple[Actor, ...]:
        return tuple(actor for actor, role in self.actors if role == "responsible")


def situations(handbook: Handbook, lang: str) -> list[Situation]:
    """Every routine with something to do at once, in the navigation's order, with every role acting in it."""
    return handbook.memo(("guide", lang), lambda: _situations(handbook, lang))


def _situations(handbook: Handbook, lang: str) -> list[Situation]:
    found = []
    for routine in views.in_nav_order(handbook, handbook.of_type(lang, Routine)):
        sources = [routine] + [
            page for page in (handbook.get(lang, ref.id) for ref in routine.checklists) if page
        ]
        if not any(item.phase == "at-once" for source in sources for item in (*source.steps, *source.items)):
            continue
        roles = [_role(handbook, actor, routine) for actor in _acting(handbook, lang, sources)]
        ranked = sorted(
            routine.actors, key=lambda role: ("responsible", "participates", "informed").index(role.role)
        )
        actors = tuple((actor, role.role) for role in ranked if (actor := handbook.get(lang, role.actor.id)))
        found.append(Situation(routine, tuple(sorted(roles, key=lambda role: role.actor.title)), actors))
    return found


def _acting(handbook: Handbook, lang: str, sources: list[Page]) -> list[Actor]:
    ids = dict.fromkeys(
        item.actor.id for source in sources for item in (*source.steps, *source.items) if item.actor
    )
    return [actor for actor in (handbook.get(lang, actor_id) for actor_id in ids) if isinstance(actor, Actor)]


def _role(handbook: Handbook, actor: Actor, routine: Routine) -> Role:
    groups = [group for group in views.actor_items(handbook, actor) if group.routine.id == routine.id]
    return Role(actor, tuple(sorted(groups, key=lambda group: not _has_urgent(group))))


def _has_urgent(group: views.ItemGroup) -> bool:
    """Within a phase, the items of a checklist with something to do at once come before the routine's steps."""
    return any(item.phase == "at-once" for item in group.items)


def url_from(handbook: Handbook, page: Page, directory_urls: bool) -> str | None:
    """The guide's address from a page (the link in every page's header); None on the guide itself or without one."""
    target = handbook.memo(
        ("guide-page", page.lang),
        lambda: next((p for p in handbook.of_type(page.lang, PlainPage) if p.view == "guide"), None),
    )
    return relative_url(page.path, target.path, directory_urls) if target and target is not page else None
