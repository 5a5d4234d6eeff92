"""Municipality editions: the county edition and every municipality's, one after another and on every core."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import measure

ROOT = measure.ROOT
sys.path.insert(0, str(ROOT / "hooks"))

from samverkan.editions.overlay import municipality_files  # noqa: E402

PYTHON = str(measure.VENV_BIN / "python")


def edition_command(name: str | None, site_dir: Path) -> list[str]:
    """The issue-5 build command: a municipality's edition, or the county edition when NAME is None."""
    return [
        PYTHON,
        "-m",
        "samverkan",
        "build",
        *(["--municipality", name] if name else []),
        "--site-dir",
        str(site_dir),
    ]


def municipalities() -> list[str]:
    return [path.stem for path in municipality_files(ROOT)]


def build_all(names: list[str | None], workers: int, root: Path = ROOT) -> dict:
    """Wall time to build every edition in NAMES of the project in ROOT with WORKERS builds at a time, and the
    editions that failed."""

    def build_one(name: str | None) -> int:
        # the build makes site/ and site.releases/ in it
        folder = Path(tempfile.mkdtemp(prefix="bench-edition-"))
        try:
            return subprocess.run(
                edition_command(name, folder / "site"), cwd=root, env=measure.ENV, capture_output=True
            ).returncode
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    start = time.perf_counter()
    with ThreadPoolExecutor(workers) as pool:
        failed = [
            name or "county"
            for name, code in zip(names, pool.map(build_one, names), strict=True)
            if code != 0
        ]
    return {"wall_s": round(time.perf_counter() - start, 3), "failed": failed}


def measure_editions() -> dict:
    county = measure.build(ROOT / "mkdocs.yml", strict=True)
    result = {"county_edition_s": round(county.wall_s, 3), "cores": os.cpu_count()}
    names = [None, *municipalities()]
    return {
        **result,
        "editions": [name or "county" for name in names],
        "sequential": build_all(names, 1),
        "parallel": build_all(names, os.cpu_count()),
    }
