"""Another county's plan: the shared core with the county's own layer over it, without a fork.

The project's own pages and ``municipalities/`` are Stockholm's county and the core together. Another
county's layer lives in ``counties/<county>/``:

    counties/uppsala/
      municipalities/     the county's list (status.yml), its values and wording (county.yml), its public
                          numbers and its municipalities' files: the same files as municipalities/
      docs/sv/…, docs/en/…  the county's own pages: each replaces the core's page at the same path (the
                          county board, the regional actors), or adds one

``samverkan --county uppsala build`` assembles the core and the layer into one project folder,
``.counties/uppsala/`` (links to the core's files, a copy of its pages with the layer's over them), and
builds there into ``site-uppsala/``. Every other command takes ``--county`` the same way.

A page that holds facts of the project's own county only (its history, its county board's work) says so
with ``county_facts: true``; another county's layer replaces it (``unreplaced`` names those it has not yet).
"""

from __future__ import annotations

import os
import shutil
from dataclasses import replace
from pathlib import Path

import yaml

from samverkan.content import paths
from samverkan.content.model import Handbook
from samverkan.content.problems import Problem
from samverkan.content.settings import read_config
from samverkan.editions import county, overlay
from samverkan.editions.handbook import LAYER_SETTING

LAYERS = "counties"
ASSEMBLED = ".counties"
OFFLINE_CONFIG = "mkdocs-offline.yml"
NOT_LINKED = {"docs", overlay.FOLDER, "mkdocs.yml", OFFLINE_CONFIG, LAYERS}


class NoLayer(Exception):
    """The county has no layer to build; the message says what to do."""


def layer_folder(root: str | Path, name: str) -> Path:
    problem = paths.name_problem(name, "the county", overlay.SLUG, "lower-case letters a–z and hyphens")
    if problem:
        raise NoLayer(problem)
    folder = Path(root) / LAYERS / name
    if not (folder / overlay.FOLDER).is_dir():
        known = ", ".join(sorted(p.name for p in (Path(root) / LAYERS).glob("*") if p.is_dir())) or "none yet"
        raise NoLayer(
            f"there is no county layer {LAYERS}/{name}/ with a {overlay.FOLDER}/ folder — known: {known}"
        )
    return folder


def assemble(config_file: str | Path, name: str) -> Path:
    """The configuration of the county's project folder, assembled afresh from the core and its layer."""
    core = Path(config_file).resolve().parent
    layer = layer_folder(core, name)
    dest = core / ASSEMBLED / name
    shutil.rmtree(dest, ignore_errors=True)
    dest.mkdir(parents=True)
    for entry in core.iterdir():
        if entry.name not in NOT_LINKED and not entry.name.startswith(("site", ".")):
            (dest / entry.name).symlink_to(entry)
    (dest / overlay.FOLDER).symlink_to(layer / overlay.FOLDER)
    shutil.copytree(core / "docs", dest / "docs", symlinks=True)
    if (layer / "docs").is_dir():
        _copy_over(layer / "docs", dest / "docs")
    if (core / OFFLINE_CONFIG).is_file():  # a copy, not a link: it inherits the mkdocs.yml beside it
        shutil.copyfile(core / OFFLINE_CONFIG, dest / OFFLINE_CONFIG)
    _write_config(core / "mkdocs.yml", dest / "mkdocs.yml", county.read_values(dest)[0])
    return dest / "mkdocs.yml"


def _copy_over(layer: Path, dest: Path) -> None:
    """The layer's pages over the core's. An entry of the layer replaces whatever the core has at its path, a
    folder, a file or a link alike; its links stay links, which the loader refuses with a line each."""
    for folder, folders, files in os.walk(layer):
        for name in (*folders, *files):
            entry, there = Path(folder, name), dest / Path(folder, name).relative_to(layer)
            if os.path.lexists(there) and (
                entry.is_symlink() or there.is_symlink() or entry.is_dir() != there.is_dir()
            ):
                shutil.rmtree(there) if there.is_dir() and not there.is_symlink() else there.unlink()
    shutil.copytree(layer, dest, symlinks=True, dirs_exist_ok=True)


def _write_config(core_config: Path, dest_config: Path, values: dict) -> None:
    """A configuration inheriting the core's, with the site's description in the county's words."""
    settings: dict = {
        "INHERIT": os.path.relpath(core_config, dest_config.parent),
        "extra": {LAYER_SETTING: dest_config.parent.name},
    }
    descriptions = {lang: texts["description"] for lang, texts in values.items() if "description" in texts}
    if descriptions:
        settings["site_description"] = descriptions.get("sv")
        plugins = read_config(core_config).get("plugins") or {}
        i18n = plugins.get("i18n") if isinstance(plugins, dict) else None
        if i18n:
            languages = [
                {
                    **each,
                    **(
                        {"site_description": descriptions[each["locale"]]}
                        if not each.get("default") and each.get("locale") in descriptions
                        else {}
                    ),
                }
                for each in i18n["languages"]
            ]
            settings["plugins"] = {"i18n": {**i18n, "languages": languages}}
    dest_config.write_text(yaml.safe_dump(settings, allow_unicode=True, sort_keys=False), encoding="utf-8")


def unreplaced(handbook: Handbook) -> str | None:
    """In a county's assembled project, a note naming the core's pages of its own county's facts that the
    layer has no page for yet; None elsewhere, and when it has them all."""
    assembled = _assembled(handbook.root)
    if assembled is None:
        return None
    core, layer = assembled
    missing = sorted(
        page.file for page in handbook.pages if page.county_facts and not (core / layer / page.file).is_file()
    )
    if not missing:
        return None
    return f"{layer}: the county has no page yet for these pages of the core county's own facts (write each at the same path in {layer}/): {', '.join(missing)}"


def _assembled(root: str | Path) -> tuple[Path, str] | None:
    """(the core's folder, the layer's folder relative to it) of a county's assembled project, else None."""
    root = Path(root)
    return (root.parent.parent, f"{LAYERS}/{root.name}") if root.parent.name == ASSEMBLED else None


def located(problems: list[Problem], root: str | Path) -> list[Problem]:
    """In a county's assembled project, each problem at the file it is written in: the layer's own
    (counties/<county>/…) or the core's; elsewhere the problems as they are."""
    assembled = _assembled(root)
    if assembled is None:
        return problems
    core, layer = assembled

    def written_in(path: str) -> str:
        return (
            f"{layer}/{path}"
            if path.startswith(f"{overlay.FOLDER}/") or _taken_from(core / layer, path)
            else path
        )

    return [replace(problem, path=written_in(problem.path)) for problem in problems]


def _taken_from(folder: Path, path: str) -> bool:
    """True when ``assemble`` took the path from ``folder``: the entry itself is there (a file, a folder or a
    link, which the copy keeps as a link), or a link there holds it."""
    parts = Path(path).parts
    return os.path.lexists(folder / path) or any(
        os.path.islink(folder.joinpath(*parts[:end])) for end in range(1, len(parts))
    )


def site_dir(config_file: str | Path, name: str, municipality: str | None) -> Path:
    """site-<county>/, or site-<county>-<municipality>/, beside the core's own sites."""
    return Path(config_file).resolve().parent / "-".join(
        ["site", name, *([municipality] if municipality else [])]
    )
