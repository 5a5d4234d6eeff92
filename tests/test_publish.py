"""Safe publishing: build and check in a new folder, then swap; a failed build leaves the published site intact."""

from __future__ import annotations

from pathlib import Path

from handbooks import copy_minimal, replace
from samverkan import cli, publish


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_publish_swaps_in_a_checked_build_and_a_failed_build_leaves_the_site_untouched(tmp_path, capsys):
    root = copy_minimal(tmp_path)
    published = tmp_path / "www" / "plan"
    config = str(root / "mkdocs.yml")

    assert cli.main(["--config", config, "publish", "--to", str(published)]) == 0
    first = snapshot(published)
    assert "index.html" in first and "en/index.html" in first

    replace(root, "docs/sv/rutiner/avvikning.md", "1. Boendet ringer polisen.", "1. Boendet ringer polisen. [[ingen-sadan-sida]]")
    assert cli.main(["--config", config, "publish", "--to", str(published)]) == 1
    err = capsys.readouterr().err
    assert "'ingen-sadan-sida' is not the id of any page" in err and "Nothing was published" in err
    assert snapshot(published) == first
    assert sorted(p.name for p in published.parent.iterdir()) == ["plan"]  # no half-built folder left behind

    replace(root, "docs/sv/rutiner/avvikning.md", " [[ingen-sadan-sida]]", "")
    replace(root, "docs/sv/index.md", "Läs [[avvikning]].", "Läs [[avvikning]] nu.")
    assert cli.main(["--config", config, "publish", "--to", str(published)]) == 0
    assert "nu." in (published / "index.html").read_text(encoding="utf-8")
    assert sorted(p.name for p in published.parent.iterdir()) == ["plan"]


def test_a_build_that_fails_inside_mkdocs_also_leaves_the_site_untouched(tmp_path):
    root = copy_minimal(tmp_path)
    published = tmp_path / "plan"
    publish.publish(root / "mkdocs.yml", published)
    first = snapshot(published)
    replace(root, "mkdocs.yml", "name: material", "name: no-such-theme")
    try:
        publish.publish(root / "mkdocs.yml", published)
    except publish.BuildFailed as error:
        assert "did not build" in str(error)
    else:
        raise AssertionError("the build should have failed")
    assert snapshot(published) == first


def test_swap_restores_the_old_site_when_the_new_one_cannot_be_moved_in(tmp_path, monkeypatch):
    target, fresh = tmp_path / "site", tmp_path / "fresh"
    target.mkdir(); (target / "old.html").write_text("old")
    fresh.mkdir(); (fresh / "new.html").write_text("new")
    real_rename = Path.rename

    def failing_rename(self, destination):
        if self == fresh:
            raise OSError("disk trouble")
        return real_rename(self, destination)

    monkeypatch.setattr(Path, "rename", failing_rename)
    try:
        publish.swap(fresh, target)
    except OSError:
        pass
    assert (target / "old.html").read_text() == "old"
