"""Strict builds stop on every problem, whatever the verbosity.

MkDocs counts warnings for ``--strict`` with a handler on its logger, and ``-q`` raises that
logger's level so warnings never reach the handler (MkDocs issue 4126): ``mkdocs build --strict -q``
built any broken handbook. While a strict build runs, this lets every warning through (under -q
only the warnings are shown, since each of them now stops the build) and counts them on a
handler of its own.
"""

from __future__ import annotations

import logging

from mkdocs.exceptions import Abort


class _Counter(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record):
        self.count += 1


class StrictLog:
    def __init__(self, logger: logging.Logger):
        self.logger = logger
        self.counter: _Counter | None = None
        self._level: int | None = None  # the logger's level before a quiet build

    @property
    def active(self) -> bool:
        return self.counter is not None

    def start(self) -> None:
        self.end()
        if self.logger.getEffectiveLevel() > logging.WARNING:
            self._level = self.logger.level
            self.logger.setLevel(logging.WARNING)
        self.counter = _Counter()
        self.logger.addHandler(self.counter)

    def finish(self) -> None:
        """Raise Abort if anything was logged as a warning or worse since ``start``."""
        if self.counter is not None and self.counter.count:
            count = self.counter.count
            self.end()
            raise Abort(f"Aborted with {count} problem(s) in strict mode (listed above)")

    def end(self) -> None:
        if self.counter is not None:
            self.logger.removeHandler(self.counter)
            self.counter = None
        if self._level is not None:
            self.logger.setLevel(self._level)
            self._level = None
