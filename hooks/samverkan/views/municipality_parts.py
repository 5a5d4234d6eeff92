"""A municipality's parts in the pages' slots, and the county site's scripts that carry them.

editions/edition.py gives each page an empty slot wherever some municipality has a part (the notice of its
addition and its contact card under the title, its addition at its section, its mark in the list of routines),
and each municipality's part for each slot, rendered once (EditionMarkdown.fragments), then made as the page's
own text is (site/finish.py: Markdown, links, numbers that call, the line after a call, the sanitizer). A
municipality's own edition puts its parts into its slots (``place``). The county's site leaves its slots empty
and writes each municipality's parts into assets/javascripts/municipalities/<slug>.<lang>.js (``Collected``),
which samverkan-edition.js loads when the reader chooses that municipality and puts into the slots by their
names; build --all's fill reads them back and does the same on the server (site/fill.py). The chooser's list of
municipalities goes into _list.<lang>.js beside them. They are scripts, not JSON, because browsers refuse
fetch() on file:// and the site works from disk; search never sees them.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

SLOT, SLOT_NAME = "[data-sv-slot]", "data-sv-slot"  # edition.html, macro slot
FOLDER = "assets/javascripts/municipalities"
LIST = "_list"  # _list.<lang>.js: the chooser's municipalities; no slug has a "_" (a file name is a–z and hyphens)
LIST_FUNCTION, PARTS_FUNCTION = "svMunicipalities", "svMunicipalityParts"  # what samverkan-edition.js defines


def slots(html: str) -> dict[str, str]:
    """Slot name -> the slot as the page holds it (as the sanitizer serialised it, which the parser repeats)."""
    return {node.attributes.get(SLOT_NAME) or "": node.html for node in LexborHTMLParser(html).css(SLOT)}


def place(html: str, parts: dict[str, str]) -> str:
    """The HTML with each slot given way to its part (slot name -> part), or to nothing when it has none."""
    if not parts:
        return html
    for name, markup in slots(html).items():
        html = filled_slot(html, markup, parts.get(name))
    return html


def filled_slot(html: str, slot: str, part: str | None) -> str:
    """The HTML with the part where the slot stood; without a part, not even the slot's own line (between
    blocks, a slot has a line of its own), so that the page is as if it never had the slot."""
    if part is not None:
        return html.replace(slot, part, 1)
    for alone in (slot + "\n", "\n" + slot, slot):
        if alone in html:
            return html.replace(alone, "", 1)
    return html


class Collected:
    """Every municipality's parts of one build, by language: each distinct part once, and the slots it fills."""

    def __init__(self) -> None:
        self.parts: dict[tuple[str, str], dict[str, int]] = defaultdict(dict)  # (slug, lang) -> part -> index
        self.slots: dict[tuple[str, str], dict[str, list[int]]] = defaultdict(dict)

    def add(self, lang: str, parts: dict[str, dict[str, str]]) -> None:
        """One page's parts: slug -> slot -> the municipality's part in it."""
        for slug, by_slot in parts.items():
            known = self.parts[slug, lang]
            for name, part in by_slot.items():
                self.slots[slug, lang][name] = [known.setdefault(part, len(known))]

    def write(self, site_dir: str | Path, choices: dict[str, list[dict]]) -> None:
        """One script per municipality and language, and the chooser's list per language (``choices``)."""
        folder = Path(site_dir) / FOLDER
        if not (choices or self.parts):
            return
        folder.mkdir(parents=True, exist_ok=True)
        for lang, municipalities in choices.items():
            _write_script(folder / f"{LIST}.{lang}.js", LIST_FUNCTION, lang, municipalities)
        for (slug, lang), parts in self.parts.items():
            data = {"parts": list(parts), "slots": self.slots[slug, lang]}
            _write_script(folder / f"{slug}.{lang}.js", PARTS_FUNCTION, lang, data, slug)


def _write_script(path: Path, function: str, lang: str, data, slug: str | None = None) -> None:
    """A script that hands ``data`` (JSON, which is JavaScript) to samverkan-edition.js."""
    arguments = [
        json.dumps(value, ensure_ascii=False, separators=(",", ":"))
        for value in (*([slug] if slug else []), lang, data)
    ]
    path.write_text(f"{function}({','.join(arguments)});\n", encoding="utf-8")


def read_script(text: str):
    """What a script written here hands to samverkan-edition.js: its last argument (site/fill.py reads it back)."""
    arguments = text[text.index("(") + 1 :].rstrip().removesuffix(");")
    return json.loads(f"[{arguments}]")[-1]
