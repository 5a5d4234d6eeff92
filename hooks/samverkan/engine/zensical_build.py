"""Build one tree (``samverkan compile``) with Zensical, which lives in its own environment.

Zensical and its zensical-ui are pinned together in requirements-zensical.txt and installed into .venv-zensical/
by scripts/setup-zensical, never into the project's .venv/: each release pins one exact zensical-ui, and
the project's own tools must not depend on it. Zensical reads no hooks, so what the hooks do runs after it
(site/finish.py); its exit code proves nothing about the site (the verifier judges that).
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[3]
ENVIRONMENT = PROJECT / ".venv-zensical"
SETUP = "bash scripts/setup-zensical"


class ZensicalFailed(Exception):
    """The build could not be made; the message is one line per reason."""


def program() -> Path:
    """The zensical command of the project's own environment, as an absolute path (it runs in the tree)."""
    return ENVIRONMENT / "bin" / "zensical"


def version() -> str | None:
    """The installed Zensical's version, or None when it is not installed."""
    if not program().is_file():
        return None
    run = subprocess.run([str(program()), "--version"], capture_output=True, text=True, check=False)
    return run.stdout.strip() or None


def build_tree(folder: str | Path) -> Path:
    """Build the tree in ``folder`` (its mkdocs.yml) into ``folder/site``; the site's folder."""
    if not program().is_file():
        raise ZensicalFailed(f"Zensical is not installed in {ENVIRONMENT.name}/ — run {SETUP}")
    run = subprocess.run(
        [str(program()), "build", "--clean", "--strict"],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "NO_COLOR": "1"},
    )
    site = Path(folder) / "site"
    if run.returncode != 0 or not (site / "index.html").is_file():
        said = [line for line in (run.stderr + run.stdout).splitlines() if line.strip()][-5:]
        raise ZensicalFailed("\n".join([f"Zensical did not build {folder} (exit {run.returncode})", *said]))
    return site
