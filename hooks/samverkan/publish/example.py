"""An example edition in the county's site, for a municipality that has not adopted the plan: what its own edition
would look like, before its board decides (issue 32).

    samverkan build --example-edition          (or publish --to DIR --example-edition)

The example is the edition of a made-up municipality, Exempelkommun, from the sample file
municipalities/exempel/exempelkommun.yml: its name says it is an example on every page, and its numbers reach
no one. It is built as any edition is (strictly, checked and verified), in a project assembled for the purpose:
the county's own files, with the sample as one more adopted municipality of its list (status.yml). Then it is
put into the county's site at exempel/ (paper.EXAMPLE_FOLDER), and *Så ansluter sig en kommun* links it. The
county's offline copy does not carry it: it would double the download for a page a night worker never needs.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

import yaml

from samverkan.content import versions
from samverkan.content.settings import read_config
from samverkan.editions import overlay
from samverkan.editions.county import STATUS_FILE
from samverkan.editions.handbook import load_site
from samverkan.site import completeness
from samverkan.views.paper import EXAMPLE_FOLDER

SAMPLE = Path(overlay.FOLDER) / "exempel" / "exempelkommun.yml"
SLUG = SAMPLE.stem
NOT_LINKED = {
    overlay.FOLDER,
    "mkdocs.yml",
    versions.ARCHIVE_DIR,
}  # the project's own: assembled anew, or not shown


class NoSample(Exception):
    """The county has no sample file: the message says what to do."""


def build_into(config_file: str | Path, site_dir: Path, build: Callable[[Path, Path], None]) -> None:
    """The example edition, made (and verified) by ``build(config, folder)`` in the assembled project, put into
    ``site_dir``/exempel/ in place of whatever is there."""
    core = Path(config_file).resolve().parent
    if not (core / SAMPLE).is_file():
        raise NoSample(
            f"{SAMPLE}: there is no sample file for the example edition — copy it from the project, or build without --example-edition"
        )
    with tempfile.TemporaryDirectory(prefix="samverkan-example-") as work:
        config = _assembled(core, Path(work) / "project", read_config(config_file).get("site_url"))
        built = Path(work) / "site"
        build(config, built)
        target = Path(site_dir) / EXAMPLE_FOLDER
        shutil.rmtree(target, ignore_errors=True)
        shutil.move(built, target)


def problems(config_file: str | Path, folder: Path) -> list:
    """The example edition built into ``folder`` (a county site's exempel/), judged as the site of its own it is:
    safe and complete against its own project (``samverkan verify`` of a county site that carries it)."""
    core = Path(config_file).resolve().parent
    with tempfile.TemporaryDirectory(prefix="samverkan-example-") as work:
        config = _assembled(core, Path(work) / "project", read_config(config_file).get("site_url"))
        return completeness.safe_and_complete(folder, load_site(config))


def _assembled(core: Path, project: Path, site_url: str | None) -> Path:
    """A project folder of the county's own files, with the sample as one of its municipalities; its configuration."""
    project.mkdir(parents=True)
    for entry in core.iterdir():
        if entry.name not in NOT_LINKED and not entry.name.startswith(("site", ".")):
            (project / entry.name).symlink_to(entry)
    municipalities = project / overlay.FOLDER
    municipalities.mkdir()
    for path in overlay.municipality_files(core) + [
        core / overlay.FOLDER / f"{name}.yml" for name in overlay.NOT_MUNICIPALITIES
    ]:
        if path.is_file() and path.name != Path(STATUS_FILE).name:
            shutil.copyfile(path, municipalities / path.name)  # copies: the loader refuses a linked file
    shutil.copyfile(core / SAMPLE, municipalities / SAMPLE.name)
    _listed(
        core / STATUS_FILE, project / STATUS_FILE, yaml.safe_load((core / SAMPLE).read_text(encoding="utf-8"))
    )
    settings = {"INHERIT": os.path.relpath(core / "mkdocs.yml", project)}
    if site_url:
        settings["site_url"] = site_url.rstrip("/") + f"/{EXAMPLE_FOLDER}/"
    (project / "mkdocs.yml").write_text(yaml.safe_dump(settings), encoding="utf-8")
    return project / "mkdocs.yml"


def _listed(status: Path, target: Path, sample: dict) -> None:
    """The county's list with the sample as one more adopted municipality, named and numbered as its file says."""
    data = yaml.safe_load(status.read_text(encoding="utf-8")) if status.is_file() else None
    data = (
        data
        if isinstance(data, dict) and isinstance(data.get("municipalities"), list)
        else {"municipalities": []}
    )
    data["municipalities"].append(
        {
            "code": sample["code"],
            "name": sample["name"]["sv"],
            "name_en": sample["name"]["en"],
            "slug": SLUG,
            "adopted": True,
        }
    )
    target.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
