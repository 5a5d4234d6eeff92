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
        return _flat(f"{self.path}:{self.line}: {self.message} — {self.fix}")

    def on_one_line(self) -> "Problem":
        """Messages quote what a file says; a line break in it must not break the one-line report."""
        return Problem(_flat(self.path), self.line, _flat(self.message), _flat(self.fix))


# Every character str.splitlines() breaks a line at, not only \r and \n: a quoted U+2028 or \x1c from a
# file would otherwise print one problem on two lines.
_LINE_BREAKS = {ord(char): char.encode("unicode_escape").decode("ascii") for char in "\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"}


def _flat(text: str) -> str:
    return text.translate(_LINE_BREAKS)
