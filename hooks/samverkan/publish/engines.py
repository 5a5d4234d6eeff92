"""The engines a site can be built with: `samverkan build --engine mkdocs|properdocs|zensical`.

- mkdocs (the default): MkDocs 1.6 with Material and the hooks, in-process (engine/mkdocs_build.py).
- properdocs: the maintained fork of MkDocs 1.x, the same configuration and hooks, as its own command; its site
  is MkDocs' but for the generator tag (tests/engine/test_engines.py).
- zensical: Material's successor, from its own environment (scripts/setup-zensical): each language's tree built
  on its own and put together (site/zensical_site.py). No offline copy yet.
Every engine's site ends with the same step (site/finish.py) and is judged by the same verifier.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

DEFAULT = "mkdocs"
ENGINES = (DEFAULT, "properdocs", "zensical")
OFFLINE = (DEFAULT, "properdocs")  # the engines that build the offline copy (mkdocs-offline.yml)


class BuildFailed(Exception):
    pass


def build(
    engine: str, config_file: str | Path, site_dir: str | Path, site_url: str | None, slug: str | None
) -> None:
    """One strict build with an engine other than the default; BuildFailed with its own messages."""
    if engine == "properdocs":
        return _properdocs(config_file, site_dir, site_url)
    if engine == "zensical":
        return _zensical(config_file, site_dir, site_url, slug)
    raise BuildFailed(f"--engine: '{engine}' is none of {', '.join(ENGINES)}")


def _properdocs(config_file: str | Path, site_dir: str | Path, site_url: str | None) -> None:
    """ProperDocs' own command, beside the Python that runs this; an edition's address by a configuration that
    inherits the project's (beside it, so that its relative paths hold)."""
    program = Path(sys.executable).with_name("properdocs")
    config = Path(config_file).resolve()
    with tempfile.NamedTemporaryFile(
        "w", suffix=".yml", dir=config.parent, prefix=".properdocs-", delete=False
    ) as own:
        own.write(f"INHERIT: {config.name}\n" + (f"site_url: '{site_url}'\n" if site_url else ""))
    try:
        run = subprocess.run(
            [str(program), "build", "--strict", "-q", "-f", own.name, "-d", str(Path(site_dir).resolve())],
            capture_output=True,
            text=True,
            check=False,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
    finally:
        Path(own.name).unlink()
    if run.returncode != 0:
        said = [line for line in run.stderr.splitlines() if line.strip()]
        raise BuildFailed(
            "\n".join([*said[-20:], f"the site did not build with ProperDocs (exit {run.returncode})"])
        )


def _zensical(config_file: str | Path, site_dir: str | Path, site_url: str | None, slug: str | None) -> None:
    from samverkan.content.settings import read_config
    from samverkan.editions import overlay
    from samverkan.editions.handbook import load_site
    from samverkan.engine.zensical_build import ZensicalFailed
    from samverkan.site import zensical_site

    handbook = load_site(config_file)
    try:
        problems = zensical_site.build(
            config_file,
            handbook,
            overlay.load(handbook.root, slug),
            site_dir,
            site_url or read_config(config_file).get("site_url") or "",
        )
    except ZensicalFailed as error:
        raise BuildFailed(str(error)) from None
    if problems:
        raise BuildFailed("\n".join(problems))
