"""The author's preview, `bash scripts/serve`: a short log before it serves, and an edit to a municipality file
reaching the running preview (the script watches municipalities/ and search/, not only docs/)."""

from __future__ import annotations

from conftest import HANG_GUARD_S
from preview import Preview, project_copy, replace

MOST_LINES_BEFORE_SERVING = 20  # pages the section indexes list are left out of MkDocs' "not in the nav" list (mkdocs.yml)
BUILDS_GUARD_S = 10 * HANG_GUARD_S  # a build takes seconds; a loaded machine may take minutes, only a hang takes this


def test_the_preview_starts_with_a_short_log_and_shows_an_edited_municipality_file(tmp_path):
    root = project_copy(tmp_path / "project")
    with Preview(root, BUILDS_GUARD_S) as preview:
        assert len(preview.lines_before_serving()) <= MOST_LINES_BEFORE_SERVING, "\n".join(preview.lines_before_serving())
        assert "Socialjouren för Sigtuna kommun" in preview.page("kontakter/")
        replace(root / "municipalities" / "sigtuna.yml", "sv: Socialjouren för Sigtuna kommun", "sv: Socialjouren i Märsta")
        assert preview.seconds_until_shown("kontakter/", "Socialjouren i Märsta") is not None, "\n".join(preview.log[-20:])
