"""The minimal handbook with a municipality folder laid over it (tests/fixtures/municipal)."""

from __future__ import annotations

import shutil
from pathlib import Path

from handbooks import copy_minimal, replace
from samverkan.editions import county

MUNICIPAL = Path(__file__).resolve().parent / "fixtures" / "municipal"


def municipal_handbook(tmp_path: Path) -> Path:
    """A copy of the minimal handbook, plus county wording, Testby's overlay, a status file and local markers."""
    root = copy_minimal(tmp_path)
    shutil.copytree(MUNICIPAL, root, dirs_exist_ok=True)
    return root


TESTBY_URL = "https://plan.testby.se/handbok/"


def with_edition_fields(root: Path) -> Path:
    """Testby's file with its own address, a review date and its addition placed at 'Vem gör vad'."""
    replace(
        root,
        "municipalities/testby.yml",
        'code: "0999"\n',
        f'code: "0999"\nsite_url: {TESTBY_URL}\nreviewed: 2026-11-29\n',
    )
    replace(
        root,
        "municipalities/testby.yml",
        "  avvikning:\n",
        "  avvikning:\n    section: {sv: vem-gor-vad, en: who-does-what}\n",
    )
    return root


# A county list (municipalities/status.yml) of one municipality, Sigtuna, with the night contact given.
STATUS_WITH_NIGHT = """\
municipalities:
  - code: "0191"
    name: Sigtuna kommun
    adopted: yes
    night:
{night}
"""
GOOD_NIGHT = """\
      service: {sv: Socialjouren, en: the out-of-hours social services}
      phone: 010-444 05 00
      source: https://www.sigtuna.se/socialjouren.html
      read: 2026-12-03"""


def night_status(root: Path, night: str):
    """The rows and problems of a county list whose one municipality has the night contact ``night``."""
    (root / "municipalities").mkdir(parents=True)
    (root / "municipalities" / "status.yml").write_text(
        STATUS_WITH_NIGHT.format(night=night), encoding="utf-8"
    )
    return county.read_status(root)
