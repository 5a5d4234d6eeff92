"""Derived views: plain data computed from the handbook, rendered elsewhere."""

from __future__ import annotations

from dataclasses import dataclass

from samverkan.content.model import Actor, Checklist, Handbook, Law, Page, Routine, Term
from samverkan.content.parts import PHASES, ROLES, Item


def in_nav_order(handbook: Handbook, pages: list[Page]) -> list[Page]:
    """Pages in the order a reader meets them: the navigation's, then their 'order' field, then by title."""
    nav, last = handbook.nav_order, len(handbook.nav_order)
    return sorted(
        pages,
        key=lambda page: (
            nav.get(page.path, last),
            page.order if page.order is not None else last,
            page.title,
        ),
    )


@dataclass(frozen=True)
class ItemGroup:
    routine: Routine
    checklist: Page
    items: tuple[Item, ...]


def actor_roles(handbook: Handbook, actor: Actor) -> list[tuple[Routine, str]]:
    return handbook.memo(("roles", actor.lang), lambda: _roles_by_actor(handbook, actor.lang)).get(
        actor.id, []
    )


def _roles_by_actor(handbook: Handbook, lang: str) -> dict[str, list[tuple[Routine, str]]]:
    roles: dict[str, list[tuple[Routine, str]]] = {}
    for routine in in_nav_order(handbook, handbook.of_type(lang, Routine)):
        for role in routine.actors:
            roles.setdefault(role.actor.id, []).append((routine, role.role))
    return roles


def actor_items(handbook: Handbook, actor: Actor) -> list[ItemGroup]:
    """Every checklist item and step the actor is responsible for, grouped by routine, in time order."""
    return list(
        handbook.memo(("items", actor.lang), lambda: _items_by_actor(handbook, actor.lang)).get(actor.id, ())
    )


def _items_by_actor(handbook: Handbook, lang: str) -> dict[str, list[ItemGroup]]:
    """Actor id -> its item groups, from one pass over the language's routines."""
    groups: dict[str, list[ItemGroup]] = {}
    for routine in in_nav_order(handbook, handbook.of_type(lang, Routine)):
        sources = [routine] + [handbook.get(lang, ref.id) for ref in routine.checklists]
        for source in (page for page in sources if page is not None):
            mine: dict[str, list[Item]] = {}
            for item in (*source.steps, *source.items):
                if item.actor:
                    mine.setdefault(item.actor.id, []).append(item)
            for actor_id, items in mine.items():
                groups.setdefault(actor_id, []).append(
                    ItemGroup(routine, source, tuple(sorted(items, key=_time_order)))
                )
    return groups


def _time_order(item: Item) -> tuple[int, int]:
    return (PHASES.index(item.phase) if item.phase in PHASES else len(PHASES), item.line)


def citing_pages(handbook: Handbook, law: Law) -> list[tuple[Page, tuple[str, ...]]]:
    """Pages that cite the law (front matter) or link it ([[id]]), with the chapters and sections they cite."""
    return handbook.memo(("cites", law.lang), lambda: _citations_by_law(handbook, law.lang)).get(law.id, [])


def _citations_by_law(handbook: Handbook, lang: str) -> dict[str, list[tuple[Page, tuple[str, ...]]]]:
    cites: dict[str, list[tuple[Page, tuple[str, ...]]]] = {}
    for page in in_nav_order(handbook, [p for p in handbook.pages if p.lang == lang]):
        refs: dict[str, list[str]] = {}
        for citation in page.legal_basis:
            refs.setdefault(citation.law.id, []).extend([citation.ref] if citation.ref else [])
        for link in page.links:
            refs.setdefault(link.id, [])
        for law_id, law_refs in refs.items():
            if law_id != page.id:
                cites.setdefault(law_id, []).append((page, tuple(law_refs)))
    return cites


def replaced_laws(handbook: Handbook, law: Law) -> list[Law]:
    return [
        other
        for other in handbook.of_type(law.lang, Law)
        if other.replaced_by and other.replaced_by.id == law.id
    ]


@dataclass(frozen=True)
class MatrixRow:
    routine: Routine
    actors_by_role: dict  # role -> actors with that role, in reading order


def matrix(handbook: Handbook, lang: str) -> list[MatrixRow]:
    """Routines × actors by role. Only the roles that exist are stored, so the
    table grows with the number of roles, not with routines times actors."""
    actors = in_nav_order(handbook, handbook.of_type(lang, Actor))
    rank = {actor.id: index for index, actor in enumerate(actors)}
    rows = []
    for routine in in_nav_order(handbook, handbook.of_type(lang, Routine)):
        by_role = {role: [] for role in ROLES}
        for role in sorted(routine.actors, key=lambda r: rank.get(r.actor.id, len(rank))):
            actor = handbook.get(lang, role.actor.id)
            if actor is not None:
                by_role[role.role].append(actor)
        rows.append(MatrixRow(routine, by_role))
    return rows


def glossary(handbook: Handbook, lang: str) -> list[Term]:
    return sorted(handbook.of_type(lang, Term), key=lambda term: term.title.casefold())


def listing(handbook: Handbook, lang: str, cls: type) -> list[Page]:
    return in_nav_order(handbook, handbook.of_type(lang, cls))


def abbreviations(handbook: Handbook, lang: str) -> dict[str, str]:
    """Abbreviation -> explanation, for tooltips on every page of the language."""
    found = {law.abbr: f"{law.title} ({law.sfs})" for law in handbook.of_type(lang, Law) if law.abbr}
    found |= {term.abbr: term.definition for term in handbook.of_type(lang, Term) if term.abbr}
    return found


LISTED_TYPES = {"routines": Routine, "checklists": Checklist, "actors": Actor, "laws": Law}
# Which page type each view lists in full, making those pages reachable from the page that shows the view.
VIEW_LISTS = {**LISTED_TYPES, "glossary": Term}
