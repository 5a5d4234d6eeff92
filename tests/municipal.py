"""The minimal handbook with a municipality folder laid over it (tests/fixtures/municipal)."""

from __future__ import annotations

import shutil
from pathlib import Path

from handbooks import copy_minimal

MUNICIPAL = Path(__file__).resolve().parent / "fixtures" / "municipal"


def municipal_handbook(tmp_path: Path) -> Path:
    """A copy of the minimal handbook, plus county wording, Testby's overlay, a status file and local markers."""
    root = copy_minimal(tmp_path)
    shutil.copytree(MUNICIPAL, root, dirs_exist_ok=True)
    return root
