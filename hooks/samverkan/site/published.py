"""Every published file, of every type, judged for what a browser could run in it (the safety half of verify.py
reads pages; this reads the rest, and each page's frame).

A site holds the theme's files, the pages the engine writes, data, and images. A browser runs script from more
than pages: an SVG opened by itself, an XML file with an XHTML element, a script the theme never wrote, a page
copied in without its policy (an archived version is copied, not built, by the site's build). So:

- a script (a .js file, or one inline in a page's frame) is the theme's own: a .js file is, byte for byte, one of
  the theme's (Material's assets and overrides/assets, by hash), or data handed to the theme's scripts as JSON
  (the municipality parts, the offline search index); an inline script is one the theme's templates write;
- every page carries the site's policy (views/csp.py), the same the build writes for it;
- SVG, XML and PDF files hold nothing that runs; JSON is JSON, an image is the image its name says;
- an offline copy's zip is read member by member, by the same rules;
- any other type of file, and a symbolic link, is not published.
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject
from selectolax.lexbor import LexborHTMLParser

from samverkan.engine import zensical_build
from samverkan.views import csp, municipality_parts

PROJECT = Path(__file__).resolve().parents[3]
OVERRIDES = PROJECT / "overrides"  # the theme's custom_dir (mkdocs.yml)
OVERRIDES_ZENSICAL = PROJECT / "overrides-zensical"  # Zensical's (site/zensical_site.py)
PUBLISH_MARKER = ".samverkan-publish"  # publish/releases.py marks the folders it makes with it
DATA_BLOCKS = frozenset(("application/json",))  # script types a browser keeps as data and never runs
IMAGES = {
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".webp": (b"RIFF",),
    ".ico": (b"\x00\x00\x01\x00",),
}
JSON_FILES = (".json", ".map", ".webmanifest")
PLAIN_FILES = (".txt",)
UNPACKED_LIMIT = 50_000_000  # bytes a packed file may unpack to
_DATA_SCRIPT = re.compile(
    rf"\A(?:(?:{municipality_parts.LIST_FUNCTION}|{municipality_parts.PARTS_FUNCTION})\((?P<arguments>.*)\);|var __index = (?P<index>.*));?\s*",
    re.DOTALL,
)
_RUNS_IN_XML = frozenset(
    ("http://www.w3.org/1999/xhtml", "http://www.w3.org/2000/svg", "http://www.w3.org/1998/Math/MathML")
)
# a sitemap's xhtml:link only names a page
_RUNNING = frozenset(("script", "iframe", "frame", "object", "embed", "foreignobject", "base"))
# A PDF is read as a PDF reader reads it (pypdf, every object reached from the trailer), not scanned as bytes:
# its streams are compressed, so a byte scan both misses names and finds them in noise. What may run or open on
# its own is refused; a link may only go to a place in the document or to an address.
_PDF_RUNS = frozenset(
    {
        "/JS",
        "/JavaScript",
        "/Launch",
        "/OpenAction",
        "/AA",
        "/EF",
        "/EmbeddedFiles",
        "/RichMediaContent",
        "/XFA",
    }
)
_PDF_LINK_ACTIONS = frozenset({"/URI", "/GoTo"})
PDF_OBJECT_LIMIT = (
    500_000  # objects visited in one PDF: far above a 200-page plan, and a bound for a hostile one
)
_CSS_ELSEWHERE = re.compile(
    r"(?:url\(|@import)\s*+['\"]?+\s*+(?!data:)(?:[a-z][a-z0-9+.-]*:|//|\\\\)", re.IGNORECASE
)


_ANY_VALUE = (
    r"[^\"'\\<>\n]*"  # what a template's {{ value }} may be inside an inline script: any text in a string
)


class Theme:
    """What the theme itself runs: its script files by hash and its templates' inline scripts as patterns."""

    def __init__(self, folders: tuple[Path, ...]):
        self.folders = (
            folders  # the project's overrides first, then Material's templates, as MkDocs looks them up
        )
        self.script_hashes = frozenset(
            _digest(path.read_bytes())
            for folder in folders
            for path in (folder / "assets").rglob("*")
            if path.is_file()
        )
        self.inline = tuple(self._inline_patterns())

    def owns_file(self, data: bytes) -> bool:
        return _digest(data) in self.script_hashes

    def owns_inline(self, script: str) -> bool:
        return any(pattern.fullmatch(script) for pattern in self.inline)

    def _inline_patterns(self):
        """Each <script> without attributes in the templates, its includes read, each {{ value }} any text in
        a string; a script with other template logic in it is not the theme's (this site writes none)."""
        for folder in self.folders:
            for template in sorted(folder.rglob("*.html")):
                for body in _between(template.read_text(encoding="utf-8"), "<script>", "</script>"):
                    body = re.sub(
                        r"{%-?\s*include\s+\"([^\"]+)\"\s*-?%}", lambda match: self._read(match[1]), body
                    )
                    if "{%" not in body:
                        yield re.compile(
                            _ANY_VALUE.join(re.escape(part) for part in _outside(body, "{{", "}}")), re.DOTALL
                        )

    def _read(self, name: str) -> str:
        found = next((folder / name for folder in self.folders if (folder / name).is_file()), None)
        # Jinja drops a last line break
        return found.read_text(encoding="utf-8").removesuffix("\n") if found else "{% missing %}"


@functools.cache
def themes() -> tuple[Theme, ...]:
    """Material's templates with the project's overrides; and zensical-ui's with its overrides where the project
    has Zensical in its own environment (engine/zensical_build.py): a site either engine built is judged."""
    import material

    zensical = sorted(zensical_build.ENVIRONMENT.glob("lib/python*/site-packages/zensical_ui/templates"))
    material_theme = Theme((OVERRIDES, Path(material.__file__).resolve().parent / "templates"))
    return (material_theme, *(Theme((OVERRIDES_ZENSICAL, zensical[0])) for _ in zensical[:1]))


def theme_owns_file(data: bytes) -> bool:
    return any(theme.owns_file(data) for theme in themes())


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def frame_faults(tree: LexborHTMLParser) -> list[str]:
    """What a page runs that is not the theme's own, and whether it carries the site's policy."""
    faults, content = [], tree.css_first(csp.CONTENT)
    for script in tree.css("script"):
        if csp.within(script, content):
            continue  # the content holds no script at all (verify.py)
        kind, source = (script.attributes.get("type") or "").strip().lower(), script.attributes.get("src")
        if kind in DATA_BLOCKS:
            continue
        if source is not None:
            if not source.split("?")[0].split("#")[0].endswith(".js") or re.match(
                r"\A\s*+(?:[a-z][a-z0-9+.-]*+:|//|\\)", source, re.IGNORECASE
            ):
                faults.append(
                    f"the page runs {source.strip()[:80]}, which is not one of the site's script files"
                )
        elif not any(theme.owns_inline(script.text()) for theme in themes()):
            faults.append(
                f"the page runs a script that is not the theme's own: {script.text().strip()[:60]!r}"
            )
    policy = tree.css_first('head > meta[http-equiv="Content-Security-Policy" i]')
    if policy is None:
        faults.append("the page carries no Content-Security-Policy")
    elif policy.attributes.get("content") != csp.policy_of(csp.frame_scripts(tree)):
        faults.append("the page's Content-Security-Policy is not the site's")
    return faults


def file_faults(name: str, data: bytes) -> list[str]:
    """What is wrong with one published file other than a page, by its type; ``name`` is its path."""
    suffix = Path(name).suffix.lower()
    if Path(name).name == PUBLISH_MARKER:
        return []
    if suffix == ".gz":
        unpacked = gzip.GzipFile(fileobj=io.BytesIO(data)).read(UNPACKED_LIMIT + 1)
        return (
            ["unpacks to more than its limit"]
            if len(unpacked) > UNPACKED_LIMIT
            else file_faults(name[:-3], unpacked)
        )
    if suffix in (".js", ".mjs"):
        return (
            [] if theme_owns_file(data) or _data_script(data) else ["is a script that is not the theme's own"]
        )
    if suffix == ".svg":
        return _svg_faults(data)
    if suffix == ".xml":
        return _xml_faults(data)
    if suffix == ".pdf":
        return _pdf_faults(data)
    if suffix == ".css":
        return (
            ["the style sheet loads from outside the site"]
            if _CSS_ELSEWHERE.search(data.decode("utf-8", "replace"))
            else []
        )
    if suffix in JSON_FILES:
        return [] if _json(data) is not None else ["is not valid JSON"]
    if suffix in IMAGES:
        return (
            []
            if data.startswith(IMAGES[suffix])
            else [f"is not the {suffix[1:].upper()} image its name says"]
        )
    if suffix in PLAIN_FILES or theme_owns_file(data):  # what the theme ships beside its scripts (a licence)
        return []
    return [f"files of type '{suffix or Path(name).name}' are not published"]


def _data_script(data: bytes) -> bool:
    """A script that only hands JSON to the theme's scripts: the municipality parts, the offline search index."""
    match = _DATA_SCRIPT.fullmatch(data.decode("utf-8", "replace"))
    if match is None:
        return False
    return _json(f"[{match['arguments']}]" if match["arguments"] is not None else match["index"]) is not None


def _json(text: str | bytes):
    try:
        return json.loads(text)
    except ValueError:  # UnicodeDecodeError too
        return None


def _spans(text: str, start: str, end: str):
    """(begin, stop) of each ``start`` … ``end`` in the text, read once from left to right (a pattern such as
    '<script>(.*?)</script>' reads on to the end from every unclosed start: quadratic)."""
    at = 0
    while (begin := text.find(start, at)) >= 0 and (stop := text.find(end, begin + len(start))) >= 0:
        yield begin, stop
        at = stop + len(end)


def _between(text: str, start: str, end: str) -> list[str]:
    return [text[begin + len(start) : stop] for begin, stop in _spans(text, start, end)]


def _outside(text: str, start: str, end: str) -> list[str]:
    """The texts around the ones ``_between`` finds: one more than there are of those."""
    found, at = [], 0
    for begin, stop in _spans(text, start, end):
        found.append(text[at:begin])
        at = stop + len(end)
    return [*found, text[at:]]


def _pdf_faults(data: bytes) -> list[str]:
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        return _pdf_walk(reader.trailer)
    except Exception as error:  # noqa: BLE001 - whatever a damaged file raises, it is not published
        return [f"the PDF cannot be read ({type(error).__name__})"]


def _pdf_walk(root) -> list[str]:
    """The first thing in the PDF that would run or open on its own, found by walking every object once."""
    seen, pending, visited = set(), [root], 0
    while pending:
        item = pending.pop()
        if isinstance(item, IndirectObject):
            if (item.idnum, item.generation) in seen:
                continue
            seen.add((item.idnum, item.generation))
            item = item.get_object()
        visited += 1
        if visited > PDF_OBJECT_LIMIT:
            return [f"the PDF has more than {PDF_OBJECT_LIMIT} objects"]
        if isinstance(item, DictionaryObject):
            if found := _PDF_RUNS.intersection(item):
                return [f"the PDF holds {min(found)}, which runs or opens something"]
            if (
                "/Rect" in item and item.get("/Subtype", "/Link") != "/Link"
            ):  # an annotation: a link, nothing else
                return [f"the PDF holds an annotation {item['/Subtype']}; only links are allowed"]
            action = item.get("/A")
            kind = (
                action.get_object().get("/S")
                if action is not None and isinstance(action.get_object(), DictionaryObject)
                else None
            )
            if action is not None and kind not in _PDF_LINK_ACTIONS:
                return [f"the PDF holds a link action {kind or '(none)'}; only /URI and /GoTo are allowed"]
            pending.extend(item.values())
        elif isinstance(item, ArrayObject):
            pending.extend(item)
    return []


def _svg_faults(data: bytes) -> list[str]:
    """An SVG opened by itself is a document: no script, handler, embedded HTML or script address."""
    faults = []
    for node in LexborHTMLParser(data.decode("utf-8", "replace")).root.traverse(include_text=False):
        if node.tag.lower() in _RUNNING:
            faults.append(f"the SVG holds <{node.tag.lower()}>")
        for attribute, value in node.attributes.items():
            if attribute.lower().startswith("on"):
                faults.append(f"the SVG has the handler '{attribute}'")
            elif attribute.lower().endswith("href") and re.sub(
                r"[\x00-\x20]", "", value or ""
            ).lower().startswith(("javascript:", "data:")):
                faults.append("the SVG links to a script address")
    return list(dict.fromkeys(faults))


def _xml_faults(data: bytes) -> list[str]:
    """A feed or sitemap: well-formed, and no element a browser would run or render as a page."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError as error:
        return [f"is not well-formed XML ({error})"]
    for element in root.iter():
        namespace, _, local = (
            element.tag[1:].partition("}")
            if isinstance(element.tag, str) and element.tag.startswith("{")
            else ("", "", element.tag)
        )
        if namespace in _RUNS_IN_XML and str(local).lower() in _RUNNING:
            return [f"the XML holds <{local}>, which a browser would run"]
        if any(str(attribute).rpartition("}")[2].lower().startswith("on") for attribute in element.attrib):
            return ["the XML has a handler attribute, which a browser would run"]
    return ["the XML asks for a style sheet"] if b"<?xml-stylesheet" in data else []
