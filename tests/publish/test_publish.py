"""Safe publishing: build and check in a release folder of its own, then switch the published link in one
rename; refuse every folder that publish did not make; readable by a web server running as another user."""

from __future__ import annotations

import fcntl
import os
import shutil
import stat
import tempfile
import threading
from pathlib import Path

import pytest
from handbooks import copy_minimal, replace
from samverkan import cli
from samverkan.publish import publish, releases


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def tree(folder: Path) -> dict[str, tuple]:
    """Every path under FOLDER with its kind, mode and content: what "nothing changed" compares."""

    def entry(path: Path) -> tuple:
        info = path.lstat()
        content = os.readlink(path) if path.is_symlink() else path.read_bytes() if path.is_file() else None
        return stat.S_IFMT(info.st_mode), stat.S_IMODE(info.st_mode), content

    return {p.relative_to(folder).as_posix(): entry(p) for p in sorted(folder.rglob("*"))}


def fake_build(text: str):
    """A stand-in for the MkDocs build: two pages, so that the release mechanism is tested in milliseconds."""

    def build(folder: Path) -> None:
        (folder / "en").mkdir()
        (folder / "index.html").write_text(text)
        (folder / "en" / "index.html").write_text(text)

    return build


def release_names(place: releases.Place) -> list[str]:
    return sorted(p.name for p in place.releases.iterdir())


@pytest.fixture
def handbook(tmp_path):
    return copy_minimal(tmp_path)


@pytest.fixture
def fake_place(tmp_path):
    return releases.place(tmp_path / "www" / "plan", tmp_path / "project")


def run_cli(capsys, *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


# --- End to end, with the real build -----------------------------------------------------------------


@pytest.mark.site
def test_publish_switches_to_a_checked_build_and_a_failed_build_leaves_the_site_untouched(
    handbook, tmp_path, capsys
):
    published = tmp_path / "www" / "plan"
    config = str(handbook / "mkdocs.yml")

    code, out, _ = run_cli(capsys, "--config", config, "publish", "--to", str(published))
    assert code == 0 and out.startswith(f"Published the county edition to {published} (release 000001-")
    first = snapshot(published)
    assert "index.html" in first and "en/index.html" in first and releases.MARKER in first

    replace(
        handbook,
        "docs/sv/rutiner/avvikning.md",
        "1. Boendet ringer polisen.",
        "1. Boendet ringer polisen. [[ingen-sadan-sida]]",
    )
    code, _, err = run_cli(capsys, "--config", config, "publish", "--to", str(published))
    assert code == 1
    assert (
        "'ingen-sadan-sida' is not the id of any page" in err
        and f"Nothing was published; {published} is unchanged." in err
    )
    assert snapshot(published) == first
    assert sorted(p.name for p in published.parent.iterdir()) == ["plan", "plan.releases"]
    assert [n for n in release_names(releases.Place(published)) if n.startswith(".building")] == []

    replace(handbook, "docs/sv/rutiner/avvikning.md", " [[ingen-sadan-sida]]", "")
    replace(handbook, "docs/sv/index.md", "Läs [[avvikning]].", "Läs [[avvikning]] nu.")
    assert run_cli(capsys, "--config", config, "publish", "--to", str(published))[0] == 0
    assert "nu." in (published / "index.html").read_text(encoding="utf-8")
    assert sorted(p.name for p in published.parent.iterdir()) == ["plan", "plan.releases"]


@pytest.mark.site
def test_a_build_that_fails_inside_mkdocs_prints_mkdocs_own_warning_and_leaves_the_site(
    handbook, tmp_path, capsys
):
    config = str(handbook / "mkdocs.yml")
    code, out, _ = run_cli(capsys, "--config", config, "build")
    site = handbook / "site"
    assert code == 0 and out.startswith(f"Built the county edition into {site} (release ")
    first = snapshot(site)
    (handbook / "mkdocs.yml").write_text(
        (handbook / "mkdocs.yml").read_text(encoding="utf-8") + "unknown_key: 1\n", encoding="utf-8"
    )

    code, out, err = run_cli(capsys, "--config", config, "build")
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        "WARNING -  Config value 'unknown_key': Unrecognised configuration name: unknown_key",
        "the site did not build: Aborted with 1 configuration warnings in 'strict' mode!",
        f"Nothing was built; {site} is unchanged.",
    ]
    assert snapshot(site) == first


def test_build_refuses_an_output_folder_it_did_not_make_and_one_deeper_in_the_project(handbook, capsys):
    config = str(handbook / "mkdocs.yml")
    (handbook / "site").mkdir()
    (handbook / "site" / "index.html").write_text("made by mkdocs build")
    before = tree(handbook)
    assert run_cli(capsys, "--config", config, "build") == (
        1,
        "",
        f"{handbook}/site: is not empty and was not made by build or publish (it has no .samverkan-publish) — give a new or empty folder\n",
    )
    assert run_cli(capsys, "--config", config, "build", "--site-dir", str(handbook / "docs" / "out")) == (
        1,
        "",
        f"{handbook}/docs/out: is inside the project folder — build into site/ or a folder outside the project\n",
    )
    assert run_cli(capsys, "--config", config, "build", "--site-dir", str(handbook)) == (
        1,
        "",
        f"{handbook}: is the project folder — give a folder of its own, e.g. /var/www/plan\n",
    )
    assert tree(handbook) == before


# --- Refusals: one line, exit 1, nothing touched -----------------------------------------------------


def _forbid_changes(monkeypatch):
    """Any change to the disk fails the test, so that a refusal of / or the home folder is safe to test."""

    def refuse(*args, **kwargs):
        raise AssertionError(f"touched the disk: {args}")

    for name in ("mkdir", "rename", "replace", "symlink", "rmdir", "unlink", "chmod", "open"):
        monkeypatch.setattr(releases.os, name, refuse)
    monkeypatch.setattr(releases.shutil, "rmtree", refuse)


def _foreign_site(root: Path) -> Path:
    (root / "other-site").mkdir()
    (root / "other-site" / "index.html").write_text("another team's site")
    return root / "other-site"


def _ssh_like(root: Path) -> Path:
    (root / "home" / ".ssh").mkdir()
    (root / "home" / ".ssh" / "authorized_keys").write_text("ssh-ed25519 AAAA")
    return root / "home" / ".ssh"


def _a_file(root: Path) -> Path:
    (root / "notes.txt").write_text("keep me")
    return root / "notes.txt"


def _foreign_link(root: Path) -> Path:
    (root / "www").symlink_to(root / "handbook" / "docs")
    return root / "www"


def _foreign_releases(root: Path) -> Path:
    (root / "plan.releases").mkdir()
    (root / "plan.releases" / "backup.tar").write_text("not ours")
    return root / "plan"


ELSEWHERE = "give a folder of its own, e.g. /var/www/plan"
REFUSALS = {
    "the root folder": (lambda root: Path("/"), "is the root folder — " + ELSEWHERE),
    "the home folder": (lambda root: root / "home", "is your home folder — " + ELSEWHERE),
    "the project folder": (lambda root: root / "handbook", "is the project folder — " + ELSEWHERE),
    "the project's docs": (
        lambda root: root / "handbook" / "docs",
        "is inside the project folder — publish outside the project",
    ),
    "a new folder inside the project": (
        lambda root: root / "handbook" / "www",
        "is inside the project folder — publish outside the project",
    ),
    "a folder above the project": (lambda root: root, "holds the project folder — " + ELSEWHERE),
    "a file": (_a_file, "is a file, not a folder — give a folder"),
    "another site": (
        _foreign_site,
        "is not empty and was not made by build or publish (it has no .samverkan-publish) — give a new or empty folder",
    ),
    "an .ssh folder": (
        _ssh_like,
        "is not empty and was not made by build or publish (it has no .samverkan-publish) — give a new or empty folder",
    ),
    "a link publish did not make": (
        _foreign_link,
        "is a symbolic link that build or publish did not make — remove it yourself or give another folder",
    ),
    "a foreign X.releases": (
        _foreign_releases,
        "plan.releases beside it was not made by build or publish — move it away or give another folder",
    ),
}


@pytest.mark.parametrize("case", REFUSALS, ids=list(REFUSALS))
@pytest.mark.parametrize("rollback", [False, True], ids=["publish", "rollback"])
def test_each_refusal_is_one_line_and_touches_nothing(
    case, rollback, handbook, tmp_path, monkeypatch, capsys
):
    root = tmp_path.resolve()
    (root / "home").mkdir()
    monkeypatch.setenv("HOME", str(root / "home"))
    make_target, reason = REFUSALS[case]
    target = make_target(root)
    before = tree(root)
    _forbid_changes(monkeypatch)
    args = [
        "--config",
        str(handbook / "mkdocs.yml"),
        "publish",
        "--to",
        str(target),
        *(["--rollback"] if rollback else []),
    ]
    assert run_cli(capsys, *args) == (1, "", f"{target}: {reason}\n")
    monkeypatch.undo()
    assert tree(root) == before


def test_rollback_without_an_earlier_release_says_so_in_one_line(tmp_path, capsys, fake_place):
    config = str(tmp_path / "project" / "mkdocs.yml")
    assert run_cli(capsys, "--config", config, "publish", "--to", str(fake_place), "--rollback") == (
        1,
        "",
        f"{fake_place}: there is no earlier release to roll back to\n",
    )
    assert not fake_place.path.parent.exists()  # nothing made
    releases.publish(fake_place, fake_build("v1"))
    assert run_cli(capsys, "--config", config, "publish", "--to", str(fake_place), "--rollback") == (
        1,
        "",
        f"{fake_place}: there is no earlier release to roll back to\n",
    )
    assert (fake_place.path / "index.html").read_text() == "v1"


def test_a_second_publish_at_the_same_time_is_refused(fake_place):
    releases.publish(fake_place, fake_build("v1"))
    lock = os.open(fake_place.releases / ".lock", os.O_RDWR)
    fcntl.flock(lock, fcntl.LOCK_EX)
    try:
        with pytest.raises(releases.Refused) as refusal:
            releases.publish(fake_place, fake_build("v2"))
    finally:
        os.close(lock)
    assert (
        str(refusal.value)
        == f"{fake_place}: another build or publish into it is running — wait for it to finish"
    )
    assert (fake_place.path / "index.html").read_text() == "v1"


# --- Readable by another user ------------------------------------------------------------------------


@pytest.mark.site
def test_every_folder_and_file_is_readable_by_another_user_whatever_the_umask(handbook):
    base = Path(tempfile.mkdtemp(dir="/tmp", prefix="publish-perm-"))
    os.chmod(base, 0o755)  # the web server must reach the parent: that part is the administrator's
    published = base / "www" / "plan"
    old_umask = os.umask(0o077)
    try:
        publish.publish(handbook / "mkdocs.yml", published)
    finally:
        os.umask(old_umask)
    try:
        folders = [published.parent, published.with_name("plan.releases")]
        files = []
        for parent, names, file_names in os.walk(published.resolve()):
            folders += [Path(parent) / name for name in names] + [Path(parent)]
            files += [Path(parent) / name for name in file_names]
        assert len(files) > 20
        assert {oct(stat.S_IMODE(f.stat().st_mode)) for f in folders} == {"0o755"}
        assert {oct(stat.S_IMODE(f.stat().st_mode)) for f in files} == {"0o644"}
        if os.geteuid() == 0:
            assert b"<!doctype html>" in _read_as_nobody(published / "en" / "index.html")
    finally:
        shutil.rmtree(base)


def _read_as_nobody(path: Path) -> bytes:
    """The file's start, read by a process running as the user 'nobody' (as a web server would); empty if it cannot."""
    read, write = os.pipe()
    child = os.fork()
    if child == 0:
        try:
            os.setgroups([])
            os.setgid(65534)
            os.setuid(65534)
            os.write(write, path.read_bytes()[:50].lower())
        finally:
            os._exit(0)
    os.close(write)
    os.waitpid(child, 0)
    data = os.read(read, 100)
    os.close(read)
    return data


# --- The switch, pruning and rollback ----------------------------------------------------------------


def test_the_published_path_is_a_link_to_a_complete_release_and_a_new_publish_switches_it(fake_place):
    first = releases.publish(fake_place, fake_build("v1"))
    assert os.readlink(fake_place.path) == f"plan.releases/{first}"
    assert sorted(p.name for p in fake_place.path.iterdir()) == [".samverkan-publish", "en", "index.html"]
    second = releases.publish(fake_place, fake_build("v2"))
    assert second > first and os.readlink(fake_place.path) == f"plan.releases/{second}"
    assert (fake_place.path / "en" / "index.html").read_text() == "v2"
    assert release_names(fake_place) == [".lock", ".samverkan-publish", first, second]


def test_old_releases_are_pruned_to_the_last_three(fake_place):
    made = [releases.publish(fake_place, fake_build(f"v{n}")) for n in range(5)]
    assert release_names(fake_place) == [".lock", ".samverkan-publish", *made[-3:]]
    assert (fake_place.path / "index.html").read_text() == "v4"


def test_readers_never_see_a_missing_site_while_publishing(fake_place):
    releases.publish(fake_place, fake_build("v0"))
    missing, done = [], threading.Event()

    def read_all_the_time():
        while not done.is_set():
            try:
                (fake_place.path / "index.html").read_text()
            except OSError as error:
                missing.append(error)

    reader = threading.Thread(target=read_all_the_time)
    reader.start()
    try:
        for n in range(1, 30):
            releases.publish(fake_place, fake_build(f"v{n}"))
    finally:
        done.set()
        reader.join()
    assert missing == []


def test_rollback_goes_back_one_release_at_a_time_and_removes_the_one_it_left(tmp_path, capsys, fake_place):
    made = [releases.publish(fake_place, fake_build(f"v{n}")) for n in (1, 2, 3)]
    config = str(tmp_path / "project" / "mkdocs.yml")
    assert run_cli(capsys, "--config", config, "publish", "--to", str(fake_place), "--rollback") == (
        0,
        f"Rolled back {fake_place} to release {made[1]}; removed release {made[2]}\n",
        "",
    )
    assert (fake_place.path / "index.html").read_text() == "v2"
    assert release_names(fake_place) == [".lock", ".samverkan-publish", *made[:2]]
    assert run_cli(capsys, "--config", config, "publish", "--to", str(fake_place), "--rollback")[0] == 0
    assert (fake_place.path / "index.html").read_text() == "v1"
    newest = releases.publish(fake_place, fake_build("v4"))
    assert (fake_place.path / "index.html").read_text() == "v4"
    assert release_names(fake_place) == [".lock", ".samverkan-publish", made[0], newest]


# --- From a folder to a link -------------------------------------------------------------------------


def _marked_site(path: Path) -> None:
    path.mkdir(parents=True)
    (path / "index.html").write_text("old")
    (path / releases.MARKER).write_text(releases.MARKER_TEXT)


@pytest.mark.parametrize("exchange", [True, False], ids=["in one step", "where the system cannot exchange"])
def test_a_real_folder_from_an_earlier_publish_becomes_the_previous_release(
    fake_place, monkeypatch, exchange
):
    _marked_site(fake_place.path)
    exchanged, real_exchange = [], releases._exchange

    def exchange_if_allowed(first: Path, second: Path) -> bool:
        exchanged.append(exchange and real_exchange(first, second))
        return exchanged[-1]

    monkeypatch.setattr(releases, "_exchange", exchange_if_allowed)
    new = releases.publish(fake_place, fake_build("new"))
    assert exchanged == [exchange]
    assert os.readlink(fake_place.path) == f"plan.releases/{new}"
    assert (fake_place.path / "index.html").read_text() == "new"
    assert sorted(p.name for p in fake_place.path.parent.iterdir()) == ["plan", "plan.releases"]
    releases.rollback(fake_place)
    assert (fake_place.path / "index.html").read_text() == "old"


def test_an_empty_folder_becomes_the_link(fake_place):
    fake_place.path.mkdir(parents=True)
    releases.publish(fake_place, fake_build("v1"))
    assert fake_place.path.is_symlink() and (fake_place.path / "index.html").read_text() == "v1"
    assert len([n for n in release_names(fake_place) if releases.RELEASE.fullmatch(n)]) == 1
