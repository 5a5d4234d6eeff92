"""``mkdocs`` with the time spent inside the project's hook functions measured.

    python bench/hooktime.py build -f mkdocs.yml ...

Runs the MkDocs command line unchanged, wrapping every ``on_*`` function of each
module listed under ``hooks:`` with a timer; prints ``hook seconds: S`` last, after one
``hook <name>: S`` line per hook function.
"""

from __future__ import annotations

import functools
import sys
import time

from mkdocs.__main__ import cli
from mkdocs.config import config_options

spent: dict[str, float] = {}
_load_hook = config_options.Hooks._load_hook


def timed(function):
    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            spent[function.__name__] = spent.get(function.__name__, 0.0) + time.perf_counter() - start

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
    except SystemExit:
        for name, seconds in sorted(spent.items(), key=lambda item: -item[1]):
            print(f"hook {name}: {seconds:.4f}", file=sys.stderr)
        print(f"hook seconds: {sum(spent.values()):.4f}", file=sys.stderr)
        raise
