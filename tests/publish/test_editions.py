"""Every edition in one run (publish/editions.py): the county's built once, each municipality's filled into it."""

from __future__ import annotations

from pathlib import Path

import pytest
from handbooks import replace
from municipal import municipal_handbook
from samverkan import cli
from samverkan.editions.handbook import load_site
from samverkan.publish import editions
from samverkan.site import completeness, fill


def sites_in(folder: Path):
    return lambda slug: folder / f"site-{slug or 'county'}"


@pytest.mark.site
def test_every_edition_is_published_as_its_own_release_and_passes_the_verifier(tmp_path, capsys):
    root = municipal_handbook(tmp_path)
    assert editions.run_all(str(root / "mkdocs.yml"), sites_in(tmp_path)) == 0
    handbook = load_site(root / "mkdocs.yml")
    for name in ("county", "testby", "tredjeby"):
        site = tmp_path / f"site-{name}"
        assert (
            site.is_symlink()
            and (site / "index.html").is_file()
            and completeness.safe_and_complete(site, handbook) == []
        )
    assert "Testby kommun" in (tmp_path / "site-testby" / "index.html").read_text(encoding="utf-8")
    assert not (
        tmp_path / "site-testby" / "assets" / "javascripts" / "municipalities"
    ).exists()  # no chooser data
    out = capsys.readouterr().out
    assert (
        "Built the county edition" in out
        and "Filled testby's edition" in out
        and "Filled tredjeby's edition" in out
    )


def test_a_problem_in_any_municipality_s_file_builds_nothing(tmp_path, capsys):
    root = municipal_handbook(tmp_path)
    replace(root, "municipalities/tredjeby.yml", "name:", "namn:")
    assert editions.run_all(str(root / "mkdocs.yml"), sites_in(tmp_path)) == 1
    assert "municipalities/tredjeby.yml:" in capsys.readouterr().err
    assert not [site for site in tmp_path.glob("site-*") if site.is_symlink()]


def test_a_hostile_file_name_or_a_huge_file_is_one_line_and_builds_nothing(tmp_path, capsys):
    root = municipal_handbook(tmp_path)
    (root / "municipalities" / "Ev il<x>.yml").write_text(
        (root / "municipalities" / "tredjeby.yml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (root / "municipalities" / "huge.yml").write_text("name: " + "a" * 2_000_000 + "\n", encoding="utf-8")
    assert editions.run_all(str(root / "mkdocs.yml"), sites_in(tmp_path)) == 1
    err = capsys.readouterr().err.splitlines()
    assert (
        "municipalities/Ev il<x>.yml:1: the municipality's file name 'Ev il<x>.yml' is not lower-case a–z and hyphens"
        in "\n".join(err)
    )
    assert any(line.startswith("municipalities/huge.yml:1: the file is larger than") for line in err)
    assert "Traceback" not in "\n".join(err) and not [
        site for site in tmp_path.glob("site-*") if site.is_symlink()
    ]


@pytest.mark.site
def test_an_edition_that_fails_keeps_its_last_release_and_the_others_are_published(
    tmp_path, monkeypatch, capsys
):
    root = municipal_handbook(tmp_path)
    assert editions.run_all(str(root / "mkdocs.yml"), sites_in(tmp_path)) == 0
    before = (tmp_path / "site-testby").resolve()
    capsys.readouterr()
    real = fill.fill_tree

    def failing_for_testby(county, county_dir, edition_dir, overlay, known=None):
        if overlay.slug == "testby":
            raise fill.FillFailed("index.html: left unfilled")
        real(county, county_dir, edition_dir, overlay, known)

    monkeypatch.setattr(fill, "fill_tree", failing_for_testby)
    assert editions.run_all(str(root / "mkdocs.yml"), sites_in(tmp_path)) == 1
    assert (tmp_path / "site-testby").resolve() == before
    assert (
        len(
            [
                release
                for release in (tmp_path / "site-tredjeby.releases").iterdir()
                if release.name[0].isdigit()
            ]
        )
        == 2
    )
    err = capsys.readouterr().err
    assert "index.html: left unfilled" in err and "site-testby is unchanged." in err


def test_all_goes_into_each_edition_s_own_folder(tmp_path, capsys):
    root = municipal_handbook(tmp_path)
    assert (
        cli.main(["--config", str(root / "mkdocs.yml"), "build", "--all", "--site-dir", str(tmp_path / "x")])
        == 1
    )
    assert capsys.readouterr().err.splitlines() == [
        "--site-dir: every edition goes into its own site-<name>/ with --all; nothing was built"
    ]
