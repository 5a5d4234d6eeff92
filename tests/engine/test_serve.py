"""The author's preview, `bash scripts/serve`: a short log before it serves, an edit to a municipality file
reaching the running preview (the script watches municipalities/ and search/, not only docs/), and memory
that stays flat over rebuilds."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from conftest import HANG_GUARD_S
from preview import Preview, project_copy, replace

pytestmark = pytest.mark.site  # every test here builds a site (tests/conftest.py: the two tiers)

MOST_LINES_BEFORE_SERVING = (
    20  # pages the section indexes list are left out of MkDocs' "not in the nav" list (mkdocs.yml)
)
# a build takes seconds; a loaded machine may take minutes, only a hang takes this
BUILDS_GUARD_S = 10 * HANG_GUARD_S


def test_the_preview_starts_with_a_short_log_and_shows_an_edited_municipality_file(tmp_path):
    root = project_copy(tmp_path / "project")
    with Preview(root, BUILDS_GUARD_S) as preview:
        assert len(preview.lines_before_serving()) <= MOST_LINES_BEFORE_SERVING, "\n".join(
            preview.lines_before_serving()
        )
        assert "Socialjouren för Sigtuna kommun" in preview.page("kontakter/")
        replace(
            root / "municipalities" / "sigtuna.yml",
            "sv: Socialjouren för Sigtuna kommun",
            "sv: Socialjouren i Märsta",
        )
        assert preview.seconds_until_shown("kontakter/", "Socialjouren i Märsta") is not None, "\n".join(
            preview.log[-20:]
        )


REBUILDS = 10
MOST_GROWTH_MIB = (
    30  # a rebuild's garbage kept for good grew the process by about 8 MiB a rebuild, 70 MiB over ten
)


def test_rebuilding_in_one_process_keeps_its_memory(tmp_path):
    """As under mkdocs serve: ten builds in one process, a page edited before each, so that the handbook is read
    again each time (in a fresh interpreter, so that the figures are this build's alone)."""
    root = project_copy(tmp_path / "project")
    run = subprocess.run(
        [sys.executable, "-c", REBUILDING, str(root), str(REBUILDS)],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(root / "hooks")},
        timeout=REBUILDS * HANG_GUARD_S,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    resident = json.loads(run.stdout.splitlines()[-1])
    assert resident[-1] - resident[1] <= MOST_GROWTH_MIB, f"resident MiB after each build: {resident}"


REBUILDING = """
import json, os, sys
from pathlib import Path
from samverkan.engine.mkdocs_build import build_site

root, rebuilds = Path(sys.argv[1]), int(sys.argv[2])
page, resident = root / "docs" / "sv" / "index.md", []
for build in range(1, rebuilds + 1):
    os.utime(page, (build, build))
    build_site(root / "mkdocs.yml", root / "site", strict=False)
    resident.append(int(next(line for line in open("/proc/self/status") if line.startswith("VmRSS")).split()[1]) / 1024)
print(json.dumps(resident))
"""
