"""The MkDocs wiring: strict builds, generated views in both languages, and the same problems as the command."""

from __future__ import annotations

import logging
import re

import pytest
from conftest import build_site
from handbooks import copy_minimal, replace
from mkdocs.exceptions import Abort
from samverkan import cli
from samverkan.checks import rules
from samverkan.content.model import Routine
from samverkan.editions.handbook import load_site


def read(site, path):
    return (site / path).read_text(encoding="utf-8")


def test_real_site_builds_strictly_with_views_in_both_languages(built_site):
    handbook = load_site("mkdocs.yml")
    for lang, prefix in (("sv", ""), ("en", "en/")):
        boendet = read(built_site, f"{prefix}aktorer/boendet/index.html")
        assert 'class="sv-view sv-actor-view"' in boendet
        police = read(built_site, f"{prefix}aktorer/polisen/index.html")
        # its numbers are call links
        assert handbook.get(lang, "polisen").contact in re.sub(r"<[^>]+>", "", police)
        assert '<a class="sv-tel" href="tel:11414">114 14</a>' in police
        assert re.search(r'<a href="\.\./\.\./rutiner/avvikning/">', boendet)
        matrix = read(built_site, f"{prefix}ansvarsmatris/index.html")
        routines = handbook.of_type(lang, Routine)
        assert matrix.count('<th scope="row">') == len(routines) > 0
        routine = read(built_site, f"{prefix}rutiner/avvikning/index.html")
        assert 'data-next-review="' in routine and 'class="sv-meta"' in routine
    assert '<html lang="en"' in read(built_site, "en/index.html")
    assert "Ansvarar" in read(built_site, "ansvarsmatris/index.html")
    assert "Responsible" in read(built_site, "en/ansvarsmatris/index.html")


def test_real_handbook_passes_every_check():
    assert [str(p) for p in rules.run_all(load_site("mkdocs.yml"))] == []


@pytest.mark.site
def test_markers_become_links_and_abbreviations_tooltips(tmp_path):
    root = copy_minimal(tmp_path)
    site = tmp_path / "site"
    build_site(root / "mkdocs.yml", site)
    checklist = read(site, "checklistor/avvikning-boendet/index.html")
    # one actor: named once
    assert 'Ansvarig för alla punkter: <a href="../../aktorer/boendet/">Boendet</a>' in checklist
    assert '<a class="sv-actor" href="../../aktorer/boendet/">Boendet</a>' in read(
        site, "rutiner/avvikning/index.html"
    )
    start = read(site, "index.html")
    assert '<a href="rutiner/avvikning/">När ett barn avviker</a>' in start
    law = read(site, "en/lagar/sol/index.html")
    assert "Socialtjänstlag (upphävd)" in law  # the repealed law is linked from its successor


@pytest.mark.site
def test_build_and_check_command_report_the_same_problems(tmp_path, capsys, caplog):
    root = copy_minimal(tmp_path)
    replace(root, "docs/sv/rutiner/avvikning.md", "  - actor: boendet", "  - actor: hvb-boendet")
    replace(root, "docs/en/aktorer/boendet.md", "reviewed: 2026-01-15", "reviewed: 15 januari")

    assert cli.main(["--config", str(root / "mkdocs.yml"), "check"]) == 1
    from_command = capsys.readouterr().out.splitlines()

    with caplog.at_level(logging.WARNING), pytest.raises(Abort):
        build_site(root / "mkdocs.yml", tmp_path / "site")
    from_build = [r.getMessage() for r in caplog.records if r.name.endswith("samverkan")]

    assert len(from_command) == 3
    assert from_build == from_command
