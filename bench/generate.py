"""Multiply the real handbook into a bigger one, for the scale benchmark.

    python bench/generate.py FACTOR DEST

Every routine, checklist and actor page of both languages (or the page types
given to ``generate``) is copied FACTOR - 1 times. Copy number k renames the page's file and id with a ``-k<k>`` suffix and
every reference to a copied page (front matter and [[id]] markers), so each
copy is a consistent handbook of its own; laws, terms and plain pages stay
single and are cited by every copy. DEST gets a ``docs`` tree, a ``mkdocs.yml``
that inherits the project's configuration with a nav listing every copy, and
links to the rest of the project so that relative paths resolve as at the root.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

from samverkan.content.body import MARKER  # noqa: E402
from samverkan.content.frontmatter import split  # noqa: E402
from samverkan.content.settings import read_config  # noqa: E402
from samverkan.editions.handbook import load_site  # noqa: E402

COPIED_TYPES = ("routine", "checklist", "actor")
TEXT_FIELDS = {"title", "description", "keywords", "unconfirmed", "definition", "contact"}
NOT_MIRRORED = {"mkdocs.yml", "site", "bench", ".git", ".venv"}


def mirror(source: Path, dest: Path, config: dict, skip: set[str] = frozenset()) -> Path:
    """DEST as a stand-in for SOURCE: links to its files but SKIP, and a config inheriting its mkdocs.yml plus CONFIG."""
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    for entry in source.iterdir():
        if entry.name not in NOT_MIRRORED | skip and not entry.name.startswith("site-"):
            (dest / entry.name).symlink_to(entry.resolve())
    inherit = os.path.relpath(source / "mkdocs.yml", dest)
    text = yaml.safe_dump({"INHERIT": inherit, **config}, allow_unicode=True, sort_keys=False)
    (dest / "mkdocs.yml").write_text(text, encoding="utf-8")
    return dest / "mkdocs.yml"


def plain_material(source: Path, dest: Path) -> Path:
    """DEST as SOURCE's content on plain Material: no hooks, no overrides (an empty custom_dir), no extra CSS or
    JavaScript, Material's default features and palette; the same plugins (search, i18n) and no web fonts."""
    config = mirror(
        source,
        dest,
        {
            "hooks": [],
            "strict": False,
            "extra_css": [],
            "extra_javascript": [],
            "theme": {
                "name": "material",
                "custom_dir": "plain-theme",
                "features": [],
                "palette": {},
                "font": False,
            },
        },
    )
    (dest / "plain-theme").mkdir()
    return config


def copied_paths(handbook, types) -> dict[tuple[str, str], str]:
    """(language, path) -> id of every page of TYPES, the pages that get copied."""
    return {(page.lang, page.path): page.id for page in handbook.pages if page.type in types}


def copy_path(path: str, k: int) -> str:
    return f"{path[: -len('.md')]}-k{k}.md"


def renamed(value, ids: set[str], k: int):
    """Front matter with every string that is a copied id given copy k's suffix."""
    if isinstance(value, dict):
        return {key: item if key in TEXT_FIELDS else renamed(item, ids, k) for key, item in value.items()}
    if isinstance(value, list):
        return [renamed(item, ids, k) for item in value]
    return f"{value}-k{k}" if value in ids else value


def copy_text(text: str, ids: set[str], k: int) -> str:
    source = split(text)
    front = yaml.safe_dump(renamed(source.data, ids, k), allow_unicode=True, sort_keys=False)
    body = MARKER.sub(lambda m: m[0].replace(m[1], f"{m[1]}-k{k}", 1) if m[1] in ids else m[0], source.body)
    return f"---\n{front}---\n{body}"


def write_docs(docs: Path, copies: dict[tuple[str, str], str], factor: int) -> int:
    """Copy the real docs into DOCS and add the copies; the number of pages written."""
    shutil.copytree(ROOT / "docs", docs)
    ids = set(copies.values())
    count = sum(1 for _ in docs.rglob("*.md"))
    for lang, path in copies:
        text = (docs / lang / path).read_text(encoding="utf-8")
        for k in range(2, factor + 1):
            (docs / lang / copy_path(path, k)).write_text(copy_text(text, ids, k), encoding="utf-8")
            count += 1
    return count


def scaled_nav(nav: list, copies: set[str], factor: int) -> list:
    """The nav with each section followed by copy 2..FACTOR of its copied pages."""
    result = []
    for entry in nav:
        if isinstance(entry, dict):
            entry = {
                title: scaled_nav(value, copies, factor) if isinstance(value, list) else value
                for title, value in entry.items()
            }
        result.append(entry)
    paths = [entry for entry in nav if isinstance(entry, str) and entry in copies]
    return result + [copy_path(path, k) for k in range(2, factor + 1) for path in paths]


def generate(factor: int, dest: Path, types=COPIED_TYPES) -> int:
    """Write the handbook with its pages of TYPES multiplied by FACTOR into DEST; the number of Markdown pages (both languages)."""
    handbook = load_site(ROOT / "mkdocs.yml")
    copies = copied_paths(handbook, types)
    nav = scaled_nav(read_config(ROOT / "mkdocs.yml")["nav"], {path for _, path in copies}, factor)
    mirror(ROOT, dest, {"docs_dir": "docs", "nav": nav}, skip={"docs"})
    return write_docs(dest / "docs", copies, factor)


if __name__ == "__main__":
    pages = generate(int(sys.argv[1]), Path(sys.argv[2]))
    print(f"{pages} pages written to {sys.argv[2]}")
