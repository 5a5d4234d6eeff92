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
from pathlib import Path

from .model import LANGUAGES, Actor, Checklist, Handbook, Item, Law, Page, Routine, Term
from .site import read_config
from .urls import published_url

SCHEMA = Path(__file__).resolve().parents[2] / "schema" / "handbook-export.schema.json"
SCHEMA_NAME = SCHEMA.name
FORMAT_VERSION = "1.0"


def document(handbook: Handbook, lang: str, site_url: str, directory_urls: bool = True) -> dict:
    """The export of one language."""

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
        "routines": [common(r) | _routine(r) for r in pages(Routine)],
        "checklists": [common(c) | {"routine": c.routine.id if c.routine else None, "items": [_item(i) for i in c.items]} for c in pages(Checklist)],
        "actors": [common(a) | {"kind": a.kind, "contact": a.contact} for a in pages(Actor)],
        "laws": [common(law) | {"sfs": law.sfs, "status": law.status, "abbr": law.abbr, "official_url": law.url} for law in pages(Law)],
        "terms": [common(t) | {"definition": t.definition, "abbr": t.abbr} for t in pages(Term)],
    }


def _routine(routine: Routine) -> dict:
    return {
        "actors": [{"actor": role.actor.id, "role": role.role} for role in routine.actors],
        "checklists": [ref.id for ref in routine.checklists],
        "steps": [_item(step) for step in routine.steps],
        "legal_basis": [{"law": c.law.id, "ref": c.ref} for c in routine.legal_basis],
    }


def _item(item: Item) -> dict:
    return {"text": item.text, "actor": item.actor.id if item.actor else None, "phase": item.phase}


def files(handbook: Handbook, site_url: str, directory_urls: bool = True) -> dict[str, str]:
    """File name -> text: handbook-<lang>.json for every language, and the schema."""
    texts = {
        f"handbook-{lang}.json": json.dumps(document(handbook, lang, site_url, directory_urls), ensure_ascii=False, separators=(",", ":")) + "\n"
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
    from .load import load_site

    config = read_config(config_file)
    handbook = load_site(config_file)
    for path in write(handbook, out, config.get("site_url") or "", config.get("use_directory_urls", True)):
        print(path)
    return 0
