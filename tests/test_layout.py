"""The package's imports run one way: each subpackage imports only from those before it in LAYERS."""

from __future__ import annotations

import ast
import dataclasses
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "hooks" / "samverkan"
# cli.py, __main__.py: above all
LAYERS = (
    "content",
    "editions",
    "views",
    "checks",
    "engine",
    "site",
    "publish",
)


def _imports(path: Path) -> set[str]:
    """The subpackages a module imports from, whether at the top or inside a function."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("samverkan."):
            found.add(node.module.split(".")[1])
        elif isinstance(node, ast.ImportFrom) and node.module == "samverkan":
            found.update(alias.name for alias in node.names)
    return found


def test_every_module_sits_in_a_layer():
    loose = {path.name for path in PACKAGE.glob("*.py")} - {"__init__.py", "__main__.py", "cli.py"}
    assert not loose, f"modules outside a subpackage: {sorted(loose)}; move each into one of {LAYERS}"
    assert {path.name for path in PACKAGE.iterdir() if path.is_dir() and path.name != "__pycache__"} == set(
        LAYERS
    )


def test_imports_run_only_downwards():
    wrong = []
    for layer, name in enumerate(LAYERS):
        for path in sorted((PACKAGE / name).glob("*.py")):
            for imported in _imports(path):
                if imported in LAYERS and LAYERS.index(imported) > layer:
                    wrong.append(f"{path.relative_to(PACKAGE)} imports samverkan.{imported}, a later layer")
    assert not wrong, "\n".join(wrong)


def test_the_check_finds_an_upward_import(tmp_path):
    module = tmp_path / "m.py"
    module.write_text("def f():\n    from samverkan.publish.releases import x\n", encoding="utf-8")
    assert _imports(module) == {"publish"}


# The verifier judges the built site: its checks stay with it (site/), every other check is in checks/.
VERIFIER = {"site/verify.py", "site/completeness.py", "site/published.py"}


def _checks(path: Path) -> list[str]:
    """The functions of a module that judge something: they return list[Problem] and make Problems themselves
    (a reader returns what it read together with its problems; layer.located moves problems it is given)."""
    found = []
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if (
            isinstance(node, ast.FunctionDef)
            and node.returns
            and ast.unparse(node.returns) == "list[Problem]"
        ):
            calls = {ast.unparse(call.func) for call in ast.walk(node) if isinstance(call, ast.Call)}
            if "Problem" in calls:
                found.append(node.name)
    return found


def test_every_check_is_in_checks_or_the_verifier():
    outside = [
        f"{path.relative_to(PACKAGE)}: {name}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.parent.name != "checks" and str(path.relative_to(PACKAGE)) not in VERIFIER
        for name in _checks(path)
    ]
    assert not outside, (
        f"checks outside checks/: {outside}; move each into checks/ and register it in checks/rules.py"
    )


def test_the_check_of_checks_finds_one(tmp_path):
    module = tmp_path / "m.py"
    module.write_text(
        "def rule(handbook) -> list[Problem]:\n    return [Problem('a.md', 1, 'wrong', 'fix')]\n\n\n"
        "def read(root) -> tuple[dict, list[Problem]]:\n    return {}, [Problem('a.md', 1, 'unreadable', 'fix')]\n",
        encoding="utf-8",
    )
    assert _checks(module) == ["rule"]


def _calls(name: str) -> list[str]:
    """The modules of the package that call ``name``."""
    return sorted(
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call) and ast.unparse(node.func).split(".")[-1] == name
    )


def test_each_front_matter_field_is_declared_once_on_the_model():
    """The model declares every field front matter gives (its kind, whether required, its help text); the
    loader and docs-dev/authors.md read that declaration, and nothing else declares a field."""
    from samverkan.content.model import PAGE_CLASSES, front_matter_fields

    assert set(_calls("declared")) == {"content/model.py"}
    assert set(_calls("Field")) == {"content/schema.py"}  # only inside declared()
    read_by_the_loader = {"path", "lang", "file", "lines", "body", "body_line", "front_matter", "source"}
    for page_type, page_class in PAGE_CLASSES.items():
        fields = {each.name for each in dataclasses.fields(page_class)}
        assert fields - read_by_the_loader == set(front_matter_fields(page_type)), page_type


# The route of a municipality's edition: the county's site marks each place where an edition differs, its script
# and the fill put the edition's own there. Both find each place as an element, by its attributes; no side reads
# the other's markup with a pattern.
FILL_ROUTE = ("site/fill.py", "views/municipality_parts.py")


def _pattern_modules(path: Path) -> set[str]:
    """The regular-expression modules a module imports."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name in ("re", "regex"))
        elif isinstance(node, ast.ImportFrom) and node.module in ("re", "regex"):
            found.add(node.module)
    return found


def test_no_markup_between_the_site_and_its_fill_is_matched_by_a_pattern():
    matched = {module: _pattern_modules(PACKAGE / module) for module in FILL_ROUTE}
    assert not any(matched.values()), (
        f"the fill's route reads markup with a pattern: {matched}; find the element by a parse"
    )


def test_the_check_finds_a_pattern_module(tmp_path):
    module = tmp_path / "m.py"
    module.write_text("from re import compile\n\ndef f():\n    import regex\n", encoding="utf-8")
    assert _pattern_modules(module) == {"re", "regex"}
