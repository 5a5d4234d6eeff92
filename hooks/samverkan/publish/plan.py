"""The ``plan-pdf`` command: the whole plan of an edition as one A4 PDF per language (site/plan_pdf.py).

    samverkan plan-pdf [--municipality X] [--lang sv] [--site DIR] [--out DIR]

Without --site the edition is built first (strictly, without its offline copy) into a temporary folder; with
--site, the PDF is made from that built edition, which must be the one --municipality names.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from samverkan.content.settings import read_config
from samverkan.editions import edition, overlay
from samverkan.editions.handbook import load_site
from samverkan.publish import publish
from samverkan.site import plan_pdf


def run(config_file: str, slug: str | None, langs: list[str], site: str | None, out: str) -> int:
    if publish.refused_name(slug):
        return 1
    if site and not (Path(site) / "index.html").is_file():
        print(
            f"--site: {site} holds no built site (no index.html) — build it first (samverkan build); no PDF was made",
            file=sys.stderr,
        )
        return 1

    def work() -> str:
        with tempfile.TemporaryDirectory(prefix="samverkan-plan-") as folder:
            built = Path(site) if site else Path(folder) / "site"
            if not site:
                publish.build(config_file, built, slug, offline_copy=False)
            written = write(config_file, built, slug, langs, Path(out))
        return "\n".join(f"{pages} page(s)  {path}" for path, pages in written)

    return publish.run_reported(work, failed="No PDF was made.")


def write(
    config_file: str, site: Path, slug: str | None, langs: list[str], out: Path
) -> list[tuple[Path, int]]:
    """The plan PDFs of the edition built in ``site`` into ``out``: (path, pages) of each."""
    handbook = load_site(config_file)
    chosen = overlay.load(handbook.root, slug)
    site_url = edition.site_url(chosen) or read_config(config_file).get("site_url") or ""
    return plan_pdf.write_all(site, handbook, chosen, langs, site_url, out)
