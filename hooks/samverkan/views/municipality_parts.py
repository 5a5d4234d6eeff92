"""The county edition's municipality parts, taken out of its pages into one small script per municipality.

editions/edition.py renders every municipality's contact card, notice and additions into the county's pages,
hidden, so that they pass through the same steps as the page: links, call links, night numbers, the sanitizer.
Left in the page they would make every page grow with the county's number of municipalities. This pass, run
after the sanitizer, takes them out again: each place where parts stood becomes one empty slot, and the parts go
into assets/javascripts/municipalities/<slug>.<lang>.js, which samverkan-edition.js loads when the reader
chooses that municipality. The chooser's list of municipalities goes into _list.<lang>.js beside them. They are
scripts, not JSON, because browsers refuse fetch() on file:// and the site works from disk; search never sees
them.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

OPEN = (
    '<div class="sv-chosen" data-sv-municipality="'  # editions/edition.html, macro chosen: it holds no <div>
)
CLOSE = "</div>"
FOLDER = "assets/javascripts/municipalities"
LIST = "_list"  # _list.<lang>.js: the chooser's municipalities; no slug has a "_" (a file name is a–z and hyphens)
LIST_FUNCTION, PARTS_FUNCTION = "svMunicipalities", "svMunicipalityParts"  # what samverkan-edition.js defines


def take_out(html: str, slot_key: str, slugs: frozenset) -> tuple[str, list[tuple[str, str, str]]]:
    """The page without the parts of the municipalities in ``slugs``, each run of them replaced by one empty
    slot, and (slot, slug, part) for each part taken, as the page had it. Slots are named ``slot_key#n``.
    Anything else that looks like a part (a page may write one) stays where it is: hidden, and no file name."""
    kept, parts, position, slots = [], [], 0, 0
    while (start := html.find(OPEN, position)) >= 0:
        slug_end = html.find('"', start + len(OPEN))
        close = html.find(CLOSE, slug_end)
        if slug_end < 0 or close < 0:
            break
        slug = html[start + len(OPEN) : slug_end]
        if slug not in slugs:
            kept.append(html[position : start + len(OPEN)])
            position = start + len(OPEN)
            continue
        between = html[position:start]
        if not parts or between.strip():  # a new place in the page
            slot, slots = f"{slot_key}#{slots}", slots + 1
            kept += [between, f'<div class="sv-slot" data-sv-slot="{slot}"></div>']
        parts.append((slot, slug, html[start : close + len(CLOSE)]))
        position = close + len(CLOSE)
    return "".join(kept) + html[position:], parts


class Collected:
    """Every municipality's parts of one build, by language: each distinct part once, and the slots it fills."""

    def __init__(self) -> None:
        # (slug, lang) -> part -> its index
        self.parts: dict[tuple[str, str], dict[str, int]] = defaultdict(dict)
        self.slots: dict[tuple[str, str], dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))

    def add(self, lang: str, taken: list[tuple[str, str, str]]) -> None:
        for slot, slug, part in taken:
            known = self.parts[slug, lang]
            self.slots[slug, lang][slot].append(known.setdefault(part, len(known)))

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
