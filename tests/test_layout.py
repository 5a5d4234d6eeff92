"""The package's imports run one way: each subpackage imports only from those before it in LAYERS."""

from __future__ import annotations

import ast
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
