"""Build a site in-process with MkDocs, as `mkdocs build` does.

The one place outside the hook module that calls MkDocs; commands and tests
build through it. MkDocs is imported only when a build is asked for.
"""

from __future__ import annotations

import os
from pathlib import Path


def build_site(
    config_file: str | Path, site_dir: str | Path, strict: bool = True, site_url: str | None = None
) -> None:
    """Build; raises MkDocs' Abort when a strict build has warnings (every handbook problem is one).
    ``site_url``, when given, replaces the configuration's (an edition's own address)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    config = load_config(
        str(config_file),
        site_dir=str(site_dir),
        strict=strict,
        **({"site_url": site_url} if site_url else {}),
    )
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
