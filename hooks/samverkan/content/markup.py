"""What a page body may carry besides plain Markdown: raw HTML, link targets, attribute lists.

Pages come by pull request from many organisations; none of them needs script, frames, forms or
inline styles. Two guards keep those from readers:
- ``body_problems`` reads the Markdown and names the line of anything outside a small allowlist
  (it runs in ``check`` and in the build);
- ``unsafe_html`` looks at the HTML MkDocs made of a page, in case some Markdown extension turns
  harmless-looking text into markup the first guard did not foresee.
"""

from __future__ import annotations

import html
import posixpath
import re

from samverkan.content.body import FENCE
from samverkan.content.model import Page
from samverkan.content.problems import Problem

ALLOWED_TAGS = {"div", "span", "br"}  # the start page's card grid; nothing else in the content uses HTML
ALLOWED_ATTRIBUTES = {"class", "markdown", "id"}
ALLOWED_SCHEMES = {"https", "http", "tel"}
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp")

_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`).*?(?<!`)\1(?!`)")  # closed by a run of the same length
_COMMENT = re.compile(r"<!--(?:.*?-->|(?P<unclosed>.*))")  # an unclosed one matches too, so each is read once
_AUTOLINK = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.-]*):[^\s<>]*>")
_TAG = re.compile(r"</?([a-zA-Z][\w:-]*)((?:\s[^<>]*)?)/?>")
_ATTRIBUTE = re.compile(r"([^\s=/>]+)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+))?")
# Python-Markdown takes spaces into a link's address, so the whole "(...)" is read and the title, if
# any, split off afterwards. A "[" with no "](" after it on its line matches too (without an address),
# so the line is read once, not once for every "[" in it.
_LINK = re.compile(r"(!?)\[(?:[^\]\n]|\](?!\())*(?:\]\(\s*<?([^)>\n]*)|(?=\n)|\Z)")
_REFERENCE = re.compile(r"^[ ]{0,3}\[[^\]\n]+\]:[ \t]*<?(\S+?)>?(?:\s|$)", re.MULTILINE)
_ATTR_LIST = re.compile(r"\{:?([^{}\n]*)\}")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")


def body_problems(page: Page, files: set[str]) -> list[Problem]:
    """Raw HTML, link targets and attribute lists in the page's body that readers must not get.

    ``files`` are the paths (relative to the language folder) of every file in that language."""
    problems, fenced = [], False
    for number, line in enumerate(page.body.split("\n"), page.body_line):
        if FENCE.match(line):
            fenced = not fenced
            continue
        if fenced:
            continue
        text = _COMMENT.sub(lambda comment: comment[0] if comment["unclosed"] is not None else "", _CODE_SPAN.sub("", line))
        problems += [Problem(page.file, number, what, fix) for what, fix in _line_faults(text, page.path, files)]
    return problems


def _line_faults(text: str, page_path: str, files: set[str]) -> list[tuple[str, str]]:
    faults = []
    for match in _AUTOLINK.finditer(text):
        faults += _target_faults(match[0][1:-1], page_path, files, image=False)
    for match in _TAG.finditer(_AUTOLINK.sub("", text)):
        faults += _tag_faults(match[1].lower(), match[2])
    for _, target, image in link_targets(text):
        faults += _target_faults(target, page_path, files, image)
    for match in _ATTR_LIST.finditer(text):
        if _sets_attributes(match[1].split()):
            faults.append((f"the attribute list '{match[0][:40]}' sets attributes", "use only {#anchor} or {.class} after a heading or paragraph"))
    return faults


def _sets_attributes(tokens: list[str]) -> bool:
    """An attribute list may give ids and classes only: not key=value, and not a bare word such as 'hidden'.
    Braces with a 'key: value' inside are CSS or prose, which Markdown does not read as attributes."""
    return any("=" in token for token in tokens) or (
        not any(":" in token for token in tokens) and any(not token.startswith(("#", ".")) for token in tokens))


def _tag_faults(tag: str, attributes: str) -> list[tuple[str, str]]:
    if tag not in ALLOWED_TAGS:
        return [(f"raw HTML <{tag}> is not allowed in pages", "write it in Markdown; the allowed tags are " + ", ".join(f"<{name}>" for name in sorted(ALLOWED_TAGS)))]
    names = sorted({name.lower() for name, _ in _ATTRIBUTE.findall(attributes)} - ALLOWED_ATTRIBUTES)
    if names:
        return [(f"the attribute '{names[0]}' is not allowed on <{tag}>", "use only " + ", ".join(sorted(ALLOWED_ATTRIBUTES)))]
    return []


def link_targets(text: str):
    """(offset, address, whether it is an image) of every Markdown link, image and reference definition in
    ``text``; the address is as written, with any title after it."""
    for match in _LINK.finditer(text):
        if match[2] is not None:
            yield match.start(), match[2], bool(match[1])
    for match in _REFERENCE.finditer(text):
        yield match.start(), match[1], False


def _target_faults(target: str, page_path: str, files: set[str], image: bool) -> list[tuple[str, str]]:
    scheme = scheme_of(target)
    target = target.split()[0] if target.strip() else ""
    if scheme and scheme not in ALLOWED_SCHEMES:
        return [(f"links to '{scheme}:' addresses are not allowed", "link to an https: address, a tel: number or a page")]
    if image and scheme:
        return [("the image is on another site", "put the image file in docs/ next to the page and link it by its path: readers' browsers ask no other host")]
    if scheme or not target or target.startswith("#"):
        return []
    path = posixpath.normpath(posixpath.join(posixpath.dirname(page_path), target.split("#")[0]))
    if path.endswith((".md", *IMAGE_SUFFIXES)) and path not in files:
        return [(f"the link target '{target}' does not exist", "correct the path (relative to this page), or link the page by its id: [[page-id]]")]
    return []


def scheme_of(target: str) -> str | None:
    """The address's scheme as a browser reads it: entities decoded, control characters and spaces dropped."""
    plain = re.sub(r"[\x00-\x20]", "", html.unescape(target)).lower()
    match = _SCHEME.match(plain)
    return match[1] if match else None
