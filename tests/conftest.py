"""Shared fixtures: the real site, built once per test session; no wall-clock limits but generous hang guards."""

from __future__ import annotations

import signal
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import settings
from samverkan.engine.mkdocs_build import build_site

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
HANG_GUARD_S = 30  # far above any normal run, even on a loaded 2-core machine: only a hang reaches it

# A test that times itself fails on a busy machine: no Hypothesis deadline (bench/ measures speed).
settings.register_profile("samverkan", deadline=None)
settings.load_profile("samverkan")

# --- Two tiers: `-m fast` (no site build, no browser: a minute or two) and the whole suite -----------------
# A test is in the site tier when it asks for one of these fixtures, lives in tests/browser/ or is marked
# @pytest.mark.site (it builds a site itself, or starts MkDocs or Chromium in a process of its own); every other
# test is marked fast. A fast test that starts a MkDocs build in this process fails and says to mark it.
SITE_FIXTURES = {
    "built_site",
    "every_edition",
    "edition_sites",
    "published_site",
    "offline_site",
    "served_site",
    "fixture_site",
}
BROWSER = Path(__file__).resolve().parent / "browser"


def pytest_configure(config):
    config.addinivalue_line("markers", "site: builds a site or drives the browser (the full suite only)")
    config.addinivalue_line("markers", "fast: no site build and no browser (`bash scripts/test -m fast`)")
    config.addinivalue_line(
        "markers",
        "zensical: builds with Zensical (.venv-zensical/, scripts/setup-zensical); in the site tier",
    )


def pytest_collection_modifyitems(items):
    for item in items:
        in_site_tier = (
            item.get_closest_marker("site")
            or SITE_FIXTURES & set(item.fixturenames)
            or item.path.is_relative_to(BROWSER)
        )
        item.add_marker(pytest.mark.site if in_site_tier else pytest.mark.fast)


@pytest.fixture(autouse=True)
def _fast_tests_build_no_site(request, monkeypatch):
    if request.node.get_closest_marker("fast"):

        def refused(*args, **kwargs):
            raise AssertionError(
                f"{request.node.nodeid} builds a site: mark it @pytest.mark.site (tests/conftest.py)"
            )

        monkeypatch.setattr("mkdocs.commands.build.build", refused)


@contextmanager
def hang_guard(seconds: float = HANG_GUARD_S):
    """Stop the block with TimeoutError if it runs longer than SECONDS: a hostile input that hangs fails
    the test instead of hanging the suite (SIGALRM, so the main thread only, as pytest runs tests)."""

    def stop(signum, frame):
        raise TimeoutError(f"still running after {seconds} s: a hang")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture(scope="session")
def every_edition(tmp_path_factory) -> Path:
    """The real handbook's editions as ``build --all`` makes them, once for the session: the county's site
    (built, verified, with its offline copy as a zip in it) and each municipality's filled into it
    (publish/editions.py); the folder that holds site-county, site-sigtuna, site-stockholm."""
    from samverkan.publish import editions

    folder = tmp_path_factory.mktemp("editions")
    assert editions.run_all(str(ROOT / "mkdocs.yml"), lambda slug: folder / f"site-{slug or 'county'}") == 0
    return folder


@pytest.fixture(scope="session")
def edition_sites(every_edition) -> dict[str, Path]:
    """The Sigtuna and the Stockholm edition of the real handbook, each with its offline copy."""
    return {slug: every_edition / f"site-{slug}" for slug in ("sigtuna", "stockholm")}


@pytest.fixture(scope="session")
def published_site(every_edition) -> Path:
    """The county site as the README's build makes it (publish.build): with the offline copy as a zip in it.
    The release folder the published link points to, so that paths in it compare as they are."""
    return (every_edition / "site-county").resolve()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real handbook, built strictly once; the site folder (Swedish at the root, English in en/)."""
    site = tmp_path_factory.mktemp("site")
    build_site(ROOT / "mkdocs.yml", site)
    return site
