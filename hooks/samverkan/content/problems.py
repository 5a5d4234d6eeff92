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
        """Messages quote what a file says: whatever would break the line or hide in it is shown escaped."""
        return _flat(f"{self.path}:{self.line}: {self.message} — {self.fix}")

    def on_one_line(self) -> Problem:
        return Problem(_flat(self.path), self.line, _flat(self.message), _flat(self.fix))


def _flat(text: str) -> str:
    return "".join(_escaped(char) for char in text) if not text.isprintable() else text


def _escaped(char: str) -> str:
    """A character a terminal would act on or not show (line breaks, controls, invisible format characters), as \\x.."""
    return char if char.isprintable() or char == " " else char.encode("unicode_escape").decode("ascii")
