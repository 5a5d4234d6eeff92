"""Wherever a page tells its reader to call socialjouren or social services, the number is there.

After every block of text (a list item, a paragraph, a table cell) with such a call, the pass puts the
edition's night number as a tap-to-call link, or, in the county edition, "välj kommun" with a link to the
contacts list (samverkan-edition.js puts in the chosen municipality's number), with 112 for danger. A block
that already gives a socialjour's number, is marked data-sv-numbers (the contact card, the contacts list) or
introduces a list (it ends in ':'), is left as it is; one with only a daytime switchboard gets the night number. Runs after call_links, so the numbers already written in the text are links.
"""

from __future__ import annotations

import re
from html import unescape

from samverkan.editions.edition import CALLS_A_UNIT

# The elements that end one block of text and start the next; a heading's text is never followed by a number.
_BOUNDARY = re.compile(r"<(/?)(li|p|td|th|dd|dt|h[1-6]|ul|ol|div|section|table|tr|blockquote|details|summary|nav|figure)\b[^<>]*+>")
_TAG = re.compile(r"<[^<>]*+>")
_TEL = re.compile(r'href="tel:\+?(\d++)"')
MARK = "data-sv-numbers"  # on an element that gives its numbers itself


def calls_a_unit(text: str, lang: str) -> bool:
    """True when the text tells someone to call or contact socialjouren or social services."""
    return any(match["unit"] for match in CALLS_A_UNIT[lang].finditer(text))


def night_calls(html: str, lang: str, prompt: str, night_numbers: frozenset) -> str:
    """The page's HTML with ``prompt`` after every block of text that calls a unit without its number."""
    if not any(word in html.casefold() for word in ("social", "out-of-hours", "kommun")):
        return html
    out, copied, start, opening = [], 0, 0, ""
    for boundary in [*_BOUNDARY.finditer(html), None]:
        end = boundary.start() if boundary else len(html)
        if _needs_number(html[start:end], opening, lang, night_numbers):
            at = start + len(html[start:end].rstrip())
            out += [html[copied:at], prompt]
            copied = at
        if boundary:
            start, opening = boundary.end(), boundary[0] if not boundary[1] else ""
    return "".join(out) + html[copied:]


def needless_removed(html: str, lang: str, prompt: str, night_numbers: frozenset) -> str:
    """The HTML without each ``prompt`` that ``night_calls`` would not put there now: after a block that has come
    to give a socialjour's number since (a local value filled into the county's page, site/fill.py)."""
    if prompt not in html:
        return html
    out, copied, start, opening = [], 0, 0, ""
    for boundary in [*_BOUNDARY.finditer(html), None]:  # the prompt holds no boundary: each lies in one block
        end = boundary.start() if boundary else len(html)
        at = html.find(prompt, start, end)
        if at >= 0 and not _needs_number(html[start:at], opening, lang, night_numbers):
            out.append(html[copied:at])
            copied = at + len(prompt)
        if boundary:
            start, opening = boundary.end(), boundary[0] if not boundary[1] else ""
    return "".join(out) + html[copied:]


def _needs_number(run: str, opening: str, lang: str, night_numbers: frozenset) -> bool:
    if not run.strip() or MARK in run or MARK in opening or re.match(r"<h\d", opening):
        return False
    if any(_night(target, night_numbers) for target in _TEL.findall(run)):
        return False
    text = unescape(_TAG.sub("", run)).strip()
    return not text.endswith(":") and calls_a_unit(text, lang)  # a line ending in ':' introduces the list that follows


def _night(target: str, night_numbers: frozenset) -> bool:
    national = "0" + target[2:] if target.startswith("46") else target
    return national in night_numbers
