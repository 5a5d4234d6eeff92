"""Command line: the handbook's checks and reports without MkDocs.

samverkan check        every problem, one line each; exit 1 if any
samverkan lix          readability (LIX) of every routine and checklist
samverkan build [--municipality stockholm]    build the county's or a municipality's edition
samverkan build --plan-pdf                    ... with the whole plan as PDF in the site and its offline copy
samverkan build --example-edition             ... with the example edition at exempel/, for a municipality to look at
samverkan build --all                         every edition: the county's, and each municipality's filled into it
samverkan build --engine zensical              ... with another engine: mkdocs (default), properdocs, zensical
samverkan publish --to DIR [--municipality X]  build, check, then switch DIR to the new release atomically
samverkan publish --to DIR --rollback         switch DIR back to the release before
samverkan revisions --base main               versions, reviewed dates, sv/en twins, CHANGELOG
samverkan review-due --days 60 [--strict]     pages due for review, by owner
samverkan export --out DIR                    one JSON per language, with its JSON Schema
samverkan archive --tag v2.0 | --all          a released plan version, built from its git tag, into arkiv/
samverkan compile OUT --lang sv [--municipality X]  one language as plain Markdown and a config, for any engine
samverkan finish SITE [--offline]               the page passes and site-wide outputs over a site any engine built
samverkan verify SITE                          the built site as a browser reads it: safe and complete
samverkan board-draft --municipality X [--out FILE] [--no-pdf]  a draft tjänsteutlåtande (Markdown and PDF) for the board
samverkan confirmations [--sheets DIR]        municipalities with values missing or not confirmed; a sheet each to confirm them
samverkan plan-pdf [--municipality X] [--lang sv] [--site DIR] [--out DIR]  the whole plan as one A4 PDF per language
samverkan docs                                 the tables of docs-dev/ written from the code (every problem)
samverkan --county uppsala build               any command for another county's plan (editions/layer.py)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from samverkan.checks import docs, lix, review, revisions, rules
from samverkan.content import paths
from samverkan.content.parts import LANGUAGES
from samverkan.editions import layer, overlay
from samverkan.editions.handbook import load_site
from samverkan.publish import archive, editions, engines, example, plan, publish
from samverkan.site import completeness, export, finish, plan_pdf, tree
from samverkan.views import board, confirmations, paper


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="samverkan", description="Samverkansplanen: check and report on the handbook."
    )
    parser.add_argument("--config", default="mkdocs.yml", help="the site configuration (default: mkdocs.yml)")
    parser.add_argument(
        "--county",
        help="another county's plan: its layer in counties/<county>/ over the core (editions/layer.py)",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="run every check; exit 1 if there is a problem")
    commands.add_parser("lix", help="readability (LIX) per routine and checklist page")
    commands.add_parser(
        "docs", help="write the tables of docs-dev/ from the code (every problem, from checks/rules.py)"
    )
    _add_edition_commands(commands)
    args = parser.parse_args(argv)
    try:
        if args.county:
            _in_county(args)
        if args.command in TOOLS:
            return TOOLS[args.command](args)
        return COMMANDS[args.command](load_site(args.config))
    except layer.NoLayer as refusal:
        print(f"--county: {refusal}; nothing was done", file=sys.stderr)
        return 1
    except OSError as error:  # what the file system refused once the checks before writing had passed
        print(paths.os_problem(error), file=sys.stderr)
        return 1


def _in_county(args) -> None:
    """The command on the county's assembled project; a build goes into site-<county>[-<municipality>]/."""
    core, county = args.config, args.county
    if args.command == "build":
        args.site_dir_of = lambda slug: layer.site_dir(core, county, slug)
        args.site_dir = args.site_dir or (None if args.all else str(args.site_dir_of(args.municipality)))
    args.config = str(layer.assemble(args.config, args.county))


EXAMPLE_HELP = "put the example edition (a made-up municipality's) into the county's site at exempel/, linked from the adoption page"
PLAN_PDF_HELP = "put the whole plan as one PDF per language in the site and its offline copy, linked from the adoption and news pages"


def _add_edition_commands(commands) -> None:
    municipality = {
        "help": "the municipality's file in municipalities/ without .yml, e.g. stockholm (default: the county edition)"
    }
    build = commands.add_parser(
        "build",
        help="build the site strictly; a municipality's edition with --municipality, every edition with --all",
    )
    which = build.add_mutually_exclusive_group()
    which.add_argument("--municipality", **municipality)
    which.add_argument(
        "--all",
        action="store_true",
        help="the county's edition and every municipality's, filled into it (publish/editions.py)",
    )
    build.add_argument("--site-dir", help="where to build (default: site/, or site-<municipality>/)")
    build.add_argument("--plan-pdf", action="store_true", help=PLAN_PDF_HELP)
    build.add_argument("--example-edition", action="store_true", help=EXAMPLE_HELP)
    build.add_argument(
        "--engine",
        choices=engines.ENGINES,
        default=engines.DEFAULT,
        help="the site engine (default: mkdocs); zensical needs bash scripts/setup-zensical once (publish/engines.py)",
    )
    to = commands.add_parser(
        "publish", help="build into a new folder, run every check, then swap it into --to"
    )
    to.add_argument(
        "--to",
        required=True,
        help="the published folder: a link to the newest of the releases kept beside it",
    )
    to.add_argument(
        "--rollback",
        action="store_true",
        help="switch --to back to the release before the current one, and remove the current one",
    )
    to.add_argument("--municipality", **municipality)
    to.add_argument("--plan-pdf", action="store_true", help=PLAN_PDF_HELP)
    to.add_argument("--example-edition", action="store_true", help=EXAMPLE_HELP)
    rev = commands.add_parser(
        "revisions", help="check versions, reviewed dates, sv/en twins and CHANGELOG.md against a git base"
    )
    rev.add_argument("--base", default="main", help="the git revision to compare with (default: main)")
    due = commands.add_parser(
        "review-due", help="pages whose next review has passed or falls within --days, by owner"
    )
    due.add_argument("--days", type=int, default=30, help="look this many days ahead (default: 30)")
    due.add_argument("--strict", action="store_true", help="overdue pages are errors (exit 1), not warnings")
    out = commands.add_parser("export", help="write one JSON per language and the JSON Schema into --out")
    out.add_argument("--out", required=True, help="the folder to write into")
    kept = commands.add_parser(
        "archive", help="build a released plan version from its git tag into arkiv/<version>/"
    )
    which = kept.add_mutually_exclusive_group(required=True)
    which.add_argument("--tag", help="the plan version's tag, e.g. v2.0")
    which.add_argument("--all", action="store_true", help="every plan version tag (vX.Y)")
    tree = commands.add_parser(
        "compile", help="write one language's pages as plain Markdown and a config, for any Markdown engine"
    )
    tree.add_argument("out", help="the folder to write into (docs/ and mkdocs.yml)")
    tree.add_argument("--lang", required=True, choices=LANGUAGES, help="the language of the tree")
    tree.add_argument("--municipality", **municipality)
    whole = commands.add_parser(
        "plan-pdf", help="the whole plan of an edition as one A4 PDF per language, for a board to adopt"
    )
    whole.add_argument("--municipality", **municipality)
    whole.add_argument(
        "--lang",
        choices=LANGUAGES,
        action="append",
        help="only this language (default: every language; may be repeated)",
    )
    whole.add_argument("--site", help="the edition already built there (default: build it now)")
    whole.add_argument(
        "--out",
        default="pdf",
        help="the folder to write into (default: pdf/): samverkansplanen-<version>[-<municipality>].pdf, en/...",
    )
    draft = commands.add_parser(
        "board-draft",
        help="a draft tjänsteutlåtande (Markdown, Swedish) for a municipality's social welfare board",
    )
    draft.add_argument(
        "--municipality",
        required=True,
        help="the municipality's name in municipalities/status.yml (slug:), e.g. vallentuna",
    )
    draft.add_argument(
        "--out",
        help="the file to write (default: tjansteutlatande-<municipality>.md), and its .pdf beside it",
    )
    draft.add_argument("--no-pdf", action="store_true", help="only the Markdown (no Chromium needed)")
    sure = commands.add_parser(
        "confirmations", help="which municipalities still have night or unit values missing or not confirmed"
    )
    sure.add_argument(
        "--sheets",
        help="also write one printable sheet per municipality (Swedish) into this folder, to confirm or correct each value",
    )
    done = commands.add_parser(
        "finish",
        help="the page passes and the site-wide outputs over a site any engine built (site/finish.py)",
    )
    done.add_argument("site", help="the built site's folder")
    done.add_argument("--municipality", **municipality)
    done.add_argument(
        "--offline",
        action="store_true",
        help="the site is an offline copy: pages as .html files, no export, one search index for both languages",
    )
    built = commands.add_parser(
        "verify", help="check a built site as a browser reads it; exit 1 if anything is unsafe"
    )
    built.add_argument("site", help="the built site's folder, e.g. site/")


def build(args) -> int:
    if not args.all:
        return publish.run_build(
            args.config, args.municipality, args.site_dir, args.plan_pdf, args.example_edition, args.engine
        )
    if args.plan_pdf or args.example_edition:
        print(
            "--plan-pdf, --example-edition: build each edition that is to carry them on its own — the county's with "
            "--plan-pdf --example-edition, a municipality's with --municipality X --plan-pdf; nothing was built",
            file=sys.stderr,
        )
        return 1
    if args.site_dir:
        print(
            "--site-dir: every edition goes into its own site-<name>/ with --all; nothing was built",
            file=sys.stderr,
        )
        return 1
    return editions.run_all(args.config, getattr(args, "site_dir_of", None), args.engine)


def check(handbook) -> int:
    problems, notes = rules.all_problems(handbook, overlay.chosen(handbook.root))
    for note in notes:
        print(note, file=sys.stderr)
    for problem in problems:
        print(problem)
    print(f"{len(problems)} problem(s) in {len(handbook.pages)} pages", file=sys.stderr)
    return 1 if problems else 0


def report_lix(handbook) -> int:
    for row in lix.report(handbook):
        print(f"{row.score:5.1f}  (max {row.limit})  {row.file}")
    return 0


COMMANDS = {"check": check, "lix": report_lix}
TOOLS = {
    "build": build,
    "publish": lambda args: (
        publish.run_rollback(args.config, args.to)
        if args.rollback
        else publish.run_publish(args.config, args.municipality, args.to, args.plan_pdf, args.example_edition)
    ),
    "revisions": lambda args: revisions.run(Path(args.config).resolve().parent, args.base),
    "review-due": lambda args: review.report(load_site(args.config), args.days, args.strict),
    "export": lambda args: export.run(args.config, args.out),
    "archive": lambda args: archive.run(args.config, args.tag, args.all),
    "compile": lambda args: tree.run(args.config, args.out, args.lang, args.municipality),
    "finish": lambda args: finish.run(args.config, args.site, args.municipality, args.offline),
    "verify": lambda args: report_verified(args.site, args.config),
    "board-draft": lambda args: board.run(
        args.config, args.municipality, args.out, None if args.no_pdf else plan_pdf.print_document
    ),
    "confirmations": lambda args: confirmations.run(args.config, args.sheets),
    "docs": lambda args: docs.run(Path(args.config).resolve().parent),
    "plan-pdf": lambda args: plan.run(
        args.config, args.municipality, args.lang or list(LANGUAGES), args.site, args.out
    ),
}


def report_verified(site: str, config_file: str) -> int:
    if not Path(site).is_dir():
        print(f"{site}: no such folder — build the site first (samverkan build)", file=sys.stderr)
        return 1
    shown = Path(site) / paper.EXAMPLE_FOLDER
    # the county's site with the example edition: a site of its own in it
    if (shown / "index.html").is_file():
        found = completeness.safe_and_complete(site, load_site(config_file), (paper.EXAMPLE_FOLDER,))
        found += example.problems(config_file, shown)
    else:
        found = completeness.safe_and_complete(site, load_site(config_file))
    for problem in found:
        print(problem)
    print(f"{len(found)} problem(s) in {site}", file=sys.stderr)
    return 1 if found else 0
