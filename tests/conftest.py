"""Shared fixtures: the real site, built once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest
from samverkan.engine.mkdocs_build import build_site

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real handbook, built strictly once; the site folder (Swedish at the root, English in en/)."""
    site = tmp_path_factory.mktemp("site")
    build_site(ROOT / "mkdocs.yml", site)
    return site
