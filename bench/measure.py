"""Timed child processes: a site build or the check command, with wall time and peak memory."""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from generate import mirror

ROOT = Path(__file__).resolve().parents[1]
VENV_BIN = ROOT / ".venv" / "bin"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT / "hooks")}


@dataclass
class Run:
    wall_s: float
    peak_mib: float
    returncode: int
    cpu_s: float  # user + system time of the process and the children it waited for (the hooks' background work)
    output: str
    html_pages: int = 0


def timed(command: list[str], cwd: Path = ROOT) -> Run:
    """Run COMMAND to completion; its wall time and the peak resident memory of that one process."""
    with tempfile.TemporaryFile(mode="w+") as output:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=ENV, stdout=output, stderr=subprocess.STDOUT, text=True)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        output.seek(0)
        return Run(wall, usage.ru_maxrss / 1024, process.returncode, usage.ru_utime + usage.ru_stime, output.read())


def build(config: Path, strict: bool, site_dir: Path | None = None) -> Run:
    """``mkdocs build`` of CONFIG into SITE_DIR, or into a temporary folder removed afterwards; timing the hooks."""
    target = site_dir or Path(tempfile.mkdtemp(prefix="bench-site-"))
    mkdocs = [str(VENV_BIN / "python"), str(Path(__file__).parent / "hooktime.py")]
    command = mkdocs + ["build", "-f", str(config), "-d", str(target)] + (["--strict"] if strict else [])
    try:
        run = timed(command)
        run.html_pages = sum(1 for _ in target.rglob("*.html"))
        return run
    finally:
        if site_dir is None:
            shutil.rmtree(target, ignore_errors=True)


def check(config: Path) -> Run:
    return timed([str(VENV_BIN / "python"), "-m", "samverkan", "--config", str(config), "check"])


def warnings(run: Run) -> int:
    return len(re.findall(r"^WARNING", run.output, re.MULTILINE))


def hook_seconds(run: Run) -> float:
    return float(re.search(r"^hook seconds: ([\d.]+)", run.output, re.MULTILINE)[1])


def hook_events(run: Run) -> dict[str, float]:
    """Seconds inside each hook function (bench/hooktime.py), most first."""
    return {name: float(seconds) for name, seconds in re.findall(r"^hook (on_\w+): ([\d.]+)", run.output, re.MULTILINE)}


def problems(run: Run) -> int | None:
    found = re.search(r"^(\d+) problem\(s\)", run.output, re.MULTILINE)
    return int(found[1]) if found else None


def repeated(measure, runs: int, warm_up: bool) -> list[Run]:
    """RUNS calls of MEASURE, after an unmeasured one if WARM_UP."""
    if warm_up:
        measure()
    return [measure() for _ in range(runs)]


def summarised(results: list[Run]) -> dict:
    """Median wall time and peak memory of RESULTS, and the last one's exit code."""
    return {
        "wall_s": round(statistics.median(r.wall_s for r in results), 3),
        "walls_s": [round(r.wall_s, 3) for r in results],
        "peak_mib": round(max(r.peak_mib for r in results), 1),
        "cpu_s": round(statistics.median(r.cpu_s for r in results), 3),
        "returncode": results[-1].returncode,
    }


def build_cost(config: Path, runs: int, warm_up: bool, bare_dir: Path) -> dict:
    """Strict build with the hooks (and the time inside them), the same tree built without them in BARE_DIR, and the check command.

    The two builds take turns (with, without, with, ...), so a machine that slows down or speeds up
    during the run weighs on both alike."""
    bare = mirror(config.parent, bare_dir, {"hooks": [], "strict": False})
    if warm_up:
        build(config, strict=True), build(bare, strict=False)
    pairs = [(build(config, strict=True), build(bare, strict=False)) for _ in range(runs)]
    with_hooks, bare_runs = [pair[0] for pair in pairs], [pair[1] for pair in pairs]
    without_hooks = summarised(bare_runs)
    checks = repeated(lambda: check(config), runs, warm_up=False)
    built = summarised(with_hooks)
    in_hooks = statistics.median(hook_seconds(run) for run in with_hooks)
    return {
        "build": {**built, "html_pages": with_hooks[-1].html_pages, "warnings": warnings(with_hooks[-1]), "in_hooks_s": round(in_hooks, 3),
                  "in_hooks_by_event_s": hook_events(with_hooks[-1])},
        "build_without_hooks": {**without_hooks, "html_pages": bare_runs[-1].html_pages},
        "hooks_share": round(1 - without_hooks["wall_s"] / built["wall_s"], 3),
        "in_hooks_share": round(in_hooks / built["wall_s"], 3),
        "hooks_cpu_share": round(1 - without_hooks["cpu_s"] / built["cpu_s"], 3),
        "check": {**summarised(checks), "problems": problems(checks[-1])},
    }
