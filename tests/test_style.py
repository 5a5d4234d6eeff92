"""The whole tree is as ruff formats and lints it (settings in pyproject.toml), so a diff shows only what changed."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def ruff(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ruff", *args], cwd=ROOT, capture_output=True, text=True)


def test_ruff_finds_nothing_to_lint():
    run = ruff("check", "--output-format", "concise", ".")
    assert run.returncode == 0, run.stdout + run.stderr


def test_ruff_would_reformat_nothing():
    run = ruff("format", "--check", ".")
    assert run.returncode == 0, run.stdout + run.stderr
