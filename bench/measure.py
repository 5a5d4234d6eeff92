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

from generate import mirror, plain_material

ROOT = Path(__file__).resolve().parents[1]
VENV_BIN = ROOT / ".venv" / "bin"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT / "hooks")}


@dataclass
class Run:
    wall_s: float
    peak_mib: float
    returncode: int
    cpu_s: float  # user + system time of the process and of the children it waited for (wait4 counts both)
    output: str
    html_pages: int = 0


def timed(command: list[str], cwd: Path = ROOT) -> Run:
    """Run COMMAND to completion; its wall time and the peak resident memory of that one process."""
    with tempfile.TemporaryFile(mode="w+") as output:
        start = time.perf_counter()
        process = subprocess.Popen(
            command, cwd=cwd, env=ENV, stdout=output, stderr=subprocess.STDOUT, text=True
        )
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        output.seek(0)
        return Run(
            wall, usage.ru_maxrss / 1024, process.returncode, usage.ru_utime + usage.ru_stime, output.read()
        )


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
    return {
        name: float(seconds)
        for name, seconds in re.findall(r"^hook (on_\w+): ([\d.]+)", run.output, re.MULTILINE)
    }


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


def variants(config: Path, work: Path) -> dict[str, tuple[Path, bool]]:
    """The tree of CONFIG three ways: with the hooks (strict), without them, and as a plain Material site (name: (config, strict))."""
    return {
        "with_hooks": (config, True),
        "without_hooks": (
            mirror(config.parent, work / "without-hooks", {"hooks": [], "strict": False}),
            False,
        ),
        "plain_material": (plain_material(config.parent, work / "plain-material"), False),
    }


def in_turns(builds: dict[str, tuple[Path, bool]], runs: int, warm_up: bool) -> dict[str, list[Run]]:
    """RUNS builds of each, taking turns (A B C A B C ...), so that a machine that slows down or speeds up
    weighs on all alike and run i of each makes a pair."""
    if warm_up:
        for config, strict in builds.values():
            build(config, strict)
    rounds = [
        {name: succeeded(build(config, strict), config) for name, (config, strict) in builds.items()}
        for _ in range(runs)
    ]
    return {name: [each[name] for each in rounds] for name in builds}


def succeeded(run: Run, config: Path) -> Run:
    """RUN, if the build succeeded: a failed build's figures would mean nothing."""
    if run.returncode != 0:
        raise SystemExit(f"the build of {config} failed:\n{run.output[-2000:]}")
    return run


def paired_ratio(numerators: list[Run], denominators: list[Run], field: str) -> dict:
    """FIELD of each run over FIELD of its pair: the median ratio and the lowest and highest."""
    ratios = sorted(
        getattr(a, field) / getattr(b, field) for a, b in zip(numerators, denominators, strict=True)
    )
    return {
        "median": round(statistics.median(ratios), 3),
        "low": round(ratios[0], 3),
        "high": round(ratios[-1], 3),
    }


def share(ratio: dict) -> dict:
    """1 - RATIO (without ÷ with), so the lowest ratio gives the highest share."""
    return {
        "median": round(1 - ratio["median"], 3),
        "low": round(1 - ratio["high"], 3),
        "high": round(1 - ratio["low"], 3),
    }


def build_cost(config: Path, runs: int, warm_up: bool, work: Path) -> dict:
    """Strict build with the hooks (and the time inside them), the same tree built without them and as a plain
    Material site, in turns; each share and ratio is taken pair by pair; and the check command."""
    runs_of = in_turns(variants(config, work), runs, warm_up)
    with_hooks, bare, plain = runs_of["with_hooks"], runs_of["without_hooks"], runs_of["plain_material"]
    checks = repeated(lambda: check(config), runs, warm_up=False)
    in_hooks = statistics.median(hook_seconds(run) for run in with_hooks)
    return {
        "build": {
            **summarised(with_hooks),
            "html_pages": with_hooks[-1].html_pages,
            "warnings": warnings(with_hooks[-1]),
            "in_hooks_s": round(in_hooks, 3),
            "in_hooks_by_event_s": hook_events(with_hooks[-1]),
        },
        "build_without_hooks": {**summarised(bare), "html_pages": bare[-1].html_pages},
        "build_plain_material": {**summarised(plain), "html_pages": plain[-1].html_pages},
        "hooks_share": share(paired_ratio(bare, with_hooks, "wall_s")),
        "hooks_cpu_share": share(paired_ratio(bare, with_hooks, "cpu_s")),
        "in_hooks_share": round(in_hooks / summarised(with_hooks)["wall_s"], 3),
        "over_plain_material": {
            "wall": paired_ratio(with_hooks, plain, "wall_s"),
            "cpu": paired_ratio(with_hooks, plain, "cpu_s"),
        },
        "check": {**summarised(checks), "problems": problems(checks[-1])},
    }
