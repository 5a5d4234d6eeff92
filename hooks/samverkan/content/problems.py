"""One problem = one line a person can act on: where, what, how to fix."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    message: str
    fix: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message} — {self.fix}"

    def on_one_line(self) -> "Problem":
        """Messages quote what a file says; a line break in it must not break the one-line report."""
        return Problem(_flat(self.path), self.line, _flat(self.message), _flat(self.fix))


def _flat(text: str) -> str:
    return text.replace("\r", "\\r").replace("\n", "\\n")
