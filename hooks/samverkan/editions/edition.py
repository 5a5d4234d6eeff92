"""A municipality's edition: its name and contact card on the pages where staff look for numbers, its
local additions at the section they belong to, its address (site_url), and what its export says it is.

The values come from ``municipalities/<slug>.yml`` (read by ``overlay``); the markup lives in
``overrides/samverkan/edition.html``. Every value is escaped by Jinja's autoescape; a text that goes
through Markdown (the addition's heading) is escaped first and given its anchor by us, never by the file.

A municipality file may also give:

    site_url: https://plan.sigtuna.se/     # where the edition is published (canonical links, sitemap, export)
    reviewed: 2026-11-29                    # when its names and numbers were last checked
    additions:
      avvikning:
        section: vem-gor-vad                # or {sv: vem-gor-vad, en: who-does-what}; without it: at the end
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from dataclasses import dataclass
from html import escape
from typing import NamedTuple
from urllib.parse import urlsplit

from markdown.extensions.toc import slugify
from markupsafe import Markup

from samverkan.content.body import FENCE, HEADING, heading_anchor
from samverkan.content.hours import Hours, when_closed
from samverkan.content.model import Actor, Checklist, Handbook, Page, Routine
from samverkan.content.phone import national, parse_number
from samverkan.content.schema import future_date_fault, parse_date
from samverkan.editions.county import Night
from samverkan.editions.overlay import NIGHT_UNIT, Overlay, loaded

TEMPLATE = "edition.html"
# The slots of a page that a municipality's parts go into (EditionMarkdown.fragments): under the title, at the end
# of a section or of the page (addition-<anchor>, addition), after a routine's title in a list (mark-<routine id>)
TOP, ADDITION, MARK = "top", "addition", "mark"
LABELS = "labels.html"  # the site's words, one dictionary per language
START_PAGE = "start"  # the id of the start page
MUNICIPAL_UNIT = "municipal-unit"  # the kind of actor page a municipality's unit is
PLACEMENT = "section"  # the key under an addition that names the section it belongs to
# A text that tells someone to call, contact, report to or tell social services or the out-of-hours service: a
# call word (an instruction or what an actor does, not a duty stated: no "anmäla", "anmälningsskyldig", "to report"),
# then the unit later in its sentence. Without the unit the match takes the rest of the sentence,
# so each sentence is read once from its first call word, not once from every call word in it.
CALLS_A_UNIT = {
    "sv": re.compile(
        r"\b(?:ring|ringer|kontakta|kontaktar|kontakter|numr\w*|anmäl|anmäler|orosanmälan|berätta|berättar)\b(?:[^.]*?(?P<unit>\bsocial(?:tjänst(?!lag)|jour)|\b(?:anvisnings|vistelse)kommun)|[^.]*)",
        re.IGNORECASE,
    ),
    "en": re.compile(
        r"(?<!\bto )\b(?:call|calls|contact|contacts|phone|numbers?|report|reports|tell|tells)\b(?:[^.]*?(?P<unit>\b(?:social services(?! act)|socialjour|out-of-hours|assigned municipality|municipality where))|[^.]*)",
        re.IGNORECASE,
    ),
}
# Whose socialjour or social services a call means, read in its sentence after the call word: the child's
# municipality (the one Migrationsverket assigned, LMA 3 §), or the one where the reader and the child are now.
# A call that names neither means the latter: the reader's own. The one place this vocabulary is declared.
CHILD, HERE = "child", "here"
WHOSE = (HERE, CHILD)
NAMES_WHOSE = {
    "sv": re.compile(
        r"\b(?:(?P<child>anvisningskommun\w*|barnets kommun)|(?P<here>vistelsekommun\w*|kommunen där (?:barnet|du) \w+|där du är))\b",
        re.IGNORECASE,
    ),
    "en": re.compile(
        r"\b(?:(?P<child>assigned municipality|child[’']s municipality)|(?P<here>municipality where (?:the child|you) \w+|where you are))\b",
        re.IGNORECASE,
    ),
}


def calls(text: str, lang: str) -> list[str]:
    """Whose socialjour or social services each call in the text is to (CHILD or HERE), in order: the first
    municipality named after its call word in its sentence, else the last named before it there ("Har barnet en
    anvisningskommun, ring dess socialjour"). Each pattern reads the text once."""
    names = [(named.start(), CHILD if named["child"] else HERE) for named in NAMES_WHOSE[lang].finditer(text)]
    ends = [end.start() for end in re.finditer(r"\.", text)]
    found = []
    for call in CALLS_A_UNIT[lang].finditer(text):
        if call["unit"]:
            after, before = bisect.bisect_left(ends, call.end()), bisect.bisect_left(ends, call.start())
            start, end = ends[before - 1] if before else -1, ends[after] if after < len(ends) else len(text)
            first = bisect.bisect_left(names, (call.start(), ""))
            if first < len(names) and names[first][0] < end:
                found.append(names[first][1])
            else:
                found.append(names[first - 1][1] if first and names[first - 1][0] > start else HERE)
    return found


# What a municipality's file gives the edition


@dataclass(frozen=True)
class Unit:
    key: str
    name: str
    phone: str | None
    hours: Hours | None = None  # when it answers, where known


@dataclass(frozen=True)
class Card:
    slug: str
    name: str  # the municipality's name
    units: tuple[Unit, ...]
    night: Unit | None  # the unit that answers on evenings, nights and weekends
    reviewed: str | None
    lang: str = "sv"

    @property
    def when_closed(self) -> str:
        """What to do when nobody answers or it is closed (content/hours.py)."""
        return when_closed(self.lang, self.name)


def card(overlay: Overlay, lang: str, handbook: Handbook | None = None) -> Card | None:
    """The municipality's contact card in one language; None for the county edition. A socialjour without a
    number in the file takes the one the county list gives (status.yml), when there is one."""
    if not overlay.is_municipality or not overlay.readable:
        return None
    keys = [key for key in (overlay.data.get("units") or {}) if isinstance(key, str)]
    units = tuple(
        Unit(
            key,
            overlay.value(f"{key}.name", lang) or key,
            overlay.value(f"{key}.phone", lang),
            overlay.hours(key),
        )
        for key in keys
    )
    night = next((unit for unit in units if unit.key == NIGHT_UNIT), None)
    row = _row(handbook, overlay.code) if handbook else None
    listed = row.night(lang) if row else None
    if listed and listed.phone and not (night and night.phone):
        replaced = Unit(
            NIGHT_UNIT,
            night.name if night else listed.service,
            listed.phone,
            night.hours if night and night.hours else listed.hours,
        )
        units = tuple(replaced if unit is night else unit for unit in units) if night else (*units, replaced)
        night = replaced
    elif (
        listed
        and listed.hours
        and night
        and not night.hours
        and national(listed.phone or "") == national(night.phone or "")
    ):  # the same number: its hours
        units = tuple(
            dataclasses.replace(unit, hours=listed.hours) if unit is night else unit for unit in units
        )
        night = next(unit for unit in units if unit.key == NIGHT_UNIT)
    return Card(overlay.slug, overlay.name(lang), units, night, reviewed(overlay), lang)


def _row(handbook: Handbook, code: str | None):
    return next((row for row in handbook.adoption if row.code == code), None) if code else None


@dataclass(frozen=True)
class Contact:
    """One of the county's municipalities on "Kontakter per kommun" and in the chooser, adopted or not."""

    slug: str
    name: str
    adopted: bool
    night: Night | None  # from the county list
    card: Card | None  # its own file's units, when it has one
    lang: str = "sv"

    @property
    def night_name(self) -> str | None:
        return (
            self.card.night.name
            if self.card and self.card.night
            else self.night.service
            if self.night
            else None
        )

    @property
    def night_phone(self) -> str | None:
        if self.card and self.card.night and self.card.night.phone:
            return self.card.night.phone
        return self.night.phone if self.night else None

    @property
    def night_tel(self) -> str | None:
        number = parse_number(self.night_phone) if self.night_phone else None
        return number.tel if number else None

    @property
    def night_hours(self) -> Hours | None:
        """When the number shown answers: the hours given with it (its file's, else the county list's)."""
        if self.card and self.card.night and self.card.night.phone:
            return self.card.night.hours
        return self.night.hours if self.night and self.night.phone else None

    @property
    def when_closed(self) -> str:
        """What to do when nobody answers or it is closed (content/hours.py)."""
        return when_closed(self.lang, self.name)

    def choice(self, has_parts: bool) -> dict:
        """What the county edition's chooser knows of the municipality (views/municipality_parts.py writes it):
        the night number with its hours ({"week": [[start, end], …], "text": …}, or None when not known)."""
        hours = self.night_hours
        return {
            "slug": self.slug,
            "name": self.name,
            "adopted": self.adopted,
            "parts": has_parts,
            "night": {
                "name": self.night_name,
                "phone": self.night_phone,
                "tel": self.night_tel,
                "hours": hours.data(self.lang) if hours else None,
                "when_closed": self.when_closed,
            }
            if self.night_name
            else None,
        }


# the forms of the line after a call (edition.html, night_call)
NUMBER, NO_NUMBER, WAY = (
    "number",
    "no-number",
    "way",
)


@dataclass(frozen=True)
class NightLine:
    """The line after a call: whose socialjour, and its number and hours, or 112, or the way to the contacts list."""

    whose: str  # CHILD or HERE
    form: str  # NUMBER, NO_NUMBER or WAY
    label: str  # e.g. "Socialjouren i Sigtuna kommun, där du är"
    ask: str  # whom to ask for at 112
    phone: str = ""
    tel: str = ""
    hours: str = ""  # when it answers, in words
    week: tuple = ()  # the same as (start, end) minutes from Monday 00:00, for "open now" by the phone's clock
    contacts_url: str = ""
    fill: bool = (
        False  # the county edition's: samverkan-edition.js fills it with the municipality the reader chooses
    )


def night_line(
    contact: Contact | None, whose: str, t: dict, contacts_url: str, fill: bool = False
) -> NightLine:
    """The line for ``contact``'s socialjour, or, without a contact, the way to it."""
    if contact is None:
        return NightLine(
            whose, WAY, t[f"night_{whose}_way"], t["night_that"], contacts_url=contacts_url, fill=fill
        )
    label, ask = (
        t[f"night_{whose}"].format(name=contact.name),
        t["hours"]["socialjour_in"].format(name=contact.name),
    )
    night = contact.choice(False)["night"] or {}
    if not night.get("tel"):
        return NightLine(whose, NO_NUMBER, label, ask)
    hours = night.get("hours") or {}
    return NightLine(
        whose,
        NUMBER,
        label,
        ask,
        night["phone"],
        night["tel"],
        hours.get("text") or "",
        tuple(map(tuple, hours.get("week") or ())),
    )


def contacts(handbook: Handbook, lang: str) -> list[Contact]:
    """Every municipality of the county (status.yml), with its file's card where it has one; by name."""
    return handbook.memo(("contacts", lang), lambda: _contacts(handbook, lang))


def _contacts(handbook: Handbook, lang: str) -> list[Contact]:
    files = {
        each.code or each.slug: each
        for each in loaded(handbook)
        if each.is_municipality and each.readable and each.values.get("name")
    }
    found = []
    for row in handbook.adoption:
        own = files.pop(row.code, None)
        found.append(
            Contact(
                own.slug if own else row.slug,
                own.name(lang) if own else row.name_in(lang),
                row.adopted,
                row.night(lang),
                card(own, lang, handbook) if own else None,
                lang,
            )
        )
    # a file the list lacks has its own problem
    found += [
        Contact(each.slug, each.name(lang), True, None, card(each, lang, handbook), lang)
        for each in files.values()
    ]
    return sorted(found, key=lambda each: each.name.casefold())


def on_card(overlay: Overlay) -> set:
    """The values a municipality's contact card shows: every unit's name and number."""
    return {key for key in overlay.values if "." in key} if overlay.is_municipality else set()


def site_url(overlay: Overlay) -> str | None:
    """The edition's address from its file, when given and valid (see ``url_fault``)."""
    value = overlay.data.get("site_url")
    return value if isinstance(value, str) and url_fault(value) is None else None


def reviewed(overlay: Overlay) -> str | None:
    value = overlay.data.get("reviewed")
    return value if parse_date(value) and not future_date_fault(value) else None


def placement(overlay: Overlay, routine_id: str, lang: str) -> str | None:
    """The anchor of the section an addition belongs to, or None for the end of the routine."""
    section = addition_section(overlay, routine_id)
    return section.get(lang) if isinstance(section, dict) else section


def addition_section(overlay: Overlay, routine_id: str):
    """The section an addition names, as written (overlay.additions holds only its texts)."""
    additions = overlay.data.get("additions")
    addition = additions.get(routine_id) if isinstance(additions, dict) else None
    return addition.get(PLACEMENT) if isinstance(addition, dict) and routine_id in overlay.additions else None


def shows_card(handbook: Handbook, page: Page) -> bool:
    """The pages where staff look for numbers: the start page, "Vad gör jag nu?", routines, the actor pages
    of the municipality's units, and checklists that tell someone to call a unit."""
    if page.id == START_PAGE or isinstance(page, Routine) or getattr(page, "view", None) == "guide":
        return True
    if isinstance(page, Actor):
        return page.kind == MUNICIPAL_UNIT
    if isinstance(page, Checklist):
        return any(calls(item.text, page.lang) for item in page.items)
    return False


# Sections of a routine


@dataclass(frozen=True)
class Section:
    anchor: str
    level: int
    end: int  # index of the line after the section (the next heading of its level or above, or the end)


def _heading_text(line: str, heading) -> str:
    """The heading's words: after its hashes, before its attribute list and any closing hashes."""
    end = heading.start("attributes") if heading["attributes"] else len(line)
    return line[heading.end("hashes") : end].strip(" \t").rstrip(" \t#")


def sections(markdown: str) -> list[Section]:
    """Every heading's section, with the anchor MkDocs gives it (an explicit {#id}, else the toc slug)."""
    lines = markdown.split("\n")
    headings, seen, numbers, fenced = [], set(), {}, False
    for index, line in enumerate(lines):
        if FENCE.match(line):
            fenced = not fenced
        match = None if fenced else HEADING.match(line)
        if match:
            anchor = heading_anchor(match["attributes"]) or _unique(
                slugify(re.sub(r"[*_`\[\]]", "", _heading_text(line, match)), "-"), seen, numbers
            )
            seen.add(anchor)
            headings.append((index, len(match["hashes"]), anchor))
    found, after = [], []  # after: the headings below the one at hand that no heading between them ranks over
    for index, level, anchor in reversed(headings):
        while after and after[-1][1] > level:
            after.pop()
        found.append(Section(anchor, level, after[-1][0] if after else len(lines)))
        after.append((index, level))
    return found[::-1]


def _unique(anchor: str, seen: set, numbers: dict[str, int]) -> str:
    """As the toc extension does: a repeated anchor gets _1, _2, … Each anchor's last number is kept in
    ``numbers``, so that n equal headings take n steps, not n²/2."""
    number = numbers.get(anchor, 0)
    candidate = f"{anchor}_{number}" if number else anchor
    while candidate in seen:
        number += 1
        candidate = f"{anchor}_{number}"
    numbers[anchor] = number
    return candidate


# The edition in a page's Markdown


class Part(NamedTuple):
    """A municipality's part of a page: its text, and whether that is Markdown (an addition) or HTML."""

    text: str
    markdown: bool = False


def slot_key(page: Page, name: str) -> str:
    """A slot's name across the site's pages in one language: the page's path and the slot's name on it."""
    return f"{page.path}#{name}"


class EditionMarkdown:
    """Puts the edition into a page's Markdown. The county's own additions (municipalities/county.yml) stand in
    every edition, at their section, announced after the title, and headed in the table of contents.

    A municipality's parts (the notice of its addition and its contact card after the title, its addition at its
    section, its mark in the list of routines) are each rendered once, by edition.html, into a fragment for a
    slot of the page (``fragments``): the page holds only the empty slot, with a stable name, wherever some
    municipality has a part. Its own edition puts its fragments into its slots (views/municipality_parts.py);
    the county's site leaves its slots empty and writes every municipality's fragments into one script each,
    which samverkan-edition.js puts into the slots when the reader chooses the municipality, and the fill of
    build --all into the county's pages (site/fill.py). Without JavaScript and on paper the county text stands."""

    def __init__(self, env, handbook: Handbook, overlay: Overlay):
        self.handbook = handbook
        self.overlay = overlay
        self.env = env
        self.module = env.get_template(TEMPLATE).module

    def labels(self, lang: str) -> dict:
        return self.env.get_template(LABELS).module.labels[lang]

    def municipalities(self) -> list[Overlay]:
        """The municipalities whose parts the edition's pages have slots for: its own, or in the county's edition
        every municipality a reader may choose (every readable file)."""
        if self.overlay.is_municipality:
            return [self.overlay]
        return [
            each
            for each in loaded(self.handbook)
            if each.is_municipality and each.readable and each.values.get("name")
        ]

    def __call__(self, page: Page, markdown: str) -> str:
        top = []
        for each in self.county_layer():
            markdown, parts = self._county_parts(page, markdown, each)
            top += parts
        municipalities = self.municipalities()
        sections_wanted = {
            self._addition_slot(page, markdown, each) for each in municipalities if self._addition(page, each)
        }
        markdown = self._with_slots(page, markdown, sections_wanted)
        if any(self._top(page, each) for each in municipalities):
            top.append(self._slot(page, TOP))
        return after_title(markdown, "\n\n".join(top)) if top else markdown

    def county_layer(self) -> list[Overlay]:
        """The county's own additions to routines (municipalities/county.yml), shown in every edition."""
        return [each for each in loaded(self.handbook) if each.is_county and each.readable and each.additions]

    def _county_name(self, lang: str) -> str:
        return self.handbook.county.get(lang, {}).get("name", "")

    def _county_parts(self, page: Page, markdown: str, each: Overlay) -> tuple[str, list[str]]:
        """The page's Markdown with the county's addition at its section, and its notice for under the title."""
        addition = self._addition(page, each)
        if not addition:
            return markdown, []
        t = self.labels(page.lang)
        anchor = f"{t['local_anchor']}-{each.slug}"
        name = self._county_name(page.lang) or each.name(page.lang)
        heading = Markup(  # for the table of contents: the name escaped, and its anchor ours (attr_list reads only the last {…})
            f"{'#' * self._level(page, markdown, each)} {escape(t['local_addition'])}: {_markdown_text(name)} {{#{anchor} .admonition-title}}"
        )
        box = self._box(page, each, heading, addition, name, county=True)
        section = self._section_of(page, markdown, each)
        lines = markdown.split("\n")
        at = section.end if section else len(lines)
        markdown = "\n".join(lines[:at] + ["", box, ""] + lines[at:])
        return markdown, [_compact(str(self.module.announcement(name, anchor, t)))]

    def _addition(self, page: Page, each: Overlay) -> str | None:
        return each.addition(page.id, page.lang) if isinstance(page, Routine) else None

    def _section_of(self, page: Page, markdown: str, each: Overlay) -> Section | None:
        wanted = placement(each, page.id, page.lang)
        return (
            next((found for found in sections(markdown) if found.anchor == wanted), None) if wanted else None
        )

    def _level(self, page: Page, markdown: str, each: Overlay) -> int:
        section = self._section_of(page, markdown, each)
        return min(section.level + 1, 6) if section else 2

    def _addition_slot(self, page: Page, markdown: str, each: Overlay) -> str:
        """The slot a municipality's addition goes into: at the end of its section, or of the page."""
        section = self._section_of(page, markdown, each)
        return f"{ADDITION}-{section.anchor}" if section else ADDITION

    def _top(self, page: Page, each: Overlay) -> list[str]:
        """What stands under the title for a municipality: the notice of its addition, its contact card."""
        t, top = self.labels(page.lang), []
        if self._addition(page, each):
            top.append(
                str(self.module.announcement(each.name(page.lang), f"{t['local_anchor']}-{each.slug}", t))
            )
        shown = card(each, page.lang, self.handbook) if shows_card(self.handbook, page) else None
        if shown:
            top.append(str(self.module.contact_card(shown, t)))
        return [_compact(part) for part in top]

    def _box(self, page: Page, each: Overlay, heading: str, addition: str, name: str, county: bool) -> str:
        return self.env.get_template("local.html").render(
            heading=heading,
            text=addition,
            municipality=name,
            source=each.file,
            t=self.labels(page.lang),
            county=county,
        )

    def night_call(self, lang: str, contacts_url: str, whose: str) -> str:
        """What follows a call to socialjouren or social services (views/night.py): the socialjour of the municipality
        the call means (``whose``), labelled so. An edition gives its own where the reader is; a call to the child's
        municipality, and every call in the county edition, shows the way to it (samverkan-edition.js fills in the
        municipality the reader chooses)."""
        t = self.labels(lang)
        own = self.own_contact(lang) if whose == HERE else None
        return _compact(
            str(
                self.module.night_call(
                    night_line(own, whose, t, contacts_url, not self.overlay.is_municipality), t
                )
            )
        )

    def own_contact(self, lang: str) -> Contact | None:
        """The edition's municipality as "Kontakter per kommun" lists it; None in the county edition."""
        if not self.overlay.is_municipality:
            return None
        return next((each for each in contacts(self.handbook, lang) if each.slug == self.overlay.slug), None)

    def banner(self, lang: str) -> Markup:
        """What the site shows above its header: the municipality's name in its edition; the county's
        edition says it is the county's, with the chooser (filled and shown by samverkan-edition.js)."""
        t = self.labels(lang)
        if self.overlay.is_municipality:
            return Markup(_compact(str(self.module.banner(self.overlay.name(lang), t))))
        # the forms the script fills with the chosen municipality: until then a number that is one (112), and hours
        forms = [NightLine(HERE, NUMBER, "", "", "112", "112", " "), NightLine(HERE, NO_NUMBER, "", "")]
        return (
            Markup(_compact(str(self.module.chooser(t, forms))))
            if contacts(self.handbook, lang)
            else Markup("")
        )

    def choices(self, lang: str) -> list[dict]:
        """The county edition's chooser: every municipality of the county, and whether it has parts to show."""
        if self.overlay.is_municipality:
            return []
        with_parts = {each.slug for each in self.municipalities()}
        return [each.choice(each.slug in with_parts) for each in contacts(self.handbook, lang)]

    def fragments(self, page: Page, listed: tuple[str, ...] = ()) -> dict[str, dict[str, Part]]:
        """Slug -> slot -> the municipality's part in that slot of the page, for every municipality
        of ``municipalities``; ``listed``: the routines a list of routines shows, each with the mark of a
        municipality that adds to it."""
        markdown, found = page.body, {}
        for each in self.municipalities():
            parts = {}
            top = self._top(page, each)
            if top:
                parts[slot_key(page, TOP)] = Part("\n".join(top))
            addition = self._addition(page, each)
            if addition:
                t = self.labels(page.lang)
                heading = Markup(
                    f'<p class="admonition-title" id="{t["local_anchor"]}-{each.slug}" role="heading" aria-level="{self._level(page, markdown, each)}">{escape(t["local_addition"])}: {escape(each.name(page.lang))}</p>'
                )
                box = self._box(page, each, heading, addition, each.name(page.lang), county=False)
                parts[slot_key(page, self._addition_slot(page, markdown, each))] = Part(box, markdown=True)
            mark = str(self.module.local_mark(self.labels(page.lang)))
            parts.update(
                {
                    slot_key(page, f"{MARK}-{routine}"): Part(mark)
                    for routine in listed
                    if routine in each.additions
                }
            )
            if parts:
                found[each.slug] = parts
        return found

    def marks(self, page: Page, listed: tuple[str, ...]) -> dict[str, list[Markup]]:
        """Routine id -> the slot after its title in a list of routines, where a municipality has an addition."""
        added = {routine for each in self.municipalities() for routine in each.additions}
        return {routine: [self._slot(page, f"{MARK}-{routine}")] for routine in listed if routine in added}

    def _slot(self, page: Page, name: str) -> Markup:
        return Markup(_compact(str(self.module.slot(slot_key(page, name)))))

    def _with_slots(self, page: Page, markdown: str, names: set[str]) -> str:
        """The Markdown with a slot for each of ``names`` (addition slots) at the end of its section, or of the page."""
        lines = markdown.split("\n")
        ends = {found.anchor: found.end for found in sections(markdown)}
        at = sorted(
            (
                (
                    ends.get(name.removeprefix(f"{ADDITION}-"), len(lines))
                    if name != ADDITION
                    else len(lines),
                    name,
                )
                for name in names
            ),
            reverse=True,
        )  # from the bottom, so that each index still holds; at one index, in the order of the names
        for index, name in at:
            lines[index:index] = ["", self._slot(page, name), ""]
        return "\n".join(lines)


def _markdown_text(text: str) -> str:
    """Plain text that Markdown shows as written: escaped HTML, and its own Markdown punctuation escaped."""
    return Markup(re.sub(r"([\\`*_{}\[\]()#!])", r"\\\1", escape(text, quote=False)))


def _compact(html: str) -> str:
    """Rendered HTML as one raw block: no blank lines, which would end it inside Markdown."""
    return "\n".join(line for line in html.split("\n") if line.strip())


def after_title(markdown: str, block: str) -> str:
    """The block right after the page's first-level heading (or at the top when it has none)."""
    lines = markdown.split("\n")
    title = next((index for index, line in enumerate(lines) if re.match(r"#[ \t]", line)), -1)
    return "\n".join(lines[: title + 1] + ["", block, ""] + lines[title + 1 :])


def url_fault(url: str) -> str | None:
    """What keeps ``url`` from being an edition's address (https, a host, a path ending in /, nothing more), or None;
    the edition uses only an address without fault, and checks/municipal.py reports the fault."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return "is not an address"
    if parts.scheme != "https" or not parts.hostname:
        return f"'{url}' is not an https:// address"
    if parts.username or parts.password or parts.query or parts.fragment or re.search(r"[\s<>\"'\\]", url):
        return f"'{url}' must be a plain address, without a user, ?query or #part"
    if not parts.path.endswith("/"):
        return f"'{url}' must end in /"
    return None
