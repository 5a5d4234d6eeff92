"""Release folders: a site is never built or changed where readers see it.

The published path ``X`` is a symbolic link to one complete release, and every build goes into a
release folder of its own beside it::

    X -> X.releases/000007-20261129-101500/
    X.releases/.samverkan-publish     the marker: these folders were made by build or publish
    X.releases/000006-20261128-090000/
    X.releases/000007-20261129-101500/

A new release is switched in by renaming a new link onto ``X`` (one atomic rename), so a reader sees the
old site or the new one, never a missing or half-written one. ``X`` always links to the newest release;
the last KEEP releases are kept for ``rollback``. Only what carries the marker (or is empty) is ever
replaced, and a run that was killed leaves only names of the forms below, which the next run removes.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import os
import re
import shutil
import time
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

from samverkan.content import paths

MARKER = ".samverkan-publish"
MARKER_TEXT = "Made by Samverkansplanen's build or publish command; the next one may replace this folder.\n"
KEEP = 3
RELEASE_ID = r"\d{6}-\d{8}-\d{6}"
RELEASE = re.compile(RELEASE_ID)
HALF_DONE = re.compile(rf"\.(?:building|removing)-{RELEASE_ID}")  # inside X.releases
DIR_MODE, FILE_MODE = 0o755, 0o644
RENAME_EXCHANGE = 2


class Refused(Exception):
    """The folder may not be replaced; the message is one line: what and how to go on."""


class Place:
    """The path readers are given (``X``) and the folders kept beside it."""

    def __init__(self, path: Path):
        self.path = path
        self.releases = path.with_name(path.name + ".releases")

    def __str__(self) -> str:
        return str(self.path)

    def release(self, release_id: str) -> Path:
        return self.releases / release_id

    def beside(self, kind: str, release_id: str) -> Path:
        """A temporary name beside X: a new link (``link``) or the folder X was before it became a link (``old``)."""
        return self.path.with_name(f".{self.path.name}.publish-{kind}-{release_id}")

    def leftover_beside(self, name: str) -> tuple[str, str] | None:
        match = re.fullmatch(rf"\.{re.escape(self.path.name)}\.publish-(link|old)-({RELEASE_ID})", name)
        return (match[1], match[2]) if match else None


# --- Which folders may be replaced ------------------------------------------------------------------


def place(target: str | os.PathLike, project: Path, inside_project: bool = False) -> Place:
    """The place to publish into, or Refused; nothing is touched. ``inside_project`` lets a build write its
    own output folder (site/) directly in the project folder."""
    path = _absolute(target)
    project = project.resolve()
    reason = (
        _protected(path, project, inside_project)
        or paths.folder_problem(path.parent)
        or _not_ours(Place(path))
    )
    if reason:
        raise Refused(f"{path}: {reason}")
    return Place(path)


def _absolute(target: str | os.PathLike) -> Path:
    """The absolute path with its parent folders resolved, but not the last part (it may be our own link)."""
    path = Path(os.path.abspath(target))
    return path if path == path.parent else path.parent.resolve() / path.name


def _protected(path: Path, project: Path, inside_project: bool) -> str | None:
    home = Path.home().resolve()
    elsewhere = "give a folder of its own, e.g. /var/www/plan"
    if path == path.parent:
        return f"is the root folder — {elsewhere}"
    if path == home:
        return f"is your home folder — {elsewhere}"
    if path == project:
        return f"is the project folder — {elsewhere}"
    if path in project.parents or path in home.parents:
        return f"holds the {'project' if path in project.parents else 'home'} folder — {elsewhere}"
    if project in path.parents and not (inside_project and path.parent == project):
        where = (
            "build into site/ or a folder outside the project"
            if inside_project
            else "publish outside the project"
        )
        return f"is inside the project folder — {where}"
    return None


def _not_ours(place: Place) -> str | None:
    path, releases = place.path, place.releases
    if path.is_symlink():
        return (
            None
            if _linked_release(place)
            else "is a symbolic link that build or publish did not make — remove it yourself or give another folder"
        )
    if path.exists() and not path.is_dir():
        return "is a file, not a folder — give a folder"
    if path.is_dir() and not _made_by_us(path):
        return f"is not empty and was not made by build or publish (it has no {MARKER}) — give a new or empty folder"
    if releases.is_symlink() or (releases.exists() and not _made_by_us(releases)):
        return f"{releases.name} beside it was not made by build or publish — move it away or give another folder"
    return None


def _made_by_us(folder: Path) -> bool:
    return (
        folder.is_dir()
        and not folder.is_symlink()
        and ((folder / MARKER).is_file() or not any(folder.iterdir()))
    )


def _linked_release(place: Place) -> str | None:
    """The release X links to, when X is a link made by us; None otherwise."""
    if not place.path.is_symlink():
        return None
    parts = os.readlink(place.path).split("/")
    if (
        len(parts) == 2
        and parts[0] == place.releases.name
        and RELEASE.fullmatch(parts[1])
        and _made_by_us(place.releases)
    ):
        return parts[1]
    return None


# --- Making, switching and removing releases --------------------------------------------------------


def publish(place: Place, build: Callable[[Path], None]) -> str:
    """Build a new release with ``build(folder)`` and switch X to it once it is complete; the new release's
    id. If ``build`` raises, X and its releases are left as they were."""
    with _locked(place):
        new_id, old_id = _new_ids(place)
        building = place.releases / f".building-{new_id}"
        _make_folder(building)
        try:
            build(building)
            _finish(building)
        except BaseException:
            shutil.rmtree(building, ignore_errors=True)
            raise
        building.rename(place.release(new_id))
        _switch(place, new_id, old_id)
        _prune(place, keep=KEEP)
        return new_id


def rollback(place: Place) -> tuple[str, str]:
    """Link X to the release before the current one and remove the current one; (the one now linked, the one removed)."""
    none_earlier = Refused(f"{place}: there is no earlier release to roll back to")
    if not _linked_release(place):
        raise none_earlier  # before the lock, which would make the releases folder
    with _locked(place) as current:
        earlier = [release for release in _release_ids(place) if current and release < current]
        if not earlier:
            raise none_earlier
        _switch(place, earlier[-1], None)
        _remove(place.release(current))
        return earlier[-1], current


@contextmanager
def _locked(place: Place):
    """Hold X's lock (one build or publish at a time) after removing what a killed run left; yields the
    release X links to. The lock goes with the process, even when it is killed."""
    _make_folder(place.path.parent, parents=True)
    _make_folder(place.releases)
    _write_marker(place.releases)  # before the lock file, so that the folder is never ours-but-unmarked
    lock = os.open(place.releases / ".lock", os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, FILE_MODE)
    try:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise Refused(
                f"{place}: another build or publish into it is running — wait for it to finish"
            ) from None
        yield _tidy(place)
    finally:
        os.close(lock)


def _tidy(place: Place) -> str | None:
    """Remove what killed runs left (only names they make) and releases newer than the linked one, which
    were never published; the release X links to."""
    for entry in place.path.parent.iterdir():
        leftover = place.leftover_beside(entry.name)
        if leftover and entry.is_symlink():
            entry.unlink()
        elif leftover and entry.is_dir() and leftover[0] == "old":
            _settle_old_site(place, entry, leftover[1])
    for entry in place.releases.iterdir():
        if HALF_DONE.fullmatch(entry.name):
            shutil.rmtree(entry, ignore_errors=True)
    current = _linked_release(place)
    for release in _release_ids(place):
        if current is None or release > current:
            _remove(place.release(release))
    return current


def _release_ids(place: Place) -> list[str]:
    return sorted(
        entry.name for entry in place.releases.iterdir() if RELEASE.fullmatch(entry.name) and entry.is_dir()
    )


def _new_ids(place: Place) -> tuple[str, str]:
    """A new release's id, and the one before it for the site X holds while it is still a real folder.
    Ids sort in the order they were made, whatever the clock does."""
    last = max((int(name[:6]) for name in _release_ids(place)), default=0)
    stamp = time.strftime("%Y%m%d-%H%M%S", time.gmtime())
    still_a_folder = place.path.is_dir() and not place.path.is_symlink()
    return f"{last + 1 + still_a_folder:06d}-{stamp}", f"{last + 1:06d}-{stamp}"


def _switch(place: Place, release_id: str, old_id: str | None) -> None:
    """Point X at the release in one rename. If X is still a real folder (empty, or a site from before
    releases), it is exchanged with the new link in one step where the system allows it, and kept as a release."""
    target = f"{place.releases.name}/{release_id}"
    if not (place.path.is_dir() and not place.path.is_symlink()):
        link = place.beside("link", release_id)
        os.symlink(target, link)
        os.replace(link, place.path)
        return
    old = place.beside("old", old_id)
    os.symlink(target, old)
    if not _exchange(old, place.path):  # two renames: X is missing for a moment, once
        old.unlink()
        link = place.beside("link", release_id)
        os.symlink(target, link)
        place.path.rename(old)
        os.replace(link, place.path)
    _settle_old_site(place, old, old_id)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one step (Linux renameat2 RENAME_EXCHANGE); False where that is not possible.

    The standard library has no exchange, and os.replace cannot put a link where a folder is. Without it, a
    publish killed between the two renames leaves no site at X: tests/publish/test_publish_kill.py fails so
    at that step (publish over a folder made before releases) when this returns False."""
    libc = ctypes.CDLL(None, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    at_cwd = -100
    if renameat2(at_cwd, os.fsencode(first), at_cwd, os.fsencode(second), RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(second))


def _settle_old_site(place: Place, old: Path, old_id: str) -> None:
    """The folder X was before it became a link: kept as the release before the new one, or removed if empty."""
    if not any(old.iterdir()):
        old.rmdir()
    elif (old / MARKER).is_file() and not place.release(old_id).exists():
        old.rename(place.release(old_id))


def _prune(place: Place, keep: int) -> None:
    for release in _release_ids(place)[:-keep]:
        _remove(place.release(release))


def _remove(release: Path) -> None:
    """Rename first, so that a removal cut short never leaves a half release under a release's name."""
    doomed = release.with_name(f".removing-{release.name}")
    release.rename(doomed)
    shutil.rmtree(doomed, ignore_errors=True)


def _finish(folder: Path) -> None:
    """Readable by a web server running as another user, whatever the umask; marked as ours."""
    _write_marker(folder)
    for parent, folders, files in os.walk(folder):
        for names, mode in ((folders, DIR_MODE), (files, FILE_MODE)):
            for name in names:
                path = os.path.join(parent, name)
                if not os.path.islink(path):  # never change what a link points to
                    os.chmod(path, mode)


def _make_folder(folder: Path, parents: bool = False) -> None:
    """Make a folder others can read (whatever the umask), with any missing parents when asked."""
    if folder.is_dir():
        return
    if parents:
        _make_folder(folder.parent, parents=True)
    try:
        folder.mkdir()
    except FileExistsError:
        return
    os.chmod(folder, DIR_MODE)


def _write_marker(folder: Path) -> None:
    marker = folder / MARKER
    if not marker.is_file():
        marker.write_text(MARKER_TEXT, encoding="utf-8")
        os.chmod(marker, FILE_MODE)
