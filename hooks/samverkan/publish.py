"""Building an edition and publishing it safely.

``build`` builds the county edition, or one municipality's edition, with MkDocs
in strict mode (any check's problem stops it). ``publish`` builds into a new
folder beside the published one, runs every check, and only then swaps the two
folders by renaming; if anything fails, the published site is left untouched.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

from . import overlay
from .load import load_site
from .mkdocs_build import build_site


class BuildFailed(Exception):
    pass


@contextmanager
def _municipality(slug: str | None):
    """Name the edition for the MkDocs hook (SAMVERKAN_MUNICIPALITY) while building."""
    before = os.environ.get(overlay.ENV)
    os.environ[overlay.ENV] = slug or ""
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(overlay.ENV, None)
        else:
            os.environ[overlay.ENV] = before


def default_site_dir(config_file: str | Path, slug: str | None) -> Path:
    """site/ for the county edition, site-<municipality>/ for a municipality's."""
    return Path(config_file).resolve().parent / (f"site-{slug}" if slug else "site")


def check_edition(config_file: str | Path, slug: str | None) -> tuple[list[str], list[str]]:
    """Every problem of the edition, one line each (none when it may be published), and notes on unused values."""
    handbook = load_site(config_file)
    problems, notes = overlay.all_problems(handbook, overlay.load(handbook.root, slug))
    return [str(problem) for problem in problems], notes


def build(config_file: str | Path, site_dir: str | Path, slug: str | None = None) -> None:
    """Build the edition strictly into ``site_dir``; raise BuildFailed with the reason."""
    from mkdocs.exceptions import MkDocsException

    with _municipality(slug):
        problems, notes = check_edition(config_file, slug)
        for note in notes:
            print(note, file=sys.stderr)
        if problems:
            raise BuildFailed("\n".join(problems))
        try:
            build_site(config_file, site_dir)
        except (MkDocsException, SystemExit, OSError) as error:
            raise BuildFailed(f"the site did not build: {error}") from None


def publish(config_file: str | Path, target: str | Path, slug: str | None = None) -> None:
    """Build into a fresh folder beside ``target``, then swap it in; ``target`` is untouched on failure."""
    target = Path(target).resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix=f".{target.name}-new-", dir=target.parent))
    try:
        build(config_file, fresh, slug)
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    swap(fresh, target)


def swap(fresh: Path, target: Path) -> None:
    """Put ``fresh`` where ``target`` is, by renames on the same disk, and remove the old site."""
    if not target.exists():
        fresh.rename(target)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{target.name}-old-", dir=target.parent))
    old.rmdir()
    target.rename(old)
    try:
        fresh.rename(target)
    except OSError:
        old.rename(target)  # put the published site back
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    shutil.rmtree(old, ignore_errors=True)


def run_build(config_file: str, slug: str | None, site_dir: str | None) -> int:
    site_dir = Path(site_dir) if site_dir else default_site_dir(config_file, slug)
    try:
        build(config_file, site_dir, slug)
    except BuildFailed as error:
        print(error, file=sys.stderr)
        print(f"The {slug or 'county'} edition was not built.", file=sys.stderr)
        return 1
    print(f"Built the {slug or 'county'} edition into {site_dir}")
    return 0


def run_publish(config_file: str, slug: str | None, target: str) -> int:
    try:
        publish(config_file, target, slug)
    except BuildFailed as error:
        print(error, file=sys.stderr)
        print(f"Nothing was published; {target} is unchanged.", file=sys.stderr)
        return 1
    print(f"Published the {slug or 'county'} edition to {target}")
    return 0
