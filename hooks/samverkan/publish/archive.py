"""Keep every released plan version readable: build the handbook as it was at a git tag.

    samverkan archive --tag v2.0     # -> arkiv/2.0/ beside mkdocs.yml
    samverkan archive --all          # every tag vX.Y

The next build of the site copies ``arkiv/`` into it (paper.post_build), so the version is published at
``<site>/arkiv/2.0/``; every page there says which version it is and links to the current page.

A tag comes from the repository's history, which pull requests write: it is as untrusted as a page.
So nothing from the tagged tree runs. Only its content is taken, as data: the pages (``docs/``, Markdown
and images), the changelogs, the municipality and search vocabulary files, and the navigation from its
``mkdocs.yml``. They are built with *this* project's engine, templates and site configuration (never
the tag's hooks, templates, plugins or scripts), through the same guards as any change. The build is
lenient: today's checks may be stricter than those the version was released under, and a released
version is shown as it was; its problems are counted, and the unsafe is still left out.

Each archived version keeps the whole plan as one PDF per language (samverkansplanen-2.0.pdf, en/...), printed
from the archived pages: "the version the board adopted" can always be shown, and *Vad är nytt* links it.
"""

from __future__ import annotations

import io
import logging
import os
import re
import shutil
import subprocess
import tarfile
import tempfile
from contextlib import contextmanager
from pathlib import Path, PurePosixPath

import yaml

from samverkan.content import versions
from samverkan.content.parts import LANGUAGES
from samverkan.content.settings import read_config
from samverkan.editions import overlay
from samverkan.editions.handbook import load_site
from samverkan.engine.mkdocs_build import build_site
from samverkan.site import verify
from samverkan.views import paper

TAG = re.compile(r"v(?P<version>\d{1,4}\.\d{1,4})")
# What the tagged tree may give, as data: (folder or file, allowed endings)
TAKEN = (
    ("docs/", (".md", ".png", ".jpg", ".jpeg", ".webp")),
    ("municipalities/", (".yml",)),
    ("search/", (".yml",)),
    ("CHANGELOG.md", ()),
    ("CHANGELOG.en.md", ()),
    ("mkdocs.yml", ()),
)
MAX_FILE = 5_000_000


class Refused(Exception):
    """One line saying why a tag cannot be archived."""


def run(config_file: str, tag: str | None, every: bool) -> int:
    root = Path(config_file).resolve().parent
    try:
        tags = plan_tags(root) if every else [tag]
        if not tags:
            raise Refused(
                "there are no plan version tags (vX.Y) to archive — make one with the release step in CONTRIBUTING.md"
            )
        for name in tags:
            version, warnings = archive(Path(config_file).resolve(), name)
            note = (
                f" ({warnings} problem(s) under today's checks, shown as the version was)" if warnings else ""
            )
            print(
                f"Archived plan version {version} (tag {name}) in {versions.ARCHIVE_DIR}/{version}/{note}; the next build publishes it"
            )
    except Refused as refusal:
        print(refusal)
        return 1
    return 0


def plan_tags(root: Path) -> list[str]:
    return [name for name in _git(root, "tag", "--list", "v*").split() if TAG.fullmatch(name)]


def archive(config_file: Path, tag: str) -> tuple[str, int]:
    """Build the handbook at ``tag`` into arkiv/<version>/ beside the configuration; (version, problems)."""
    root = config_file.parent
    version = _version_of(tag)
    commit = _tag_commit(root, tag)
    with tempfile.TemporaryDirectory(prefix="samverkan-archive-") as tmp:
        tree = Path(tmp) / "tree"
        _extract(root, commit, tree)
        release = _release(tree, tag, version)
        archived_config = _config(config_file, tree, version)
        target = root / versions.ARCHIVE_DIR / version
        building = root / versions.ARCHIVE_DIR / f".{version}.building"
        shutil.rmtree(building, ignore_errors=True)
        with _archiving(version) as problems:
            build_site(archived_config, building, strict=False)
        archived = load_site(archived_config)
        unsafe = verify.problems(building, archived.public_numbers)
        if unsafe:  # an old version is shown as it was, but never with what today's verifier refuses
            shutil.rmtree(building, ignore_errors=True)
            raise Refused(
                f"plan version {version} was not archived: {unsafe[0]} ({len(unsafe)} problem(s) in all)"
            )
        _plan_pdfs(archived, building, version, read_config(archived_config).get("site_url") or "")
        versions.write_manifest(building, release, archived)
        shutil.rmtree(target, ignore_errors=True)
        building.rename(target)
    return version, len(problems)


def _plan_pdfs(archived, building: Path, version: str, site_url: str) -> None:
    """The whole plan of the version as one PDF per language (site/plan_pdf.py) in its archive, so that the version
    a board adopted can always be shown; its adoption and news pages link it (paper.PLAN_PDF_ENV)."""
    from playwright.sync_api import Error as BrowserError

    from samverkan.site import plan_pdf  # Playwright and pypdf, only when archiving

    try:
        plan_pdf.write_all(
            building, archived, overlay.load(archived.root, None), LANGUAGES, site_url, building
        )
    except (BrowserError, OSError, ValueError, KeyError, AttributeError) as error:
        shutil.rmtree(building, ignore_errors=True)
        raise Refused(
            f"plan version {version} was not archived: its PDF could not be made ({type(error).__name__}: {str(error)[:120]}) — "
            "check that Debian's chromium is installed (README), then archive again"
        ) from None


def _version_of(tag: str) -> str:
    match = TAG.fullmatch(tag or "")
    if not match or not versions.is_plan_version(match["version"]):
        raise Refused(
            f"'{str(tag)[:40]}' is not a plan version tag — name a tag like v2.0 (see 'git tag --list \"v*\"')"
        )
    return match["version"]


def _tag_commit(root: Path, tag: str) -> str:
    try:
        return _git(root, "rev-parse", "--verify", "--quiet", f"refs/tags/{tag}^{{commit}}").strip()
    except Refused:
        raise Refused(
            f"there is no tag '{tag}' in this repository — see the tags with 'git tag --list \"v*\"'"
        ) from None


def _git(root: Path, *args: str, binary: bool = False):
    result = subprocess.run(["git", *args], cwd=root, capture_output=True)
    if result.returncode != 0:
        raise Refused(
            f"git {args[0]} failed: {result.stderr.decode('utf-8', 'replace').strip().splitlines()[-1:] or ['no output']}"
        )
    return result.stdout if binary else result.stdout.decode("utf-8", "replace")


def _extract(root: Path, commit: str, tree: Path) -> None:
    """The tagged tree's data files into ``tree``: regular files only, no links, no paths out of the folder."""
    with tarfile.open(fileobj=io.BytesIO(_git(root, "archive", "--format=tar", commit, binary=True))) as tar:
        for member in tar.getmembers():
            name = PurePosixPath(member.name)
            if (
                not member.isfile()
                or member.size > MAX_FILE
                or name.is_absolute()
                or ".." in name.parts
                or not _taken(name.as_posix())
            ):
                continue
            target = tree / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(tar.extractfile(member).read())


def _taken(path: str) -> bool:
    for prefix, endings in TAKEN:
        if prefix.endswith("/") and path.startswith(prefix) and path.lower().endswith(endings):
            return True
        if path == prefix:
            return True
    return False


def _release(tree: Path, tag: str, version: str) -> versions.Release:
    changelog = versions.read(tree, "sv")
    release = changelog.release(version) if changelog else None
    if release is None:
        raise Refused(
            f"tag {tag} has no section '## [{version}] – date' in its {versions.CHANGELOGS['sv']} — tag the commit that adds plan version {version}"
        )
    if changelog.current is not release:
        raise Refused(
            f"tag {tag} is at plan version {changelog.current.version}, not {version} — tag the commit that adds plan version {version}"
        )
    return release


def _config(config_file: Path, tree: Path, version: str) -> Path:
    """This project's site configuration over the tag's pages and navigation, published under arkiv/<version>/."""
    config = read_config(config_file)
    here = config_file.parent
    config["docs_dir"] = str(tree / "docs")
    config["nav"] = _nav(tree / "mkdocs.yml") or config.get("nav")
    config["theme"]["custom_dir"] = str(here / config["theme"].get("custom_dir", "overrides"))
    config["hooks"] = [str(here / hook) for hook in config.get("hooks", [])]
    if config.get("site_url"):
        config["site_url"] = config["site_url"].rstrip("/") + "/" + versions.archive_url(version)
    config["strict"] = False
    path = tree / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _nav(tag_config: Path) -> list | None:
    """The tag's navigation, if it is one: a list of page paths and {title: path or list} entries, as data."""
    try:
        nav = read_config(tag_config).get("nav") if tag_config.is_file() else None
    except (OSError, ValueError, yaml.YAMLError, AttributeError):
        return None
    return nav if _is_nav(nav) else None


def _is_nav(entries) -> bool:
    if not isinstance(entries, list):
        return False
    for entry in entries:
        value = next(iter(entry.values())) if isinstance(entry, dict) and len(entry) == 1 else entry
        if isinstance(entry, dict) and (len(entry) != 1 or not isinstance(next(iter(entry)), str)):
            return False
        if not (
            isinstance(value, str)
            and value.endswith(".md")
            and ".." not in value
            and not value.startswith("/")
        ) and not _is_nav(value):
            return False
    return True


@contextmanager
def _archiving(version: str):
    """Name the archived version for the page frame (paper.ARCHIVE_ENV), the county edition, its PDF for the pages
    that link it (paper.PLAN_PDF_ENV), and count the build's problems instead of printing each."""
    saved = {name: os.environ.get(name) for name in (paper.ARCHIVE_ENV, overlay.ENV, paper.PLAN_PDF_ENV)}
    os.environ[paper.ARCHIVE_ENV], os.environ[overlay.ENV], os.environ[paper.PLAN_PDF_ENV] = (
        version,
        "",
        "yes",
    )
    problems: list[str] = []
    handler = logging.Handler(logging.WARNING)
    handler.emit = lambda record: problems.append(record.getMessage())
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    propagate, logger.propagate = logger.propagate, False
    try:
        yield problems
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
