"""The draft tjänsteutlåtande (board-draft): for a municipality with and without its own file, every fact from the
model, the plan PDF of that version as its attachment, no unfilled placeholder; a bad request or a hostile
municipality file is one line, never a traceback."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from handbooks import run_command
from municipal import municipal_handbook
from samverkan.checks import adoption
from samverkan.content import versions
from samverkan.editions import overlay
from samverkan.editions.handbook import load_site
from samverkan.views import board, paper

ROOT = Path(__file__).resolve().parents[2]
HANDBOOK = load_site(ROOT / "mkdocs.yml")
# What a template left unfilled would show: its own syntax, a marker, an empty value (a colon with no list or words
# after it, a stray comma), or a note to fill in later.
UNFILLED = re.compile(
    r"\{\{|\{%|\[\[|\bNone\b|\bTODO\b|\bXXX\b|\.\.\.|…|\[\s*\]|\(\s*\)|:[ \t]*[.,;]|:[ \t]*\n(?!\n- )|\s[,.;]"
)


def draft_for(slug: str, tmp_path: Path, root: Path = ROOT, *options: str) -> subprocess.CompletedProcess:
    """The command as the working group types it; without its PDF unless ``options`` ask for it (--pdf)."""
    return run_command(
        root,
        "board-draft",
        "--municipality",
        slug,
        "--out",
        str(tmp_path / "draft.md"),
        *([] if "--pdf" in options else ["--no-pdf"]),
    )


@pytest.mark.parametrize("slug", ["vallentuna", "stockholm"])  # without a file of its own, and with one
def test_the_draft_names_the_version_its_pdf_the_roles_and_the_checklists(slug, tmp_path):
    run = draft_for(slug, tmp_path)
    assert run.returncode == 0, run.stderr
    text = (tmp_path / "draft.md").read_text(encoding="utf-8")
    plan = versions.plan(HANDBOOK.root)
    row = next(each for each in HANDBOOK.adoption if each.slug == slug)
    assert (
        f"Socialnämnden ställer sig bakom Samverkansplanen, planversion {plan.version} från {plan.date.isoformat()}"
        in text
    )
    assert f"arbetssätt i {row.name}" in text
    has_file = slug == "stockholm"
    attachment = paper.plan_pdf_name(
        plan.version, overlay.load(HANDBOOK.root, slug if has_file else None), "sv"
    )
    assert attachment.endswith("-stockholm.pdf") == has_file
    bilagor = text.split("## Bilagor", 1)[1]
    assert plan.version in bilagor and attachment in bilagor
    roles = board.municipal_roles(HANDBOOK, slug)
    assert len(roles) >= 3 and sum(len(role.checklists) for role in roles) >= 5
    # Stockholm's own outreach unit is a role only in Stockholm's draft (only_in: [stockholm])
    assert ("Ungdomsjouren" in text) == has_file
    for role in roles:
        assert f"**{role.actor.title}.**" in text
        for checklist in role.checklists:
            assert checklist.title in text
    for law, _ in board.laws_of_routines(HANDBOOK):
        assert f"{law.title} ({law.sfs})" in text
    assert not UNFILLED.search(text), UNFILLED.search(text)
    assert ("Kommunens egna uppgifter finns redan i planen" in text) == has_file


def test_a_name_that_is_not_a_municipality_is_one_line(tmp_path):
    run = draft_for("../vallentuna\nx", tmp_path)
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert run.stderr.count("\n") == 1 and "is not in municipalities/status.yml" in run.stderr
    assert not (tmp_path / "draft.md").exists()


@pytest.mark.parametrize(
    "hostile",
    [
        "name: [unclosed\n",
        "name: &a {sv: *a}\n",
        "units: " + "[" * 5000 + "\n",
        b"name:\n  sv: Testby \xff\n",
    ],
)
def test_a_hostile_municipality_file_is_one_line(hostile, tmp_path):
    root = municipal_handbook(tmp_path)
    shutil.copy(ROOT / "CHANGELOG.md", root / "CHANGELOG.md")
    (root / "municipalities" / "testby.yml").write_bytes(
        hostile if isinstance(hostile, bytes) else hostile.encode()
    )
    run = draft_for("testby", tmp_path, root)
    assert run.returncode == 1 and "Traceback" not in run.stdout + run.stderr
    assert run.stderr.count("\n") == 1 and run.stderr.startswith("municipalities/testby.yml:"), run.stderr
    assert not (tmp_path / "draft.md").exists()


def test_the_draft_of_the_fixture_handbook_is_written_from_its_own_files(tmp_path):
    """Another handbook's county, municipality and laws: nothing in the draft is the real plan's."""
    root = municipal_handbook(tmp_path)
    shutil.copy(ROOT / "CHANGELOG.md", root / "CHANGELOG.md")
    run = draft_for("testby", tmp_path, root)
    assert run.returncode == 0, run.stderr
    text = (tmp_path / "draft.md").read_text(encoding="utf-8")
    fixture = load_site(root / "mkdocs.yml")
    row = next(each for each in fixture.adoption if each.slug == "testby")
    assert f"arbetssätt i {row.name}" in text and "Stockholms stad" not in text
    assert not UNFILLED.search(text), UNFILLED.search(text)


def test_a_confirmed_number_is_said_with_the_day_and_the_function_that_confirmed_it(tmp_path):
    root = municipal_handbook(tmp_path)
    shutil.copy(ROOT / "CHANGELOG.md", root / "CHANGELOG.md")
    (root / "municipalities" / "status.yml").write_text(
        """\
municipalities:
  - code: "0998"
    name: Annanby kommun
    adopted: no
    night:
      service: {sv: "Socialjouren i Annanby", en: "Annanby's out-of-hours social services"}
      phone: 010-444 05 00
      source: https://www.annanby.se/socialjour
      read: 2026-12-03
      confirmed: {date: 2026-12-05, by: "Socialjouren i Annanby, enhetschef"}
  - {code: "0999", name: Testby kommun, adopted: yes}
""",
        encoding="utf-8",
    )
    run = draft_for("annanby", tmp_path, root)
    assert run.returncode == 0, run.stderr
    text = (tmp_path / "draft.md").read_text(encoding="utf-8")
    assert "Kommunen bekräftade numret 2026-12-05 (Socialjouren i Annanby, enhetschef)." in text
    assert "inte bekräftat" not in text and not UNFILLED.search(text), UNFILLED.search(text)


@pytest.mark.site
def test_the_draft_is_also_a_pdf_that_says_the_same(tmp_path):
    run = draft_for("vallentuna", tmp_path, ROOT, "--pdf")
    assert run.returncode == 0, run.stderr
    assert f"{tmp_path / 'draft.md'} and {tmp_path / 'draft.pdf'}" in run.stdout
    text = subprocess.run(
        ["pdftotext", "-layout", str(tmp_path / "draft.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    plan = versions.plan(HANDBOOK.root)
    flat = " ".join(text.split())
    assert "Förvaltningens förslag till beslut" in flat and "Bilagor" in flat
    assert f"Socialnämnden ställer sig bakom Samverkansplanen, planversion {plan.version}" in flat
    assert paper.plan_pdf_name(plan.version, overlay.load(HANDBOOK.root, None), "sv") in flat
    assert f"Utkast till tjänsteutlåtande, Vallentuna kommun, Samverkansplanen {plan.version}, sida 1" in flat
    assert "\\" not in text and "<" not in text  # the Markdown's escapes and no markup show


@pytest.mark.parametrize(
    "named, expected", [("testby", []), ("nowhere", ["only_in: 'nowhere' is not a municipality"])]
)
def test_a_unit_only_some_municipalities_have_names_them_as_the_county_list_does(tmp_path, named, expected):
    root = municipal_handbook(tmp_path)
    for lang in ("sv", "en"):
        actor = root / "docs" / lang / "aktorer" / "boendet.md"
        actor.write_text(
            actor.read_text(encoding="utf-8").replace(
                "kind: residence\n", f"kind: residence\nonly_in: [{named}]\n"
            )
        )
    problems = adoption.only_in_problems(load_site(root / "mkdocs.yml"))
    assert [
        problem.message[: len(text)] for problem, text in zip(problems, expected * 2, strict=True)
    ] == expected * 2
    assert all(problem.line == 10 for problem in problems)  # the line that names it
