"""What the core needs from the site configuration (mkdocs.yml), read as plain YAML."""

from __future__ import annotations

from pathlib import Path

import yaml


class _TolerantLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """Reads mkdocs.yml without importing anything its !!python tags name (libyaml's parser when installed)."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def read_config(config_file: str | Path) -> dict:
    return yaml.load(Path(config_file).read_text(encoding="utf-8"), Loader=_TolerantLoader) or {}


def nav_paths(nav) -> list[str]:
    """Every Markdown path in a MkDocs nav, in order."""
    found = []
    for entry in nav or ():
        value = next(iter(entry.values())) if isinstance(entry, dict) else entry
        if isinstance(value, list):
            found += nav_paths(value)
        elif isinstance(value, str) and value.endswith(".md"):
            found.append(value)
    return found
