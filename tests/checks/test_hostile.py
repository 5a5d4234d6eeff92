"""Hostile and careless input: each case breaks the minimal handbook in one way a pull request could,
and must give exactly the listed one-line problems (file:line: what — fix), never an exception.
An empty list means the input is accepted on purpose (the comment says why).

Municipality files: test_hostile_municipal.py. Publishing: test_publish.py."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from handbooks import copy_minimal, replace
from samverkan import cli

ACTOR = "docs/sv/aktorer/boendet.md"
ACTOR_EN = "docs/en/aktorer/boendet.md"
TERM = "docs/sv/begrepp/term-hvb.md"
TERM_EN = "docs/en/begrepp/term-hvb.md"
CHECKLIST = "docs/sv/checklistor/avvikning-boendet.md"
ROUTINE = "docs/sv/rutiner/avvikning.md"
BODY_LINE = 14  # the line a text added at the end of ACTOR lands on
DUTIES = (
    "## Vem gör vad genast {{#duties}}\n\n| Vem | Vad | När |\n|---|---|---|\n| {who} | {what} | Genast |"
)
DUTY_LINE = 29  # the line of the row in DUTIES added at the end of ROUTINE

NOT_ALLOWED_TAG = "write it in Markdown; the allowed tags are <br>, <div>, <span>"
BAD_SCHEME = "link to an https: address, a tel: number or a page"
ALIAS = "the front matter uses an alias (*name) — write the value out in full; anchors and aliases are not allowed"
DEEP = "the front matter nests deeper than 12 levels — write the fields as in the examples in docs-dev/authors.md (one per page type)"
NO_HTML = "must not contain < or > — write plain text without HTML"
MARKER_FIX = "write [[page-id]] or [[page-id|your words]]: lower-case id, no spaces, closed with ]]"
FILE_TYPES = "use a Markdown page or an image (.png, .jpg, .jpeg, .webp), and remove this file from docs/"


def add_body(file: str, text: str):
    return lambda root: _append(root / file, "\n" + text + "\n")


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def edit(file: str, old: str, new: str):
    return lambda root: replace(root, file, old, new)


def write_bytes(file: str, data: bytes):
    return lambda root: (root / file).write_bytes(data)


def transform_bytes(file: str, change):
    return lambda root: (root / file).write_bytes(change((root / file).read_bytes()))


def add_item(swedish: str, english: str):
    """An at-once item of 'boendet' at the end of the checklist, in both languages (they must mirror each other)."""
    return both(
        add_body(CHECKLIST, f"- [ ] {swedish} [[boendet]]"),
        add_body(CHECKLIST.replace("/sv/", "/en/"), f"- [ ] {english} [[boendet]]"),
    )


def symlink(file: str, target: str):
    return lambda root: os.symlink(target, root / file)


def both(*edits):
    def apply(root):
        for one in edits:
            one(root)

    return apply


def front_matter(text: str) -> bytes:
    return f"---\n{text}\n---\n\n# Boendet\n".encode()


CASES = {
    # --- bytes and files ---
    "invalid UTF-8 byte": (
        transform_bytes(ACTOR, lambda data: data + b"\nRing \xff nu.\n"),
        [f"{ACTOR}:{BODY_LINE}: the file is not valid UTF-8 (byte 0xff) — save it as UTF-8 text"],
    ),
    # a byte-order mark is what some Windows editors write: accepted and dropped
    "byte-order mark": (transform_bytes(ACTOR, lambda data: b"\xef\xbb\xbf" + data), []),
    # Windows line endings: accepted
    "CRLF line endings": (transform_bytes(CHECKLIST, lambda data: data.replace(b"\n", b"\r\n")), []),
    "NUL byte": (
        transform_bytes(ACTOR, lambda data: data.replace(b"title: Boendet", b"title: Boe\x00ndet")),
        [f"{ACTOR}:4: the file contains a NUL byte — save it again as plain UTF-8 text"],
    ),
    "huge file": (
        transform_bytes(ACTOR, lambda data: data + b"a" * 1_000_001),
        [f"{ACTOR}:1: the file is larger than 1000 KB — split it into smaller pages"],
    ),
    "symlink to a system file": (
        symlink("docs/sv/leak.txt", "/etc/passwd"),
        ["docs/sv/leak.txt:1: the file is a symbolic link — replace it with the file itself"],
    ),
    "symlinked page": (
        symlink("docs/sv/aktorer/passwd.md", "/etc/passwd"),
        ["docs/sv/aktorer/passwd.md:1: the file is a symbolic link — replace it with the file itself"],
    ),
    "symlinked folder": (
        symlink("docs/sv/etc", "/etc"),
        ["docs/sv/etc:1: the folder is a symbolic link — replace it with a real folder"],
    ),
    "text file in docs": (
        write_bytes("docs/sv/anteckningar.txt", b"Barnet heter ...\n"),
        [f"docs/sv/anteckningar.txt:1: files of type '.txt' are not published — {FILE_TYPES}"],
    ),
    "script file in docs": (
        write_bytes("docs/en/extra.js", b"alert(1)\n"),
        [f"docs/en/extra.js:1: files of type '.js' are not published — {FILE_TYPES}"],
    ),
    "SVG image (may hold script)": (
        write_bytes("docs/sv/bild.svg", b"<svg onload='alert(1)'/>"),
        [f"docs/sv/bild.svg:1: files of type '.svg' are not published — {FILE_TYPES}"],
    ),
    "page outside the language folders": (
        write_bytes("docs/README.md", b"# Notes\n"),
        [
            "docs/README.md:1: the file is outside docs/sv and docs/en — move it into docs/sv/ (and its twin into docs/en/)"
        ],
    ),
    # an image next to the page, linked by its path: accepted
    "local image": (
        both(
            write_bytes("docs/sv/aktorer/karta.png", b"\x89PNG\r\n"), add_body(ACTOR, "![Karta](karta.png)")
        ),
        [],
    ),
    # --- YAML ---
    "alias bomb": (
        write_bytes(
            ACTOR,
            front_matter(
                "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b]"
            ),
        ),
        [f"{ACTOR}:3: {ALIAS}"],
    ),
    "recursive alias": (
        write_bytes(ACTOR, front_matter("type: actor\nloop: &x [*x]")),
        [f"{ACTOR}:3: {ALIAS}"],
    ),
    "merge key": (
        edit(ACTOR, "kind: residence", "base: &b {kind: residence}\nother:\n  <<: *b"),
        [f"{ACTOR}:11: {ALIAS}"],
    ),
    "duplicate key": (
        edit(ACTOR, "kind: residence", "kind: residence\ntitle: Något annat"),
        [f"{ACTOR}:10: the field 'title' is given twice — keep one of them"],
    ),
    "deep flow nesting": (
        write_bytes(ACTOR, front_matter("a: " + "[" * 100_000 + "]" * 100_000)),
        [f"{ACTOR}:2: {DEEP}"],
    ),
    "deep list nesting": (
        write_bytes(ACTOR, front_matter("a:\n" + "- " * 5_000 + "x")),
        [f"{ACTOR}:3: {DEEP}"],
    ),
    "deep mapping nesting": (
        write_bytes(
            ACTOR,
            front_matter("".join(f"{'  ' * level}k{level}:\n" for level in range(30)) + "  " * 30 + "x"),
        ),
        [f"{ACTOR}:27: {DEEP}"],
    ),
    "front matter is a list": (
        write_bytes(ACTOR, front_matter("- type: actor")),
        [
            f"{ACTOR}:2: the front matter is not a set of 'field: value' lines — write one 'field: value' per line"
        ],
    ),
    "complex key": (
        edit(ACTOR, "kind: residence", "? [kind]\n: residence"),
        [f"{ACTOR}:9: a field name must be plain text — write 'name: value'"],
    ),
    "front matter never closed": (
        write_bytes(ACTOR, b"---\ntype: actor\n"),
        [f"{ACTOR}:1: the front matter is never closed — add a '---' line after the last YAML field"],
    ),
    "no front matter": (
        write_bytes(ACTOR, b"# Boendet\n"),
        [
            f"{ACTOR}:1: the page has no front matter — start the file with a '---' line, the YAML fields, and another '---' line"
        ],
    ),
    # tags are never constructed: the value is read as the plain list it is written as
    "python object tag": (
        edit(ACTOR, "kind: residence", "kind: !!python/object/apply:os.system ['true']"),
        [
            f"{ACTOR}:9: 'kind' '['true']' is not allowed — use one of: authority, municipal-unit, residence, ngo, role, court, network, association, region"
        ],
    ),
    # --- front-matter fields ---
    "title breaks out of <title>": (
        edit(ACTOR, "title: Boendet", "title: </title><script>alert(1)</script>"),
        [f"{ACTOR}:4: 'title' {NO_HTML}"],
    ),
    "description breaks out of <meta>": (
        edit(ACTOR, "kind: residence", 'kind: residence\ndescription: x"><script>alert(1)</script>'),
        [f"{ACTOR}:10: 'description' {NO_HTML}"],
    ),
    "keyword carries markup": (
        edit(ACTOR, "kind: residence", "kind: residence\nkeywords: [boende, '<img src=x onerror=alert(1)>']"),
        [f"{ACTOR}:10: 'keywords' {NO_HTML}"],
    ),
    "multi-line definition": (
        edit(
            TERM,
            "definition: Ett boende där barn får vård eller bor.",
            "definition: |\n  Ett boende.\n\n  <div>mer</div>",
        ),
        [
            f"{TERM}:10: 'definition' must be one line — write the text on one line after the colon (no '|' or '>' block)"
        ],
    ),
    "abbreviation that is a word": (
        edit(TERM, "abbr: HVB", "abbr: och"),
        [
            f"{TERM}:9: 'abbr' 'och' is not an abbreviation — an abbreviation is 2-8 letters with at least two capitals, e.g. LVU or SoL: it becomes a tooltip wherever it appears"
        ],
    ),
    "id differs from the file name": (
        both(edit(TERM, "id: term-hvb", "id: hvb"), edit(TERM_EN, "id: term-hvb", "id: hvb")),
        [
            f"{TERM_EN}:3: id 'hvb' differs from the file's name — write 'id: term-hvb', or rename the file to match the id",
            f"{TERM}:3: id 'hvb' differs from the file's name — write 'id: term-hvb', or rename the file to match the id",
        ],
    ),
    "untranslated on a Swedish page": (
        edit(ACTOR, "kind: residence", "kind: residence\nuntranslated: true"),
        [
            f"{ACTOR}:10: 'untranslated' is only for English pages — remove it: the Swedish page is the original"
        ],
    ),
    # --- raw HTML and links in the body ---
    "script tag": (
        add_body(ACTOR, "<script>alert(1)</script>"),
        [f"{ACTOR}:{BODY_LINE}: raw HTML <script> is not allowed in pages — {NOT_ALLOWED_TAG}"],
    ),
    "style tag": (
        add_body(ACTOR, "<style>body {display: none}</style>"),
        [f"{ACTOR}:{BODY_LINE}: raw HTML <style> is not allowed in pages — {NOT_ALLOWED_TAG}"],
    ),
    "iframe": (
        add_body(ACTOR, '<iframe src="https://example.org"></iframe>'),
        [f"{ACTOR}:{BODY_LINE}: raw HTML <iframe> is not allowed in pages — {NOT_ALLOWED_TAG}"],
    ),
    "image with onerror": (
        add_body(ACTOR, "<img src=x onerror=alert(1)>"),
        [f"{ACTOR}:{BODY_LINE}: raw HTML <img> is not allowed in pages — {NOT_ALLOWED_TAG}"],
    ),
    "raw link with javascript": (
        add_body(ACTOR, '<a href="javascript:alert(1)">Ring</a>'),
        [f"{ACTOR}:{BODY_LINE}: raw HTML <a> is not allowed in pages — {NOT_ALLOWED_TAG}"],
    ),
    "event attribute on an allowed tag": (
        add_body(ACTOR, '<div onclick="alert(1)">Ring</div>'),
        [
            f"{ACTOR}:{BODY_LINE}: the attribute 'onclick' is not allowed on <div> — use only class, id, markdown"
        ],
    ),
    "style attribute": (
        add_body(ACTOR, '<span style="background:url(https://tracker.example/p)">x</span>'),
        [
            f"{ACTOR}:{BODY_LINE}: the attribute 'style' is not allowed on <span> — use only class, id, markdown"
        ],
    ),
    # what a browser reads other than a line-by-line pattern did (issue 19): a quoted '>', '/' between attributes, two lines
    "a quoted '>' inside an attribute": (
        add_body(ACTOR, '<span class="x>" autofocus onfocus=alert(1)>x</span>'),
        [
            f"{ACTOR}:{BODY_LINE}: the attribute 'autofocus' is not allowed on <span> — use only class, id, markdown"
        ],
    ),
    "'/' between attributes": (
        add_body(ACTOR, "<img/src/onerror=alert(1)>"),
        [f"{ACTOR}:{BODY_LINE}: raw HTML <img> is not allowed in pages — {NOT_ALLOWED_TAG}"],
    ),
    "a tag over two lines": (
        add_body(ACTOR, '<span\nonclick="alert(1)">x</span>'),
        [
            f"{ACTOR}:{BODY_LINE}: the attribute 'onclick' is not allowed on <span> — use only class, id, markdown"
        ],
    ),
    "a comment HTML5 closes at once": (
        add_body(ACTOR, "<!--> <img src=https://elsewhere.example/p> -->"),
        [f"{ACTOR}:{BODY_LINE}: raw HTML <img> is not allowed in pages — {NOT_ALLOWED_TAG}"],
    ),
    "an escaped backtick opens no code": (
        add_body(ACTOR, "\\`<span style=color:red>x</span>\\`"),
        [
            f"{ACTOR}:{BODY_LINE}: the attribute 'style' is not allowed on <span> — use only class, id, markdown"
        ],
    ),
    "the theme's id on a span": (
        add_body(ACTOR, '<span id="__config">{"base": "x"}</span>'),
        [
            f"{ACTOR}:{BODY_LINE}: the id '__config' on <span> is one of the theme's ids — choose an id that does not start with __"
        ],
    ),
    "the theme's id as a paragraph's anchor": (
        add_body(ACTOR, "Ring.\n{: #__search }"),
        [
            f"{ACTOR}:{BODY_LINE + 1}: the anchor '#__search' is one of the theme's ids — choose an anchor that does not start with __"
        ],
    ),
    "an image with no scheme from another host": (
        add_body(ACTOR, "![x](//elsewhere.example/pixel)"),
        [
            f"{ACTOR}:{BODY_LINE}: the image is on another site — put the image file in docs/ next to the page and link it by its path: readers' browsers ask no other host"
        ],
    ),
    # personal data as the reader sees it: after escapes, entities and invisible characters
    "identity number with an escaped dash": (
        add_body(ACTOR, "Barnet 121212\\-1212 hittades."),
        [
            f"{ACTOR}:{BODY_LINE}: looks like a personal identity number — remove it: the handbook is public and never names or identifies a person"
        ],
    ),
    "identity number with a zero-width space": (
        add_body(ACTOR, "Barnet 121212\u200b-1212 hittades."),
        [
            f"{ACTOR}:{BODY_LINE}: looks like a personal identity number — remove it: the handbook is public and never names or identifies a person"
        ],
    ),
    "e-mail address with an entity for @": (
        add_body(ACTOR, "Skriv till anna&#64;exempel.se."),
        [
            f"{ACTOR}:{BODY_LINE}: contains an e-mail address — remove it; point to the function's switchboard or web page instead"
        ],
    ),
    "markdown link to javascript:": (
        add_body(ACTOR, "[Ring](javascript:alert(1))"),
        [f"{ACTOR}:{BODY_LINE}: links to 'javascript:' addresses are not allowed — {BAD_SCHEME}"],
    ),
    "mixed-case scheme": (
        add_body(ACTOR, "[Ring](JaVaScRiPt:alert(1))"),
        [f"{ACTOR}:{BODY_LINE}: links to 'javascript:' addresses are not allowed — {BAD_SCHEME}"],
    ),
    "entity-encoded scheme": (
        add_body(ACTOR, "[Ring](&#106;avascript:alert(1))"),
        [f"{ACTOR}:{BODY_LINE}: links to 'javascript:' addresses are not allowed — {BAD_SCHEME}"],
    ),
    "tab inside the scheme": (
        add_body(ACTOR, "[Ring](java\tscript:alert(1))"),
        [f"{ACTOR}:{BODY_LINE}: links to 'javascript:' addresses are not allowed — {BAD_SCHEME}"],
    ),
    "data: link": (
        add_body(ACTOR, "[Öppna](data:text/html;base64,PHNjcmlwdD4=)"),
        [f"{ACTOR}:{BODY_LINE}: links to 'data:' addresses are not allowed — {BAD_SCHEME}"],
    ),
    "vbscript: link": (
        add_body(ACTOR, "[Öppna](vbscript:msgbox)"),
        [f"{ACTOR}:{BODY_LINE}: links to 'vbscript:' addresses are not allowed — {BAD_SCHEME}"],
    ),
    "autolink to javascript:": (
        add_body(ACTOR, "<javascript:alert(1)>"),
        [f"{ACTOR}:{BODY_LINE}: links to 'javascript:' addresses are not allowed — {BAD_SCHEME}"],
    ),
    "reference definition to javascript:": (
        add_body(ACTOR, "Se [här][a].\n\n[a]: javascript:alert(1)"),
        [f"{ACTOR}:{BODY_LINE + 2}: links to 'javascript:' addresses are not allowed — {BAD_SCHEME}"],
    ),
    "image from another host": (
        add_body(ACTOR, "![Karta](https://tracker.example/pixel.png)"),
        [
            f"{ACTOR}:{BODY_LINE}: the image is on another site — put the image file in docs/ next to the page and link it by its path: readers' browsers ask no other host"
        ],
    ),
    "attribute list hides a paragraph": (
        add_body(ACTOR, "Ring genast.\n{: hidden }"),
        [
            f"{ACTOR}:{BODY_LINE + 1}: the attribute list '{{: hidden }}' sets attributes — use only {{#anchor}} or {{.class}} after a heading or paragraph"
        ],
    ),
    "attribute list sets an event": (
        add_body(ACTOR, 'Ring genast.\n{: onclick="alert(1)" }'),
        [
            f"{ACTOR}:{BODY_LINE + 1}: the attribute list '{{: onclick=\"alert(1)\" }}' sets attributes — use only {{#anchor}} or {{.class}} after a heading or paragraph"
        ],
    ),
    "broken page link": (
        add_body(ACTOR, "Läs [rutinen](../rutiner/finns-inte.md#genast)."),
        [
            f"{ACTOR}:{BODY_LINE}: the link target '../rutiner/finns-inte.md#genast' does not exist — correct the path (relative to this page), or link the page by its id: [[page-id]]"
        ],
    ),
    # https, tel and page links, anchors, code and comments are fine; code shows markup as text
    "safe links and code": (
        add_body(
            ACTOR,
            "[IVO](https://www.ivo.se/) [112](tel:112) [Rutin](../rutiner/avvikning.md#genast) [Upp](#boendet)\n\n`<script>` och <!-- <script>alert(1)</script> -->\n\n```html\n<script>alert(1)</script>\n```",
        ),
        [],
    ),
    # --- markers and items ---
    "marker with spaces": (
        add_body(ACTOR, "Ring [[ boendet ]]."),
        [f"{ACTOR}:{BODY_LINE}: '[[ boendet ]]' is not a valid marker — {MARKER_FIX}"],
    ),
    "marker in capitals": (
        add_body(ACTOR, "Ring [[Boendet]]."),
        [f"{ACTOR}:{BODY_LINE}: '[[Boendet]]' is not a valid marker — {MARKER_FIX}"],
    ),
    "unclosed marker": (
        add_body(ACTOR, "Ring [[boendet."),
        [f"{ACTOR}:{BODY_LINE}: '[[boendet.' is not a valid marker — {MARKER_FIX}"],
    ),
    "marker with empty text": (
        add_body(ACTOR, "Ring [[boendet|]]."),
        [f"{ACTOR}:{BODY_LINE}: '[[boendet|]]' is not a valid marker — {MARKER_FIX}"],
    ),
    "two actors end one item": (
        edit(
            CHECKLIST,
            "- [ ] Ring 112 eller 114 14. [[boendet]]",
            "- [ ] Ring 112 eller 114 14. [[arbetsgruppen]] [[boendet]]",
        ),
        [
            f"{CHECKLIST}:16: the line ends with two actors — give each item one responsible actor: split it into one line per actor"
        ],
    ),
    # --- duties from the routine (checks/duties.py): the table {#duties} says who does what at once ---
    "an at-once duty with no item": (
        add_body(ROUTINE, DUTIES.format(who="[[boendet]]", what="Berättar för [[arbetsgruppen]].")),
        [
            f"{ROUTINE}:{DUTY_LINE}: the table gives 'boendet' this duty at once, but no item of 'boendet' under {{#at-once}} in this routine's checklists names [[arbetsgruppen]] — add '- [ ] … [[arbetsgruppen]] … [[boendet]]' under '## Genast {{#at-once}}' in {CHECKLIST}"
        ],
    ),
    "an at-once duty of two, tagged to one": (
        both(
            add_body(
                ROUTINE, DUTIES.format(who="[[boendet]] och [[arbetsgruppen]]", what="Ringer [[term-hvb]].")
            ),
            add_item(
                "Ring [[term-hvb]] tillsammans med arbetsgruppen.",
                "Call [[term-hvb]] together with the working group.",
            ),
        ),
        [
            f"{CHECKLIST}:19: the item names 'arbetsgruppen' too, but is tagged only to 'boendet' — split it: one line per actor, each ending with its own [[actor]]; give 'arbetsgruppen' its line under '## Genast {{#at-once}}' in a checklist of avvikning"
        ],
    ),
    "an at-once duty the guide hides at one stage": (
        both(
            add_body(ROUTINE, DUTIES.format(who="[[boendet]]", what="Ringer [[term-hvb]].")),
            add_item(
                "Ring 112. [[boendet]]\n\n### I ankomstskedet {#arrival}\n\n- [ ] Ring polisen. [[boendet]]\n\n### Efter anvisning {#after-assignment}\n\n- [ ] Ring [[term-hvb]].",
                "Call 112. [[boendet]]\n\n### Arrival {#arrival}\n\n- [ ] Call the police. [[boendet]]\n\n### After assignment {#after-assignment}\n\n- [ ] Call [[term-hvb]].",
            ),
        ),
        [
            f"{CHECKLIST}:27: 'Vad gör jag nu?' does not show 'boendet' this duty at once when it asks about arrival ({ROUTINE}:{DUTY_LINE}) — give 'boendet' an item for it that applies at arrival: under no stage heading, or under the one ending in {{#arrival}}"
        ],
    ),
    "a duty row that names no actor": (
        add_body(ROUTINE, DUTIES.format(who="Boendet", what="Ringer [[term-hvb]].")),
        [
            f"{ROUTINE}:{DUTY_LINE}: the row of the duties table does not say who does what, when — write three cells: who as [[actor-id]], what with the page it concerns (whom it tells, [[polisen]], or what it is, [[term-skyddsbedomning]]), and when"
        ],
    ),
    "phase changed in Swedish only": (
        edit(CHECKLIST, "## Genast {#at-once}", "## Inom timmar {#within-hours}"),
        [
            "docs/en/checklistor/avvikning-boendet.md:2: checklist items (actor@phase) differs from docs/sv/checklistor/avvikning-boendet.md: 'boendet@at-once, boendet@at-once' here, 'boendet@within-hours, boendet@within-hours' there — translate item for item, in the same order, with the same [[actor]] markers and citations"
        ],
    ),
}


@pytest.mark.parametrize("name", CASES)
def test_hostile_input_gives_exactly_its_problems(tmp_path, capsys, name):
    """Through the check command's own entry: what it prints is exactly the expected lines."""
    change, expected = CASES[name]
    root = copy_minimal(tmp_path)
    change(root)
    exit_code = cli.main(["--config", str(root / "mkdocs.yml"), "check"])
    assert capsys.readouterr().out.splitlines() == expected
    assert exit_code == (1 if expected else 0)


def test_check_command_reports_many_hostile_inputs_at_once_without_a_traceback(tmp_path):
    root = copy_minimal(tmp_path)
    for change, _ in CASES.values():
        # an earlier case may already have rewritten that file; the rest still apply
        with contextlib.suppress(AssertionError, UnicodeDecodeError, FileExistsError):
            change(root)
    run = subprocess.run(
        [sys.executable, "-m", "samverkan", "--config", str(root / "mkdocs.yml"), "check"],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": "hooks"},
        timeout=120,
    )
    assert run.returncode == 1
    assert "Traceback" not in run.stderr + run.stdout
    lines = run.stdout.splitlines()
    assert len(lines) >= 10
    assert all(line.count(": ") >= 1 and " — " in line and line.split(":")[1].isdigit() for line in lines), (
        lines
    )


def mkdocs_build(root: Path, *flags: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            *flags,
            "-f",
            str(root / "mkdocs.yml"),
            "-d",
            str(root / "site"),
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        timeout=300,
    )


@pytest.mark.site
@pytest.mark.parametrize(
    "flags",
    [("--strict", "-q"), ("--strict", "-v"), ("--strict",), ("-q",)],
    ids=["quiet", "verbose", "plain", "strict-in-config-quiet"],
)
def test_a_strict_build_stops_on_a_problem_at_any_verbosity(tmp_path, flags):
    root = copy_minimal(tmp_path)
    if "--strict" not in flags:
        _append(root / "mkdocs.yml", "strict: true\n")
    replace(root, ACTOR_EN, "id: boendet", "id: hemmet")
    run = mkdocs_build(root, *flags)
    assert run.returncode == 1
    assert f"{ACTOR_EN}:3: id 'hemmet' differs from the file's name" in run.stderr
    assert "Aborted with" in run.stderr and "Traceback" not in run.stderr


@pytest.mark.site
def test_a_strict_quiet_build_stops_on_mkdocs_own_warning(tmp_path):
    root = copy_minimal(tmp_path)
    replace(root, "mkdocs.yml", "  - lagar/sol.md", "  - lagar/sol.md\n  - lagar/finns-inte.md")
    run = mkdocs_build(root, "--strict", "-q")
    assert run.returncode == 1
    assert "'lagar/finns-inte.md' is included in the 'nav' configuration" in run.stderr


@pytest.mark.site
def test_a_lenient_build_publishes_nothing_unsafe(tmp_path):
    """Without --strict a problem only warns; still no script and no stray file reaches the site,
    and the title and description cannot break out of their HTML."""
    root = copy_minimal(tmp_path)
    symlink("docs/sv/leak.txt", "/etc/passwd")(root)
    write_bytes("docs/sv/extra.js", b"alert(1)\n")(root)
    add_body(ACTOR, '<script>alert("body")</script>\n\n[Ring](javascript:alert(1))')(root)
    replace(root, ACTOR, "kind: residence", 'kind: residence\ndescription: Säg "hej" & gå')
    run = mkdocs_build(root)
    assert run.returncode == 0, run.stderr
    site = root / "site"
    assert not (site / "leak.txt").exists() and not (site / "extra.js").exists()
    page = (site / "aktorer" / "boendet" / "index.html").read_text(encoding="utf-8")
    assert 'alert("body")' not in page.replace("&quot;", '"').split("<pre>")[0]
    assert "<script>alert" not in page and 'href="javascript:' not in page
    assert '<meta name="description" content="Säg &quot;hej&quot; &amp; gå">' in page


def test_a_nav_entry_without_a_page_is_reported_at_its_line(tmp_path, capsys):
    root = copy_minimal(tmp_path)
    replace(root, "mkdocs.yml", "  - lagar/sol.md", "  - lagar/sol.md\n  - lagar/finns-inte.md")
    assert cli.main(["--config", str(root / "mkdocs.yml"), "check"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"mkdocs.yml:{line}: nav lists 'lagar/finns-inte.md', which is no page in docs/{lang} — correct the path, or create the page in both languages"
        for line, lang in ((32, "en"), (32, "sv"))
    ]


def test_an_unreadable_site_configuration_is_one_problem(tmp_path, capsys):
    root = copy_minimal(tmp_path)
    replace(root, "mkdocs.yml", "docs_dir: docs", "docs_dir: [docs")
    assert cli.main(["--config", str(root / "mkdocs.yml"), "check"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "mkdocs.yml:4: the site configuration cannot be read — check the YAML on this line"
    ]
