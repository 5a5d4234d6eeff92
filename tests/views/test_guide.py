"""The checks that keep "Vad gör jag nu?" whole: every routine reachable, every responsible role starting with
what to do at once, and no item that only points to another checklist (each hostile fixture gets its one line)."""

from __future__ import annotations

import pytest
from handbooks import copy_minimal, problems, replace


@pytest.fixture
def with_guide(tmp_path):
    root = copy_minimal(tmp_path)
    for lang, title in (("sv", "Vad gör jag nu?"), ("en", "What do I do now?")):
        (root / "docs" / lang / "vad-gor-jag-nu.md").write_text(
            f'---\ntype: page\nid: vad-gor-jag-nu\ntitle: {title}\nversion: "1.0"\nreviewed: 2026-11-29\nnext_review: 2027-11-29\n'
            f"owner: arbetsgruppen\nview: guide\n---\n\n# {title}\n",
            encoding="utf-8",
        )
    replace(root, "mkdocs.yml", "  - index.md\n", "  - index.md\n  - vad-gor-jag-nu.md\n")
    assert problems(root) == []
    return root


def test_the_check_reports_a_routine_the_guide_cannot_reach(with_guide):
    for lang in ("sv", "en"):
        replace(with_guide, f"docs/{lang}/checklistor/avvikning-boendet.md", "{#at-once}", "{#within-hours}")
    assert problems(with_guide) == [
        "docs/sv/rutiner/avvikning.md:1: 'Vad gör jag nu?' cannot reach this routine: nothing in it is to be done at once"
        " — put its urgent items under a heading '## Genast {#at-once}' in its checklist"
    ]


def test_a_responsible_role_with_nothing_to_do_at_once_is_a_problem(with_guide):
    for lang, step in (
        ("sv", "2. Arbetsgruppen följer upp ärendet. [[arbetsgruppen]]"),
        ("en", "2. The working group follows up the case. [[arbetsgruppen]]"),
    ):
        routine = f"docs/{lang}/rutiner/avvikning.md"
        replace(
            with_guide,
            routine,
            "  - actor: arbetsgruppen\n    role: informed",
            "  - actor: arbetsgruppen\n    role: responsible",
        )
        text = (with_guide / routine).read_text(encoding="utf-8")
        (with_guide / routine).write_text(text.rstrip("\n") + "\n" + step + "\n", encoding="utf-8")
    found = problems(with_guide)
    assert found == [
        "docs/sv/rutiner/avvikning.md:9: 'Vad gör jag nu?' shows 'arbetsgruppen' nothing to do at once, though it is responsible here"
        " — put what it must do first under a heading ending in {#at-once}, in this routine or its checklist, ending with [[arbetsgruppen]]"
    ]


def test_an_item_that_only_points_to_another_checklist_is_a_problem(with_guide):
    replace(
        with_guide,
        "docs/sv/checklistor/avvikning-boendet.md",
        "- [ ] Ring socialjouren. [[boendet]]",
        "- [ ] Boendet följer samma checklista. [[boendet]]",
    )
    replace(
        with_guide,
        "docs/en/checklistor/avvikning-boendet.md",
        "- [ ] Call the out-of-hours social services. [[boendet]]",
        "- [ ] The residence follows the same checklist. [[boendet]]",
    )
    found = problems(with_guide)
    assert [line.split(" — ")[0] for line in found] == [
        "docs/en/checklistor/avvikning-boendet.md:17: the item points to another checklist instead of saying what to do",
        "docs/sv/checklistor/avvikning-boendet.md:17: the item points to another checklist instead of saying what to do",
    ]
