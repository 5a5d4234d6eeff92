"""Does the background fork pay? (issue 34, item 6) The real handbook's strict build, with the checks and views
forked onto the other core (samverkan/engine/background.py) and with the same work run in-process, in turns
(A B A B ...), compared pair by pair.

    .venv/bin/python bench/background.py [PAIRS]

Prints each pair and the median saving of the fork, wall and CPU time.
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

import measure

ROOT = Path(__file__).resolve().parents[1]
# The in-process variant: the module's own fallback (the path it takes under `mkdocs serve`), chosen for every build.
IN_PROCESS = "from samverkan.engine import background\nbackground.threading.active_count = lambda: 2\n"
BUILD = "import sys\nfrom mkdocs.__main__ import cli\nsys.exit(cli())\n"


def one_build(in_process: bool) -> measure.Run:
    site = Path(tempfile.mkdtemp(prefix="bench-background-"))
    code = (IN_PROCESS if in_process else "") + BUILD
    command = [
        sys.executable,
        "-c",
        code,
        "build",
        "--strict",
        "-q",
        "-f",
        str(ROOT / "mkdocs.yml"),
        "-d",
        str(site),
    ]
    try:
        run = measure.timed(command)
        assert run.returncode == 0, run.output
        return run
    finally:
        shutil.rmtree(site, ignore_errors=True)


def main(pairs: int) -> None:
    one_build(False)  # warm-up: the file cache, the compiled bytecode
    saved_wall, saved_cpu = [], []
    print(f"load average at the start: {os.getloadavg()[0]:.2f}")
    for number in range(1, pairs + 1):
        forked, plain = one_build(False), one_build(True)
        saved_wall.append(plain.wall_s - forked.wall_s)
        saved_cpu.append(plain.cpu_s - forked.cpu_s)
        print(
            f"pair {number}: forked {forked.wall_s:.2f} s wall, {forked.cpu_s:.2f} s CPU; "
            f"in-process {plain.wall_s:.2f} s wall, {plain.cpu_s:.2f} s CPU"
        )
    print(
        f"the fork saves {statistics.median(saved_wall):.2f} s wall "
        f"({min(saved_wall):.2f} to {max(saved_wall):.2f}), {statistics.median(saved_cpu):.2f} s CPU (median of {pairs} pairs)"
    )
    print(f"load average at the end: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 8)
