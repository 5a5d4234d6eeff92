"""A draft *tjänsteutlåtande* for a municipality's social welfare board: the board endorses the current plan
version and tells the administration to implement it.

    samverkan board-draft --municipality vallentuna [--out FILE] [--no-pdf]

It is written as Markdown (for the administration to edit in any word processor) and as PDF, printed by Chromium.

Every fact comes from the model or the county's files: the plan version, the municipality's name and night
number (municipalities/status.yml, its own file when it has one), the roles a municipality holds (actors of kind
municipal-unit), the checklists their staff use, the units its file names (municipalities/county.yml), the
county's network and the laws the routines rest on. The sentences are the template's
(overrides/samverkan/tjansteutlatande.md), in Swedish, as boards decide in Swedish.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

import jinja2
from markupsafe import Markup

from samverkan.content import versions
from samverkan.content.model import Actor, Checklist, Law, Routine
from samverkan.editions import overlay as overlays
from samverkan.editions.handbook import load_site
from samverkan.views import paper, sanitize, views
from samverkan.views.render import TEMPLATES

LANG = "sv"
TEMPLATE = "tjansteutlatande.md"
HTML_TEMPLATE = "tjansteutlatande.html"  # the page the draft is printed on
MUNICIPAL = "municipal-unit"  # the actor kind of a municipality's own units
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|!&])")


@dataclass(frozen=True)
class Role:
    actor: Actor
    checklists: tuple[Checklist, ...]  # those where it is responsible for an item


def municipal_roles(handbook, slug: str) -> list[Role]:
    """The roles a municipality holds in the plan, each with the checklists its staff use; a unit only some
    municipalities have (only_in) only for them."""
    checklists = views.in_nav_order(handbook, handbook.of_type(LANG, Checklist))
    return [
        Role(
            actor,
            tuple(
                page
                for page in checklists
                if any(item.actor and item.actor.id == actor.id for item in page.items)
            ),
        )
        for actor in views.in_nav_order(handbook, handbook.of_type(LANG, Actor))
        if actor.kind == MUNICIPAL and (not actor.only_in or slug in {ref.id for ref in actor.only_in})
    ]


def laws_of_routines(handbook) -> list[tuple[Law, tuple[str, ...]]]:
    """Every law a routine cites, with the provisions cited, in the order of the law pages."""
    cited: dict[str, list[str]] = {}
    for routine in handbook.of_type(LANG, Routine):
        for citation in routine.legal_basis:
            refs = cited.setdefault(citation.law.id, [])
            if citation.ref and citation.ref not in refs:
                refs.append(citation.ref)
    laws = views.in_nav_order(handbook, [law for law in handbook.of_type(LANG, Law) if law.id in cited])
    return [(law, tuple(cited[law.id])) for law in laws]


def markdown_text(value) -> str:
    """A value from a file, as plain text in Markdown: nothing in it becomes markup."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(str(value).split()))


def series(items) -> str:
    """Words joined as Swedish joins them: 'a', 'a och b', 'a, b och c'."""
    items = list(items)
    return ", ".join(items[:-1]) + " och " + items[-1] if len(items) > 1 else "".join(items)


def draft(handbook, row, chosen: overlays.Overlay) -> str:
    """The draft for the municipality of status.yml's ``row``; ``chosen`` is its edition (the county's wording
    when it has no file of its own)."""
    plan = versions.plan(handbook.root)
    county = overlays.load(handbook.root, None)
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    environment.filters["text"] = markdown_text
    environment.filters["series"] = series
    roles = municipal_roles(handbook, row.slug)
    return environment.get_template(TEMPLATE).render(
        plan=plan,
        row=row,
        edition=chosen if chosen.is_municipality else None,
        county=handbook.county.get(LANG, {}),
        adopted=[each for each in handbook.adoption if each.adopted],
        total=len(handbook.adoption),
        roles=roles,
        night=row.night(LANG),
        checklists=len(handbook.of_type(LANG, Checklist)),
        routines=len(handbook.of_type(LANG, Routine)),
        units=[value[LANG] for key, value in county.values.items() if key.endswith(".name")],
        laws=laws_of_routines(handbook),
        mailbox=handbook.working_group,
        attachment=paper.plan_pdf_name(plan.version, chosen, LANG),
    )


def document(handbook, row, text: str) -> str:
    """The draft as one HTML document to print: its Markdown (every value in it escaped by the "text" filter) as
    HTML, through the site's allowlist all the same, in the page of tjansteutlatande.html."""
    import markdown

    page = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True)
    return page.get_template(HTML_TEMPLATE).render(
        row=row,
        plan=versions.plan(handbook.root),
        body=Markup(sanitize.clean(markdown.markdown(text, output_format="html"))[0]),
    )


def run(config_file: str, slug: str, out: str | None, to_pdf=None) -> int:
    """The command: the draft written to ``out`` (default tjansteutlatande-<municipality>.md) and, with
    ``to_pdf(html, date, footer)`` (site/plan_pdf.print_document), as PDF beside it; or one line why not."""
    handbook = load_site(config_file)
    row = next((each for each in handbook.adoption if each.slug == slug), None)
    if row is None:
        known = ", ".join(each.slug for each in handbook.adoption)
        print(
            f"--municipality: {slug[:40]!r} is not in municipalities/status.yml; choose one of: {known}; no draft was written",
            file=sys.stderr,
        )
        return 1
    has_file = any(path.stem == slug for path in overlays.municipality_files(handbook.root))
    chosen = overlays.load(handbook.root, slug if has_file else None)
    if chosen.problems:  # one line each, as the check gives them
        for problem in chosen.problems:
            print(problem, file=sys.stderr)
        return 1
    if versions.plan(handbook.root) is None:
        print(
            f"{versions.CHANGELOGS[LANG]}: no plan version (## [X.Y] – YYYY-MM-DD) — add one; no draft was written",
            file=sys.stderr,
        )
        return 1
    plan = versions.plan(handbook.root)
    target = Path(out or f"tjansteutlatande-{slug}.md")
    text = draft(handbook, row, chosen)
    target.write_text(text, encoding="utf-8")
    written = [target]
    if to_pdf:
        printed = target.with_suffix(".pdf")
        footer = f"Utkast till tjänsteutlåtande, {row.name}, Samverkansplanen {plan.version}, sida"
        printed.write_bytes(to_pdf(document(handbook, row, text), plan.date, footer))
        written.append(printed)
    print(
        f"Wrote the draft for {row.name} (plan version {plan.version}) to {' and '.join(map(str, written))}"
    )
    return 0
