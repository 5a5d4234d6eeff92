"""Read both language folders once into a ``Handbook``."""

from __future__ import annotations

import contextlib
import gc
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from samverkan.content.body import COUNTY_MARKER, FENCE, HEADING
from samverkan.content.budget import breaches
from samverkan.content.frontmatter import FrontMatterError, read_text_file, split
from samverkan.content.model import PAGE_CLASSES, TYPES, Handbook, Page, front_matter_fields
from samverkan.content.parts import LANGUAGES
from samverkan.content.problems import Problem
from samverkan.content.schema import Context, Invalid

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp")  # what docs/ publishes besides pages
COUNTY_FACTS_CLASS = ".county-facts"
COUNTY_FACTS_PARAGRAPH = re.compile(r"\{:?\s*\.county-facts\s*\}\s*")


def load_handbook(
    root: str | os.PathLike,
    docs_dir: str = "docs",
    nav: list[str] | None = None,
    county: dict | None = None,
    own_county: bool = True,
) -> Handbook:
    """Every page of both languages; ``county`` holds the county's values per language ([[county:name]]).
    In another county's plan (``own_county`` False) the sections of the core county's own facts are left out."""
    root = Path(root)
    county = county or {lang: {} for lang in LANGUAGES}
    tree = read_tree(root / docs_dir, docs_dir)
    pages, problems, broken = [], list(tree.problems), {}
    for lang in LANGUAGES:
        for rel in sorted(tree.pages[lang]):
            file = (Path(docs_dir) / lang / rel).as_posix()
            text, read_problems = read_text_file(root / file, file)
            page, page_problems = (
                read_page(text, rel, lang, file, county[lang], own_county)
                if text is not None
                else (None, read_problems)
            )
            problems += page_problems
            if page is not None:
                pages.append(page)
            else:
                broken.setdefault(lang, set()).add(_likely_id(text or "", rel))
    return Handbook(
        root=str(root),
        pages=pages,
        load_problems=problems,
        nav=nav,
        files=tree.pages,
        assets=tree.assets,
        broken_ids=broken,
        county=county,
        own_county=own_county,
    )


@dataclass
class Tree:
    """What docs/ holds: Markdown pages and publishable assets per language (paths relative to the
    language folder), and a problem for every other file."""

    pages: dict[str, set[str]] = field(default_factory=lambda: {lang: set() for lang in LANGUAGES})
    assets: dict[str, set[str]] = field(default_factory=lambda: {lang: set() for lang in LANGUAGES})
    problems: list[Problem] = field(default_factory=list)


def read_tree(docs: Path, docs_dir: str) -> Tree:
    tree = Tree()
    for folder, subfolders, names in os.walk(docs):
        for name in sorted(subfolders):
            if os.path.islink(os.path.join(folder, name)):
                shown = (Path(docs_dir) / Path(folder, name).relative_to(docs)).as_posix()
                tree.problems.append(
                    Problem(shown, 1, "the folder is a symbolic link", "replace it with a real folder")
                )
        for name in names:
            _sort_file(tree, Path(folder, name).relative_to(docs), docs, docs_dir)
    return tree


def _sort_file(tree: Tree, relative: Path, docs: Path, docs_dir: str) -> None:
    if not publishable(relative.as_posix()):
        return  # MkDocs leaves dot-files out
    fault = refused(docs, relative)
    if fault:
        tree.problems.append(Problem((Path(docs_dir) / relative).as_posix(), 1, *fault))
        return
    lang, rel = relative.parts[0], Path(*relative.parts[1:]).as_posix()
    (tree.pages if rel.endswith(".md") else tree.assets)[lang].add(rel)


def refused(docs: Path, relative: Path) -> tuple[str, str] | None:
    """(what is wrong, how to fix it) for a file in docs/ that may not be published; None for a page
    or an image in a language folder."""
    if (docs / relative).is_symlink():
        return "the file is a symbolic link", "replace it with the file itself"
    if relative.parts[0] not in LANGUAGES or len(relative.parts) < 2:
        return "the file is outside docs/sv and docs/en", "move it into docs/sv/ (and its twin into docs/en/)"
    if not relative.name.lower().endswith((".md", *IMAGE_SUFFIXES)):
        kinds = ", ".join(IMAGE_SUFFIXES)
        return (
            f"files of type '{relative.suffix or relative.name}' are not published",
            f"use a Markdown page or an image ({kinds}), and remove this file from docs/",
        )
    return None


def publishable(relative: str) -> bool:
    """False for files MkDocs never publishes (dot-files and dot-folders)."""
    return not any(part.startswith(".") for part in relative.split("/"))


def _likely_id(text: str, rel: str) -> str:
    """The id of a page that could not be read: its 'id:' line if there is one, else its file name."""
    for line in text.split("\n")[1:40]:
        if line.startswith("id:"):
            return line[3:].strip().strip("'\"")
    return Path(rel).stem


def read_page(
    text: str, path: str, lang: str, file: str, county: dict | None = None, own_county: bool = True
) -> tuple[Page | None, list[Problem]]:
    """Turn one file's text into a typed page, or explain in one line per fault why it cannot."""
    page, problems = _read_page(text, path, lang, file, county or {}, own_county)
    return page, [problem.on_one_line() for problem in problems]


def _read_page(
    text: str, path: str, lang: str, file: str, county: dict, own_county: bool
) -> tuple[Page | None, list[Problem]]:
    try:
        source = split(text)
    except FrontMatterError as error:
        return None, [Problem(file, error.line, error.message, error.fix)]
    over = breaches(source.body)
    if over:  # nothing reads the body further: the checks and the build would cost more than it is worth
        return None, [
            Problem(file, source.body_line + breach.line - 1, breach.message, breach.limit.fix)
            for breach in over
        ]
    data = {name: _with_county(value, county) for name, value in source.data.items()}
    page_type = data.get("type")
    if page_type not in TYPES:
        line = source.line_of("type")
        if page_type is None:
            return None, [
                Problem(file, line, "the page has no 'type'", "add 'type:' with one of: " + ", ".join(TYPES))
            ]
        return None, [Problem(file, line, f"unknown type '{page_type}'", "use one of: " + ", ".join(TYPES))]

    fields = front_matter_fields(page_type)
    values, problems = {}, []
    for name in data:
        if name not in fields:
            problems.append(
                Problem(
                    file,
                    source.line_of(name),
                    f"unknown field '{name}' for this {page_type}",
                    "check the spelling; allowed: " + ", ".join(fields),
                )
            )
    for name, spec in fields.items():
        if name not in data or data[name] is None:
            if spec.required:
                problems.append(
                    Problem(
                        file, source.line_of("type"), f"missing field '{name}'", f"add '{name}:' ({spec.doc})"
                    )
                )
            continue
        try:
            values[name] = spec.parse(data[name], Context((name,), source.lines))
        except Invalid as error:
            line = source.line_of(name, *error.path)
            problems.append(Problem(file, line, f"'{name}' {error.message}", error.fix))
    if problems:
        return None, problems

    page = PAGE_CLASSES[page_type](
        path=path,
        lang=lang,
        file=file,
        lines=source.lines,
        body=_with_county(source.body if own_county else without_county_facts(source.body), county),
        body_line=source.body_line,
        front_matter=data,
        source=text,
        **values,
    )
    return page, []


def without_county_facts(text: str) -> str:
    """The page's body without the core county's own facts: a section whose heading has the class county-facts
    (``## Erfarenheter från Stockholm {: .county-facts }``), up to the next heading of its level or above,
    and a paragraph whose last line is that class alone (``{: .county-facts }``). Their lines stay, blank,
    so that every problem keeps its line."""
    lines, dropping, fenced, paragraph = text.split("\n"), None, False, 0
    for index, line in enumerate(lines):
        fenced = fenced != bool(FENCE.match(line))
        heading = None if fenced else HEADING.match(line)
        if heading:
            level = len(heading["hashes"])
            if dropping is not None and level <= dropping:
                dropping = None
            if dropping is None and COUNTY_FACTS_CLASS in (heading["attributes"] or "{}")[1:-1].split():
                dropping = level
        if not line.strip() or heading:
            paragraph = index + 1
        elif not fenced and COUNTY_FACTS_PARAGRAPH.fullmatch(line):
            lines[paragraph : index + 1] = [""] * (index + 1 - paragraph)
            paragraph = index + 1
        if dropping is not None:
            lines[index] = ""
    return "\n".join(lines)


def _with_county(value, county: dict):
    """The value with every [[county:…]] marker the county gives written out; a marker it does not give
    stays, for the check of markers (body.py) to name."""
    if isinstance(value, str):
        return (
            COUNTY_MARKER.sub(lambda match: county.get(match[1], match[0]), value)
            if "[[county:" in value
            else value
        )
    if isinstance(value, list):
        return [_with_county(each, county) for each in value]
    if isinstance(value, dict):
        return {key: _with_county(each, county) for key, each in value.items()}
    return value


@contextlib.contextmanager
def collector_paused():
    """Loading makes many objects and no garbage; the cyclic collector would walk them all over and over
    (a quarter of the load time of a big handbook)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
