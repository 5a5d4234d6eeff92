"""A municipality's edition filled into the county's built site: rendered once, filled many times (issue 22).

The county's build already holds every edition. Each municipality's parts (contact card, notices, additions)
are in assets/javascripts/municipalities/<slug>.<lang>.js with the slots they fill (views/municipality_parts.py),
and every page marks the places where an edition differs (PLACES): the chooser above the header, each slot, each
line after a call that the county's script fills (data-sv-fill, views/night.py), each local value
(data-sv-local), what only the county's print-out has (data-sv-county-only) and the print-out's QR code. An
edition is that site as a reader who has chosen the municipality sees it, written out on the server, so it also
stands without JavaScript and on paper:

- the chooser becomes the edition's banner; each slot gives way to the municipality's parts, or to nothing;
- each line after a call becomes the edition's, rendered by the same template: its own socialjour and number
  where the reader is, the way to the child's municipality; each local value its own, where its file gives one;
- with its own site_url: that address wherever the county's stands, and the print-outs' QR codes made for it;
- its own export; no chooser data.

The places are found by an HTML parser (lexbor), never by a pattern over the markup: each is an element, which
the page holds as the sanitizer serialised it, and so exactly as the parser serialises it again; each is then
replaced where it stands. The county's pages are parsed once for every edition (``county_places``).

Nothing is rendered by MkDocs again, and the result is the edition built alone, byte for byte, but for the
search index (tests/site/test_fill.py): every other file is a hard link to the county's, and the search index
is the county's, so search never indexes local text. A place left unfilled is a FillFailed naming the page.
"""

from __future__ import annotations

import functools
import gzip
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser

from samverkan.content.parts import DEFAULT_LANGUAGE, LANGUAGES
from samverkan.content.urls import language_url
from samverkan.editions import edition as editions
from samverkan.editions.overlay import Overlay, local_html
from samverkan.site import export
from samverkan.site.offline import ZIP_NAME
from samverkan.views import csp, municipality_parts, night, paper, sanitize
from samverkan.views.render import Renderer

# The places where an edition differs from the county's site, as the templates mark them (CSS selectors, read by
# a real HTML parse): the chooser above the header (edition.html, chooser), a slot for a municipality's part
# (edition.html, slot), a line after a call the county's script fills (edition.html, night_call), a local
# value (editions/overlay.py, fill), what only the county's print-out has (page-header.html), a print-out's QR code.
BANNER, SLOT, NIGHT, LOCAL, COUNTY_ONLY, QR = (
    "div.sv-chooser",
    municipality_parts.SLOT,
    "[data-sv-fill]",
    "[data-sv-local]",
    "[data-sv-county-only]",
    "figure.sv-qr > svg",
)
PLACES = ", ".join((BANNER, SLOT, NIGHT, LOCAL, COUNTY_ONLY, QR))
UNFILLED = (
    "data-sv-chooser",
    "data-sv-fill",
    "data-sv-local=",
    "data-sv-county-only",
)  # markers no edition keeps
ADDRESSED = (".html", ".xml")  # the files that name the site's own address (canonical links, sitemap, feed)
SITEMAP_GZ = "sitemap.xml.gz"
NOT_FOUND = "404.html"
# where Material's 404 page writes an address from the site's path: links, scripts, the scope and its config
ROOTED_IN_404 = ('href="', 'src="', 'new URL("', '"base": "', '"search": "')


@dataclass(frozen=True)
class Place:
    """One place in a county's page where an edition differs: which (one of the selectors above), its name (the
    slot's, whose line, the local value's key), and the element as the page holds it."""

    kind: str
    name: str
    markup: str
    inner: str = ""  # a local value's county text, as HTML


def places(html: str) -> list[Place]:
    """The places of a county's page, each once, outermost first (a place inside another goes with it). Every
    one stands in the page as the sanitizer serialised it, which is how the parser serialises it again."""
    found, inside = {}, set()
    for node in LexborHTMLParser(html).css(PLACES):
        if any(parent.mem_id in inside for parent in _ancestors(node)):
            continue
        inside.add(node.mem_id)
        place = _place(node)
        found.setdefault(place.markup, place)
    return list(found.values())


def _ancestors(node):
    while (node := node.parent) is not None:
        yield node


def _place(node) -> Place:
    attributes = node.attributes
    for kind, attribute in ((SLOT, "data-sv-slot"), (NIGHT, "data-sv-night"), (LOCAL, "data-sv-local")):
        if node.css_matches(kind):
            return Place(kind, attributes.get(attribute) or "", node.html, node.inner_html)
    kind = next(kind for kind in (BANNER, COUNTY_ONLY, QR) if node.css_matches(kind))
    return Place(kind, "", node.html)


class FillFailed(Exception):
    pass


@dataclass
class Fill:
    """What one edition puts into one built tree of the county's site (the online site or the offline copy)."""

    overlay: Overlay
    county: Renderer  # the county's, as it built the tree: its templates, and what its pages hold
    own: editions.EditionMarkdown
    site_url: str | None  # the edition's own address when it differs from the county's, else None
    parts: dict[str, dict[str, str]]  # lang -> slot -> the parts that fill it
    _rendered: dict = field(default_factory=dict)

    def page(
        self, html: str, path: str, qr: str | None = None, county_places: list[Place] | None = None
    ) -> str:
        """One built page of the county (``path`` in its site, its ``places`` when known) as the edition's."""
        lang, page = _language(path), self.built.get(path)
        lines = self._lines(page, lang) if page else {}
        found = {}
        for place in places(html) if county_places is None else county_places:
            if place.kind == SLOT:  # first, so that the places the parts bring are filled too
                parts = self.parts[lang].get(place.name)
                html = municipality_parts.filled_slot(html, place.markup, parts)
                found.update((each.markup, each) for each in self._places_in(parts or ""))
            else:
                found[place.markup] = place
        for place in found.values():
            html = html.replace(place.markup, self._own(place, lang, lines, qr))
        if lines and any(place.kind == LOCAL for place in found.values()):  # a value may be the night number
            html = night.relined(
                html, lang, lines, self.county.handbook.night_numbers
            )  # or name the other one
        return self.addressed(html, path)

    def _places_in(self, parts: str) -> list[Place]:
        if ("places", parts) not in self._rendered:
            self._rendered["places", parts] = places(parts) if parts else []
        return self._rendered["places", parts]

    def _own(self, place: Place, lang: str, lines: dict[str, str], qr: str | None) -> str:
        """What the edition has at a place of the county's page (a slot aside)."""
        if place.kind == BANNER:
            return self._render("banner", lang)
        if place.kind == NIGHT:
            return lines.get(
                place.name, place.markup
            )  # a line on a page of no handbook page stays, and is reported
        if place.kind == LOCAL:
            return local_html(self.overlay, place.name, lang) or f"<span>{place.inner}</span>"
        if place.kind == QR:
            return qr or place.markup
        return ""  # COUNTY_ONLY

    def _lines(self, page, lang: str) -> dict[str, str]:
        """Whose -> the edition's line after a call to that municipality, on the handbook's ``page``."""
        return {
            whose: self._render("night_call", lang, self.county.contacts_url(page), whose)
            for whose in editions.WHOSE
        }

    @functools.cached_property
    def built(self) -> dict:
        """Built page -> the handbook's page."""
        return built_pages(self.county)

    def _render(self, part: str, *arguments: str) -> str:
        """The edition's rendering of a part (EditionMarkdown.banner or .night_call) as the build writes it: every
        part of a page passes the sanitizer, which serialises it anew."""
        if (part, *arguments) not in self._rendered:
            self._rendered[part, *arguments] = sanitized(getattr(self.own, part)(*arguments))
        return self._rendered[part, *arguments]

    def addressed(self, text: str, path: str = "") -> str:
        """The text with the edition's own address for the county's; in the 404 page, which is served at any
        address, every link is absolute from the address's path."""
        if not self.site_url:
            return text
        if path == NOT_FOUND:
            county_path, own_path = urlsplit(self.county.site_url).path, urlsplit(self.site_url).path
            for before in ROOTED_IN_404:
                text = text.replace(before + county_path, before + own_path)
            return csp.with_policy(
                text.replace(self.county.site_url, self.site_url)
            )  # its theme's script names the address
        return text.replace(self.county.site_url, self.site_url)


def sanitized(html: str) -> str:
    return sanitize.clean(html)[0]


def built_pages(renderer: Renderer) -> dict:
    """The file each of the handbook's pages is built into, in the site ``renderer`` renders -> the page."""
    directory_urls = renderer.directory_urls
    return {
        language_url(page.lang, page.path, directory_urls) + ("index.html" if directory_urls else ""): page
        for page in renderer.handbook.pages
    }


def county_places(county_dir: Path) -> dict[str, list[Place]]:
    """Built page -> its places, for every page of the county's built tree: the same for every edition, so read
    once before the editions are filled (publish/editions.py)."""
    return {
        path.relative_to(county_dir).as_posix(): places(path.read_text(encoding="utf-8"))
        for path in county_dir.rglob("*.html")
    }


def fill_tree(
    county: Renderer, county_dir: Path, edition_dir: Path, overlay: Overlay, known: dict | None = None
) -> None:
    """Write the edition of ``overlay`` into ``edition_dir`` from the county's built tree ``county_dir``, which
    ``county`` rendered (its site_url and directory URLs), its places ``known`` when read already
    (``county_places``); raise FillFailed when a place is left unfilled."""
    own_url = editions.site_url(overlay)
    if own_url and not county.site_url:
        raise FillFailed(
            f"{overlay.file}: its site_url cannot be filled in, since the county's site has no address of its own to replace — "
            "give mkdocs.yml a site_url, or build this edition alone (build --municipality)"
        )
    fill = Fill(
        overlay,
        county,
        editions.EditionMarkdown(county.env, county.handbook, overlay),
        own_url if own_url != county.site_url else None,
        {lang: shown_parts(county_dir, overlay.slug, lang) for lang in LANGUAGES},
    )
    codes = _qr_codes(fill)
    skipped = {municipality_parts.FOLDER, ZIP_NAME, "export"}
    for folder, subfolders, files in os.walk(county_dir):
        relative = Path(folder).relative_to(county_dir)
        subfolders[:] = [name for name in subfolders if (relative / name).as_posix() not in skipped]
        (edition_dir / relative).mkdir(parents=True, exist_ok=True)
        for name in files:
            path = (relative / name).as_posix()
            if path not in skipped:
                _write(
                    fill,
                    county_dir / path,
                    edition_dir / path,
                    path,
                    codes.get(path),
                    (known or {}).get(path),
                )
    if (county_dir / "export").is_dir():  # the site's, not the offline copy's
        export.write_files(
            edition_dir / "export",
            export.files(county.handbook, fill.site_url or county.site_url, county.directory_urls, overlay),
        )


def _write(fill: Fill, source: Path, target: Path, path: str, qr: str | None, known: list | None) -> None:
    if path.endswith(".html"):
        html = fill.page(source.read_text(encoding="utf-8"), path, qr, known)
        left = next((marker for marker in UNFILLED if marker in html), None)
        if left:
            raise FillFailed(
                f"{path}: the county's page kept '{left}' in {fill.overlay.slug}'s edition — rebuild the county's site; if it persists, "
                "a template marks a place site/fill.py does not fill"
            )
        target.write_text(html, encoding="utf-8")
    elif fill.site_url and path.endswith(ADDRESSED):
        target.write_text(fill.addressed(source.read_text(encoding="utf-8")), encoding="utf-8")
    elif fill.site_url and path == SITEMAP_GZ:
        target.write_bytes(
            gzip.compress(
                fill.addressed(source.with_suffix("").read_text(encoding="utf-8")).encode(), mtime=0
            )
        )
    else:
        _link(source, target)


def _link(source: Path, target: Path) -> None:
    """The county's file, shared: a hard link where the file system allows one, else a copy."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _language(path: str) -> str:
    first = path.split("/", 1)[0]
    return first if first in LANGUAGES and first != DEFAULT_LANGUAGE else DEFAULT_LANGUAGE


def shown_parts(site: Path, slug: str, lang: str) -> dict[str, str]:
    """Slot -> the municipality's part in it, from the county site's script for it."""
    script = site / municipality_parts.FOLDER / f"{slug}.{lang}.js"
    if not script.is_file():
        return {}
    data = municipality_parts.read_script(script.read_text(encoding="utf-8"))
    return {
        slot: "".join(data["parts"][index] for index in indices) for slot, indices in data["slots"].items()
    }


def _qr_codes(fill: Fill) -> dict[str, str]:
    """Built page -> its print-out's QR code for the edition's own address; none when the address is the county's."""
    if not fill.site_url:
        return {}
    county = fill.county
    own = Renderer(county.handbook, county.directory_urls, overlay=fill.overlay, site_url=fill.site_url)
    codes = {path: paper.frame(own, page)["qr"] for path, page in fill.built.items()}
    return {path: sanitized(str(code)) for path, code in codes.items() if code}
