"""``mkdocs`` with the time spent inside the project's hook functions measured.

    python bench/hooktime.py build -f mkdocs.yml ...

Runs the MkDocs command line unchanged, wrapping every ``on_*`` function of each
module listed under ``hooks:`` with a timer; prints ``hook seconds: S`` last.
"""

from __future__ import annotations

import functools
import sys
import time

from mkdocs.__main__ import cli
from mkdocs.config import config_options

spent = [0.0]
_load_hook = config_options.Hooks._load_hook


def timed(function):
    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            spent[0] += time.perf_counter() - start

    return wrapper


def load_timed_hook(self, name, path):
    module = _load_hook(self, name, path)
    if not getattr(module, "_bench_timed", False):
        for attribute in [a for a in dir(module) if a.startswith("on_") and callable(getattr(module, a))]:
            setattr(module, attribute, timed(getattr(module, attribute)))
        module._bench_timed = True
    return module


if __name__ == "__main__":
    config_options.Hooks._load_hook = load_timed_hook
    try:
        cli()
    except SystemExit as exit_:
        print(f"hook seconds: {spent[0]:.4f}", file=sys.stderr)
        raise
