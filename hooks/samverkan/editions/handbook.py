"""The handbook as a site builds it: the pages of both languages, with what the municipality folder declares."""

from __future__ import annotations

import os
from pathlib import Path

import yaml

from samverkan.content import synonyms
from samverkan.content.load import collector_paused, load_handbook
from samverkan.content.model import Handbook
from samverkan.content.problems import Problem
from samverkan.content.settings import nav_paths, read_config
from samverkan.editions import county, overlay

LAYER_SETTING = "county_layer"  # under extra: in an assembled county's mkdocs.yml


def load_site(config_file: str | os.PathLike = "mkdocs.yml") -> Handbook:
    """The handbook as the site configuration describes it: its docs folder and its navigation."""
    config_file = Path(config_file)
    try:
        config = read_config(config_file)
        if not isinstance(config, dict):
            raise ValueError("not a mapping")
    except (OSError, ValueError, yaml.YAMLError) as error:
        problem = Problem(
            config_file.name,
            getattr(getattr(error, "problem_mark", None), "line", 0) + 1,
            "the site configuration cannot be read",
            "check the YAML on this line",
        )
        return Handbook(root=str(config_file.parent), pages=[], load_problems=[problem])
    nav = nav_paths(config["nav"]) if "nav" in config else None
    values, county_problems = county.read_values(config_file.parent)
    with collector_paused():
        handbook = load_handbook(
            config_file.parent, config.get("docs_dir", "docs"), nav, values, own_county=not layer_of(config)
        )
    handbook.load_problems += [problem.on_one_line() for problem in county_problems]
    handbook.nav_lines = _lines_of(config_file.read_text(encoding="utf-8"), nav or ())
    handbook.markdown_extensions = _extensions(config.get("markdown_extensions"))
    return synonyms.attach(overlay.attach(handbook))


def layer_of(config: dict) -> str | None:
    """The county whose layer the configuration builds (editions/layer.py writes it), or None for the core's own."""
    extra = config.get("extra")
    return (
        extra.get(LAYER_SETTING)
        if isinstance(extra, dict) and isinstance(extra.get(LAYER_SETTING), str)
        else None
    )


def _extensions(listed) -> tuple:
    """(name, settings) of each Markdown extension the configuration lists, as MkDocs reads the list."""
    entries = listed if isinstance(listed, list) else []
    pairs = (
        next(iter(entry.items())) if isinstance(entry, dict) and entry else (entry, None) for entry in entries
    )
    return tuple(
        (name, settings if isinstance(settings, dict) else {})
        for name, settings in pairs
        if isinstance(name, str)
    )


def _lines_of(text: str, paths) -> dict[str, int]:
    """The line of mkdocs.yml each nav path is written on."""
    return {path: text.count("\n", 0, text.find(path)) + 1 for path in paths if path in text}
