"""The checks of the pages: pure functions from a Handbook to a list of problems (rules.py runs them)."""

from __future__ import annotations

from markdown import Markdown

from samverkan.checks.markup import body_problems, phone_link_faults, rendered_problems
from samverkan.content.model import (
    Actor,
    Checklist,
    Handbook,
    Law,
    Page,
    PlainPage,
    Routine,
)
from samverkan.content.parts import DEFAULT_LANGUAGE, LANGUAGES
from samverkan.content.personal_data import NUMBERS_FILE
from samverkan.content.problems import Problem
from samverkan.views.views import VIEW_LISTS


def dates(handbook: Handbook) -> list[Problem]:
    return [
        Problem(
            page.file,
            page.line_of("next_review"),
            f"next_review {page.next_review} is not after reviewed {page.reviewed}",
            "set next_review to a later date than reviewed",
        )
        for page in handbook.pages
        if page.next_review <= page.reviewed
    ]


def unique_ids(handbook: Handbook) -> list[Problem]:
    problems, seen = [], {}
    for page in handbook.pages:
        first = seen.setdefault((page.lang, page.id), page)
        if first is not page:
            problems.append(
                Problem(
                    page.file,
                    page.line_of("id"),
                    f"id '{page.id}' is already used by {first.file}",
                    "give this page an id of its own",
                )
            )
    return problems


def ids_match_files(handbook: Handbook) -> list[Problem]:
    return [
        Problem(
            page.file,
            page.line_of("id"),
            f"id '{page.id}' differs from the file's name",
            f"write 'id: {page.expected_id}', or rename the file to match the id",
        )
        for page in handbook.pages
        if page.id != page.expected_id
    ]


def untranslated_only_in_english(handbook: Handbook) -> list[Problem]:
    return [
        Problem(
            page.file,
            page.line_of("untranslated"),
            "'untranslated' is only for English pages",
            "remove it: the Swedish page is the original",
        )
        for page in handbook.pages
        if page.untranslated and page.lang == DEFAULT_LANGUAGE
    ]


def body_markup(handbook: Handbook) -> list[Problem]:
    """Markers and items the model cannot mean, and raw HTML or links readers must not get: as the check reads
    the source, and, where that finds nothing, as Markdown renders it (markup.rendered_problems)."""
    problems = []
    try:
        markdown = Markdown(
            extensions=[name for name, _ in handbook.markdown_extensions],
            extension_configs=dict(handbook.markdown_extensions),
        )
    except (
        Exception
    ) as error:  # an extension that cannot be imported or configured: MkDocs would stop on it too
        return [
            Problem(
                "mkdocs.yml",
                1,
                f"the markdown_extensions cannot be loaded ({str(error)[:120]})",
                "correct their names and settings",
            )
        ]
    for page in handbook.pages:
        problems += [Problem(page.file, fault.line, fault.message, fault.fix) for fault in page.faults]
        problems += body_problems(
            page, handbook.files.get(page.lang, set()) | handbook.assets.get(page.lang, set())
        ) or _rendered(page, markdown)
    return problems


def _rendered(page: Page, markdown: Markdown) -> list[Problem]:
    try:
        return rendered_problems(page, lambda text: markdown.reset().convert(text))
    except Exception as error:  # what no budget foresaw (content/budget.py): one line, as the build gives it
        return [
            Problem(
                page.file,
                page.body_line,
                f"the page cannot be rendered ({type(error).__name__}: {str(error)[:200]})",
                "simplify the markup on this page",
            )
        ]


def phone_links(handbook: Handbook) -> list[Problem]:
    """A page's tel: link dials, in digits 0-9, the declared public number its text shows; no link carries a mobile."""
    fix = f"link the public number the text shows, e.g. [08-508 000 00](tel:+46850800000), never a person's number; a new public number goes in {NUMBERS_FILE}"
    return [
        Problem(page.file, page.body_line + line - 1, what, fix)
        for page in handbook.pages
        for line, what in phone_link_faults(page.body, handbook.public_numbers)
    ]


def references(handbook: Handbook) -> list[Problem]:
    problems = []
    for page in handbook.pages:
        for ref, wanted in page.refs:
            target = handbook.get(page.lang, ref.id)
            if target is None and ref.id in handbook.broken_ids.get(page.lang, ()):
                continue  # the target page exists but could not be read; that problem is reported there
            if target is None:
                problems.append(
                    Problem(
                        page.file,
                        ref.line,
                        f"'{ref.id}' is not the id of any page",
                        "correct the id or create the page it should point to",
                    )
                )
            elif wanted and target.type != wanted:
                problems.append(
                    Problem(
                        page.file,
                        ref.line,
                        f"'{ref.id}' is {_a(target.type)}, but {_a(wanted)} is expected here",
                        f"use the id of {_a(wanted)} page",
                    )
                )
    return problems


def _a(noun: str) -> str:
    return ("an " if noun[0] in "aeiou" else "a ") + noun


def checklist_items(handbook: Handbook) -> list[Problem]:
    problems = []
    for page in handbook.pages:
        for item in page.items:
            if item.actor is None:
                problems.append(
                    Problem(
                        page.file,
                        item.line,
                        "checklist item has no responsible actor",
                        "end the line with the actor's id, e.g. [[polisen]]",
                    )
                )
        if isinstance(page, Checklist) and not page.items:
            problems.append(
                Problem(
                    page.file,
                    page.line_of("type"),
                    "checklist has no items",
                    "add task-list lines: - [ ] Do this. [[actor-id]]",
                )
            )
    return problems


# The police's rule: 112 when someone may be in danger, 114 14 for the rest. An unaccompanied child who goes
# missing is presumed at risk, so an item that reports to 114 14 gives the 112 branch too, or says it is the
# branch for a child who is not in danger.
EMERGENCY_BRANCH = {"sv": ("112", "inte är i fara", "inte i fara"), "en": ("112", "not in danger")}


def emergency_branch(handbook: Handbook) -> list[Problem]:
    return [
        Problem(
            page.file,
            item.line,
            "the item reports to 114 14 with no 112 branch",
            "add when to call 112 instead, e.g. 'Ring 112 om barnet kan vara i fara eller om du är osäker, annars 114 14.'",
        )
        for page in handbook.pages
        for item in (*page.items, *page.steps)
        if "114 14" in item.text and not any(words in item.text for words in EMERGENCY_BRANCH[page.lang])
    ]


# An item read alone in "Vad gör jag nu?" must say what to do: a pointer to another checklist holds no action.
POINTERS = {"sv": ("samma checklista", "samma punkter"), "en": ("same checklist", "same items")}


def items_act(handbook: Handbook) -> list[Problem]:
    return [
        Problem(
            page.file,
            item.line,
            "the item points to another checklist instead of saying what to do",
            "write the actions themselves, one item each with its actor, e.g. '- [ ] Ring 112 om barnet kan vara i fara. [[radda-barnen]]'",
        )
        for page in handbook.pages
        for item in (*page.items, *page.steps)
        if any(words in item.text.casefold() for words in POINTERS[page.lang])
    ]


def actors_act(handbook: Handbook) -> list[Problem]:
    problems = []
    for lang in LANGUAGES:
        acting = {role.actor.id for routine in handbook.of_type(lang, Routine) for role in routine.actors}
        acting |= {
            item.actor.id
            for page in handbook.pages
            if page.lang == lang
            for item in (*page.items, *page.steps)
            if item.actor
        }
        problems += [
            Problem(
                actor.file,
                actor.line_of("id"),
                f"actor '{actor.id}' acts in no routine or checklist",
                "name it under 'actors:' of a routine or as responsible for a checklist item, or remove the page",
            )
            for actor in handbook.of_type(lang, Actor)
            if actor.id not in acting
        ]
    return problems


def routines(handbook: Handbook) -> list[Problem]:
    problems = []
    for routine in (page for page in handbook.pages if isinstance(page, Routine)):
        if not any(role.role == "responsible" for role in routine.actors):
            problems.append(
                Problem(
                    routine.file,
                    routine.line_of("actors"),
                    "routine names no responsible actor",
                    "give at least one actor 'role: responsible'",
                )
            )
        if not routine.checklists and not routine.steps:
            problems.append(
                Problem(
                    routine.file,
                    routine.line_of("type"),
                    "routine has no checklist and no steps",
                    "list its checklists under 'checklists:' or write numbered steps ending in [[actor-id]]",
                )
            )
    return problems


def routine_actors(handbook: Handbook) -> list[Problem]:
    """Whoever is responsible for a step of a routine or an item of its checklists is among its actors,
    so the matrix, the actor pages and the checklists agree."""
    problems = []
    for routine in (page for page in handbook.pages if isinstance(page, Routine)):
        named = {role.actor.id for role in routine.actors}
        if any(handbook.get(routine.lang, actor_id) is None for actor_id in named):
            continue  # a misspelt actor id is reported by references(); which actor was meant is unknown
        sources = [routine] + [handbook.get(routine.lang, ref.id) for ref in routine.checklists]
        for source in (page for page in sources if isinstance(page, (Routine, Checklist))):
            where = "steps of this routine" if source is routine else f"items in checklist '{source.id}'"
            for actor_id in dict.fromkeys(
                item.actor.id
                for item in (*source.steps, *source.items)
                if item.actor and item.actor.id not in named
            ):
                problems.append(
                    Problem(
                        routine.file,
                        routine.line_of("actors"),
                        f"actor '{actor_id}' is responsible for {where} but is not among this routine's actors",
                        f"add '- actor: {actor_id}' with its role",
                    )
                )
    return problems


def checklists_belong(handbook: Handbook) -> list[Problem]:
    problems = []
    for checklist in (page for page in handbook.pages if isinstance(page, Checklist)):
        routine = handbook.get(checklist.lang, checklist.routine.id)
        if isinstance(routine, Routine) and checklist.id not in {ref.id for ref in routine.checklists}:
            problems.append(
                Problem(
                    checklist.file,
                    checklist.routine.line,
                    f"routine '{routine.id}' does not list this checklist",
                    f"add '- {checklist.id}' under 'checklists:' in {routine.file}",
                )
            )
    return problems


def laws(handbook: Handbook) -> list[Problem]:
    problems = []
    for lang in LANGUAGES:
        cited = {
            citation.law.id for page in handbook.pages if page.lang == lang for citation in page.legal_basis
        }
        cited |= {
            link.id
            for page in handbook.pages
            if page.lang == lang and not isinstance(page, Law)
            for link in page.links
        }
        for law in handbook.of_type(lang, Law):
            if law.status == "in-force" and law.id not in cited:
                problems.append(
                    Problem(
                        law.file,
                        law.line_of("id"),
                        f"law '{law.id}' is in force but cited nowhere",
                        "cite it under 'legal_basis:' of the page that rests on it, or link it with [["
                        + law.id
                        + "]]",
                    )
                )
            if law.status == "repealed" and law.repealed_on is None:
                problems.append(
                    Problem(
                        law.file,
                        law.line_of("status"),
                        "repealed law has no repealed_on date",
                        "add 'repealed_on: YYYY-MM-DD'",
                    )
                )
            if law.status == "in-force" and (law.repealed_on or law.replaced_by):
                problems.append(
                    Problem(
                        law.file,
                        law.line_of("status"),
                        "law in force has repealed_on or replaced_by",
                        "set 'status: repealed' or remove those fields",
                    )
                )
        for page in (p for p in handbook.pages if p.lang == lang and not isinstance(p, Law)):
            for citation in page.legal_basis:
                law = handbook.get(lang, citation.law.id)
                if isinstance(law, Law) and law.status == "repealed":
                    successor = f"'{law.replaced_by.id}'" if law.replaced_by else "the law now in force"
                    problems.append(
                        Problem(
                            page.file,
                            citation.law.line,
                            f"cites '{law.id}', repealed on {law.repealed_on}",
                            f"cite {successor} with its new chapter and section",
                        )
                    )
    return problems


def parity(handbook: Handbook) -> list[Problem]:
    """Swedish and English mirror each other: same files, ids, types, versions, references and items."""
    problems = []
    sv_files, en_files = handbook.files.get("sv", set()), handbook.files.get("en", set())
    for path in sorted(sv_files - en_files):
        problems.append(
            Problem(
                f"docs/sv/{path}",
                1,
                f"has no English twin docs/en/{path}",
                "create the English page with the same id and version (or 'untranslated: true' until it is translated)",
            )
        )
    for path in sorted(en_files - sv_files):
        problems.append(
            Problem(
                f"docs/en/{path}",
                1,
                f"has no Swedish twin docs/sv/{path}",
                "create the Swedish page, or move this file to the same path as its Swedish original",
            )
        )
    for sv_page in (page for page in handbook.pages if page.lang == DEFAULT_LANGUAGE):
        en_page = handbook.at("en", sv_page.path)
        if en_page is not None:
            problems += _pair_problems(sv_page, en_page)
    return problems


def _pair_problems(sv: Page, en: Page) -> list[Problem]:
    def differs(what, key, sv_value, en_value, fix):
        return Problem(
            en.file,
            en.line_of(key),
            f"{what} differs from {sv.file}: '{en_value or 'none'}' here, '{sv_value or 'none'}' there",
            fix,
        )

    problems = []
    if (sv.id, sv.type) != (en.id, en.type):
        problems.append(
            differs(
                "id/type",
                "id",
                f"{sv.id}/{sv.type}",
                f"{en.id}/{en.type}",
                "use the same id and type in both languages",
            )
        )
    if en.untranslated:
        return problems
    if sv.version != en.version:
        problems.append(
            differs(
                "version",
                "version",
                sv.version,
                en.version,
                "update the translation and give both the same version, or set 'untranslated: true'",
            )
        )
    for what, key, values in (
        ("actors", "actors", _actor_ids),
        ("laws cited", "legal_basis", lambda p: sorted({c.law.id for c in p.legal_basis})),
        ("sections", "sections", lambda p: [f"{s.ref} ({s.status})" for s in getattr(p, "sections", ())]),
        (
            "checklist items (actor@phase)",
            "type",
            lambda p: [
                f"{i.actor.id if i.actor else '-'}@{i.phase or '-'}{'/' + i.stage if i.stage else ''}"
                for i in p.items
            ],
        ),
        ("step actors", "type", lambda p: [s.actor.id if s.actor else "-" for s in p.steps]),
    ):
        if values(sv) != values(en):
            problems.append(
                differs(
                    what,
                    key,
                    ", ".join(values(sv)),
                    ", ".join(values(en)),
                    "translate item for item, in the same order, with the same [[actor]] markers and citations",
                )
            )
    return problems


def _actor_ids(page: Page) -> list[str]:
    return sorted(f"{role.actor.id}:{role.role}" for role in getattr(page, "actors", ()))


def navigation(handbook: Handbook) -> list[Problem]:
    """Every page is in the navigation, or listed in full by a view (e.g. all routines) on a page that is."""
    if handbook.nav is None:
        return []
    listed = tuple(
        VIEW_LISTS[page.view]
        for page in handbook.pages
        if isinstance(page, PlainPage) and page.view in VIEW_LISTS and page.path in handbook.nav_order
    )
    return [
        Problem(
            page.file,
            1,
            "page is not in the navigation",
            f"add '{page.path}' to 'nav' in mkdocs.yml, or its section's index page",
        )
        for page in handbook.pages
        if page.path not in handbook.nav_order and not isinstance(page, listed)
    ] + [
        Problem(
            "mkdocs.yml",
            handbook.nav_lines.get(path, 1),
            f"nav lists '{path}', which is no page in docs/{lang}",
            "correct the path, or create the page in both languages",
        )
        for path in handbook.nav
        for lang in LANGUAGES
        if path not in handbook.files.get(lang, ())
    ]
