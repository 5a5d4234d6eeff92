"""The step after any engine's build: the page passes and the site-wide outputs, over a built site.

    samverkan finish SITE [--municipality X] [--offline]

Whatever engine turned the pages into HTML (MkDocs through hooks/mkdocs_hooks.py, or Zensical from the tree of
``samverkan compile``), the page's own text, its generated view and its frame (header, footer, banner …) reach
the built page between comment markers (``marked`` and ``marked_frame``). This step finds them and, per page:
labelled task boxes, numbers that call, the night number, urgent items first and tables as cards (views/webpage), the
sanitizer on every marked part, and the municipalities' parts of the page made the same way (``parts``): a
municipality's edition puts its own into the page's slots, the county's edition keeps each municipality's for its
own script (views/municipality_parts.py); then every HTML file gets its Content-Security-Policy (views/csp.py). The
site-wide outputs follow: the export, the feeds and archived plan versions, the municipality scripts and the
search index per language. MkDocs runs it in its last event; other engines after their build.
"""

from __future__ import annotations

import functools
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from markdown import Markdown

from samverkan.content.model import Page
from samverkan.content.parts import LANGUAGES
from samverkan.content.settings import read_config
from samverkan.content.urls import page_url
from samverkan.editions import edition, overlay
from samverkan.site import export, search_index
from samverkan.views import csp, municipality_parts, paper, sanitize, webpage
from samverkan.views.render import Renderer

_PAGE_OPEN = "<!--samverkan:page {lang} {path}-->"
VIEW = "<!--samverkan:view-->"
PAGE_CLOSE = "<!--/samverkan:page-->"
_FRAME_OPEN = "<!--samverkan:frame-->"
_FRAME_CLOSE = "<!--/samverkan:frame-->"
_MARK = re.compile(
    r"<!--(?P<close>/?)samverkan:(?P<kind>page|view|frame)(?: (?P<lang>[a-z]{2}) (?P<path>[^ <>]+))?-->"
)
# the order a page's markers come in: frames before and after, one page with its view between
_SHAPE = re.compile(r"(?:FC)*(?:PVQ(?:FC)*)?")
_LETTER = {("", "frame"): "F", ("/", "frame"): "C", ("", "page"): "P", ("", "view"): "V", ("/", "page"): "Q"}


def marked(page: Page, content: str, view: str) -> str:
    """The page's own HTML and its generated view as the engine is to place them in the built page."""
    return f"{page_opening(page)}{content}{VIEW}{view}{PAGE_CLOSE}"


def page_opening(page: Page) -> str:
    """The marker before a page's own text in the built page, naming the page."""
    return _PAGE_OPEN.format(lang=page.lang, path=page.path)


def marked_frame(html: str) -> str:
    """A part of the page's frame (header, footer, banner …): sanitized in the built page; nothing stays nothing."""
    return f"{_FRAME_OPEN}{html}{_FRAME_CLOSE}" if html else html


@dataclass
class Finished:
    """What the page passes found: the sanitizer's problems, one line each, and the county's municipality parts."""

    problems: list[str] = field(default_factory=list)
    taken: municipality_parts.Collected = field(default_factory=municipality_parts.Collected)


def parts_markdown(root: str | Path):
    """Text -> HTML by Python-Markdown with the extensions the site's configuration names: a municipality's
    addition is Markdown, made here, since no page the engine renders holds it. A contact card is the same on
    every page: each text is made once."""
    extensions, configs = [], {}
    for each in read_config(Path(root) / "mkdocs.yml").get("markdown_extensions") or []:
        name, config = next(iter(each.items())) if isinstance(each, dict) else (each, None)
        extensions.append(name)
        configs[name] = config or {}
    converter = Markdown(extensions=extensions, extension_configs=configs)
    return functools.cache(lambda text: converter.reset().convert(text))


def finish(site_dir: str | Path, renderer, *, offline: bool, site_url: str, county: bool) -> list[str]:
    """Every page pass and site-wide output over the built site; the problems found, one line each.
    ``county``: the county's edition, whose pages carry every municipality's parts (taken out here)."""
    finished = pages(site_dir, renderer, county)
    outputs(site_dir, renderer, finished.taken, offline=offline, site_url=site_url, county=county)
    return finished.problems


def pages(site_dir: str | Path, renderer, county: bool) -> Finished:
    """The page passes over every HTML file of the site, handbook pages first (the order the municipality
    parts are numbered in), then every other page, which gets its policy."""
    site, finished = Path(site_dir), Finished()
    ordered = sorted(renderer.handbook.pages, key=_build_order)
    first = [site / page_file(page, renderer.directory_urls) for page in ordered]
    rest = sorted(set(site.rglob("*.html")) - set(first))
    markdown = parts_markdown(renderer.handbook.root)
    for path in [*first, *rest]:
        if path.is_file():
            html = path.read_text(encoding="utf-8")
            done = csp.with_policy(_passed(html, renderer, county, finished, markdown))
            if done != html:
                path.write_text(done, encoding="utf-8")
    return finished


def _build_order(page: Page) -> tuple:
    """Language by language, folder by folder, the index first: the order MkDocs builds them in."""
    *folders, name = page.path.split("/")
    return LANGUAGES.index(page.lang), folders, name != "index.md", name


def page_file(page: Page, directory_urls: bool) -> str:
    """Where a handbook page is built, from the site's root: Swedish at the root, English under en/."""
    url = page_url(page.path, directory_urls)
    return ("" if page.lang == LANGUAGES[0] else f"{page.lang}/") + (
        url + "index.html" if directory_urls else url
    )


def _passed(html: str, renderer, county: bool, finished: Finished, markdown) -> str:
    """``page_passes``, or, whatever they raised on an input no budget foresaw, one line naming the page, which
    keeps nothing of what was marked (as a page the model could not read is built empty)."""
    try:
        return page_passes(html, renderer, county, finished, markdown)
    except Exception as error:  # noqa: BLE001 - any error is one line naming the page, never a traceback
        marks = list(_MARK.finditer(html))
        page = _marked_page(marks, renderer)
        finished.problems.append(
            f"{page.file if page else 'the built page'}:1: the page cannot be rendered ({type(error).__name__}: "
            f"{str(error)[:200]}) — simplify the markup on this page (docs-dev/checks.md)"
        )
        return html[: marks[0].start()] + html[marks[-1].end() :] if marks else html


def _marked_page(marks: list, renderer) -> Page | None:
    """The handbook page the markers name, if any."""
    opening = next((mark for mark in marks if mark["lang"]), None)
    return renderer.handbook.at(opening["lang"], opening["path"]) if opening else None


def page_passes(html: str, renderer, county: bool, finished: Finished, markdown) -> str:
    """One built page with its marked parts made ready for readers and sanitized, the markers gone."""
    marks = list(_MARK.finditer(html))
    if not marks:
        return html
    shape = "".join(_LETTER.get((mark["close"], mark["kind"]), "?") for mark in marks)
    page = _marked_page(marks, renderer)
    if not _SHAPE.fullmatch(shape) or ("P" in shape and page is None):
        # a page's text wrote the markers itself: all between the first and the last is sanitized as one
        start, end = marks[0].start(), marks[-1].end()
        where = page.file if page else "the built page"
        finished.problems.append(
            f"{where}:1: the page's HTML holds the site's own markers (<!--samverkan:…-->) — remove them "
            "(docs-dev/checks.md)"
        )
        return html[:start] + _sanitized(html[start:end], page, finished) + html[end:]
    out, position = [], 0
    for opening, *between, closing in _regions(marks):
        out.append(html[position : opening.start()])
        if opening["kind"] == "frame":
            out.append(_sanitized(html[opening.end() : closing.start()], page, finished))
        else:
            view = between[0]
            content = html[opening.end() : view.start()]
            ready = _sanitized(
                webpage.for_readers(
                    webpage.accessible_tasklists(content), html[view.end() : closing.start()], page, renderer
                ),
                page,
                finished,
            )
            parts = _parts(page, renderer, finished, markdown)
            if county:  # each municipality's parts to its own script
                finished.taken.add(page.lang, parts)
            else:  # the edition's own, in its slots
                ready = municipality_parts.place(ready, parts.get(renderer.overlay.slug, {}))
            out.append(ready)
        position = closing.end()
    return "".join(out) + html[position:]


def _parts(page: Page, renderer, finished: Finished, markdown) -> dict[str, dict[str, str]]:
    """Slug -> slot -> a municipality's part of the page (editions/edition.py, fragments), made as the page's own
    text is: Markdown, links, numbers that call and the line after a call, the sanitizer."""

    def made(part) -> str:
        html = renderer.links(page, markdown(part.text) if part.markdown else part.text)
        html = webpage.numbers_for_readers(webpage.accessible_tasklists(html), page, renderer)
        return _sanitized(html, page, finished)

    return {
        slug: {slot: made(part) for slot, part in parts.items()}
        for slug, parts in renderer.parts(page).items()
    }


def _regions(marks: list) -> list[list]:
    """The markers grouped by region: (frame open, frame close) or (page open, view, page close)."""
    regions, current = [], []
    for mark in marks:
        current.append(mark)
        if mark["close"]:
            regions.append(current)
            current = []
    return regions


def _sanitized(html: str, page: Page | None, finished: Finished) -> str:
    """The HTML as the allowlist lets it through; each thing taken out is a problem of the file it came from."""
    cleaned, removed = sanitize.clean(html)
    for each in dict.fromkeys(removed):
        source = each.source or (page.file if page else "the built page")
        finished.problems.append(
            f"{source}:1: the page's HTML holds {each.what}, which the site does not publish — remove it (pages and "
            "additions are Markdown; see docs-dev/checks.md)"
        )
    return cleaned


def outputs(
    site_dir: str | Path,
    renderer,
    taken: municipality_parts.Collected,
    *,
    offline: bool,
    site_url: str,
    county: bool,
) -> None:
    """The site-wide outputs: the export (not in the offline copy, which is for reading), the plan-version feeds
    and archived versions, each municipality's parts and the chooser's list, one search index per language
    (the offline copy inlines one for both; its search worker picks the language)."""
    handbook = renderer.handbook
    if not offline:  # the published site's, for other systems
        export.write_files(
            Path(site_dir) / "export", export.files(handbook, site_url, renderer.directory_urls)
        )
    paper.post_build(renderer, site_dir, site_url)
    taken.write(
        site_dir, {lang: renderer.edition.choices(lang) for lang in renderer.labels} if county else {}
    )
    search_index.finish(site_dir, handbook.root, split_languages=not offline)


def run(config_file: str | Path, site: str, slug: str | None, offline: bool) -> int:
    """The command: finish a site an engine built from the tree of ``samverkan compile`` (or any site with
    the markers); every problem on its own line; exit 1 if there is one."""
    from samverkan.editions.handbook import load_site

    if not Path(site).is_dir():
        print(f"finish: {site}: no such folder — build the site first; nothing was changed", file=sys.stderr)
        return 1
    handbook = load_site(config_file)
    chosen = overlay.load(handbook.root, slug)
    if slug and not chosen.readable:
        print(f"finish: there is no municipality file for '{slug}'; nothing was changed", file=sys.stderr)
        return 1
    site_url = edition.site_url(chosen) or read_config(config_file).get("site_url") or ""
    renderer = Renderer(handbook, not offline, overlay=chosen, site_url=site_url)
    problems = finish(site, renderer, offline=offline, site_url=site_url, county=not chosen.is_municipality)
    for problem in problems:
        print(problem)
    print(f"{len(problems)} problem(s) while finishing {site}", file=sys.stderr)
    return 1 if problems else 0
