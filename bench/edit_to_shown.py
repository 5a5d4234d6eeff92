"""The author's preview: how long an edit takes to show in `bash scripts/serve`, per kind of file.

A copy of the project is served (tests/preview.py); each kind of file is edited in turn, REPEATS times, and
the page that shows it is fetched until the edit is there. All three show on the page "Kontakter per kommun".
"""

from __future__ import annotations

import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from preview import Preview, project_copy, replace  # noqa: E402

SHOWN_ON = "kontakter/"
# kind of file: (the file, its text with {mark} where the edit goes; with an empty mark, the text as it is)
EDITS = {
    "page": ("docs/sv/kontakter.md", "Är det akut fara{mark}? Ring 112."),
    "view template": (
        "overrides/samverkan/contacts.html",
        "<caption>{{{{ e.contacts_caption }}}}{mark}</caption>",
    ),
    "municipality file": ("municipalities/sigtuna.yml", "sv: Socialjouren för Sigtuna kommun{mark}"),
}
REPEATS = 3
HANG_GUARD_S = 300


def measure_preview() -> dict:
    with tempfile.TemporaryDirectory(prefix="bench-preview-") as folder:
        root = project_copy(Path(folder) / "project")
        marks = {kind: "" for kind in EDITS}
        seconds = {kind: [] for kind in EDITS}
        with Preview(root, HANG_GUARD_S) as preview:
            for repeat in range(1, REPEATS + 1):
                for kind, (file, text) in EDITS.items():
                    mark = f" bench-{kind.split()[0]}-{repeat}"  # one of its own: the page shows every earlier edit
                    replace(root / file, text.format(mark=marks[kind]), text.format(mark=mark))
                    marks[kind] = mark
                    seconds[kind].append(preview.seconds_until_shown(SHOWN_ON, mark.strip()))
    return {
        kind: {"median_s": _median(found), "runs_s": [None if s is None else round(s, 2) for s in found]}
        for kind, found in seconds.items()
    }


def _median(found: list[float | None]) -> float | None:
    """The median, or None if any edit never showed."""
    return None if None in found else round(statistics.median(found), 2)
