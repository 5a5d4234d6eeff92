"""Wherever a page tells its reader to call socialjouren or social services, the number of the right municipality is there.

After every block of text (a list item, a paragraph, a table cell) with such a call, the pass puts the line for
the municipality its first call means (editions/edition.py, ``calls``): the child's, or the one where the reader
is. An edition gives its own number where the reader is; the county edition, and every call to the child's
municipality in an edition, shows the way to it (samverkan-edition.js puts in the municipality the reader
chooses). A block that already gives a socialjour's number, is marked data-sv-numbers (the contact card, the
contacts list) or data-sv-history (a change history tells what was done, nobody calls from it), or introduces a
list (it ends in ':'), is left as it is; one with only a daytime switchboard gets the night number. Runs after
call_links, so the numbers already written in the text are links. The change log and the contacts list itself
(their views, WITHOUT_LINES) get none.
"""

from __future__ import annotations

import re
from html import unescape

from samverkan.editions.edition import calls

# The elements that end one block of text and start the next; a heading's text is never followed by a number.
_BOUNDARY = re.compile(
    r"<(/?)(li|p|td|th|dd|dt|h[1-6]|ul|ol|div|section|table|tr|blockquote|details|summary|nav|figure)\b[^<>]*+>"
)
_TAG = re.compile(r"<[^<>]*+>")
_TEL = re.compile(r'href="tel:\+?(\d++)"')
MARK = "data-sv-numbers"  # on an element that gives its numbers itself
HISTORY = "data-sv-history"  # on an element that tells what was changed
WITHOUT_LINES = ("changelog", "contacts")  # the views that tell history or are the list of numbers


def calls_a_unit(text: str, lang: str) -> bool:
    """True when the text tells someone to call or contact socialjouren or social services."""
    return bool(calls(text, lang))


def night_calls(html: str, lang: str, lines: dict[str, str], night_numbers: frozenset) -> str:
    """The page's HTML with the line for whose socialjour it is (``lines``: whose -> line) after every block of
    text that calls a unit without its number."""
    if not any(word in html.casefold() for word in ("social", "out-of-hours", "kommun")):
        return html
    out, copied, start, opening = [], 0, 0, ""
    for boundary in [*_BOUNDARY.finditer(html), None]:
        end = boundary.start() if boundary else len(html)
        whose = _needs_number(html[start:end], opening, lang, night_numbers)
        if whose:
            at = start + len(html[start:end].rstrip())
            out += [html[copied:at], lines[whose]]
            copied = at
        if boundary:
            start, opening = boundary.end(), boundary[0] if not boundary[1] else ""
    return "".join(out) + html[copied:]


def relined(html: str, lang: str, lines: dict[str, str], night_numbers: frozenset) -> str:
    """The HTML with each of ``lines`` (whose -> line) where ``night_calls`` would put it now: none after a block
    that has come to give a socialjour's number since, the other whose's after a block that has come to name the
    other municipality (a local value filled into the county's page, site/fill.py)."""
    if not any(line in html for line in lines.values()):
        return html
    out, copied, start, opening = [], 0, 0, ""
    for boundary in [*_BOUNDARY.finditer(html), None]:  # a line holds no boundary: each lies in one block
        end = boundary.start() if boundary else len(html)
        found = min(
            ((at, line) for line in lines.values() if (at := html.find(line, start, end)) >= 0), default=None
        )
        if found:
            at, line = found
            whose = _needs_number(html[start:at], opening, lang, night_numbers)
            out.append(html[copied:at] + (lines[whose] if whose else ""))
            copied = at + len(line)
        if boundary:
            start, opening = boundary.end(), boundary[0] if not boundary[1] else ""
    return "".join(out) + html[copied:]


def _needs_number(run: str, opening: str, lang: str, night_numbers: frozenset) -> str | None:
    """Whose socialjour the block calls (edition.CHILD or edition.HERE) when it needs the line, else None."""
    if (
        not run.strip()
        or any(mark in run or mark in opening for mark in (MARK, HISTORY))
        or re.match(r"<h\d", opening)
    ):
        return None
    if any(_night(target, night_numbers) for target in _TEL.findall(run)):
        return None
    text = unescape(_TAG.sub("", run)).strip()
    if text.endswith(":"):  # a line ending in ':' introduces the list that follows
        return None
    found = calls(text, lang)
    return found[0] if found else None


def _night(target: str, night_numbers: frozenset) -> bool:
    national = "0" + target[2:] if target.startswith("46") else target
    return national in night_numbers
