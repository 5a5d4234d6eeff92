"""The author's preview, `bash scripts/serve`, run on a copy of the project: its log, its pages, and how an
edit reaches them. Used by tests/test_serve.py and by bench/ (which times edit → shown)."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Everything the preview reads, copied, so that an edit (even to a view template: render.TEMPLATES is found
# from the hooks' own path) changes the copy only; the installed packages are shared.
COPIED = (
    "docs",
    "hooks",
    "overrides",
    "municipalities",
    "search",
    "schema",
    "scripts",
    "mkdocs.yml",
    "requirements.txt",
)
SERVING = "Serving on"


def project_copy(dest: Path) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, dest / name)
    (dest / ".venv").symlink_to(ROOT / ".venv", target_is_directory=True)
    return dest


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Preview:
    """`bash scripts/serve` in ROOT on a free port, from start until it serves (or HANG_GUARD_S pass) to the end of the block."""

    def __init__(self, root: Path, hang_guard_s: float):
        self.root, self.hang_guard_s = root, hang_guard_s
        self.port = free_port()
        self.log: list[str] = []
        self._serving = threading.Event()

    def __enter__(self) -> Preview:
        env = {**os.environ, "ADDR": f"127.0.0.1:{self.port}"}
        self._process = subprocess.Popen(
            ["bash", "scripts/serve"],
            cwd=self.root,
            env=env,
            text=True,
            start_new_session=True,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        threading.Thread(target=self._read, daemon=True).start()
        if not self._serving.wait(self.hang_guard_s):
            self.__exit__()
            raise TimeoutError(
                f"scripts/serve did not serve within {self.hang_guard_s} s:\n" + "\n".join(self.log)
            )
        return self

    def _read(self) -> None:
        for line in self._process.stdout:
            self.log.append(line.rstrip("\n"))
            if SERVING in line:
                self._serving.set()

    def __exit__(self, *exc) -> None:
        os.killpg(self._process.pid, signal.SIGTERM)  # its own session: bash, then the mkdocs it became
        self._process.wait(self.hang_guard_s)

    def lines_before_serving(self) -> list[str]:
        return self.log[: next(i for i, line in enumerate(self.log) if SERVING in line)]

    def page(self, path: str) -> str:
        with urllib.request.urlopen(
            f"http://127.0.0.1:{self.port}/{path}", timeout=self.hang_guard_s
        ) as response:
            return response.read().decode("utf-8")

    def seconds_until_shown(self, path: str, text: str) -> float | None:
        """Poll PATH until TEXT is on it: the seconds that took, or None after HANG_GUARD_S."""
        start = time.monotonic()
        while time.monotonic() - start < self.hang_guard_s:
            try:
                if text in self.page(path):
                    return time.monotonic() - start
            except urllib.error.URLError:  # between two builds
                pass
            time.sleep(0.1)
        return None
