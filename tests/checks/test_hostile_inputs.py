"""The robustness inputs of issue 19, one row each: a change to the minimal handbook and the command a
contributor or adopter runs. Each gives exactly one line naming its file (and line, where it has one) and
no traceback; the inputs that hung the regular expressions pass `check` within a hang guard.

Sanitizing what reaches the browser is tested elsewhere; this table is the file, path and parser side."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from handbooks import copy_minimal, replace
from municipal import municipal_handbook
from samverkan import cli
from samverkan.content import versions
from samverkan.content.problems import Problem

HOOKS = Path(__file__).resolve().parents[2] / "hooks"
HANG_GUARD = 60  # seconds for a whole check run: a guard against a hang, not a measure of speed
ACTOR = "docs/sv/aktorer/boendet.md"
CHECKLIST = "docs/sv/checklistor/avvikning-boendet.md"
ROUTINE = "docs/sv/rutiner/avvikning.md"
CHECKLIST_EN = "docs/en/checklistor/avvikning-boendet.md"
SUMMARY = ("problem(s) in ", "revision problem(s) since ")  # the count the commands print last, on stderr
CHANGELOG = """# Ändringslogg

## [1.0] – 2026-11-27

### Tillagt
- {entry}
"""


def append(file: str, text: str):
    def change(root: Path) -> None:
        path = root / file
        path.write_text(path.read_text(encoding="utf-8") + "\n" + text + "\n", encoding="utf-8")

    return change


def edit(file: str, old: str, new: str):
    return lambda root: replace(root, file, old, new)


def changelog(entry: str):
    """The Swedish changelog with ``entry`` in its one release; the English one as it should be."""

    def change(root: Path) -> None:
        (root / "CHANGELOG.md").write_text(CHANGELOG.format(entry=entry), encoding="utf-8")
        (root / "CHANGELOG.en.md").write_text(
            CHANGELOG.format(entry="First.").replace("Ändringslogg", "Changelog").replace("Tillagt", "Added"),
            encoding="utf-8",
        )

    return change


def both(*changes):
    return lambda root: [change(root) for change in changes]


def a_file(root: Path) -> Path:
    (root.parent / "a-file").write_text("not a folder\n", encoding="utf-8")
    return root.parent / "a-file"


# name: (change, command after --config, [(the start of each line, a part of its message)]): one line per
# file changed. (reviewed: 2026-02-30 in a municipality file is a case of test_hostile_municipal.py.)
CASES = {
    "order: '²' passes isdigit()": (
        edit(CHECKLIST, "routine: avvikning", 'routine: avvikning\norder: "²"'),
        ["check"],
        [(f"{CHECKLIST}:10: ", "'²' is not a whole number")],
    ),
    "a 5 000-digit order": (
        edit(CHECKLIST, "routine: avvikning", f'routine: avvikning\norder: "{"9" * 5000}"'),
        ["check"],
        [(f"{CHECKLIST}:10: ", "is not a whole number")],
    ),
    "reviewed: 2026-02-30 on a page": (
        edit(CHECKLIST, "reviewed: 2026-01-15", "reviewed: 2026-02-30"),
        ["check"],
        [(f"{CHECKLIST}:6: ", "'2026-02-30' is not a valid date")],
    ),
    "a zero-width space in a title": (
        edit(CHECKLIST, "title: Checklista för boendet", "title: Checklista för\u200bboendet"),
        ["check"],
        [(f"{CHECKLIST}:4: ", "contains an invisible character (U+200B)")],
    ),
    "a zero-width space in a phase anchor": (
        both(
            edit(CHECKLIST, "{#at-once}", "{#at\u200b-once}"),
            edit(CHECKLIST_EN, "{#at-once}", "{#at\u200b-once}"),
        ),
        ["check"],
        [
            (f"{CHECKLIST_EN}:14: ", "anchor '{#at\\u200b-once}' cannot be read"),
            (f"{CHECKLIST}:14: ", "anchor '{#at\\u200b-once}' cannot be read"),
        ],
    ),
    "a control character in CHANGELOG.md": (
        changelog("Ny \x07 rad."),
        ["check"],
        [("CHANGELOG.md:6: ", "the control character U+0007")],
    ),
    "build --municipality ../../../x": (
        None,
        ["build", "--municipality", "../../../x"],
        [("--municipality: ", "'../../../x' is not a plain name")],
    ),
    "archive --tag with a path in it": (
        None,
        ["archive", "--tag", "../../x"],
        [("'../../x' ", "is not a plan version tag")],
    ),
    "build --municipality x --example-edition": (
        None,
        ["build", "--municipality", "testby", "--example-edition"],
        [("--example-edition: ", "only the county's site carries the example edition")],
    ),
    "build --all --example-edition": (
        None,
        ["build", "--all", "--example-edition"],
        [("--plan-pdf, --example-edition: ", "build each edition that is to carry them on its own")],
    ),
}
PATH_CASES = {  # name: (command after --config, given the handbook's folder; the line's start, a part of its message)
    "publish --to <a file>/plan": (
        lambda root: ["publish", "--to", str(a_file(root) / "plan")],
        lambda root: f"{a_file(root)}/plan: ",
        "is a file, not a folder",
    ),
    "export --out <an existing file>": (
        lambda root: ["export", "--out", str(a_file(root))],
        lambda root: f"--out {a_file(root)} ",
        "is a file, not a folder",
    ),
    "export --out <a file>/x": (
        lambda root: ["export", "--out", str(a_file(root) / "x")],
        lambda root: f"--out {a_file(root)} ",
        "no folder can be made in it",
    ),
}
# Each of these hung check and every build (issue 19): now each passes within the hang guard. The handbook
# has municipality files, so that the headings of a routine with a placed addition are read for its sections.
HANGS = {
    "5 000 spaces in a heading": both(
        append(ROUTINE, "## Rubrik" + " " * 5000 + "slut {#slut}"),
        append(ROUTINE.replace("sv", "en"), "## End {#slut}"),
        edit("municipalities/testby.yml", "  avvikning:\n", "  avvikning:\n    section: slut\n"),
    ),
    "'1, ' × 20 000": append(ACTOR, "1, " * 20_000),
    "'[a]' × 40 000": append(ACTOR, "[a]" * 40_000),
    "'[a](' × 64 000 in the changelog": changelog("[a](" * 64_000),
    "'a.' × 64 000 before @": append(ACTOR, "a." * 64_000 + "@"),
    "'<a b=\"x' × 20 000 (an HTML tokenizer in Python is quadratic here)": append(ACTOR, '<a b="x' * 20_000),
    "'<table><td>' × 10 000": append(ACTOR, "<table><td>" * 10_000),
}


def problem_lines(capsys, argv: list[str]) -> list[str]:
    """What the command printed, but its closing count; it must have failed, without a traceback."""
    exit_code = cli.main(argv)
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err
    assert exit_code == 1
    return [
        line for line in (out.out + out.err).splitlines() if not any(summary in line for summary in SUMMARY)
    ]


@pytest.mark.parametrize("name", CASES)
def test_hostile_input_gives_one_line_naming_its_file(tmp_path, capsys, name):
    change, command, expected = CASES[name]
    root = copy_minimal(tmp_path)
    if change:
        change(root)
    before = sorted(tmp_path.iterdir())
    lines = problem_lines(capsys, ["--config", str(root / "mkdocs.yml"), *command])
    assert len(lines) == len(expected), lines
    for line, (start, message) in zip(lines, expected, strict=True):
        assert line.startswith(start) and message in line and " — " in line, line
    assert sorted(tmp_path.iterdir()) == before, "a refused command made a folder"


@pytest.mark.parametrize("name", PATH_CASES)
def test_a_path_that_cannot_be_a_folder_is_refused_before_anything_is_made(tmp_path, capsys, name):
    command, start, message = PATH_CASES[name]
    root = copy_minimal(tmp_path)
    argv = ["--config", str(root / "mkdocs.yml"), *command(root)]
    before = sorted(tmp_path.iterdir())
    lines = problem_lines(capsys, argv)
    assert (
        len(lines) == 1 and lines[0].startswith(start(root)) and message in lines[0] and " — " in lines[0]
    ), lines
    assert sorted(tmp_path.iterdir()) == before


def test_a_read_only_target_is_one_line(tmp_path, capsys, monkeypatch):
    """The tests run as root, whom permissions do not stop: the file system's refusal is made here."""
    root = copy_minimal(tmp_path)
    target = tmp_path / "plan"

    def refuse(path, *args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr(os, "mkdir", refuse)
    lines = problem_lines(capsys, ["--config", str(root / "mkdocs.yml"), "publish", "--to", str(target)])
    assert lines == [
        f"{target}.releases: Permission denied — check that the folder exists, is a folder and may be written, then run the command again"
    ]


@pytest.mark.parametrize("name", HANGS)
def test_an_input_that_hung_check_passes_it(tmp_path, name):
    root = municipal_handbook(tmp_path)
    HANGS[name](root)
    run = subprocess.run(
        [sys.executable, "-m", "samverkan", "--config", str(root / "mkdocs.yml"), "check"],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(HOOKS)},
        timeout=HANG_GUARD,
    )
    assert "Traceback" not in run.stderr + run.stdout
    assert all(" — " in line for line in run.stdout.splitlines()), run.stdout


def test_revisions_of_a_page_that_is_not_utf8_name_only_the_page(tmp_path, capsys):
    root = copy_minimal(tmp_path)
    changelog("Första.")(root)
    git = ["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q", "-b", "main"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-qm", "base"], check=True)
    subprocess.run([*git, "checkout", "-qb", "change"], check=True)
    (root / ACTOR).write_bytes((root / ACTOR).read_bytes() + b"\nRing \xff nu.\n")
    (root / "CHANGELOG.md").write_text(
        CHANGELOG.format(entry="Första.").replace(
            "## [1.0]", "## [1.1] – 2026-12-01\n\n### Ändrat\n- Boendet.\n\n## [1.0]"
        ),
        encoding="utf-8",
    )
    lines = problem_lines(capsys, ["--config", str(root / "mkdocs.yml"), "revisions", "--base", "main"])
    assert len(lines) == 1 and lines[0].startswith(f"{ACTOR}:1: changed (edited) without its twin"), lines


def test_the_feed_of_a_hostile_changelog_is_well_formed_xml():
    hostile = (
        CHANGELOG.format(entry="Ny \x07 rad \x1b[31m, \ufffe och \x0b.")
        + "\n## [0.9] – 2026-11-01\n\n### Tillagt\n- \x00 Gammal.\n"
    )
    changelog = versions.parse(hostile, "CHANGELOG.md", "sv")
    assert [problem.line for problem in changelog.problems] == [6, 11]
    feed = versions.atom_feed(
        changelog, "sv", "https://plan.example.org/", "nytt/", "feed.xml", "Plan \x01", "Arbetsgruppen", {}
    )
    entries = ET.fromstring(feed).findall("{http://www.w3.org/2005/Atom}entry")
    assert len(entries) == 2 and "Ny  rad" in entries[0].find("{http://www.w3.org/2005/Atom}content").text


def test_a_symbolic_link_under_arkiv_is_never_published(tmp_path):
    root, outside = tmp_path / "handbook", tmp_path / "secret"
    (root / "arkiv" / "1.0").mkdir(parents=True)
    outside.mkdir()
    (outside / "passwd").write_text("root:x:0:0\n", encoding="utf-8")
    manifest = '{"version": "%s", "date": "2026-01-01", "pages": {"sv": {}}}'
    (root / "arkiv" / "1.0" / versions.MANIFEST).write_text(manifest % "1.0", encoding="utf-8")
    (root / "arkiv" / "1.0" / "index.html").write_text("<p>1.0</p>", encoding="utf-8")
    os.symlink(outside / "passwd", root / "arkiv" / "1.0" / "passwd.html")
    (outside / versions.MANIFEST).write_text(manifest % "0.9", encoding="utf-8")
    os.symlink(outside, root / "arkiv" / "0.9")
    site = tmp_path / "site"
    versions.copy_archives(root, site)
    assert sorted(path.name for path in (site / "arkiv").iterdir()) == ["1.0"]
    assert sorted(path.name for path in (site / "arkiv" / "1.0").iterdir()) == sorted(
        [versions.MANIFEST, "index.html"]
    )


@pytest.mark.parametrize("breaks", ["\n", "\r", "\x0b", "\x0c", "\x1c", "\x85", "\u2028", "\u2029"])
def test_a_problem_quoting_a_line_break_stays_on_one_line(breaks):
    """What Hypothesis found in test_hostile_municipal: a quoted U+2029 printed one problem on two lines."""
    assert (
        len(
            str(
                Problem("municipalities/x.yml", 1, f"code '09{breaks}98' is unknown", "write the code")
            ).splitlines()
        )
        == 1
    )
