"""A publish killed with SIGKILL at any moment leaves the published site intact, no process behind, and only
leftovers that the next publish removes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from conftest import HANG_GUARD_S
from handbooks import copy_minimal
from samverkan.publish import publish, releases
from test_publish import fake_build, snapshot

HOOKS = Path(__file__).resolve().parents[2] / "hooks"
ENV = {**os.environ, "PYTHONPATH": str(HOOKS), "NO_MKDOCS_2_WARNING": "1"}

# Runs a publish (or rollback) of fake releases and kills itself with SIGKILL at its Nth change to the
# disk; with N = 0 it finishes and prints how many changes it made.
KILLED_AT_A_STEP = textwrap.dedent("""
    import os, shutil, signal, sys
    from pathlib import Path
    from samverkan.publish import releases
    target, action, kill_at = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    steps = 0

    def counted(function):
        def step(*args, **kwargs):
            global steps
            steps += 1
            if steps == kill_at:
                os.kill(os.getpid(), signal.SIGKILL)
            return function(*args, **kwargs)
        return step

    for name in ("mkdir", "rename", "replace", "symlink", "rmdir", "unlink", "chmod"):
        setattr(os, name, counted(getattr(os, name)))
    releases._exchange = counted(releases._exchange)
    releases._write_marker = counted(releases._write_marker)

    def build(folder):
        (folder / "en").mkdir()
        (folder / "index.html").write_text("v2")
        (folder / "en" / "index.html").write_text("v2")

    place = releases.place(target, target.parent / "project")
    releases.publish(place, build) if action == "publish" else releases.rollback(place)
    print(steps)
""")

SCENARIOS = {
    # name: (how the published folder is before, the action, what it may serve after the kill)
    "publish over a link": ("link", "publish", {"v1", "v2"}),
    "publish over a folder made before releases": ("folder", "publish", {"old", "v2"}),
    "rollback": ("two releases", "rollback", {"v1", "v2"}),
}


def prepare(place: releases.Place, before: str) -> None:
    if before == "folder":
        place.path.mkdir(parents=True)
        (place.path / "index.html").write_text("old")
        (place.path / releases.MARKER).write_text(releases.MARKER_TEXT)
        return
    releases.publish(place, fake_build("v1"))
    if before == "two releases":
        releases.publish(place, fake_build("v2"))


def run_killed_at(place: releases.Place, action: str, kill_at: int) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", KILLED_AT_A_STEP, str(place.path), action, str(kill_at)],
        env=ENV,
        capture_output=True,
        text=True,
        timeout=30,
    )


def assert_intact_and_cleaned_up_by_the_next_publish(place: releases.Place, may_serve: set[str]) -> None:
    served = (place.path / "index.html").read_text()
    assert served in may_serve and (place.path / releases.MARKER).is_file()
    if served != "old":
        assert (place.path / "en" / "index.html").read_text() == served  # a complete release
    releases.publish(place, fake_build("v3"))
    assert (place.path / "index.html").read_text() == "v3"
    assert sorted(p.name for p in place.path.parent.iterdir()) == ["plan", "plan.releases"]
    left = [n for n in os.listdir(place.releases) if n not in (".lock", releases.MARKER)]
    assert all(releases.RELEASE.fullmatch(n) for n in left) and len(left) <= releases.KEEP, left


@pytest.mark.parametrize("scenario", SCENARIOS, ids=list(SCENARIOS))
def test_a_kill_at_every_step_leaves_the_site_intact_and_the_next_publish_cleans_up(tmp_path, scenario):
    before, action, may_serve = SCENARIOS[scenario]
    counting = releases.Place(tmp_path / "count" / "plan")
    prepare(counting, before)
    finished = run_killed_at(counting, action, 0)
    assert finished.returncode == 0, finished.stderr
    steps = int(finished.stdout)
    assert steps >= 8
    for kill_at in range(1, steps + 1):
        place = releases.Place(tmp_path / f"killed-at-{kill_at}" / "plan")
        prepare(place, before)
        killed = run_killed_at(place, action, kill_at)
        assert killed.returncode == -signal.SIGKILL, (kill_at, killed.stderr)
        assert_intact_and_cleaned_up_by_the_next_publish(place, may_serve)


# --- The real command, with its MkDocs build ------------------------------------------------------


def processes_naming(text: str) -> list[int]:
    """Live processes whose command line contains TEXT."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and text.encode() in (entry / "cmdline").read_bytes():
                found.append(int(entry.name))
        except OSError:  # the process ended while we looked
            pass
    return found


def wait_for(condition, timeout: float) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.005)
    return condition()


def publish_command(config: Path, published: Path) -> list[str]:
    command = "import sys\nfrom samverkan.cli import main\nsys.exit(main())"
    return [sys.executable, "-c", command, "--config", str(config), "publish", "--to", str(published)]


# seconds after the start (a whole publish of the small handbook takes about 0.7 s)
MOMENTS = [0.05, 0.2, 0.35, 0.5, 0.65]


@pytest.mark.site
def test_killing_the_real_publish_at_several_moments_leaves_the_site_and_no_process(tmp_path):
    handbook = copy_minimal(tmp_path)
    published = tmp_path / "www" / "plan"
    publish.publish(handbook / "mkdocs.yml", published)
    serving = snapshot(published)
    for moment in MOMENTS:
        process = subprocess.Popen(
            publish_command(handbook / "mkdocs.yml", published),
            env=ENV,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(moment)
        process.send_signal(signal.SIGKILL)
        process.wait()
        assert wait_for(lambda: processes_naming(str(published)) == [], timeout=HANG_GUARD_S), (
            f"a process outlived the kill at {moment}"
        )
        now = snapshot(published)
        assert now == serving or now.keys() >= {"index.html", "en/index.html", releases.MARKER}, moment
        serving = now
    finished = subprocess.run(
        publish_command(handbook / "mkdocs.yml", published), env=ENV, capture_output=True, timeout=60
    )
    assert finished.returncode == 0, finished.stderr
    assert sorted(p.name for p in published.parent.iterdir()) == ["plan", "plan.releases"]
    left = [
        n for n in os.listdir(published.with_name("plan.releases")) if n not in (".lock", releases.MARKER)
    ]
    assert all(releases.RELEASE.fullmatch(n) for n in left) and len(left) <= releases.KEEP, left
