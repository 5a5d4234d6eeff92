"""Comments in overrides/ that name the Python behind a template, style or script name a module that exists:
when a module moves, this test names every comment left pointing at the old place."""

from __future__ import annotations

import re

from conftest import ROOT

MODULE = re.compile(r"(?<![\w/.-])([\w/]+\.py)\b")
PACKAGE = ROOT / "hooks" / "samverkan"


def named_modules(text: str) -> list[str]:
    return MODULE.findall(text)


def missing(name: str) -> bool:
    """A module is named from the package (views/night.py) or, for the tests' helpers, from the project root."""
    return not ((ROOT / name).is_file() if name.startswith("tests/") else (PACKAGE / name).is_file())


def test_every_module_a_comment_in_overrides_names_exists():
    stale = [
        f"{path.relative_to(ROOT)}: {name}"
        for path in sorted((ROOT / "overrides").rglob("*"))
        if path.suffix in (".html", ".js", ".css", ".md")
        for name in named_modules(path.read_text(encoding="utf-8"))
        if missing(name)
    ]
    assert not stale, "name the module from hooks/samverkan/ (views/night.py):\n" + "\n".join(stale)


def test_a_moved_or_bare_name_is_caught():
    names = named_modules("(hooks/samverkan/paper.py; edition.py; views/night.py; tests/search_engine.py)")
    assert [name for name in names if missing(name)] == ["hooks/samverkan/paper.py", "edition.py"]
