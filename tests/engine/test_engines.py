"""A second engine: ProperDocs, the maintained fork of MkDocs 1.x, builds the same site from the same files.

The outputs must be equal apart from the generator tag, and both must pass the site verifier, so that the
handbook can change engine by changing one command."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from conftest import ROOT
from samverkan.editions.handbook import load_site
from samverkan.site import verify

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def _files(site: Path) -> dict[str, bytes]:
    return {
        path.relative_to(site).as_posix(): GENERATOR.sub(b"", path.read_bytes())
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def test_properdocs_builds_the_same_site_as_mkdocs(built_site, tmp_path):
    site = tmp_path / "site-properdocs"
    engine = Path(sys.executable).with_name("properdocs")
    run = subprocess.run(
        [str(engine), "build", "--strict", "-q", "-f", str(ROOT / "mkdocs.yml"), "-d", str(site)],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert run.returncode == 0, run.stderr
    theirs, ours = _files(site), _files(built_site)
    assert theirs.keys() == ours.keys()
    assert [name for name in ours if ours[name] != theirs[name]] == []
    assert verify.problems(site, load_site(ROOT / "mkdocs.yml").public_numbers) == []
