"""What a page body may carry besides plain Markdown: raw HTML, link targets, attribute lists.

Pages come by pull request from many organisations; none of them needs script, frames, forms or
inline styles. ``body_problems`` names the line of anything outside a small allowlist, so that an author
learns it from ``check``. It is the first line of defence, not the last: the sanitizer (views/sanitize.py)
and the verifier of the built site (site/verify.py) judge the HTML the reader gets.

Raw HTML is read by an HTML5 parser (Lexbor), not a pattern, over the whole body at once: a quoted '>',
a '/' between attributes or a tag over two lines is read as a browser reads it, in linear time. Comments end where
HTML5 ends them ('<!-->' is a whole comment), not where Markdown does.
"""

from __future__ import annotations

import bisect
import html
import posixpath
import re

from selectolax.lexbor import LexborHTMLParser

from samverkan.content.body import FENCE
from samverkan.content.load import IMAGE_SUFFIXES
from samverkan.content.model import Page
from samverkan.content.phone import address_fault, tel_link_fault
from samverkan.content.problems import Problem

ALLOWED_TAGS = {"div", "span", "br"}  # the start page's card grid; nothing else in the content uses HTML
ALLOWED_ATTRIBUTES = {"class", "markdown", "id"}
# What Python-Markdown and the site's extensions write by themselves, each tag with the attributes it gives: a
# rendered page holds these, and the allowed tags with the allowed attributes, nothing else.
MARKDOWN_WRITES = {
    **dict.fromkeys(
        (
            "p",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "ul",
            "li",
            "em",
            "strong",
            "code",
            "pre",
            "blockquote",
            "hr",
            "table",
            "thead",
            "tbody",
            "tr",
            "th",
            "td",
        ),
        frozenset(),
    ),
    "a": frozenset({"href", "title"}),
    "img": frozenset({"src", "alt", "title"}),
    "abbr": frozenset({"title"}),
    "ol": frozenset({"start"}),
    "input": frozenset({"type", "disabled", "checked"}),  # a task list's box
}
# Only an attribute list other than a bare {#anchor}, or raw HTML, can make more than Markdown writes by itself
_MAY_MAKE_MORE = re.compile(r"\{(?!#[a-z0-9-]+\})|<")
ALLOWED_SCHEMES = {"https", "http", "tel"}

# Closed by a run of the same length; a backtick after a backslash is a plain backtick and opens nothing.
_CODE_SPAN = re.compile(r"(?<![`\\])(`+)(?!`).*?(?<!`)\1(?!`)")
_COMMENT_END = re.compile(r"--!?>")
_AUTOLINK = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.-]*):[^\s<>]*>")
# Python-Markdown takes spaces into a link's address, so the whole "(...)" is read and the title, if
# any, split off afterwards. A "[" with no "](" after it on its line matches too (without an address),
# so the line is read once, not once for every "[" in it.
_LINK = re.compile(r"(!?)\[(?:[^\]\n]|\](?!\())*(?:\]\(\s*<?([^)>\n]*)|(?=\n)|\Z)")
_REFERENCE = re.compile(r"^[ ]{0,3}\[[^\]\n]+\]:[ \t]*<?(\S+?)>?(?:\s|$)", re.MULTILINE)
_ATTR_LIST = re.compile(r"\{:?([^{}\n]*)\}")
# a paragraph's attribute list, on a line of its own
_BLOCK_ATTRIBUTES = re.compile(r"\A[ \t]*+\{:?[ \t]*+[#.][^{}\n]*+\}[ \t]*+\Z")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")
_TEL_LINK = re.compile(r"\[(?P<shown>[^\[\]\n]*+)\]\(\s*+(?:<\s*+)?tel:(?P<target>[^)>\s]*+)", re.IGNORECASE)


def body_problems(page: Page, files: set[str]) -> list[Problem]:
    """Raw HTML, link targets and attribute lists in the page's body that readers must not get.

    ``files`` are the paths (relative to the language folder) of every file in that language."""
    text = _without_comments("\n".join(_outside_code(page.body)))
    found = _html_faults(_AUTOLINK.sub(_blank, text))
    lines = text.split("\n")
    for line, written in enumerate(lines, 1):
        found += [(line, what, fix) for what, fix in _line_faults(written, page.path, files)]
        if _BLOCK_ATTRIBUTES.fullmatch(written) and line < len(lines) and lines[line].strip():
            found.append(
                (
                    line,
                    f"the attribute list '{written.strip()[:40]}' is in the middle of a paragraph, where readers see it as written",
                    "put it on the paragraph's last line by itself, with a blank line after it",
                )
            )
    return [
        Problem(page.file, page.body_line + line - 1, what, fix)
        for line, what, fix in sorted(found, key=lambda fault: fault[0])
    ]


def _outside_code(body: str) -> list[str]:
    """The body's lines with fenced blocks and code spans blanked: code shows markup as text."""
    lines, fenced = [], False
    for line in body.split("\n"):
        if FENCE.match(line):
            fenced = not fenced
            line = ""
        lines.append("" if fenced else _CODE_SPAN.sub("", line))
    return lines


def _blank(match) -> str:
    """The matched text as spaces, its line breaks kept, so that what follows keeps its line."""
    return _spaces(match[0])


def _spaces(text: str) -> str:
    return re.sub(r"[^\n]", " ", text)


def _without_comments(text: str) -> str:
    """Comments blanked where HTML5 ends them: '<!-->' and '<!--->' at once, else at the first '-->' or
    '--!>'. An unclosed one is left as text, so that what follows it is still read."""
    kept, start = [], 0
    while (opening := text.find("<!--", start)) >= 0:
        inside = opening + 4
        end = next((inside + len(short) for short in (">", "->") if text.startswith(short, inside)), None)
        if end is None:
            closing = _COMMENT_END.search(text, inside)
            if closing is None:
                break
            end = closing.end()
        kept += [text[start:opening], _spaces(text[opening:end])]
        start = end
    return "".join(kept) + text[start:]


def _line_faults(text: str, page_path: str, files: set[str]) -> list[tuple[str, str]]:
    faults = []
    for match in _AUTOLINK.finditer(text):
        faults += _target_faults(match[0][1:-1], page_path, files, image=False)
    for _, target, image in link_targets(text):
        faults += _target_faults(target, page_path, files, image)
    return faults + [(what, fix) for _, what, fix in attribute_list_faults(text)]


def attribute_list_faults(text: str):
    """(offset, what, fix) of each attribute list that does more than give an anchor or a class."""
    for match in _ATTR_LIST.finditer(text):
        tokens = match[1].split()
        theme_id = next((token for token in tokens if token.startswith("#__")), None)
        if theme_id:
            yield (
                match.start(),
                f"the anchor '{theme_id}' is one of the theme's ids",
                "choose an anchor that does not start with __",
            )
        elif _sets_attributes(tokens):
            yield (
                match.start(),
                f"the attribute list '{match[0][:40]}' sets attributes",
                "use only {#anchor} or {.class} after a heading or paragraph",
            )


def _sets_attributes(tokens: list[str]) -> bool:
    """An attribute list may give ids and classes only: not key=value, and not a bare word such as 'hidden'.
    Braces with a 'key: value' inside are CSS or prose, which Markdown does not read as attributes."""
    return any("=" in token for token in tokens) or (
        not any(":" in token for token in tokens)
        and any(not token.startswith(("#", ".")) for token in tokens)
    )


def _html_faults(text: str) -> list[tuple[int, str, str]]:
    """(line, what, fix) of each element written in the text that is not allowed, as an HTML5 parser reads
    it. The parser gives no positions: an element's line is that of the next '<tag' written after the one
    before it, so elements the parser adds by itself (html, body, tbody) are never reported."""
    if "<" not in text:
        return []
    written, after, found = text.lower(), {}, []
    line_starts = [0, *(match.end() for match in re.finditer("\n", text))]
    for node in LexborHTMLParser(text).root.traverse(include_text=False):
        at = (
            written.find("<" + node.tag, after.get(node.tag, 0))
            if node.tag and not node.tag.startswith("-")
            else -1
        )
        # none left: the next search of this tag is at once
        after[node.tag] = at + 1 if at >= 0 else len(text)
        if at < 0:
            continue
        found += [
            (bisect.bisect(line_starts, at), what, fix)
            for what, fix in _tag_faults(node.tag, list(node.attributes.items()))
        ]
    return list(dict.fromkeys(found))


def rendered_problems(page: Page, render) -> list[Problem]:
    """The page held to its own rules as Markdown renders it (``render``: Markdown to HTML, as the site
    configures it): only the tags and attributes that Markdown writes and that the page may write itself. What
    the source checks read differently from Markdown (an attribute list, a code span, a fence) is caught here;
    each fault at the first line whose rendering shows it."""
    if not _MAY_MAKE_MORE.search(page.body):
        return []
    lines = page.body.split("\n")
    faults = rendered_faults(render(page.body))
    return [
        Problem(page.file, page.body_line + _first_showing(lines, render, fault) - 1, *fault)
        for fault in faults
    ]


def rendered_faults(html: str) -> list[tuple[str, str]]:
    """(what, fix) of each element of a page's rendered HTML outside the page rules, each once."""
    body = LexborHTMLParser(f"<body>{html}</body>").body
    found = []
    for node in body.traverse(include_text=False) if body else ():
        if node.tag and node.tag != "body" and not node.tag.startswith("-"):
            found += _tag_faults(node.tag, list(node.attributes.items()), MARKDOWN_WRITES.get(node.tag))
    return list(dict.fromkeys(found))


def _first_showing(lines: list[str], render, fault: tuple[str, str]) -> int:
    """The first line (from 1) such that the body up to it, rendered, shows the fault: a binary search, so a
    page with a fault is rendered a few times more, one without it never."""
    low, high = 1, len(lines)
    while low < high:
        middle = (low + high) // 2
        if fault in rendered_faults(render("\n".join(lines[:middle]))):
            high = middle
        else:
            low = middle + 1
    return low


def _tag_faults(
    tag: str, attributes: list[tuple[str, str | None]], written: frozenset | None = None
) -> list[tuple[str, str]]:
    """What is wrong with one element: raw HTML (``written`` None) or what Markdown rendered (``written``:
    the attributes Markdown gives the tag itself)."""
    if tag not in ALLOWED_TAGS and written is None:
        return [
            (
                f"raw HTML <{tag}> is not allowed in pages",
                "write it in Markdown; the allowed tags are "
                + ", ".join(f"<{name}>" for name in sorted(ALLOWED_TAGS)),
            )
        ]
    names = sorted({name for name, _ in attributes} - ALLOWED_ATTRIBUTES - (written or frozenset()))
    if names:
        rendered = "" if written is None else " (an attribute list gives only {#anchor} and {.class})"
        return [
            (
                f"the attribute '{names[0]}' is not allowed on <{tag}>",
                "use only " + ", ".join(sorted(ALLOWED_ATTRIBUTES)) + rendered,
            )
        ]
    theme_id = next(
        (value for name, value in attributes if name == "id" and (value or "").startswith("__")), None
    )
    if theme_id:
        return [
            (
                f"the id '{theme_id[:40]}' on <{tag}> is one of the theme's ids",
                "choose an id that does not start with __",
            )
        ]
    return []


def link_targets(text: str):
    """(offset, address, whether it is an image) of every Markdown link, image and reference definition in
    ``text``; the address is as written, with any title after it."""
    for match in _LINK.finditer(text):
        if match[2] is not None:
            yield match.start(), match[2], bool(match[1])
    for match in _REFERENCE.finditer(text):
        yield match.start(), match[1], False


def phone_link_faults(body: str, public_numbers: frozenset) -> list[tuple[int, str]]:
    """(line in the body, what is wrong) of each Markdown link outside code that reaches a phone wrongly
    (content/phone.py): a tel: link that does not dial, in digits 0-9, the declared public number its text shows;
    another address that carries a mobile. The verifier judges the built links too."""
    found = []
    for line, written in enumerate(_outside_code(body), 1):
        for match in _TEL_LINK.finditer(written):
            fault = tel_link_fault(
                html.unescape(match["target"]), html.unescape(match["shown"]), public_numbers
            )
            found += [(line, fault)] if fault else []
        for _, target, _ in link_targets(written):
            fault = (
                None if scheme_of(target) == "tel" else address_fault(html.unescape(target), public_numbers)
            )
            found += [(line, fault)] if fault else []
    return found


def _target_faults(target: str, page_path: str, files: set[str], image: bool) -> list[tuple[str, str]]:
    scheme = scheme_of(target)
    target = target.split()[0] if target.strip() else ""
    if scheme and scheme not in ALLOWED_SCHEMES:
        return [
            (
                f"links to '{scheme}:' addresses are not allowed",
                "link to an https: address, a tel: number or a page",
            )
        ]
    if image and (scheme or _network_path(target)):
        return [
            (
                "the image is on another site",
                "put the image file in docs/ next to the page and link it by its path: readers' browsers ask no other host",
            )
        ]
    if scheme or not target or target.startswith("#"):
        return []
    path = posixpath.normpath(posixpath.join(posixpath.dirname(page_path), target.split("#")[0]))
    if path.endswith((".md", *IMAGE_SUFFIXES)) and path not in files:
        return [
            (
                f"the link target '{target}' does not exist",
                "correct the path (relative to this page), or link the page by its id: [[page-id]]",
            )
        ]
    return []


def _network_path(target: str) -> bool:
    """'//host/x' (or '\\\\host\\x'): no scheme, but another host all the same."""
    return re.sub(r"[\x00-\x20]", "", html.unescape(target)).replace("\\", "/").startswith("//")


def scheme_of(target: str) -> str | None:
    """The address's scheme as a browser reads it: entities decoded, control characters and spaces dropped."""
    plain = re.sub(r"[\x00-\x20]", "", html.unescape(target)).lower()
    match = _SCHEME.match(plain)
    return match[1] if match else None
