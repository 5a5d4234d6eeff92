"""The typed content model: what a handbook page is, per type.

Each field front matter gives is declared here once (``declared``): its kind of value (content/schema.py),
whether a page must give it, and the help text the loader's problems and docs-dev/authors.md show."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property

from samverkan.content import frontmatter, schema
from samverkan.content.body import parse
from samverkan.content.parts import (
    ACTOR_KINDS,
    LANGUAGES,
    LAW_STATUSES,
    PAGE_VIEWS,
    Citation,
    HistoryEntry,
    Item,
    Ref,
    RoleRef,
    Section,
)
from samverkan.content.schema import FRONT_MATTER, Field, declared


@dataclass
class Page:
    path: str  # relative to the language folder, e.g. "rutiner/avvikning.md"
    lang: str
    file: str  # relative to the project root, for messages
    lines: dict = field(repr=False)
    type: str = declared(schema.text, "routine, checklist, actor, law, term or page", required=True)
    id: str = declared(schema.identifier, "stable id, the same in Swedish and English", required=True)
    title: str = declared(schema.text, "the page title", required=True)
    version: str = declared(schema.version, "MAJOR.MINOR; the same in both languages", required=True)
    reviewed: dt.date = declared(
        schema.past_date, "date the content was last reviewed; not after the day of the build", required=True
    )
    next_review: dt.date = declared(schema.date, "date of the next review, after 'reviewed'", required=True)
    owner: Ref = declared(schema.ref, "id of the actor that owns the page, e.g. arbetsgruppen", required=True)
    description: str | None = declared(
        schema.text, "one sentence, shown in lists, search results and link previews", default=None
    )
    legal_basis: tuple[Citation, ...] = declared(
        schema.citations,
        "laws the page rests on: '- law: id' with optional 'ref: 20 kap. 1 §' and 'unconfirmed: true'",
        default=(),
    )
    order: int | None = declared(
        schema.whole_number,
        "position in its section's list, lowest first; pages without one follow, by title",
        default=None,
    )
    keywords: tuple[str, ...] = declared(
        schema.text_list, "extra words search should find the page by: [HVB, stödboende, avviken]", default=()
    )
    unconfirmed: tuple[str, ...] = declared(
        schema.text_list,
        "facts on the page that could not be confirmed, and how the page handles them",
        default=(),
    )
    untranslated: bool = declared(
        schema.boolean,
        "English only: true while the page awaits translation; shown to readers",
        default=False,
    )
    county_facts: bool = declared(
        schema.boolean,
        "true when the page holds facts of this county only (its history, its regional actors): another county's layer replaces it (counties/)",
        default=False,
    )
    body: str = field(default="", repr=False)  # the Markdown after the front matter
    body_line: int = 1  # the file line the body starts on
    # the raw YAML fields, handed to MkDocs as the page's meta
    front_matter: dict = field(default_factory=dict, repr=False)
    # the file's whole text as read, for checks on the text itself
    source: str = field(default="", repr=False)

    @cached_property
    def _structure(self):
        """The body's [[id]] links, checklist items and routine steps, read when first asked for: the
        checks and views need them, the page rendering does not."""
        return parse(self.body, self.body_line)

    @property
    def links(self) -> tuple[Ref, ...]:
        """[[id]] markers in the body."""
        return self._structure.links

    @property
    def items(self) -> tuple[Item, ...]:
        """Checklist items: task-list lines ending in [[actor-id]]."""
        return self._structure.items

    @property
    def steps(self) -> tuple[Item, ...]:
        """Routine steps: numbered lines ending in [[actor-id]]."""
        return self._structure.steps

    @property
    def duties(self):
        """The rows of the table of who does what and when (parts.Duty), in a routine."""
        return self._structure.duties

    @property
    def faults(self):
        """Markers and items in the body that mean nothing (body.Fault)."""
        return self._structure.faults

    @property
    def expected_id(self) -> str:
        """The id the file's place gives: its name, or for an index page its folder's (the start page: 'start')."""
        folder, _, name = self.path.rpartition("/")
        if name == "index.md":
            return folder.rpartition("/")[2] or "start"
        return name.removesuffix(".md")

    def line_of(self, *path) -> int:
        return frontmatter.line_of(self.lines, path)

    @property
    def refs(self) -> list[tuple[Ref, str]]:
        """Every outgoing reference as (ref, the page type it must point to, or '' for any)."""
        found = [(self.owner, "actor")]
        found += [(citation.law, "law") for citation in self.legal_basis]
        found += [(item.actor, "actor") for item in (*self.steps, *self.items) if item.actor]
        found += [(link, "") for link in self.links]
        return found


@dataclass
class Routine(Page):
    actors: tuple[RoleRef, ...] = declared(
        schema.roles,
        "'- actor: id' with 'role: responsible | participates | informed'",
        required=True,
        default=(),
    )
    checklists: tuple[Ref, ...] = declared(schema.ref_list, "ids of the routine's checklists", default=())
    related: tuple[Ref, ...] = declared(schema.ref_list, "ids of related routines", default=())
    history: tuple[HistoryEntry, ...] = declared(
        schema.history, "change history: '- version:', 'date:', 'change:'", default=()
    )

    @property
    def refs(self):
        return (
            super().refs
            + [(role.actor, "actor") for role in self.actors]
            + [(ref, "checklist") for ref in self.checklists]
            + [(ref, "routine") for ref in self.related]
        )


@dataclass
class Checklist(Page):
    routine: Ref | None = declared(
        schema.ref, "id of the routine the checklist belongs to", required=True, default=None
    )

    @property
    def refs(self):
        return super().refs + ([(self.routine, "routine")] if self.routine else [])


@dataclass
class Actor(Page):
    kind: str = declared(
        schema.one_of(ACTOR_KINDS), "what kind of actor: " + ", ".join(ACTOR_KINDS), required=True, default=""
    )
    contact: str | None = declared(
        schema.text, "how to reach the function (switchboard, never a private person)", default=None
    )
    only_in: tuple[Ref, ...] = declared(
        schema.ref_list,
        "a municipal unit that only some municipalities have: their ids in municipalities/status.yml, e.g. [stockholm]",
        default=(),
    )


@dataclass
class Law(Page):
    sfs: str = declared(schema.sfs, "SFS number, e.g. 2025:400", required=True, default="")
    url: str = declared(schema.url, "official address of the statute text", required=True, default="")
    status: str = declared(
        schema.one_of(LAW_STATUSES), "in-force or repealed", required=True, default="in-force"
    )
    abbr: str | None = declared(
        schema.abbreviation, "abbreviation, e.g. LVU; becomes a tooltip across the site", default=None
    )
    repealed_on: dt.date | None = declared(
        schema.date, "date the law stopped applying; required when repealed", default=None
    )
    replaced_by: Ref | None = declared(schema.ref, "id of the law that replaced it", default=None)
    sections: tuple[Section, ...] = declared(
        schema.sections,
        "the sections pages may cite: '- ref: 19 kap. 1 §' with 'summary:' (one line) and 'status: confirmed | unconfirmed'",
        default=(),
    )

    @property
    def refs(self):
        return super().refs + ([(self.replaced_by, "law")] if self.replaced_by else [])


@dataclass
class Term(Page):
    definition: str = declared(
        schema.text, "one-sentence definition; the tooltip for its abbreviation", required=True, default=""
    )
    abbr: str | None = declared(schema.abbreviation, "abbreviation, e.g. HVB", default=None)


@dataclass
class PlainPage(Page):
    view: str | None = declared(
        schema.one_of(PAGE_VIEWS),
        "a generated view shown on the page: " + ", ".join(PAGE_VIEWS),
        default=None,
    )


PAGE_CLASSES: dict[str, type[Page]] = {
    "routine": Routine,
    "checklist": Checklist,
    "actor": Actor,
    "law": Law,
    "term": Term,
    "page": PlainPage,
}
TYPES = tuple(PAGE_CLASSES)


def front_matter_fields(page_type: str) -> dict[str, Field]:
    """The fields a page of the type may give, in the order the model declares them."""
    return {
        each.name: each.metadata[FRONT_MATTER]
        for each in dataclasses.fields(PAGE_CLASSES[page_type])
        if FRONT_MATTER in each.metadata
    }


@dataclass
class Handbook:
    """Every page of every language, read once."""

    root: str
    pages: list[Page]
    load_problems: list  # problems found while reading (bad YAML, bad fields)
    nav: list[str] | None = None  # page paths in the navigation, in order; the same for every language
    nav_lines: dict[str, int] = field(default_factory=dict)  # nav path -> its line in mkdocs.yml
    files: dict[str, set[str]] = field(default_factory=dict)  # language -> every .md path on disk
    assets: dict[str, set[str]] = field(default_factory=dict)  # language -> every image on disk
    # language -> ids of pages that could not be read
    broken_ids: dict[str, set[str]] = field(default_factory=dict)
    # phone numbers declared public (digits only), and the working group's mailbox; see personal_data
    public_numbers: frozenset = frozenset()
    # of them, the socialjourer: each municipality file's and the county list's
    night_numbers: frozenset = frozenset()
    adoption: tuple = ()  # rows of municipalities/status.yml, see editions.county
    working_group: str | None = None  # the working group's shared mailbox, when the county's file gives one
    vocabularies: dict = field(default_factory=dict)  # language -> search words (synonyms.Vocabulary)
    # language -> the county's values by name (editions.county.read_values)
    county: dict = field(default_factory=dict)
    own_county: bool = (
        True  # False in another county's plan (editions/layer.py): its own county's facts are left out
    )
    markdown_extensions: tuple = ()  # the site's Markdown, as mkdocs.yml configures it: (name, its settings) each

    def __post_init__(self):
        self._by_id: dict[str, dict[str, Page]] = {lang: {} for lang in LANGUAGES}
        self._by_path: dict[tuple[str, str], Page] = {}
        for page in self.pages:
            self._by_id.setdefault(page.lang, {}).setdefault(page.id, page)
            self._by_path[(page.lang, page.path)] = page
        self.nav_order = {path: index for index, path in enumerate(self.nav or ())}
        self._memo: dict = {}

    def memo(self, key, build):
        """A value derived from the pages, computed once: the pages do not change after loading,
        and a view asked for once per page must not walk the whole handbook each time."""
        if key not in self._memo:
            self._memo[key] = build()
        return self._memo[key]

    def get(self, lang: str, page_id: str) -> Page | None:
        return self._by_id.get(lang, {}).get(page_id)

    def at(self, lang: str, path: str) -> Page | None:
        return self._by_path.get((lang, path))

    def of_type(self, lang: str, cls: type) -> list:
        return self.memo(
            ("of_type", lang, cls),
            lambda: [page for page in self.pages if page.lang == lang and isinstance(page, cls)],
        )
