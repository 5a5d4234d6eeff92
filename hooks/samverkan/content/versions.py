"""Plan versions: read from the changelogs, shown on "What's new", in an Atom feed, and kept in archives.

``CHANGELOG.md`` (Swedish) and ``CHANGELOG.en.md`` (English) follow Keep a Changelog: one section
``## [X.Y] – YYYY-MM-DD`` per plan version, newest first, with ``### Tillagt`` / ``### Added`` … lists.
The **plan version** is the newest released section of CHANGELOG.md. Both files come by pull request,
so they are read as untrusted text: anything else is a one-line problem, never an exception.

An archived plan version (``samverkan archive``, archive.py) is a complete site in
``arkiv/<X.Y>/`` beside mkdocs.yml, with a manifest of its pages' versions; every build copies the
archives into the site under the same path, and links each version to the archive that holds it.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from functools import cache
from html import escape
from pathlib import Path

from samverkan.content import paths
from samverkan.content.parts import DEFAULT_LANGUAGE, LANGUAGES
from samverkan.content.problems import Problem
from samverkan.content.schema import parse_date

CHANGELOGS = {"sv": "CHANGELOG.md", "en": "CHANGELOG.en.md"}
SECTIONS = {
    "sv": ("Tillagt", "Ändrat", "Borttaget", "Rättat", "Föråldrat", "Säkerhet"),
    "en": ("Added", "Changed", "Removed", "Fixed", "Deprecated", "Security"),
}
ARCHIVE_DIR = "arkiv"  # beside mkdocs.yml, and the same path in the built site
MANIFEST = "samverkan-archive.json"
MAX_BYTES = 1_000_000

_RELEASE = re.compile(r"^## \[(?P<version>[^\]\n]*)\](?: +[–-] +(?P<date>\S+))?\s*$")
_VERSION = re.compile(r"(0|[1-9]\d{0,3})\.(0|[1-9]\d{0,3})")
_LINK_DEFINITION = re.compile(r"^\[[^\]\n]+\]: +\S+\s*$")
_HTML = re.compile(r"<[A-Za-z/!?]")
# control characters, lone surrogates
NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
# no "[" in either part: each "[" starts one look
_LINK = re.compile(r"\[(?P<text>[^\[\]\n]+)\]\((?P<url>[^)\s[]*)\)")
_INLINE = re.compile(r"\*\*(?P<strong>[^*\n]+)\*\*|\*(?P<em>[^*\n]+)\*|`(?P<code>[^`\n]+)`|" + _LINK.pattern)


@dataclass(frozen=True)
class Release:
    version: str
    date: dt.date
    line: int
    intro: tuple[str, ...] = ()  # paragraphs before the first ### heading
    sections: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (heading, its list items)

    @property
    def key(self) -> tuple[int, int]:
        return version_key(self.version)

    @property
    def anchor(self) -> str:
        return "v" + self.version


@dataclass(frozen=True)
class Changelog:
    file: str
    releases: tuple[Release, ...]  # newest first
    problems: tuple[Problem, ...]

    @property
    def current(self) -> Release | None:
        return self.releases[0] if self.releases else None

    def release(self, version: str) -> Release | None:
        return next((release for release in self.releases if release.version == version), None)


def version_key(version: str) -> tuple[int, int]:
    major, minor = version.split(".")
    return int(major), int(minor)


def is_plan_version(text: str) -> bool:
    return bool(_VERSION.fullmatch(text))


# ---- reading a changelog ----------------------------------------------------------------------------


def read(root: str | Path, lang: str) -> Changelog | None:
    """The language's changelog beside mkdocs.yml, or None when there is none (a test handbook)."""
    path = Path(root) / CHANGELOGS[lang]
    if not path.is_file():
        return None
    return _read_cached(str(path), CHANGELOGS[lang], lang, path.stat().st_mtime_ns)


@cache
def _read_cached(path: str, name: str, lang: str, _mtime: int) -> Changelog:
    data = Path(path).read_bytes()
    if len(data) > MAX_BYTES:
        return Changelog(
            name,
            (),
            (
                Problem(
                    name,
                    1,
                    f"the file is larger than {MAX_BYTES // 1000} KB",
                    "keep the changelog to what readers need",
                ),
            ),
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return Changelog(
            name,
            (),
            (Problem(name, line, "the file is not valid UTF-8", "save it again as plain UTF-8 text"),),
        )
    return parse(text, name, lang)


def parse(text: str, name: str, lang: str) -> Changelog:
    """The released versions of a changelog's text, and every problem in it, one per line at fault."""
    parser = _Parser(name, lang)
    for number, line in enumerate(text.split("\n"), start=1):
        parser.feed(number, line.rstrip("\r"))
    return parser.finish()


class _Parser:
    def __init__(self, name: str, lang: str):
        self.name, self.lang = name, lang
        self.releases: list[Release] = []
        self.problems: list[Problem] = []
        self.current: dict | None = None  # the release being read
        self.in_unreleased = False
        self.skipping = False  # inside a section whose heading was wrong: reported once, not line by line
        self.block: list[str] | None = None  # the paragraph or list item being read

    def problem(self, line: int, what: str, fix: str) -> None:
        self.problems.append(Problem(self.name, line, what, fix))

    def feed(self, number: int, line: str) -> None:
        if self.skipping and not line.startswith("## "):
            return None
        # a bad line is reported and read on (it is shown escaped), so the lines after it are not reported too
        control = NOT_IN_XML.search(line)
        if control:
            what = "a NUL byte" if control[0] == "\x00" else f"the control character U+{ord(control[0]):04X}"
            self.problem(
                number,
                f"the line contains {what}",
                "delete it (it is invisible: retype the line) and save the file again as plain UTF-8 text",
            )
        elif _HTML.search(line):
            self.problem(
                number,
                "the line contains HTML",
                "write plain text; Markdown's **bold**, *italics*, `code` and [links](https://…) are allowed",
            )
        for match in _LINK.finditer(line):
            if not re.match(r"https?://", match["url"]):
                self.problem(
                    number,
                    f"the link '{match['url'][:60]}' is not an https: address",
                    "link to an https:// address, or write the text without a link",
                )
        if line.startswith("#"):
            return self.heading(number, line)
        if self.current is None:  # the preamble, and the unreleased section: not published
            return
        self.body(number, line)

    def heading(self, number: int, line: str) -> None:
        self.block = None
        if line.startswith("# ") and not self.releases and self.current is None:
            return  # the title
        if line.startswith("## "):
            return self.release(number, line)
        if line.startswith("### ") and (self.current is not None or self.in_unreleased):
            title = line[4:].strip()
            if title not in SECTIONS[self.lang]:
                self.problem(
                    number,
                    f"'{title[:40]}' is not a changelog heading",
                    "use one of: " + ", ".join(SECTIONS[self.lang]),
                )
            if self.current is not None:
                self.current["sections"].append((title, []))
            return None
        self.problem(
            number,
            f"the heading '{line[:40]}' does not belong here",
            "a version is '## [X.Y] – YYYY-MM-DD', its parts are '### "
            + SECTIONS[self.lang][0]
            + "' and the like",
        )

    def release(self, number: int, line: str) -> None:
        self.close()
        self.skipping = False
        match = _RELEASE.match(line)
        if match and match["version"] == "Unreleased" and not match["date"]:
            self.in_unreleased = True
            if self.releases:
                self.problem(
                    number,
                    "the section [Unreleased] is below a released version",
                    "keep [Unreleased] at the top",
                )
            return
        self.in_unreleased = False
        fix = "write the heading as '## [X.Y] – YYYY-MM-DD', e.g. '## [2.1] – 2026-12-01'"
        self.skipping = True
        if not match or not match["date"]:
            return self.problem(number, f"'{line[:50]}' is not a version heading", fix)
        if not is_plan_version(match["version"]):
            return self.problem(number, f"'{match['version'][:20]}' is not a plan version", fix)
        date = parse_date(match["date"])
        if date is None:
            return self.problem(number, f"'{match['date'][:20]}' is not a date", fix)
        self.skipping = False
        self.current = {
            "version": match["version"],
            "date": date,
            "line": number,
            "intro": [],
            "sections": [],
        }

    def body(self, number: int, line: str) -> None:
        if not line.strip() or _LINK_DEFINITION.match(line):
            self.block = None
            return
        if line.startswith("- ") or line.startswith("* "):
            if not self.current["sections"]:
                return self.problem(
                    number,
                    "a list item before the first '### …' heading",
                    "put it under a heading such as '### " + SECTIONS[self.lang][0] + "'",
                )
            self.block = [line[2:].strip()]
            self.current["sections"][-1][1].append(self.block)
        elif self.block is not None and (line.startswith("  ") or not self.current["sections"]):
            self.block.append(line.strip())  # a continued list item or paragraph
        elif not self.current["sections"]:
            self.block = [line.strip()]
            self.current["intro"].append(self.block)
        else:
            self.problem(
                number,
                "text under a '### …' heading that is not a list item",
                "start the line with '- ', or indent it by two spaces to continue the item above",
            )

    def close(self) -> None:
        self.block = None
        if self.current is None:
            return
        release = Release(
            self.current["version"],
            self.current["date"],
            self.current["line"],
            tuple(" ".join(lines) for lines in self.current["intro"]),
            tuple(
                (title, tuple(" ".join(lines) for lines in items))
                for title, items in self.current["sections"]
            ),
        )
        self.current = None
        self.check_order(release)
        if not any(items for _, items in release.sections) and not release.intro:
            self.problem(
                release.line,
                f"version {release.version} says nothing",
                "list what changed for the reader under '### …' headings",
            )
        self.releases.append(release)

    def check_order(self, release: Release) -> None:
        before = self.releases[-1] if self.releases else None
        if before is None:
            return
        if release.key >= before.key:
            self.problem(
                release.line,
                f"version {release.version} is below version {before.version} (line {before.line})",
                "newest first: each version lower than the one above it, each version once",
            )
        elif release.date > before.date:
            self.problem(
                release.line,
                f"version {release.version} is dated {release.date}, after version {before.version} ({before.date})",
                "correct the date: an older version cannot be newer",
            )

    def finish(self) -> Changelog:
        self.close()
        if not self.releases and not self.problems:
            self.problem(
                1,
                "the changelog has no released version",
                "add a section '## [1.0] – YYYY-MM-DD' that says what the plan holds",
            )
        return Changelog(self.name, tuple(self.releases), tuple(self.problems))


# ---- the plan version (checks/changelogs.py compares the two changelogs) -----------------------------


def plan(root: str | Path) -> Release | None:
    """The current plan version: the newest release in CHANGELOG.md."""
    changelog = read(root, DEFAULT_LANGUAGE)
    return changelog.current if changelog else None


# ---- text -------------------------------------------------------------------------------------------


def inline_html(text: str) -> str:
    """A changelog line as HTML: escaped, with **bold**, *italics*, `code` and https links."""
    out, last = [], 0
    for match in _INLINE.finditer(text):
        out.append(escape(text[last : match.start()], quote=False))
        if match["strong"]:
            out.append(f"<strong>{escape(match['strong'], quote=False)}</strong>")
        elif match["em"]:
            out.append(f"<em>{escape(match['em'], quote=False)}</em>")
        elif match["code"]:
            out.append(f"<code>{escape(match['code'], quote=False)}</code>")
        elif re.match(r"https?://", match["url"]):
            out.append(f'<a href="{escape(match["url"])}">{escape(match["text"], quote=False)}</a>')
        else:
            out.append(escape(match[0], quote=False))
        last = match.end()
    return "".join(out) + escape(text[last:], quote=False)


# ---- archives ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Archive:
    version: str
    date: str
    pages: dict  # language -> {page path: page version}

    def holds(self, lang: str, path: str, version: str | None = None) -> bool:
        page_version = self.pages.get(lang, {}).get(path)
        return page_version is not None and (version is None or page_version == version)


def archives(root: str | Path) -> dict[str, Archive]:
    """The archived plan versions beside mkdocs.yml, by version; an unreadable manifest counts as none."""
    found = {}
    folder = Path(root) / ARCHIVE_DIR
    for manifest in (
        sorted(folder.glob(f"*/{MANIFEST}")) if folder.is_dir() and not folder.is_symlink() else ()
    ):
        if manifest.parent.is_symlink() or manifest.is_symlink():
            continue  # a link under arkiv/ would publish what it points to
        archive = _archive(manifest)
        if archive and archive.version == manifest.parent.name:
            found[archive.version] = archive
    return found


def _archive(manifest: Path) -> Archive | None:
    try:
        data = json.loads(manifest.read_text(encoding="utf-8"))
        pages = {
            lang: {str(k): str(v) for k, v in data["pages"][lang].items()}
            for lang in LANGUAGES
            if lang in data["pages"]
        }
        return (
            Archive(str(data["version"]), str(data["date"]), pages)
            if is_plan_version(str(data["version"]))
            else None
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def write_manifest(site: Path, release: Release, handbook) -> None:
    pages = {
        lang: {page.path: page.version for page in handbook.pages if page.lang == lang} for lang in LANGUAGES
    }
    (site / MANIFEST).write_text(
        json.dumps(
            {"version": release.version, "date": release.date.isoformat(), "pages": pages},
            indent=1,
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )


def archive_url(version: str) -> str:
    """An archived version's folder from the site root."""
    return f"{ARCHIVE_DIR}/{version}/"


def page_archive(
    archives_by_version: dict[str, Archive], lang: str, path: str, page_version: str
) -> str | None:
    """The newest archived plan version that holds this version of the page."""
    holding = [
        version for version, archive in archives_by_version.items() if archive.holds(lang, path, page_version)
    ]
    return max(holding, key=version_key) if holding else None


def copy_archives(root: str | Path, site_dir: str | Path) -> None:
    """Every archived version into the built site (after the build: MkDocs neither reads nor checks them)."""
    for version in archives(root):
        target = Path(site_dir) / ARCHIVE_DIR / version
        if target.exists():
            shutil.rmtree(target)
        paths.copy_without_links(Path(root) / ARCHIVE_DIR / version, target)


# ---- Atom feed ------------------------------------------------------------------------------------

ATOM = "http://www.w3.org/2005/Atom"
FEED_FILE = "feed.xml"


def atom_feed(
    changelog: Changelog,
    lang: str,
    site_url: str,
    news_url: str,
    feed_url: str,
    title: str,
    author: str,
    archived: dict,
) -> bytes:
    """An Atom feed (RFC 4287) of the plan versions; each entry links to its archive, or to "What's new".

    ``news_url`` and ``feed_url`` are absolute, or relative to the site root when there is no site_url."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": lang})
    base = site_url.rstrip("/") + "/" if site_url else ""

    def add(parent, tag, text=None, **attributes):
        element = ET.SubElement(
            parent, f"{{{ATOM}}}{tag}", {name: xml_text(value) for name, value in attributes.items()}
        )
        element.text = xml_text(text)
        return element

    add(feed, "id", base + feed_url if base else f"urn:samverkansplanen:{lang}:plan-versions")
    add(feed, "title", title)
    add(feed, "updated", _timestamp(changelog.current.date) if changelog.current else "1970-01-01T00:00:00Z")
    add(add(feed, "author"), "name", author)
    add(feed, "link", rel="self", href=base + feed_url)
    add(feed, "link", rel="alternate", type="text/html", href=base + news_url)
    for release in changelog.releases:
        entry = add(feed, "entry")
        add(
            entry,
            "id",
            f"{base}{news_url}#{release.anchor}"
            if base
            else f"urn:samverkansplanen:{lang}:plan-{release.version}",
        )
        add(entry, "title", release.version + " – " + release.date.isoformat())
        add(entry, "updated", _timestamp(release.date))
        link = (
            archive_url(release.version) + ("" if lang == DEFAULT_LANGUAGE else f"{lang}/")
            if release.version in archived
            else f"{news_url}#{release.anchor}"
        )
        add(entry, "link", rel="alternate", type="text/html", href=base + link)
        add(entry, "content", release_html(release), type="html")
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)


def xml_text(text: str | None) -> str | None:
    """The text without the characters XML 1.0 forbids (ElementTree writes them, and the feed would not parse);
    the changelog check names the line of each (``NOT_IN_XML``)."""
    return NOT_IN_XML.sub("", text) if text else text


def release_html(release: Release) -> str:
    parts = [f"<p>{inline_html(text)}</p>" for text in release.intro]
    for title, items in release.sections:
        parts.append(
            f"<h3>{escape(title)}</h3><ul>"
            + "".join(f"<li>{inline_html(item)}</li>" for item in items)
            + "</ul>"
        )
    return "".join(parts)


def _timestamp(date: dt.date) -> str:
    return date.isoformat() + "T00:00:00Z"
