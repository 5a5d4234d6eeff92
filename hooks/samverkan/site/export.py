"""Machine-readable export for intranets: one JSON document per language.

Each document holds every routine, checklist (items with their responsible
actor), actor, law and term, with ids, versions and absolute URLs. Its shape is
published as a JSON Schema (schema/handbook-export.schema.json), which is also
copied into the built site next to the documents:

    site/export/handbook-sv.json
    site/export/handbook-en.json
    site/export/handbook-export.schema.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from samverkan.content import paths
from samverkan.content.model import Actor, Checklist, Handbook, Law, Page, Routine, Term
from samverkan.content.parts import LANGUAGES, Item
from samverkan.content.settings import read_config
from samverkan.content.urls import published_url
from samverkan.editions import edition, overlay
from samverkan.editions.overlay import Overlay

SCHEMA = Path(__file__).resolve().parents[3] / "schema" / "handbook-export.schema.json"
SCHEMA_NAME = SCHEMA.name
# The schema file is where the format's version is declared; the documents carry the same value.
FORMAT_VERSION = json.loads(SCHEMA.read_text(encoding="utf-8"))["properties"]["format_version"]["const"]


def document(
    handbook: Handbook, lang: str, site_url: str, directory_urls: bool = True, chosen: Overlay | None = None
) -> dict:
    """The export of one language, of the chosen edition (the county's when none): its local values filled
    in, its additions with their routines, and every municipality's contacts."""
    chosen = chosen or overlay.Overlay(overlay.COUNTY, "")

    def common(page: Page) -> dict:
        return {
            "id": page.id,
            "title": page.title,
            "version": page.version,
            "reviewed": page.reviewed.isoformat(),
            "next_review": page.next_review.isoformat(),
            "owner": page.owner.id,
            "url": published_url(site_url, lang, page.path, directory_urls),
            "description": page.description,
        }

    def pages(cls):
        return handbook.of_type(lang, cls)

    return {
        "format_version": FORMAT_VERSION,
        "language": lang,
        "edition": _edition(handbook, chosen, lang, site_url),
        "municipalities": [
            _municipality(handbook, each, lang)
            for each in overlay.loaded(handbook)
            if each.is_municipality and each.readable
        ],
        "routines": [common(r) | _routine(r, chosen) for r in pages(Routine)],
        "checklists": [
            common(c)
            | {
                "routine": c.routine.id if c.routine else None,
                "items": [_item(i, chosen, lang) for i in c.items],
            }
            for c in pages(Checklist)
        ],
        "actors": [common(a) | {"kind": a.kind, "contact": a.contact} for a in pages(Actor)],
        "laws": [
            common(law) | {"sfs": law.sfs, "status": law.status, "abbr": law.abbr, "official_url": law.url}
            for law in pages(Law)
        ],
        "terms": [common(t) | {"definition": t.definition, "abbr": t.abbr} for t in pages(Term)],
    }


def _routine(routine: Routine, chosen: Overlay) -> dict:
    text = (chosen.additions.get(routine.id) or {}).get(routine.lang) if chosen.is_municipality else None
    addition = (
        {
            "section": edition.placement(chosen, routine.id, routine.lang),
            "markdown": _plain(chosen, routine.lang, text.strip()),
        }
        if text
        else None
    )
    return {
        "actors": [{"actor": role.actor.id, "role": role.role} for role in routine.actors],
        "checklists": [ref.id for ref in routine.checklists],
        "steps": [_item(step, chosen, routine.lang) for step in routine.steps],
        "legal_basis": [{"law": c.law.id, "ref": c.ref} for c in routine.legal_basis],
        "local_addition": addition,
    }


def _item(item: Item, chosen: Overlay, lang: str) -> dict:
    return {
        "text": _plain(chosen, lang, item.text),
        "actor": item.actor.id if item.actor else None,
        "phase": item.phase,
    }


def _plain(chosen: Overlay, lang: str, text: str) -> str:
    """The text with the edition's local values written in as plain text."""
    return overlay.LOCAL_MARKER.sub(lambda match: chosen.value(match[1], lang) or match[0], text)


def _edition(handbook: Handbook, chosen: Overlay, lang: str, site_url: str) -> dict:
    """Which edition this is: the county's, or a municipality's with its contacts."""
    if not chosen.is_municipality:
        return {
            "id": overlay.COUNTY,
            "name": None,
            "code": None,
            "site_url": site_url or None,
            "reviewed": None,
            "units": [],
        }
    return _municipality(handbook, chosen, lang) | {"site_url": site_url or None}


def _municipality(handbook: Handbook, each: Overlay, lang: str) -> dict:
    # with the handbook, as the site's card: a socialjour without a number in the file takes the county list's
    card = edition.card(each, lang, handbook)
    units = [
        {
            "id": unit.key,
            "name": unit.name,
            "phone": unit.phone,
            "hours": unit.hours.value if unit.hours else None,
        }
        for unit in card.units
    ]
    return {"id": each.slug, "name": card.name, "code": each.code, "reviewed": card.reviewed, "units": units}


def files(
    handbook: Handbook, site_url: str, directory_urls: bool = True, chosen: Overlay | None = None
) -> dict[str, str]:
    """File name -> text: handbook-<lang>.json for every language, and the schema; of the edition named by
    SAMVERKAN_MUNICIPALITY when none is given."""
    chosen = chosen or overlay.chosen(handbook.root)
    texts = {
        f"handbook-{lang}.json": json.dumps(
            document(handbook, lang, site_url, directory_urls, chosen),
            ensure_ascii=False,
            separators=(",", ":"),
        )
        + "\n"
        for lang in LANGUAGES
    }
    return texts | {SCHEMA_NAME: SCHEMA.read_text(encoding="utf-8")}


def write(handbook: Handbook, out: str | Path, site_url: str, directory_urls: bool = True) -> list[Path]:
    """Write handbook-<lang>.json for every language and the schema into ``out``; the files written."""
    return write_files(out, files(handbook, site_url, directory_urls))


def write_files(out: str | Path, texts: dict[str, str]) -> list[Path]:
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (out / name).write_text(text, encoding="utf-8")
    return [out / name for name in texts]


def run(config_file: str | Path, out: str | Path) -> int:
    """The command: export the handbook described by ``config_file`` into ``out``."""
    from samverkan.editions.handbook import load_site

    problem = paths.folder_problem(out)
    if problem:
        print(f"--out {problem}", file=sys.stderr)
        return 1
    config = read_config(config_file)
    handbook = load_site(config_file)
    site_url = edition.site_url(overlay.chosen(handbook.root)) or config.get("site_url") or ""
    for path in write(handbook, out, site_url, config.get("use_directory_urls", True)):
        print(path)
    return 0
