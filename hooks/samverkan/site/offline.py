"""The copy of the handbook anyone can take: the offline edition (mkdocs-offline.yml), built with the site and
put in it as one zip file, linked from the start page ("Ladda ner handboken för användning utan nät").

Unpacked anywhere, its index.html opens from disk with search and both languages and no network. The ordinary
site cannot search from disk (the browser blocks its search worker on file://): opened so, it says so in one
line and links the zip (page-header.html, samverkan.js). Every municipality's edition gets its own zip.
Every page of the copy says which plan version it holds and when it was built, and once it is older than
OLD_AFTER_DAYS, that it may be out of date.
"""

from __future__ import annotations

import os
import tempfile
import zipfile
from pathlib import Path

ENV = "SAMVERKAN_OFFLINE_ZIP"  # set while building a site that will carry the zip: its pages link it
ZIP_NAME = "samverkansplanen-utan-nat.zip"
FOLDER_IN_ZIP = "samverkansplanen"  # unpacked: samverkansplanen/index.html
CONFIG = "mkdocs-offline.yml"
# A copy built longer ago than this says at the top of every page that its numbers may be old (in the reader's
# browser, by the phone's clock: views/paper.py, samverkan.js). The one setting: docs-dev/search-print-offline.md.
OLD_AFTER_DAYS = 90


def config_beside(config_file: str | Path) -> Path | None:
    """The offline edition's configuration next to the site's, when the project has one."""
    offline = Path(config_file).resolve().with_name(CONFIG)
    return offline if offline.is_file() and offline != Path(config_file).resolve() else None


def download(config_file: str | Path) -> str | None:
    """What the site's pages link as the download: the zip's name, or None in the offline edition itself."""
    if Path(config_file).name == CONFIG:
        return None
    return os.environ.get(ENV) or None


def build_zip(offline_config: Path, site_dir: Path, build, folder: Path | None = None) -> Path:
    """Build the offline edition with ``build(config, folder)`` (which raises when the build or its verifier
    fails) and write it into ``site_dir`` as the zip; its path. Built into ``folder`` when one is given, and
    kept there (every municipality's offline copy is filled from the county's, site/fill.py)."""
    if folder is not None:
        build(offline_config, folder)
        return write_zip(folder, Path(site_dir) / ZIP_NAME)
    with tempfile.TemporaryDirectory(prefix="samverkan-offline-") as work:
        folder = Path(work) / FOLDER_IN_ZIP
        build(offline_config, folder)
        return write_zip(folder, Path(site_dir) / ZIP_NAME)


def write_zip(folder: Path, target: Path) -> Path:
    """The built offline edition in ``folder`` as the zip ``target``, unpacking into samverkansplanen/."""
    # level 4: measured on the county's copy, level 6 took 1.8 times as long for a zip 4 % smaller
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=4) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and not path.is_symlink():
                archive.write(path, f"{FOLDER_IN_ZIP}/{path.relative_to(folder).as_posix()}")
    return target
