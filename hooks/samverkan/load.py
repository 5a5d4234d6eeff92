"""Read both language folders once into a ``Handbook``."""

from __future__ import annotations

import contextlib
import gc
import os
from pathlib import Path

from . import overlay
from .frontmatter import FrontMatterError, split
from .model import LANGUAGES, PAGE_CLASSES, Handbook, Page
from .problems import Problem
from .schema import TYPES, Context, Invalid, fields_for
from .site import nav_paths, read_config


def load_handbook(root: str | os.PathLike, docs_dir: str = "docs", nav: list[str] | None = None) -> Handbook:
    root = Path(root)
    pages, problems, files, broken = [], [], {}, {}
    for lang in LANGUAGES:
        lang_dir = root / docs_dir / lang
        paths = sorted(p.relative_to(lang_dir).as_posix() for p in lang_dir.rglob("*.md")) if lang_dir.is_dir() else []
        files[lang] = set(paths)
        for rel in paths:
            file = (Path(docs_dir) / lang / rel).as_posix()
            page, page_problems = read_page((lang_dir / rel).read_text(encoding="utf-8"), rel, lang, file)
            problems += page_problems
            if page is not None:
                pages.append(page)
            else:
                broken.setdefault(lang, set()).add(_likely_id(lang_dir / rel))
    return Handbook(root=str(root), pages=pages, load_problems=problems, nav=nav, files=files, broken_ids=broken)


def _likely_id(path: Path) -> str:
    """The id of a page that could not be read: its 'id:' line if there is one, else its file name."""
    for line in path.read_text(encoding="utf-8").split("\n")[1:40]:
        if line.startswith("id:"):
            return line[3:].strip().strip("'\"")
    return path.stem


def read_page(text: str, path: str, lang: str, file: str) -> tuple[Page | None, list[Problem]]:
    """Turn one file's text into a typed page, or explain in one line per fault why it cannot."""
    page, problems = _read_page(text, path, lang, file)
    return page, [_one_line(problem) for problem in problems]


def _one_line(problem: Problem) -> Problem:
    """Messages quote the author's values; a value with line breaks must not break the one-line report."""
    return Problem(problem.path, problem.line, "\\n".join(problem.message.splitlines()), "\\n".join(problem.fix.splitlines()))


def _read_page(text: str, path: str, lang: str, file: str) -> tuple[Page | None, list[Problem]]:
    try:
        source = split(text)
    except FrontMatterError as error:
        return None, [Problem(file, error.line, error.message, error.fix)]
    data = source.data
    page_type = data.get("type")
    if page_type not in TYPES:
        line = source.line_of("type")
        if page_type is None:
            return None, [Problem(file, line, "the page has no 'type'", "add 'type:' with one of: " + ", ".join(TYPES))]
        return None, [Problem(file, line, f"unknown type '{page_type}'", "use one of: " + ", ".join(TYPES))]

    fields = fields_for(page_type)
    values, problems = {}, []
    for name in data:
        if name not in fields:
            problems.append(Problem(file, source.line_of(name), f"unknown field '{name}' for this {page_type}", "check the spelling; allowed: " + ", ".join(fields)))
    for name, spec in fields.items():
        if name not in data or data[name] is None:
            if spec.required:
                problems.append(Problem(file, source.line_of("type"), f"missing field '{name}'", f"add '{name}:' ({spec.doc})"))
            continue
        try:
            values[name] = spec.parse(data[name], Context((name,), source.lines))
        except Invalid as error:
            line = source.line_of(name, *error.path)
            problems.append(Problem(file, line, f"'{name}' {error.message}", error.fix))
    if problems:
        return None, problems

    page = PAGE_CLASSES[page_type](
        path=path, lang=lang, file=file, lines=source.lines,
        body=source.body,
        body_line=source.body_line, front_matter=data, source=text,
        **values,
    )
    return page, []


def load_site(config_file: str | os.PathLike = "mkdocs.yml") -> Handbook:
    """The handbook as the site configuration describes it: its docs folder and its navigation."""
    config_file = Path(config_file)
    config = read_config(config_file)
    nav = nav_paths(config["nav"]) if "nav" in config else None
    with _collector_paused():
        return overlay.attach(load_handbook(config_file.parent, config.get("docs_dir", "docs"), nav))


@contextlib.contextmanager
def _collector_paused():
    """Loading makes many objects and no garbage; the cyclic collector would walk them all over and over
    (a quarter of the load time of a big handbook)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
