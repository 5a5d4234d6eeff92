"""Shared fixtures: the real site, built once per test session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def build_site(config_file: Path, site_dir: Path, **overrides) -> None:
    """Build a MkDocs site in-process, strict, as `mkdocs build --strict` does."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    config = load_config(str(config_file), site_dir=str(site_dir), strict=True, **overrides)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real handbook, built strictly once; the site folder (Swedish at the root, English in en/)."""
    site = tmp_path_factory.mktemp("site")
    build_site(ROOT / "mkdocs.yml", site)
    return site
