"""Every edition of the county in one run: the county's site rendered once, each municipality's filled into it.

    samverkan build --all      site/ and site-<municipality>/ for every file in municipalities/

The county's edition is built first, as ``build`` builds it (site/), with its offline copy kept unpacked. Its
check covers every municipality's file, so if any edition has a problem, nothing is built. Each municipality's
edition is then filled into it (site/fill.py), its site and its offline copy, on every core; each is verified
as a browser reads it and published as a release of its own (site-<municipality>/), switched to only once it
has passed. An edition that fails
leaves its last release, and the others are still published; the exit code says that one failed.
"""

from __future__ import annotations

import contextlib
import io
import multiprocessing
import os
import shutil
import sys
import tempfile
from pathlib import Path

from samverkan.content.settings import read_config
from samverkan.editions import overlay
from samverkan.editions.handbook import load_site
from samverkan.publish import engines, publish
from samverkan.site import completeness, fill, offline
from samverkan.site.offline import FOLDER_IN_ZIP
from samverkan.views.render import Renderer


def run_all(config_file: str, site_dir_of=None, engine: str = engines.DEFAULT) -> int:
    """The command; ``site_dir_of(slug)`` is where an edition goes (slug None: the county's), by default
    site/ and site-<slug>/ beside the configuration."""
    site_dir_of = site_dir_of or (lambda slug: publish.default_site_dir(config_file, slug))
    handbook = load_site(config_file)
    editions = [overlay.load(handbook.root, path.stem) for path in overlay.municipality_files(handbook.root)]
    county_site = Path(site_dir_of(None))
    with tempfile.TemporaryDirectory(prefix="samverkan-editions-") as work:
        county_offline = (
            Path(work) / FOLDER_IN_ZIP
            if offline.config_beside(config_file) and engine in engines.OFFLINE
            else None
        )

        def county() -> str:
            def built(folder):
                return publish.build(config_file, folder, None, offline_tree=county_offline, engine=engine)

            return f"Built the county edition into {county_site} (release {publish.publish(config_file, county_site, build_output=True, build_into=built)})"

        if publish.run_reported(county, failed=f"Nothing was built; {county_site} is unchanged."):
            return 1
        filler = Filler(config_file, handbook, county_site.resolve(), county_offline, Path(work))
        failed = _on_every_core(
            lambda each: publish.run_reported(
                lambda: filler.publish(each, Path(site_dir_of(each.slug))),
                failed=f"{site_dir_of(each.slug)} is unchanged.",
            ),
            editions,
        )
    return 1 if any(failed) else 0


_task = None  # what each forked worker of _on_every_core does: set before the fork, so nothing is pickled but an index


def _on_every_core(task, items: list) -> list:
    """``task(item)`` for every item, in forked workers on every core (each starts with the county's built site
    and the model in memory); what each printed is printed here, in the items' order."""
    global _task
    _task = lambda index: _captured(task, items[index])  # noqa: E731
    with multiprocessing.get_context("fork").Pool(max(1, min(len(items), os.cpu_count() or 1))) as pool:
        done = pool.map(_run_task, range(len(items)))
    for _, out, err in done:
        sys.stdout.write(out)
        sys.stderr.write(err)
    return [result for result, _, _ in done]


def _run_task(index: int):
    return _task(index)


def _captured(task, item) -> tuple:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        result = task(item)
    return result, out.getvalue(), err.getvalue()


class Filler:
    """Fills municipalities' editions into the county's built site and its offline copy, and publishes them."""

    def __init__(
        self, config_file: str, handbook, county_site: Path, county_offline: Path | None, work: Path
    ):
        config = read_config(config_file)
        self.config_file, self.handbook, self.work = config_file, handbook, work
        self.county_site, self.county_offline = county_site, county_offline
        site_url = config.get("site_url") or ""
        # as the county's site was rendered
        self.county = Renderer(handbook, config.get("use_directory_urls", True), site_url=site_url)
        # Material's offline plugin turns directory URLs off
        self.county_offline_renderer = Renderer(
            handbook, False, site_url=site_url, old_after_days=offline.OLD_AFTER_DAYS
        )
        self.places = {  # each county page's places, read once here for every edition (forked after)
            tree: fill.county_places(tree) for tree in (county_site, county_offline) if tree
        }

    def publish(self, each: overlay.Overlay, site_dir: Path) -> str:
        release = publish.publish(
            self.config_file,
            site_dir,
            build_output=True,
            build_into=lambda folder: self._filled(each, folder),
        )
        return f"Filled {each.slug}'s edition into {site_dir} (release {release})"

    def _filled(self, each: overlay.Overlay, folder: Path) -> None:
        try:
            fill.fill_tree(self.county, self.county_site, folder, each, self.places[self.county_site])
            if self.county_offline:
                own_offline = self.work / each.slug / FOLDER_IN_ZIP
                fill.fill_tree(
                    self.county_offline_renderer,
                    self.county_offline,
                    own_offline,
                    each,
                    self.places[self.county_offline],
                )
                self._verified(own_offline)
                offline.write_zip(own_offline, folder / offline.ZIP_NAME)
                shutil.rmtree(own_offline.parent)
        except fill.FillFailed as error:
            raise publish.BuildFailed(str(error)) from None
        self._verified(folder)

    def _verified(self, site_dir: Path) -> None:
        faults = completeness.safe_and_complete(site_dir, self.handbook)
        if faults:
            raise publish.BuildFailed("\n".join(map(str, faults)))
