"""Background work (samverkan.engine.background): the result of the work, from a forked process when no other
thread runs. Each case runs in a fresh interpreter: the test session itself runs threads (the browser
tests' web server), and then the work rightly stays in-process."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest
from samverkan.engine.background import Background

HOOKS = Path(__file__).resolve().parents[2] / "hooks"


def run_fresh(code: str) -> subprocess.CompletedProcess:
    prelude = "import os\nfrom samverkan.engine.background import Background, BackgroundError\n"
    return subprocess.run(
        [sys.executable, "-c", prelude + textwrap.dedent(code)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(HOOKS)},
        timeout=60,
    )


def test_the_result_comes_back_from_another_process():
    run = run_fresh("""
        work = Background(lambda: {"pid": os.getpid(), "pages": [("sv", "index.md")]})
        result = work.result()
        assert result["pages"] == [("sv", "index.md")], result
        assert result["pid"] != os.getpid(), "run in a forked process"
        assert work.result() is result, "the same value every time"
    """)
    assert run.returncode == 0, run.stderr


@pytest.mark.parametrize(
    "work,message",
    [
        (
            "(_ for _ in ()).throw(ValueError('a view template is broken'))",
            "ValueError: a view template is broken",
        ),
        ("os._exit(3)", "ended without a result (exit code 3)"),
    ],
    ids=["an exception, with its traceback", "a process that dies"],
)
def test_a_failure_is_raised(work, message):
    run = run_fresh(f"""
        try:
            Background(lambda: {work}).result()
        except BackgroundError as error:
            assert {message!r} in str(error), error
        else:
            raise SystemExit("no error raised")
    """)
    assert run.returncode == 0, run.stderr


def test_with_other_threads_running_the_work_runs_in_this_process_when_asked():
    calls = []
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        work = Background(lambda: calls.append(os.getpid()) or "done")
        assert calls == [], "not before it is asked for"
        assert work.result() == "done" and calls == [os.getpid()]
    finally:
        stop.set()
        other.join()
