"""Build small broken handbooks from the minimal fixture for the engine's tests."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from samverkan.checks import rules
from samverkan.editions.handbook import load_site

MINIMAL = Path(__file__).resolve().parent / "fixtures" / "minimal"


def copy_minimal(tmp_path: Path) -> Path:
    """A copy of the minimal handbook whose mkdocs.yml points at this project's hooks and overrides."""
    root = tmp_path / "handbook"
    shutil.copytree(MINIMAL, root)
    project = MINIMAL.parents[2]
    config = (root / "mkdocs.yml").read_text(encoding="utf-8").replace("../../../", f"{project.as_posix()}/")
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    return root


def replace(root: Path, file: str, old: str, new: str) -> None:
    path = root / file
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {file}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems(root: Path) -> list[str]:
    return [str(problem) for problem in rules.run_all(load_site(root / "mkdocs.yml"))]


def run_command(root: Path, *args: str) -> subprocess.CompletedProcess:
    """`samverkan --config root/mkdocs.yml ARGS` in a process of its own, as a person types it, with this
    checkout's code; its output, exit code and any traceback as the process shows them."""
    return subprocess.run(
        [sys.executable, "-m", "samverkan", "--config", str(root / "mkdocs.yml"), *args],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(MINIMAL.parents[2] / "hooks")},
        timeout=120,
    )
