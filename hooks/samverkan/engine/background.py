"""Work done on another core while the caller goes on: the checks and the generated views are ready
before MkDocs asks for them, as MkDocs renders pages on one core only.

The work runs in a forked copy of the process, so it sees the handbook already in memory without
copying it; only its result comes back. Where forking is not safe (other threads running, as under
``mkdocs serve``) or not possible, the work runs when its result is first asked for.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import threading
import traceback
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class BackgroundError(RuntimeError):
    """The background work failed; the message carries its traceback."""


class Background(Generic[T]):
    def __init__(self, work: Callable[[], T]):
        self._work = work
        self._process = self._receive = None
        if hasattr(os, "fork") and threading.active_count() == 1:
            context = multiprocessing.get_context("fork")
            self._receive, send = context.Pipe(duplex=False)
            self._process = context.Process(target=_run, args=(work, send), daemon=True)
            self._process.start()
            send.close()

    def result(self) -> T:
        """The work's result, waiting for it if it is not ready yet; the same value every time."""
        if not hasattr(self, "_result"):
            self._result = self._work() if self._process is None else self._collect()
        return self._result

    def _collect(self) -> T:
        try:
            done, value = self._receive.recv()
        except EOFError:  # the process died before it could send anything
            done, value = False, None
        self._receive.close()
        self._process.join()
        if not done:
            raise BackgroundError(
                value or f"the background process ended without a result (exit code {self._process.exitcode})"
            )
        return value


def _run(work: Callable, send) -> None:
    _die_with_parent()
    try:
        result = (True, work())
    except BaseException:  # noqa: BLE001 - every failure goes back to the caller, which raises it
        result = (False, traceback.format_exc())
    send.send(result)
    send.close()


def _die_with_parent() -> None:
    """If the caller is killed (SIGKILL leaves it no time to end this process), this copy ends too (Linux)."""
    prctl = getattr(ctypes.CDLL(None), "prctl", None)
    if prctl is not None:
        prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    if os.getppid() != multiprocessing.parent_process().pid:  # the caller died before prctl
        os._exit(1)
