"""Small changes to built pages for readers: search tags, labelled checklist boxes, language links under a sub-path.

Kept apart from MkDocs so tests can call them directly; hooks/mkdocs_hooks.py wires them in.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass
from html import escape
from urllib.parse import urlsplit

from samverkan.content.model import Checklist, Page, Routine
from samverkan.content.phone import dial_target
from samverkan.content.urls import relative_url
from samverkan.views import night

# pymdownx.tasklist (custom_checkbox: false) writes the checkbox before the item's text, outside any
# label, so the box has no accessible name (axe: "label"). Wrap box and text in one <label>.
_TASK_ITEM = re.compile(
    r'(<li class="task-list-item">\s*+(?:<p>)?\s*+)(<input\b[^<>]*?\btype="checkbox"[^<>]*>)((?:(?!<li\b).)*?)(?=<ul|<ol|</p>|</li>)',
    re.DOTALL,
)


def accessible_tasklists(html: str) -> str:
    """Every task-list checkbox labelled by its item's own text."""
    if "task-list-item" not in html:
        return html
    return _TASK_ITEM.sub(lambda m: f'{m[1]}<label class="sv-task">{m[2]}{m[3]}</label>', html)


def search_tags(page: Page, type_label: str) -> list[str]:
    """What Material's search indexes and shows as chips for a page: its type first, then its keywords."""
    return [type_label, *(keyword for keyword in page.keywords if keyword != type_label)]


def relative_alternates(extra, directory_urls: bool = True, site_url: str = "") -> None:
    """Language links as paths from the site root, never from the server root.

    mkdocs-static-i18n leaves the start pages' links as "/" and "/en/" (with a site_url under a path, as
    "/handbok/" and "/handbok/en/"), which break when the site is served under another sub-path or opened
    from disk; the theme's url filter makes a root-relative "en/" relative to each page. It resets the links
    for every page, so this runs per page.
    """
    # mkdocs-static-i18n sets it as an attribute of the extra config, which templates read before the key
    alternates = getattr(extra, "alternate", None) or (
        extra.get("alternate") if hasattr(extra, "get") else None
    )
    base = "/" + urlsplit(site_url).path.strip("/")
    for alternate in alternates or ():
        link = alternate.get("link", "")
        if link.startswith("/") and not link.startswith("//"):
            link = link[len(base) :] if base != "/" and (link + "/").startswith(base + "/") else link
            link = link.lstrip("/")
            # file:// has no index pages
            alternate["link"] = (link or "./") if directory_urls else link + "index.html"


# ---- For a reader on a phone (issue 14): numbers that call, urgent items first, one tap to a role, tables as cards ----

# Elements whose text is never turned into a call link: links and code already mean something else.
_NO_CALL_LINK = ("a", "code", "pre", "script", "style", "textarea", "button", "kbd", "samp")
_SPACE_GAP = re.compile("[ \u00a0\u202f]|&nbsp;|&#160;")  # a space or no-break space between digits
# also a dash: only in numbers with an area code
_DIGIT_GAP = re.compile("[ \u00a0\u202f\u2010-\u2015-]|&nbsp;|&#160;")
# '+46 (0)' for the leading 0
_COUNTRY_CODE = re.compile(rf"\+46(?:{_DIGIT_GAP.pattern})?(?:\(0\)(?:{_DIGIT_GAP.pattern})?)?")
_DIGITS = "0123456789"
# After a number: it is part of a longer number, a date, an SFS number or a section.
_NOT_AFTER = re.compile(r"[\w\-/\u2010-\u2015]|[.:,]\d|(?<!\s)\s*+§")
# One pass over a page: tags, whole no-call elements and text without digits are passed over in long runs;
# what is left is where a number may start (not after a letter, digit, sign or dash).
_CALL_SCAN = re.compile(
    rf"(?P<skip>(?:<!--(?:.*?-->|.*)|<({'|'.join(_NO_CALL_LINK)})\b[^<>]*>(?:(?!<\2\b).)*?</\2\s*>|<[^<>]+>|[^<0-9+]+)+)"
    r"|(?<![\w+\-/.:,\u2010-\u2015])[+0-9]",
    re.DOTALL,
)


def call_links(html: str, public_numbers: frozenset) -> str:
    """Every public number in the text a tap-to-call link (class sv-tel), except inside a link, code or a
    button. The numbers come from handbook.public_numbers, so a municipality's switchboards call too.

    Number-shaped text is read where a number may start and looked up among the declared numbers (digits
    only, national form), so the pass costs the same whatever their count."""
    if not public_numbers:
        return html
    longest = _longest(public_numbers)
    out, copied, position = [], 0, 0
    while token := _CALL_SCAN.search(html, position):
        position = token.end()
        if token["skip"] is not None:
            continue
        number = _number_at(html, token.start(), public_numbers, longest)
        if number is not None:
            digits, position = number
            out += [
                html[copied : token.start()],
                f'<a class="sv-tel" href="tel:{dial_target(digits)}">{html[token.start() : position]}</a>',
            ]
            copied = position
    return "".join(out) + html[copied:]


@functools.cache  # the same numbers for every page of a build
def _longest(public_numbers: frozenset) -> int:
    return max(map(len, public_numbers))


def _number_at(html: str, start: int, public_numbers: frozenset, longest: int) -> tuple[str, int] | None:
    """The longest declared number written from ``start``, as (its digits, where it ends), or None.

    As written in running text: '114 14', '020-390 000', '+46 8-508 000 00'. A number with an area code may
    have spaces or dashes between its digits; a service number (114 14) spaces at most; a short one ('1–12 år'
    is not 112) none."""
    if html[start] == "+":
        country_code = _COUNTRY_CODE.match(html, start)
        readings = _readings(html, country_code.end(), "0", _DIGIT_GAP, longest) if country_code else []
    else:
        readings = _readings(
            html, start + 1, html[start], _DIGIT_GAP if html[start] == "0" else _SPACE_GAP, longest
        )
    found = [
        (digits, end)
        for digits, end, spaced in readings
        if digits in public_numbers
        and (digits[0] == "0" or len(digits) > 3 or not spaced)
        and not _NOT_AFTER.match(html, end)
    ]
    return max(found, key=lambda number: len(number[0]), default=None)


def _readings(
    html: str, position: int, digits: str, gap: re.Pattern, longest: int
) -> list[tuple[str, int, bool]]:
    """(digits so far, where they end, whether a gap came between them) after each digit of number-shaped
    text, up to the longest declared number; a gap counts only with a digit after it."""
    readings, spaced = [(digits, position, False)], False
    while len(digits) < longest:
        if position < len(html) and html[position] in _DIGITS:
            position += 1
        else:
            between = gap.match(html, position)
            if between is None or between.end() >= len(html) or html[between.end()] not in _DIGITS:
                break
            position, spaced = between.end() + 1, True
        digits += html[position - 1]
        readings.append((digits, position, spaced))
    return readings


_H2 = re.compile(r'<h2 id="([^"<>]+)"[^<>]*>((?:(?!<h2\b).)*?)</h2>', re.DOTALL)
_HEADERLINK = re.compile(r'<a class="headerlink"[^<]*</a>')  # its text is a pilcrow, never markup
_ANY_TAG = re.compile(r"<[^<>]+>")


def _heading_text(inner: str) -> str:
    return _ANY_TAG.sub("", _HEADERLINK.sub("", inner)).strip()


def urgent_first(html: str, later_label: str) -> str:
    """A checklist on screen: what to do at once ("Genast", #at-once) right after the introduction; the
    sections before it ("Före", signs to look for) after the time-ordered ones, named in a line at the top.

    Screen order is the order in the page, so keyboard and screen reader follow what is seen. On paper
    samverkan.css puts the earlier sections back in front (flex order), so the print-out keeps time order."""
    headings = list(_H2.finditer(html))
    urgent = next((index for index, heading in enumerate(headings) if heading[1] == "at-once"), None)
    if not urgent:  # no urgent section, or nothing before it
        return html
    intro_end, urgent_start = headings[0].start(), headings[urgent].start()
    earlier = headings[:urgent]
    # both as the page wrote them
    later = ", ".join(f'<a href="#{h[1]}">{_heading_text(h[2])}</a>' for h in earlier)
    return (
        html[:intro_end]
        + '<div class="sv-phases"><div class="sv-phases__now">'
        + f'<p class="sv-phases__later">{later_label} {later}.</p>\n'
        + html[urgent_start:]
        + '</div><div class="sv-phases__earlier">'
        + html[intro_end:urgent_start]
        + "</div></div>"
    )


@dataclass(frozen=True)
class ActorLink:
    id: str
    title: str
    href: str  # relative to the page, as render.Renderer.links writes it

    @property
    def marker(self) -> str:
        """The link render.Renderer.links writes after an item or step of this actor."""
        return f'<a class="sv-actor" href="{self.href}">{escape(self.title, quote=False)}</a>'


def actor_links(handbook, page: Page, directory_urls: bool) -> dict[str, ActorLink]:
    """The actors responsible for the page's items and steps, each once, in the order the text names them."""
    found = {}
    for item in (*page.steps, *page.items):
        actor = handbook.get(page.lang, item.actor.id) if item.actor else None
        if actor and actor.id not in found:
            found[actor.id] = ActorLink(
                actor.id, actor.title, relative_url(page.path, actor.path, directory_urls)
            )
    return found


def _after_title(html: str, insert: str) -> str:
    end = html.find("</h1>")
    return html[: end + 5] + "\n" + insert + html[end + 5 :] if end >= 0 else insert + html


def role_jumps(html: str, actors: dict[str, ActorLink], label: str) -> str:
    """A "Jump to your role" list under the title: each actor's first item or step on the page (in screen
    order) gets the anchor #role-<actor id>, the same in both languages, so the language switch keeps it."""
    targets = []
    for actor in actors.values():
        at = html.find(actor.marker)
        item = html.rfind("<li", 0, at) if at >= 0 else -1
        if item >= 0:
            html = f'{html[: item + 3]} id="role-{actor.id}"{html[item + 3 :]}'
            targets.append(actor)
    if not targets:
        return html
    targets.sort(key=lambda actor: html.find(f'id="role-{actor.id}"'))
    links = "".join(
        f'<li><a href="#role-{actor.id}">{escape(actor.title, quote=False)}</a></li>' for actor in targets
    )
    return _after_title(
        html,
        f'<nav class="sv-roles" aria-labelledby="sv-roles-title"><p class="sv-roles__title" id="sv-roles-title">{escape(label)}</p><ul>{links}</ul></nav>',
    )


def main_actor(page: Page) -> tuple[str | None, bool]:
    """The actor responsible for more than half of a checklist's items, if any, and whether for all of them."""
    counts = (
        Counter(item.actor.id for item in page.items if item.actor)
        if isinstance(page, Checklist)
        else Counter()
    )
    if not counts:
        return None, False
    main, count = counts.most_common(1)[0]
    total = sum(counts.values())
    return (main, count == total) if count * 2 > total else (None, False)


def named_once(html: str, actor: ActorLink, every_item: bool, labels: dict) -> str:
    """A checklist whose items mostly belong to one actor names that actor once, under the title, and not
    after each of its items; items of other actors keep their name."""
    html = re.sub(r"(?<![ \t])[ \t]*" + re.escape(actor.marker), "", html)
    wording = labels["actor_all" if every_item else "actor_most"]
    link = f'<a href="{actor.href}">{escape(actor.title, quote=False)}</a>'
    return _after_title(html, f'<p class="sv-checklist-actor">{wording.format(actor=link)}</p>')


# Each element's content is read up to its end tag but never past the start of the next one of its kind,
# so an unclosed element costs one look ahead, not one per element after it.
_TABLE = re.compile(r"(<table\b[^<>]*)(>(?:(?!<table\b).)*?</table>)", re.DOTALL)
_HEAD_CELL = re.compile(r"<th\b[^<>]*>((?:(?!<th\b).)*?)</th>", re.DOTALL)
_ROW = re.compile(r"<tr\b[^<>]*>(?:(?!<tr\b).)*?</tr>", re.DOTALL)
_CELL = re.compile(r"<(td|th)\b(?![^<>]*\bdata-label=)")


def card_tables(html: str) -> str:
    """Tables of three or more columns marked data-sv-cards, each body cell labelled by its column's
    heading: on a phone samverkan.css shows each row as a card, so no table scrolls sideways.
    Tables that label their own cells (the responsibility matrix) are left as they are."""

    def card(match) -> str:
        opening, rest = match[1], match[2]
        head, _, body = rest.partition("</thead>")
        labels = [escape(_ANY_TAG.sub("", cell).strip()) for cell in _HEAD_CELL.findall(head)]
        if len(labels) < 3 or not body or "data-label=" in body:
            return match[0]

        def row(row_match) -> str:
            cells = iter(labels)
            return _CELL.sub(lambda cell: f'{cell[0]} data-label="{next(cells, "")}"', row_match[0])

        return f"{opening} data-sv-cards{head}</thead>{_ROW.sub(row, body)}"

    return _TABLE.sub(card, html) if "<table" in html else html


def for_readers(content: str, view: str, page: Page, renderer) -> str:
    """A handbook page's HTML (its own text, then its generated view) as a reader on a phone needs it."""
    labels = renderer.labels[page.lang]
    if isinstance(page, (Checklist, Routine)):
        actors = actor_links(renderer.handbook, page, renderer.directory_urls)
        main, every_item = main_actor(page)
        if isinstance(page, Checklist):
            content = urgent_first(content, labels["urgent_first"])
        if len(actors) > 1:  # the actor named under the title needs no jump: its items are the page
            content = role_jumps(
                content, {key: actor for key, actor in actors.items() if key != main}, labels["jump_to_role"]
            )
        if main in actors:
            content = named_once(content, actors[main], every_item, labels)
    return numbers_for_readers(card_tables(content + view), page, renderer)


def numbers_for_readers(html: str, page: Page, renderer) -> str:
    """The HTML with its numbers as call links and, after a call, the line with whose number it is; a
    municipality's part of a page (views/municipality_parts.py) takes this step alone."""
    html = call_links(html, renderer.handbook.public_numbers)
    if getattr(page, "view", None) in night.WITHOUT_LINES:
        return html
    return night.night_calls(html, page.lang, renderer.night_lines(page), renderer.handbook.night_numbers)
