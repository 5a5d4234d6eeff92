"""Turn a page's Markdown and its derived views into what the site shows.

Markup lives in the Jinja templates under ``overrides/samverkan``; this module
only chooses a template and hands it data from ``views``.
"""

from __future__ import annotations

import re
from functools import cached_property
from html import escape
from pathlib import Path

import jinja2
from markupsafe import Markup

from samverkan.content.body import ID, MARKER
from samverkan.content.model import (
    Actor,
    Checklist,
    Handbook,
    Law,
    Page,
    PlainPage,
    Routine,
)
from samverkan.content.parts import ROLES
from samverkan.content.schema import build_day
from samverkan.content.urls import published_url, relative_url
from samverkan.editions import edition
from samverkan.editions import overlay as overlays
from samverkan.views import citations, guide, paper, views

TEMPLATES = Path(__file__).resolve().parents[3] / "overrides" / "samverkan"
SUGGEST_PAGE = "om/foresla-andring.md"  # linked as "Föreslå ändring" from every page

# Through Markdown, [[id|text]] carries its text after a separator a table cell does not split on.
TEXT_SEPARATOR = "\x1f"
_TEXT_MARKER = re.compile(rf"\[\[({ID})\|([^\[\]\n]+)\]\]")
_MARKER_IN_HTML = rf"\[\[(?P<id>{ID})(?:{TEXT_SEPARATOR}(?P<text>[^\[\]\n]+))?\]\]"
_HTML_MARKER = re.compile(_MARKER_IN_HTML + "(?P<code>)")
# the same, also matching whole code elements (kept as written); slower, so only for pages with code
# unclosed: the rest
_HTML_MARKER_OR_CODE = re.compile(rf"(?P<code>(?s:<(pre|code)\b(?:.*?</\2>|.*)))|{_MARKER_IN_HTML}")
_LINE_END = re.compile(r"(?<![ \t])[ \t]*+(?:</li>|</p>|</label>|\n|$)")


class Renderer:
    def __init__(
        self,
        handbook: Handbook,
        directory_urls: bool = True,
        templates: Path = TEMPLATES,
        overlay: overlays.Overlay | None = None,
        site_url: str = "",
        download: str | None = None,
        fillable: bool = False,
        plan_pdf: bool = False,
        example_edition: bool = False,
        old_after_days: int | None = None,
    ):
        self.handbook = handbook
        # one day for the whole build: every page says it, and whether a review is overdue
        self.built = build_day()
        self.old_after_days = (
            old_after_days  # the offline copy's pages say it is old this many days after it was built
        )
        self.fillable = fillable  # the county's site, into which editions are filled (site/fill.py): its local values keyed
        self.site_url = site_url  # where the site is published, for the address on print-outs
        self.download = (
            download  # the offline copy's zip at the site's root, when the site carries one (site/offline.py)
        )
        self.plan_pdf = plan_pdf  # the site carries the whole plan as PDF (site/plan_pdf.py), linked from the adoption and news pages
        self.example_edition = (
            example_edition  # the county's site carries the example edition (publish/example.py)
        )
        self.overlay = overlay or overlays.Overlay(overlays.COUNTY, "")  # the edition's local values
        self.directory_urls = directory_urls
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(templates), autoescape=True, trim_blocks=True, lstrip_blocks=True
        )
        self.env.globals["county"] = handbook.county  # the county's name in the labels
        self.labels = self.env.get_template("labels.html").module.labels
        # name, contact card, additions in place
        self.edition = edition.EditionMarkdown(self.env, handbook, self.overlay)

    @cached_property
    def _abbreviations(self) -> dict[str, str]:
        return {lang: views.abbreviations(self.handbook, lang) for lang in self.labels}

    def markdown(self, page: Page, markdown: str) -> str:
        """The page's Markdown with local values filled in, its local addition, and abbreviation tooltips.

        [[id]] markers go through Markdown as plain text and become links in the HTML (``links``):
        a link written into the Markdown would cost Markdown's HTML parser and MkDocs' link lookup on
        every page, for targets the model has already checked."""
        text = self.edition(
            page, self.cite(page, overlays.fill(self.overlay, page.lang, markdown, self.fillable))
        )
        if getattr(page, "view", None) == "adoption":
            text = self._adoption_material(page, text)
        return self._marked(page, text)

    def parts(self, page: Page) -> dict[str, dict[str, edition.Part]]:
        """Slug -> slot -> a municipality's part of the page (edition.EditionMarkdown.fragments); one in Markdown
        with its markers and abbreviations as the page's own Markdown has them."""
        return {
            slug: {
                slot: part._replace(text=self._marked(page, part.text)) if part.markdown else part
                for slot, part in parts.items()
            }
            for slug, parts in self.edition.fragments(page, self._listed(page)).items()
        }

    def _listed(self, page: Page) -> tuple[str, ...]:
        """The ids of the pages a list of pages shows; none on any other page."""
        if not (isinstance(page, PlainPage) and page.view in views.LISTED_TYPES):
            return ()
        return tuple(
            listed.id for listed in views.listing(self.handbook, page.lang, views.LISTED_TYPES[page.view])
        )

    def _marked(self, page: Page, text: str) -> str:
        """Markdown with each [[id|text]] marker kept through Markdown (``links``) and the abbreviations it uses."""
        text = _TEXT_MARKER.sub(lambda m: f"[[{m[1]}{TEXT_SEPARATOR}{m[2]}]]", text)
        # only the abbreviations the page uses: the abbr extension makes a pass over the page for each
        used = sorted(
            (abbr, meaning) for abbr, meaning in self._abbreviations[page.lang].items() if abbr in text
        )
        return "\n".join([text, ""] + [f"*[{abbr}]: {meaning}" for abbr, meaning in used])

    def _adoption_material(self, page: Page, markdown: str) -> str:
        """The adoption page with what a municipality takes to its board under its title: the plan as PDF and the
        example edition, where the site carries them."""
        material = {"plan_pdf": paper.plan_pdf_link(self, page), "example": paper.example_link(self, page)}
        if not any(material.values()):
            return markdown
        html = self.env.get_template("adoption-material.html").render(t=self.labels[page.lang], **material)
        return edition.after_title(markdown, "\n".join(line for line in html.split("\n") if line.strip()))

    def links(self, page: Page, html: str) -> str:
        """The page's HTML with each [[id]] marker as a link; one at the end of a line names the
        responsible actor (class sv-actor). Code is left as written."""

        def link(match) -> str:
            if match["code"]:
                return match["code"].replace(TEXT_SEPARATOR, "|")
            target = self.handbook.get(page.lang, match["id"])
            if target is None:  # left as written; the checks report it
                return match[0].replace(TEXT_SEPARATOR, "|")
            url = relative_url(page.path, target.path, self.directory_urls)
            if match["text"]:
                return f'<a href="{url}">{match["text"]}</a>'
            actor = ' class="sv-actor"' if _LINE_END.match(html, match.end()) else ""
            return f'<a{actor} href="{url}">{escape(target.title, quote=False)}</a>'

        if "[[" not in html:
            return html
        return (_HTML_MARKER_OR_CODE if "<code" in html else _HTML_MARKER).sub(link, html)

    def all_page_parts(self) -> dict[tuple[str, str], tuple[str, dict[str, Markup]]]:
        """(language, path) -> (generated_html, page_frame), for every page."""
        return {
            (page.lang, page.path): (self.generated_html(page), self.page_frame(page))
            for page in self.handbook.pages
        }

    def generated_html(self, page: Page) -> str:
        """What the model adds after the page's own text: its view and change history.

        Added to the HTML, not the Markdown, so Markdown never re-parses generated markup."""
        return "\n".join(
            part for part in (self.view_html(page), self.history_html(page), self.notes_html(page)) if part
        )

    def plain(self, lang: str, text: str) -> str:
        """Text with [[id]] markers replaced by the words a reader sees: the custom text or the page title."""

        def words(match):
            target = self.handbook.get(lang, match[1])
            return match[2] or (target.title if target else match[1])

        return MARKER.sub(words, text)

    def view_html(self, page: Page) -> str:
        context = self._view_context(page)
        if context is None:
            return ""
        template, data = context
        html = self.env.get_template(template).render(
            page=page,
            t=self.labels[page.lang],
            url=lambda target: relative_url(page.path, target.path, self.directory_urls),
            plain=lambda text: self.plain(page.lang, text),
            **data,
        )
        return "\n".join(line for line in html.split("\n") if line.strip())

    def cite(self, page: Page, markdown: str) -> str:
        """Each citation of a listed section as a link to its row on the law page, followed by the number
        of its note (notes_html), which holds the section's summary; see citations.html."""
        notes = self._notes(page)
        if not notes:
            return markdown
        cited = self.env.get_template("citations.html").module.cited
        parts, last, seen = [], 0, {}
        for citation in citations.recogniser(self.handbook, page.lang).find(markdown):
            listed = [notes[citation.law.id, ref] for ref in citation.refs if (citation.law.id, ref) in notes]
            if not listed or _in_link_or_heading(markdown, citation.start):
                continue
            refs = []
            for note in listed:
                seen[note.number] = seen.get(note.number, 0) + 1
                refs.append(
                    (
                        note.number,
                        f"cite-ref-{note.number}"
                        + (f"-{seen[note.number]}" if seen[note.number] > 1 else ""),
                    )
                )
            parts += [
                markdown[last : citation.start],
                str(
                    cited(
                        listed[0].url, markdown[citation.start : citation.end], refs, self.labels[page.lang]
                    )
                ),
            ]
            last = citation.end
        return "".join(parts) + markdown[last:]

    def notes_html(self, page: Page) -> str:
        """The summaries of the sections the page cites, numbered as in the text."""
        notes = sorted(self._notes(page).values(), key=lambda note: note.number)
        html = self.env.get_template("citations.html").render(
            notes=notes, t=self.labels[page.lang], plain=lambda text: self.plain(page.lang, text)
        )
        return "\n".join(line for line in html.split("\n") if line.strip())

    def _notes(self, page: Page) -> dict:
        return citations.notes(
            self.handbook, page, lambda law: relative_url(page.path, law.path, self.directory_urls)
        )

    def history_html(self, page: Page) -> str:
        """A routine's change history from its front matter, newest first."""
        if not isinstance(page, Routine) or not page.history:
            return ""
        entries = sorted(page.history, key=lambda entry: entry.date, reverse=True)
        html = self.env.get_template("history.html").render(
            t=self.labels[page.lang], entries=entries, archived=paper.history_links(self, page)
        )
        return "\n".join(line for line in html.split("\n") if line.strip())

    def _view_context(self, page: Page):
        hb = self.handbook
        if isinstance(page, Actor):
            return "actor.html", {"roles": views.actor_roles(hb, page), "groups": views.actor_items(hb, page)}
        if isinstance(page, Law):
            return "law.html", {
                "sections": citations.section_rows(hb, page),
                "cites": views.citing_pages(hb, page),
                "replaces": views.replaced_laws(hb, page),
                "successor": page.replaced_by and hb.get(page.lang, page.replaced_by.id),
            }
        if isinstance(page, PlainPage) and page.view == "guide":
            return "guide.html", {"situations": guide.situations(hb, page.lang)}
        if isinstance(page, PlainPage) and page.view == "matrix":
            return "matrix.html", {"matrix": views.matrix(hb, page.lang), "roles": ROLES}
        if isinstance(page, PlainPage) and page.view == "adoption":
            return "adoption.html", {
                "rows": hb.adoption,
                "adopted": sum(row.adopted for row in hb.adoption),
                "mailbox": hb.working_group,
            }
        if isinstance(page, PlainPage) and page.view == "changelog":
            return "changelog.html", paper.news(self, page)
        if isinstance(page, PlainPage) and page.view == "contacts":
            return "contacts.html", {"contacts": edition.contacts(hb, page.lang)}
        if isinstance(page, PlainPage) and page.view == "glossary":
            return "glossary.html", {"terms": views.glossary(hb, page.lang)}
        if isinstance(page, PlainPage) and page.view in views.LISTED_TYPES:
            return "listing.html", {
                "pages": views.listing(hb, page.lang, views.LISTED_TYPES[page.view]),
                "local": self.edition.marks(page, self._listed(page)),
            }
        return None

    def night_lines(self, page: Page) -> dict[str, str]:
        """Whose -> what follows a call to that municipality's socialjour on the page (views/night.py), linking
        "Kontakter per kommun"."""
        return {
            whose: self.edition.night_call(page.lang, self.contacts_url(page), whose)
            for whose in edition.WHOSE
        }

    def contacts_url(self, page: Page) -> str:
        """The address of "Kontakter per kommun" from the page."""
        contacts = self.handbook.memo(
            ("contacts-page", page.lang),
            lambda: next(
                (p for p in self.handbook.of_type(page.lang, PlainPage) if p.view == "contacts"), None
            ),
        )
        return relative_url(page.path, contacts.path, self.directory_urls) if contacts else ""

    def page_frame(self, page: Page) -> dict[str, Markup]:
        """The page's header (type, version, review dates, owner, review notice, print button) and
        footer (address on paper, "suggest a change"), from page-header.html and page-footer.html.

        Rendered here with a small context: as includes in Material's templates, each of them cost
        as much as a page's whole Markdown conversion."""
        context = {
            "m": self.page_meta(page),
            "t": self.labels[page.lang],
            "address": self.address(page),
            **paper.frame(self, page),
        }
        parts = {
            part: Markup(self.env.get_template(f"page-{part}.html").render(context))
            for part in ("header", "footer")
        }
        emergency = (
            Markup(self.env.get_template("emergency.html").render(t=self.labels[page.lang]))
            if page.id == edition.START_PAGE
            else Markup("")
        )
        return parts | {
            "banner": self.edition.banner(page.lang),
            "emergency": emergency,
            "search_help": self.search_help(page),
        }

    def search_help(self, page: Page) -> Markup:
        """What search shows when nothing is found: the guide's situations, linked from this page, and 112."""
        situations = [
            (relative_url(page.path, s.routine.path, self.directory_urls), s.routine.title)
            for s in guide.situations(self.handbook, page.lang)
        ]
        t = self.labels[page.lang]
        return Markup(self.env.get_template("search-help.html").render(t=t, situations=situations))

    def address(self, page: Page) -> str:
        """The page's published address (MkDocs' canonical URL), or '' when the site has no site_url."""
        return (
            published_url(self.site_url, page.lang, page.path, self.directory_urls) if self.site_url else ""
        )

    def page_meta(self, page: Page) -> dict:
        """What the page header shows: type, version, review dates and owner, in the page's language."""
        owner = self.handbook.get(page.lang, page.owner.id)
        return {
            "type": page.type,
            "type_label": self.labels[page.lang]["types"][page.type],
            "version": page.version,
            "reviewed": page.reviewed.isoformat(),
            "next_review": page.next_review.isoformat(),
            "owner": owner.title if owner else page.owner.id,
            "untranslated": page.untranslated,
            "suggest_url": self._suggest_url(page),
            # "Vad gör jag nu?" in every header
            "guide_url": guide.url_from(self.handbook, page, self.directory_urls),
            "overdue": page.next_review < self.built,
            "routine": self._routine_link(page),
            "printable": isinstance(page, (Checklist, Actor)),  # checklists and actor pages (print packs)
            "start": page.id == edition.START_PAGE,
            "download": paper.to_site_root(page, self.directory_urls) + self.download
            if self.download
            else None,
        }

    def _suggest_url(self, page: Page) -> str | None:
        """Link to the page that explains how to propose a change, when the handbook has it."""
        return (
            relative_url(page.path, SUGGEST_PAGE, self.directory_urls)
            if self.handbook.at(page.lang, SUGGEST_PAGE)
            else None
        )

    def _routine_link(self, page: Page) -> tuple[str, str] | None:
        """(title, relative URL) of a checklist's routine, for its header and print-out."""
        routine = (
            self.handbook.get(page.lang, page.routine.id)
            if isinstance(page, Checklist) and page.routine
            else None
        )
        return (
            (routine.title, relative_url(page.path, routine.path, self.directory_urls)) if routine else None
        )


def _in_link_or_heading(markdown: str, offset: int) -> bool:
    """True inside a heading, or inside the text of a link or [[marker]], where a citation cannot become a link."""
    line_start = markdown.rfind("\n", 0, offset) + 1
    before = markdown[line_start:offset]
    return before.lstrip().startswith("#") or before.rfind("[") > before.rfind("]")
