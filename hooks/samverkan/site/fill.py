"""A municipality's edition filled into the county's built site: rendered once, filled many times (issue 22).

The county's build already holds every edition. Each municipality's parts (contact card, notices, additions)
are in assets/javascripts/municipalities/<slug>.<lang>.js with the slots they fill (views/municipality_parts.py),
and every page marks the places where an edition differs: the chooser above the header, each line after a call
that the county's script fills (data-sv-fill, views/night.py), each local value (data-sv-local), and what only
the county's print-out has (data-sv-county-only). An edition is that site as a reader who has chosen the municipality sees it, written
out on the server, so it also stands without JavaScript and on paper:

- the chooser becomes the edition's banner; each slot gives way to the municipality's parts, or to nothing;
- each line after a call becomes the edition's, rendered by the same template: its own socialjour and number
  where the reader is, the way to the child's municipality; each local value its own, where its file gives one;
- with its own site_url: that address wherever the county's stands, and the print-outs' QR codes made for it;
- its own export; no chooser data.

Nothing is rendered by MkDocs again, and the result is the edition built alone, byte for byte, but for the
search index (tests/site/test_fill.py): every other file is a hard link to the county's, and the search index
is the county's, so search never indexes local text. A place left unfilled is a FillFailed naming the page.
"""

from __future__ import annotations

import functools
import gzip
import os
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from samverkan.content.parts import DEFAULT_LANGUAGE, LANGUAGES
from samverkan.content.urls import language_url
from samverkan.editions import edition as editions
from samverkan.editions.overlay import Overlay, local_html
from samverkan.site import export
from samverkan.site.offline import ZIP_NAME
from samverkan.views import csp, municipality_parts, night, paper, sanitize
from samverkan.views.render import Renderer

# between blocks, a slot has a line of its own
SLOT = re.compile(r'<div class="sv-slot" data-sv-slot="([^"<>]*)"></div>(\n?)')
LOCAL = re.compile(r'<span data-sv-local="([a-z0-9_.-]+)">(.*?)</span>', re.DOTALL)  # a value holds no <span>
COUNTY_ONLY = re.compile(r'<(p|span)\b[^<>]* data-sv-county-only=""[^<>]*>.*?</\1>', re.DOTALL)
QR = re.compile(r'(?<=<figure class="sv-qr">)<svg\b.*?</svg>', re.DOTALL)
# markers no edition keeps
UNFILLED = (
    "data-sv-chooser",
    "data-sv-fill",
    "data-sv-local=",
    "data-sv-county-only",
)
ADDRESSED = (".html", ".xml")  # the files that name the site's own address (canonical links, sitemap, feed)
SITEMAP_GZ = "sitemap.xml.gz"
NOT_FOUND = "404.html"
# where Material's 404 page writes an address from the site's path: links, scripts, the scope and its config
ROOTED_IN_404 = r'(?:(?<=href=")|(?<=src=")|(?<=new URL\(")|(?<="base": ")|(?<="search": ")){}'


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
    _swaps: dict = field(default_factory=dict)

    def page(self, html: str, path: str, qr: str | None = None) -> str:
        """One built page of the county (``path`` in its site) as the edition's."""
        lang = _language(path)
        html = html.replace(*self._swap("banner", lang), 1)
        html = self._slots(html, lang)
        nights = self._nights(path, lang)
        for county, own in nights:
            html = html.replace(county, own)
        html, values = LOCAL.subn(
            lambda value: local_html(self.overlay, value[1], lang) or f"<span>{value[2]}</span>", html
        )
        if values and nights:  # a value may be the night number itself, or name the other municipality
            html = night.relined(
                html,
                lang,
                dict(zip(editions.WHOSE, (own for _, own in nights), strict=True)),
                self.county.handbook.night_numbers,
            )
        html = COUNTY_ONLY.sub("", html)
        if qr is not None:
            html = QR.sub(lambda _: qr, html, count=1)
        return self.addressed(html, path)

    def _slots(self, html: str, lang: str) -> str:
        """Each slot given way to the edition's parts for it, or, where it has none, to nothing: not even the
        slot's own line."""
        out, copied = [], 0
        for slot in SLOT.finditer(html):
            start, end = slot.span()
            parts = self.parts[lang].get(slot[1])
            if parts is not None:
                end = slot.start(2)  # the line after the slot stays
            elif not slot[2] and html[start - 1 : start] == "\n":
                start -= 1
            out += [html[copied:start], parts or ""]
            copied = end
        return "".join(out) + html[copied:]

    def _nights(self, path: str, lang: str) -> list[tuple[str, str]]:
        """The county's and the edition's line after a call, for each whose (views/night.py), on the page at ``path``."""
        page = self._pages.get(path)
        if page is None:
            return []
        return [
            self._swap("night_call", lang, self.county.contacts_url(page), whose) for whose in editions.WHOSE
        ]

    @functools.cached_property
    def _pages(self) -> dict:
        """Built page -> the handbook's page."""
        county = self.county
        return {
            language_url(page.lang, page.path, county.directory_urls)
            + ("index.html" if county.directory_urls else ""): page
            for page in county.handbook.pages
        }

    def _swap(self, part: str, *arguments: str) -> tuple[str, str]:
        """The county's and the edition's rendering of a part (EditionMarkdown.banner or .night_call) as the
        build writes them: every part of a page passes the sanitizer, which serialises it anew."""
        if (part, *arguments) not in self._swaps:
            self._swaps[part, *arguments] = tuple(
                sanitized(getattr(each, part)(*arguments)) for each in (self.county.edition, self.own)
            )
        return self._swaps[part, *arguments]

    def addressed(self, text: str, path: str = "") -> str:
        """The text with the edition's own address for the county's; in the 404 page, which is served at any
        address, every link is absolute from the address's path."""
        if not self.site_url:
            return text
        if path == NOT_FOUND:
            rooted = re.compile(ROOTED_IN_404.format(re.escape(urlsplit(self.county.site_url).path)))
            text = rooted.sub(lambda _: urlsplit(self.site_url).path, text)
            # its theme's script names the address
            return csp.with_policy(text.replace(self.county.site_url, self.site_url))
        return text.replace(self.county.site_url, self.site_url)


def sanitized(html: str) -> str:
    return sanitize.clean(html)[0]


def fill_tree(county: Renderer, county_dir: Path, edition_dir: Path, overlay: Overlay) -> None:
    """Write the edition of ``overlay`` into ``edition_dir`` from the county's built tree ``county_dir``, which
    ``county`` rendered (its site_url and directory URLs); raise FillFailed when a place is left unfilled."""
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
                _write(fill, county_dir / path, edition_dir / path, path, codes.get(path))
    if (county_dir / "export").is_dir():  # the site's, not the offline copy's
        export.write_files(
            edition_dir / "export",
            export.files(county.handbook, fill.site_url or county.site_url, county.directory_urls, overlay),
        )


def _write(fill: Fill, source: Path, target: Path, path: str, qr: str | None) -> None:
    if path.endswith(".html"):
        html = fill.page(source.read_text(encoding="utf-8"), path, qr)
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
    """Slot -> the municipality's parts in it, from the county site's script for it, as its edition shows them."""
    script = site / municipality_parts.FOLDER / f"{slug}.{lang}.js"
    if not script.is_file():
        return {}
    data = municipality_parts.read_script(script.read_text(encoding="utf-8"))
    parts = [_unwrapped(part) for part in data["parts"]]
    # as edition.after_title joins them
    return {slot: "\n\n".join(parts[index] for index in indices) for slot, indices in data["slots"].items()}


def _unwrapped(part: str) -> str:
    """A part without the hidden wrapper that kept it out of the county's pages (editions/edition.html, chosen)."""
    return part[part.index(">") + 1 : part.rindex(municipality_parts.CLOSE)].strip("\n")


def _qr_codes(fill: Fill) -> dict[str, str]:
    """Built page -> its print-out's QR code for the edition's own address; none when the address is the county's."""
    if not fill.site_url:
        return {}
    county = fill.county
    own = Renderer(county.handbook, county.directory_urls, overlay=fill.overlay, site_url=fill.site_url)
    codes = {}
    for page in county.handbook.pages:
        code = paper.frame(own, page)["qr"]
        if code:
            url = language_url(page.lang, page.path, county.directory_urls)
            codes[url + "index.html" if county.directory_urls else url] = sanitized(str(code))
    return codes
