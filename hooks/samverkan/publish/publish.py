"""Building an edition and publishing it safely.

``build`` builds the county edition, or one municipality's edition, with MkDocs in strict mode (any
check's problem stops it). The ``build`` and ``publish`` commands never build where readers look: each
build goes into a release folder of its own and the published path is switched to it only once it is
complete and checked (``releases``); if anything fails, the published site is left untouched.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
from contextlib import contextmanager
from pathlib import Path

from samverkan.checks import rules
from samverkan.content import paths
from samverkan.content.parts import LANGUAGES
from samverkan.content.settings import read_config
from samverkan.editions import edition, overlay
from samverkan.editions.handbook import load_site
from samverkan.engine.mkdocs_build import build_site
from samverkan.publish import engines, example, releases
from samverkan.publish.engines import BuildFailed
from samverkan.site import completeness, offline
from samverkan.views import paper


@contextmanager
def _environ(name: str, value: str | None):
    """Tell the MkDocs hooks something about the build for its length: which edition (SAMVERKAN_MUNICIPALITY),
    whether the site will carry the offline zip (SAMVERKAN_OFFLINE_ZIP); None removes the variable."""
    before = os.environ.get(name)
    if value is None:
        os.environ.pop(name, None)
    else:
        os.environ[name] = value
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = before


def _municipality(slug: str | None):
    return _environ(overlay.ENV, slug or "")


def default_site_dir(config_file: str | Path, slug: str | None) -> Path:
    """site/ for the county edition, site-<municipality>/ for a municipality's."""
    return Path(config_file).resolve().parent / (f"site-{slug}" if slug else "site")


def check_edition(config_file: str | Path, slug: str | None) -> tuple[list[str], list[str]]:
    """Every problem of the edition, one line each (none when it may be published), and notes on unused values."""
    handbook = load_site(config_file)
    problems, notes = rules.all_problems(handbook, overlay.load(handbook.root, slug))
    return [str(problem) for problem in problems], notes


def build(
    config_file: str | Path,
    site_dir: str | Path,
    slug: str | None = None,
    offline_copy: bool = True,
    offline_tree: Path | None = None,
    plan_pdf: bool = False,
    example_edition: bool = False,
    engine: str = engines.DEFAULT,
) -> None:
    """Build the edition strictly into ``site_dir`` with ``engine`` (publish/engines.py), with its offline copy
    as a zip in it (site/offline.py; ``offline_copy=False`` leaves it out; ``offline_tree`` keeps it unpacked
    there too), with ``plan_pdf`` the whole plan as one PDF per language in both (site/plan_pdf.py), and with
    ``example_edition`` the example edition in the site (publish/example.py); raise BuildFailed with the reason,
    the engine's own warnings and errors included."""
    offline_config = offline.config_beside(config_file) if offline_copy else None
    if offline_config and engine not in engines.OFFLINE:
        print(
            f"the offline copy is built with {' or '.join(engines.OFFLINE)} only; this {engine} build has none",
            file=sys.stderr,
        )
        offline_config = None
    with (
        _municipality(slug),
        _environ(paper.PLAN_PDF_ENV, "yes" if plan_pdf else None),
        _environ(paper.EXAMPLE_ENV, "yes" if example_edition else None),
    ):
        problems, notes = check_edition(config_file, slug)
        for note in notes:
            print(note, file=sys.stderr)
        if problems:
            raise BuildFailed("\n".join(problems))
        site_url = edition.site_url(overlay.load(_project(config_file), slug))
        with _environ(offline.ENV, offline.ZIP_NAME if offline_config else None):
            _built(config_file, site_dir, site_url, engine, slug)
        pdfs = _plan_pdfs(config_file, Path(site_dir), slug, site_url) if plan_pdf else []
        if offline_config:  # the same edition, for use without a network, as one zip in the site
            with _environ(offline.ENV, None), _environ(paper.EXAMPLE_ENV, None):  # no example in it
                offline.build_zip(
                    offline_config,
                    Path(site_dir),
                    lambda config, folder: _built_and_verified(config, folder, Path(site_dir), pdfs, engine),
                    offline_tree,
                )
        if example_edition:
            _example(config_file, Path(site_dir), engine)
        # with its zip and example in place: its pages link them; the example was verified as a site of its own
        _verified(config_file, site_dir, (paper.EXAMPLE_FOLDER,) if example_edition else ())


def _example(config_file: str | Path, site_dir: Path, engine: str = engines.DEFAULT) -> None:
    """The example edition, built and verified as any edition, into the county's site (replacing whatever is there)."""
    try:
        example.build_into(
            config_file,
            site_dir,
            lambda config, folder: build(config, folder, example.SLUG, offline_copy=False, engine=engine),
        )
    except example.NoSample as refusal:
        raise BuildFailed(str(refusal)) from None


def _plan_pdfs(config_file: str | Path, site_dir: Path, slug: str | None, site_url: str | None) -> list[str]:
    """The whole plan as PDF, every language, into the built site; their paths in it."""
    from samverkan.site import plan_pdf  # Playwright and pypdf, only when asked for

    handbook = load_site(config_file)
    written = plan_pdf.write_all(
        site_dir,
        handbook,
        overlay.load(handbook.root, slug),
        LANGUAGES,
        site_url or read_config(config_file).get("site_url") or "",
        site_dir,
    )
    return [path.relative_to(site_dir).as_posix() for path, _ in written]


def _built_and_verified(
    config_file: str | Path,
    site_dir: str | Path,
    beside: Path | None = None,
    copied: list[str] = (),
    engine: str = engines.DEFAULT,
) -> None:
    """One strict build, with the files ``copied`` from the folder ``beside`` (the site's PDFs), verified."""
    _built(config_file, site_dir, engine=engine)
    for name in copied:
        (Path(site_dir) / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(beside / name, Path(site_dir) / name)
    _verified(config_file, site_dir)


def _built(
    config_file: str | Path,
    site_dir: str | Path,
    site_url: str | None = None,
    engine: str = engines.DEFAULT,
    slug: str | None = None,
) -> None:
    """One strict build; BuildFailed with the engine's own messages."""
    if engine != engines.DEFAULT:
        return engines.build(engine, config_file, site_dir, site_url, slug)
    from mkdocs.exceptions import MkDocsException

    with _mkdocs_messages() as messages:
        try:
            build_site(config_file, site_dir, site_url=site_url)
        except (
            MkDocsException,
            SystemExit,
            Exception,
        ) as error:  # whatever a page's rendering raised, its page named (on_build_error)
            raise BuildFailed("\n".join([*messages, f"the site did not build: {error}"])) from None


def _verified(config_file: str | Path, site_dir: str | Path, apart: tuple = ()) -> None:
    """The built site as a browser gets it: safe (verify) and complete (completeness), or BuildFailed; ``apart``:
    its folders that hold a site verified on its own."""
    handbook = load_site(config_file)
    faults = completeness.safe_and_complete(site_dir, handbook, apart)
    if faults:
        raise BuildFailed("\n".join(map(str, faults)))


@contextmanager
def _mkdocs_messages():
    """MkDocs' warnings and errors while building, one line each: in strict mode MkDocs only counts them."""
    messages: list[str] = []
    handler = logging.Handler(logging.WARNING)
    handler.emit = lambda record: messages.append(f"{record.levelname} -  {record.getMessage()}")
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        yield messages
    finally:
        logger.removeHandler(handler)


def publish(
    config_file: str | Path,
    target: str | Path,
    slug: str | None = None,
    build_output: bool = False,
    build_into=None,
    plan_pdf: bool = False,
    example_edition: bool = False,
    engine: str = engines.DEFAULT,
) -> str:
    """Build a new release beside ``target`` and switch ``target`` to it; its id. ``target`` is untouched
    on failure, and refused (releases.Refused) unless it is new, empty or made by an earlier build or
    publish. A ``build_output`` (site/) may lie directly in the project folder. ``build_into(folder)``,
    when given, makes the release instead of a build of the edition (publish/editions.py fills one)."""
    place = releases.place(target, _project(config_file), inside_project=build_output)
    return releases.publish(
        place,
        build_into
        or (
            lambda folder: build(
                config_file, folder, slug, plan_pdf=plan_pdf, example_edition=example_edition, engine=engine
            )
        ),
    )


def _project(config_file: str | Path) -> Path:
    return Path(config_file).resolve().parent


def run_build(
    config_file: str,
    slug: str | None,
    site_dir: str | None,
    plan_pdf: bool = False,
    example_edition: bool = False,
    engine: str = engines.DEFAULT,
) -> int:
    if refused_name(slug) or refused_example(slug, example_edition):
        return 1
    site_dir = site_dir or default_site_dir(config_file, slug)

    def work() -> str:
        release = publish(
            config_file,
            site_dir,
            slug,
            build_output=True,
            plan_pdf=plan_pdf,
            example_edition=example_edition,
            engine=engine,
        )
        using = "" if engine == engines.DEFAULT else f" with {engine}"
        return f"Built the {slug or 'county'} edition into {site_dir}{using} (release {release})"

    return run_reported(work, failed=f"Nothing was built; {site_dir} is unchanged.")


def run_publish(
    config_file: str, slug: str | None, target: str, plan_pdf: bool = False, example_edition: bool = False
) -> int:
    if refused_name(slug) or refused_example(slug, example_edition):
        return 1

    def work() -> str:
        release = publish(config_file, target, slug, plan_pdf=plan_pdf, example_edition=example_edition)
        return f"Published the {slug or 'county'} edition to {target} (release {release})"

    return run_reported(work, failed=f"Nothing was published; {target} is unchanged.")


def run_rollback(config_file: str, target: str) -> int:
    def work() -> str:
        linked, removed = releases.rollback(releases.place(target, _project(config_file)))
        return f"Rolled back {target} to release {linked}; removed release {removed}"

    return run_reported(work)


def refused_name(slug: str | None) -> bool:
    """A municipality name that cannot be a file name is refused before any folder is made for its edition."""
    problem = slug is not None and paths.name_problem(
        slug, "the municipality", overlay.SLUG, "lower-case letters a–z and hyphens"
    )
    if problem:
        print(f"--municipality: {problem}; nothing was built", file=sys.stderr)
    return bool(problem)


def refused_example(slug: str | None, example_edition: bool) -> bool:
    """The example edition is shown by the county's site only."""
    if slug and example_edition:
        print(
            "--example-edition: only the county's site carries the example edition — build it without --municipality; nothing was built",
            file=sys.stderr,
        )
    return bool(slug and example_edition)


def run_reported(work, failed: str | None = None) -> int:
    """Run a build, publish or rollback: the line it returns, or why it was refused or failed; the exit code."""
    try:
        print(work())
    except releases.Refused as refusal:
        print(refusal, file=sys.stderr)
        return 1
    except BuildFailed as error:
        print(error, file=sys.stderr)
        print(failed, file=sys.stderr)
        return 1
    return 0
