"""What the core needs from the site configuration (mkdocs.yml), read as plain YAML."""

from __future__ import annotations

from pathlib import Path

import yaml


class _TolerantLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """Reads mkdocs.yml without importing anything its tags name (!!python/name:, !ENV): a tagged value is one
    only MkDocs can work out, so it reads as None (libyaml's parser when installed). The one reader of
    mkdocs.yml outside MkDocs: the model, the checks and the engine-neutral tree (site/tree.py) use it."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def read_config(config_file: str | Path, _seen: frozenset = frozenset()) -> dict:
    """The configuration as MkDocs reads it: a file naming another with INHERIT: gets its settings, merged
    key by key (mappings deeply, any other value replaced). ValueError when the files inherit in a circle."""
    config_file = Path(config_file).resolve()
    if config_file in _seen:
        raise ValueError(f"{config_file.name} inherits from itself")
    config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_TolerantLoader) or {}
    parent = config.pop("INHERIT", None) if isinstance(config, dict) else None
    return (
        _merged(read_config(config_file.parent / parent, _seen | {config_file}), config)
        if isinstance(parent, str)
        else config
    )


def _merged(base, override):
    if not (isinstance(base, dict) and isinstance(override, dict)):
        return override
    return {**base, **{key: _merged(base.get(key), value) for key, value in override.items()}}


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
