"""Every pattern in hooks/ runs in linear time: each module-level compiled pattern, found by importing every
module, and each pattern written literally in a call (re.sub(r"...", ...)), found in the source, scans
100 000-character adversarial strings made of repeated prefixes of its own pieces; a new pattern is covered
without editing this test. A worker process runs the scans; one that takes longer than the hang guard is
killed and names its pattern and input."""

from __future__ import annotations

import ast
import importlib
import json
import os
import pkgutil
import re
import select
import subprocess
import sys
from pathlib import Path

import pytest
import samverkan

HOOKS = Path(__file__).resolve().parents[1] / "hooks"
LENGTH = 100_000
HANG_GUARD = 5.0  # seconds for one scan: a guard against a hang, not a measure of speed
GENERIC = (
    " ",
    "1, ",
    "[a]",
    "[a](",
    "a.",
    "a",
    "1",
    "<a ",
    "{#a",
    "[[a",
    "`",
    "*",
    "-",
    "\t",
    "\n",
    "a\n",
    "§ 1 ",
)
WORKER = """
import json, re, sys, time
for line in sys.stdin:
    job = json.loads(line)
    text = job["head"] + job["piece"] * (job["length"] // len(job["piece"]))
    scans = (text, text + "\x07")  # at the end, or just before a character nothing matches
    pattern = job["pattern"]
    if job["bytes"]:  # a bytes pattern scans bytes: both sent as Latin-1 text, one character a byte
        pattern, scans = pattern.encode("latin-1"), [scanned.encode("latin-1") for scanned in scans]
    pattern = re.compile(pattern, job["flags"])
    started = time.monotonic()
    for scanned in scans:
        sum(1 for _ in pattern.finditer(scanned))
        pattern.match(scanned)
    print(json.dumps(round(time.monotonic() - started, 3)), flush=True)
"""


def compiled_patterns() -> dict[str, re.Pattern]:
    """Every module-level re.Pattern in the package, named module:NAME."""
    found, seen = {}, set()
    for module_info in pkgutil.walk_packages(samverkan.__path__, "samverkan."):
        if module_info.name == "samverkan.__main__":
            continue
        module = importlib.import_module(module_info.name)
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern) and id(value) not in seen:
                seen.add(id(value))
                found[f"{module_info.name}:{name}"] = value
    written = {(pattern.pattern, pattern.flags) for pattern in found.values()}
    return found | {
        name: pattern
        for name, pattern in literal_patterns().items()
        if (pattern.pattern, pattern.flags) not in written
    }


def literal_patterns() -> dict[str, re.Pattern]:
    """Every pattern written as a literal in a call of the re module inside a function, named path:line."""
    found = {}
    for path in sorted((HOOKS / "samverkan").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "re"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                flags = 0
                for argument in [*node.args[1:], *(keyword.value for keyword in node.keywords)]:
                    flags |= _flags(argument)
                found[f"{path.relative_to(HOOKS).as_posix()}:{node.lineno}"] = re.compile(
                    node.args[0].value, flags
                )
    return found


def _flags(node) -> int:
    """re.MULTILINE, re.DOTALL | re.IGNORECASE ...; 0 for any other argument."""
    if (
        isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id == "re"
        and isinstance(getattr(re, node.attr, None), re.RegexFlag)
    ):
        return getattr(re, node.attr)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        return _flags(node.left) | _flags(node.right)
    return 0


def _samples(tree, limit: int = 8) -> list[str]:
    """A few strings that walk through the parsed pattern, one per branch taken, each unbounded part written twice."""
    samples = [""]
    for op, argument in tree:
        name = str(op)
        if name == "LITERAL":
            choices = [chr(argument)]
        elif name == "NOT_LITERAL":
            choices = ["a" if argument != ord("a") else "b"]
        elif name == "IN":
            choices = [_one_of(argument)]
        elif name == "ANY":
            choices = ["a"]
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            low, high, inner = argument
            times = max(low, min(high, 2))
            choices = [sample * times for sample in _samples(inner, 3)]
        elif name == "SUBPATTERN":
            choices = _samples(argument[-1], limit)
        elif name == "ATOMIC_GROUP":
            choices = _samples(argument, limit)
        elif name == "BRANCH":
            choices = [sample for branch in argument[1] for sample in _samples(branch, 2)]
        elif name == "CATEGORY":
            choices = [_category(argument)]
        elif name == "AT" and str(argument) == "AT_BOUNDARY":
            choices = [" "]  # a word boundary is written as a space, so that 'ring ' × N is tried
        else:  # other anchors, lookarounds, back references: nothing to write
            choices = [""]
        samples = [before + choice for before in samples for choice in choices][:limit]
    return samples


def _one_of(items) -> str:
    for op, argument in items:
        name = str(op)
        if name == "LITERAL":
            return chr(argument)
        if name == "RANGE":
            return chr(argument[0])
        if name == "CATEGORY":
            return _category(argument)
    return "a"  # a negated class: most letters are outside it


def _category(category) -> str:
    name = str(category)
    if "NOT" in name:
        return "!" if "DIGIT" not in name else "a"
    return {"DIGIT": "1", "SPACE": " ", "WORD": "a"}.get(name.rsplit("_", 1)[-1], "a")


def adversarial_inputs(pattern: re.Pattern) -> list[tuple[str, str]]:
    """(head, piece to repeat after it): the generic troublemakers; every prefix of a few strings the pattern
    nearly matches, repeated; and each such prefix with its last character repeated ('#  ' + 5 000 spaces)."""
    inputs = dict.fromkeys(("", piece) for piece in GENERIC)
    for sample in _samples(re._parser.parse(pattern.pattern, pattern.flags)):
        for end in range(1, min(len(sample), 24) + 1):
            inputs["", sample[:end]] = None
            inputs[sample[: end - 1], sample[end - 1]] = None
        inputs["", sample] = None
    return [(head, piece) for head, piece in inputs if piece]


class Worker:
    """A process that runs scans one at a time, so that a hang can be ended without ending the tests."""

    def __init__(self):
        self.process = None

    def scan(self, pattern: re.Pattern, head: str, piece: str) -> float | None:
        """Seconds the scan took, or None when it passed the hang guard (the worker is then killed)."""
        if self.process is None:
            self.process = subprocess.Popen(
                [sys.executable, "-c", WORKER],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
                env={**os.environ, "PYTHONPATH": str(HOOKS)},
            )
        self.process.stdin.write(json.dumps(_job(pattern, head, piece)) + "\n")
        self.process.stdin.flush()
        # the first job also imports
        ready, _, _ = select.select([self.process.stdout], [], [], HANG_GUARD * 2)
        if not ready:
            self.close()
            return None
        return json.loads(self.process.stdout.readline())

    def close(self):
        if self.process is not None:
            self.process.kill()
            self.process.wait()
            self.process = None


def _job(pattern: re.Pattern, head: str, piece: str) -> dict:
    written = pattern.pattern
    is_bytes = isinstance(written, bytes)
    return {
        "pattern": written.decode("latin-1") if is_bytes else written,
        "bytes": is_bytes,
        "flags": pattern.flags & ~re.UNICODE,
        "head": head,
        "piece": piece,
        "length": LENGTH,
    }


@pytest.fixture(scope="module")
def worker():
    one = Worker()
    yield one
    one.close()


PATTERNS = compiled_patterns()


def test_the_collector_finds_the_patterns_named_in_the_issue():
    for name in (
        "samverkan.content.body:HEADING",
        "samverkan.views.citations:RUN",
        "samverkan.checks.markup:_LINK",
        "samverkan.content.versions:_LINK",
        "samverkan.content.personal_data:EMAIL",
    ):
        assert name in PATTERNS


def test_the_pieces_come_from_the_pattern():
    inputs = adversarial_inputs(re.compile(r"#\s+\[a\]\("))  # '\s+' is written twice
    assert ("", "#  [a](") in inputs and ("# ", " ") in inputs


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_pattern_runs_in_linear_time(worker, name):
    slow = []
    for head, piece in adversarial_inputs(PATTERNS[name]):
        seconds = worker.scan(PATTERNS[name], head, piece)
        if seconds is None or seconds > HANG_GUARD:
            slow.append(
                f"{head!r} + {piece!r} × {LENGTH // len(piece)}: {'no answer' if seconds is None else f'{seconds} s'}"
            )
    assert not slow, f"{name} backtracks on: " + "; ".join(slow)
