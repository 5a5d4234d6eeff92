"""Command line: the handbook's checks and reports without MkDocs.

    python -m samverkan check        every problem, one line each; exit 1 if any
    python -m samverkan lix          readability (LIX) of every routine and checklist
"""

from __future__ import annotations

import argparse
import sys

from . import checks, lix
from .load import load_site


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="samverkan", description="Samverkansplanen: check and report on the handbook.")
    parser.add_argument("--config", default="mkdocs.yml", help="the site configuration (default: mkdocs.yml)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="run every check; exit 1 if there is a problem")
    commands.add_parser("lix", help="readability (LIX) per routine and checklist page")
    args = parser.parse_args(argv)
    handbook = load_site(args.config)
    return COMMANDS[args.command](handbook)


def check(handbook) -> int:
    problems = checks.run_all(handbook)
    for problem in problems:
        print(problem)
    print(f"{len(problems)} problem(s) in {len(handbook.pages)} pages", file=sys.stderr)
    return 1 if problems else 0


def report_lix(handbook) -> int:
    for row in lix.report(handbook):
        print(f"{row.score:5.1f}  (max {row.limit})  {row.file}")
    return 0


COMMANDS = {"check": check, "lix": report_lix}
