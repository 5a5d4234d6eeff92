"""CONTRIBUTING's commands for the working group run as they are written: in a copy of the project made a git
repository of its own (with an origin to push the tag to), in the order the guide gives them.

Two things differ from the guide, as they would on any machine: the example version (2.1) is the plan's
version of today, the one a release tags, and the web server's folder is under the test's temporary folder.
The English guide must give the same commands (only the tag's message is in English), so running the Swedish
ones runs both."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

pytestmark = pytest.mark.site  # the archive and the publish each build the whole site

SECTIONS = {"CONTRIBUTING.md": "## För arbetsgruppen", "CONTRIBUTING.en.md": "## For the working group"}
COMMAND = re.compile(r"`((?:git|\.venv/bin/samverkan) [^`]+)`")
EXAMPLE_VERSION = "2.1"
WEB_FOLDER = "/var/www/samverkansplanen"
GIT_USER = {
    "GIT_AUTHOR_NAME": "Arbetsgruppen",
    "GIT_AUTHOR_EMAIL": "arbetsgruppen@example.invalid",
    "GIT_COMMITTER_NAME": "Arbetsgruppen",
    "GIT_COMMITTER_EMAIL": "arbetsgruppen@example.invalid",
}


def commands(guide: str) -> list[str]:
    text = (ROOT / guide).read_text(encoding="utf-8")
    section = text[text.index(SECTIONS[guide]) :]
    section = section[: section.find("\n## ", 1)] if "\n## " in section[1:] else section
    return COMMAND.findall(re.sub(r"\s*\n\s*", " ", section))  # a span may wrap onto the next line


def plan_version() -> str:
    return re.search(r"^## \[(\d+\.\d+)\]", (ROOT / "CHANGELOG.md").read_text(encoding="utf-8"), re.M)[1]


def project_copy(tmp_path: Path) -> Path:
    """The project's files as git sees them (committed or not, never what it ignores), committed on main."""
    listed = subprocess.run(
        ["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=ROOT, capture_output=True, check=True
    ).stdout.decode()
    copy = tmp_path / "samverkansplanen"
    for name in filter(None, listed.split("\0")):
        if (ROOT / name).is_file():
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, copy / name)
    git = {"cwd": copy, "check": True, "capture_output": True}
    subprocess.run(["git", "init", "-q", "-b", "main"], **git)
    subprocess.run(["git", "add", "-A"], **git)
    subprocess.run(["git", "commit", "-q", "-m", "the project"], **git, env={**os.environ, **GIT_USER})
    subprocess.run(["git", "init", "-q", "--bare", str(tmp_path / "origin.git")], **git)
    subprocess.run(["git", "remote", "add", "origin", str(tmp_path / "origin.git")], **git)
    # the command bash scripts/setup installs, running this copy's code
    samverkan = copy / ".venv" / "bin" / "samverkan"
    samverkan.parent.mkdir(parents=True)
    samverkan.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m samverkan "$@"\n', encoding="utf-8")
    samverkan.chmod(0o755)
    return copy


def test_the_guides_give_the_same_commands():
    swedish, english = commands("CONTRIBUTING.md"), commands("CONTRIBUTING.en.md")
    assert any(command.startswith("git tag") for command in swedish), swedish
    in_english = [re.sub(r'-m "Planversion ', '-m "Plan version ', command) for command in swedish]
    assert english and [command for command in in_english if command in english] == english, (
        swedish,
        english,
    )


def test_the_working_groups_commands_run_as_typed(tmp_path):
    copy = project_copy(tmp_path)
    version, web = plan_version(), tmp_path / WEB_FOLDER.lstrip("/")
    env = {**os.environ, **GIT_USER, "PYTHONPATH": str(copy / "hooks"), "NO_MKDOCS_2_WARNING": "1"}
    for command in commands("CONTRIBUTING.md"):
        command = command.replace(EXAMPLE_VERSION, version).replace(WEB_FOLDER, str(web))
        run = subprocess.run(command, shell=True, cwd=copy, env=env, capture_output=True, text=True)
        assert run.returncode == 0, f"{command}\n{run.stdout}\n{run.stderr}"
    assert subprocess.run(
        ["git", "tag", "--list"], cwd=tmp_path / "origin.git", capture_output=True, text=True
    ).stdout.split() == [f"v{version}"]
    assert (web / "index.html").is_file() and (web / "arkiv" / version / "index.html").is_file()
