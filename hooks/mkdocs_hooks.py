"""MkDocs hooks: a thin layer over the ``samverkan`` package.

mkdocs-static-i18n runs the whole build once per language, so every event
fires twice. The handbook is read once per change of the files on disk and
shared by both language builds; the checks and the generated views run once,
when the first page asks for them.
"""

from __future__ import annotations

import logging
import os
import sys
from html import escape
from pathlib import Path

from markupsafe import Markup

sys.path.insert(0, os.path.dirname(__file__))

from mkdocs.exceptions import Abort, BuildError  # noqa: E402
from mkdocs.plugins import event_priority  # noqa: E402
from samverkan.checks import rules
from samverkan.content import synonyms
from samverkan.content.load import refused
from samverkan.editions import overlay
from samverkan.editions.handbook import load_site  # noqa: E402
from samverkan.engine.strict import StrictLog  # noqa: E402
from samverkan.site import finish, offline
from samverkan.views import paper, webpage  # noqa: E402
from samverkan.views.render import TEMPLATES, Renderer  # noqa: E402

# plain logger: each problem stays one "path:line: ..." line
log = logging.getLogger("mkdocs.plugins.samverkan")
_cache: dict = {}
_strict = StrictLog(logging.getLogger("mkdocs"))


def _fingerprint(config) -> tuple:
    """What decides whether the model and its rendered views are current: the pages, the view templates
    (under mkdocs serve an edited template shows at once), the search words and the chosen edition's files."""
    root = Path(config.config_file_path).parent
    templates = sorted((entry.name, entry.stat().st_mtime_ns) for entry in os.scandir(TEMPLATES))
    words = sorted(_file_stats(root / synonyms.FOLDER, ".yml")) if (root / synonyms.FOLDER).is_dir() else []
    return (
        config.config_file_path,
        sorted(_file_stats(config.docs_dir, ".md")),
        templates,
        words,
        overlay.fingerprint(root),
        offline.download(config.config_file_path),
        paper.plan_pdf_wanted(),
        paper.example_wanted(),
    )


def _file_stats(folder: str | Path, suffix: str) -> list[tuple]:
    found = []
    for entry in os.scandir(folder):
        if entry.is_dir():
            found += _file_stats(entry.path, suffix)
        elif entry.name.endswith(suffix):
            stat = entry.stat()
            found.append((entry.path, stat.st_mtime_ns, stat.st_size))
    return found


def on_config(config):
    if _building_another_language(config):  # the same build: the model is current
        return config
    if config.strict:
        _strict.start()  # counts every warning, whatever -q or -v did to MkDocs' own counter
    key = _fingerprint(config)
    if _cache.get("key") != key:
        _load(config, key)
        handbook, edition, renderer = _cache["handbook"], _cache["edition"], _cache["renderer"]
        _cache["prepare"] = lambda: (
            *rules.all_problems(handbook, edition),
            renderer.all_page_parts(),
        )
    return config


def _load(config, key) -> None:
    """Read the handbook and keep it for both language builds."""
    handbook = load_site(config.config_file_path)
    edition = overlay.chosen(handbook.root)  # the municipality named by SAMVERKAN_MUNICIPALITY, or the county
    by_source = {
        os.path.normpath(os.path.join(config.docs_dir, page.lang, page.path)): page for page in handbook.pages
    }
    renderer = Renderer(
        handbook,
        config.use_directory_urls,
        overlay=edition,
        site_url=config.site_url or "",
        download=offline.download(config.config_file_path),
        fillable=not edition.is_municipality,
        plan_pdf=paper.plan_pdf_wanted(),
        example_edition=paper.example_wanted(),
        old_after_days=offline.OLD_AFTER_DAYS if _offline(config) else None,
    )
    _cache.clear()
    _cache.update(key=key, handbook=handbook, edition=edition, by_source=by_source, renderer=renderer)


def _prepared() -> dict:
    """Every page's generated view and frame, made when the first page asks for them; every check runs then
    too, and its problems are logged, always before the build ends."""
    if "prepared" not in _cache:
        problems, notes, parts = _cache["prepare"]()
        for note in notes:
            log.info(note)
        for problem in problems:
            _report(str(problem))
        _strict.finish()  # a strict build stops here, before rendering the rest
        _cache["prepared"] = {"parts": parts}
    return _cache["prepared"]


def _report(problem: str) -> None:
    """A handbook problem: an error in a strict build (shown even with -q), else a warning."""
    log.log(logging.ERROR if _strict.active else logging.WARNING, problem)


def on_files(files, config):
    """Only pages and images from docs/: nothing a pull request slips in (a symlink, a script) is published.
    load.read_tree reports each such file as a problem."""
    docs = Path(config.docs_dir)
    for file in list(files):
        if (
            file.abs_src_path
            and Path(file.abs_src_path).is_relative_to(docs)
            and refused(docs, Path(file.abs_src_path).relative_to(docs))
        ):
            files.remove(file)
    return files


def _building_another_language(config) -> bool:
    """True inside mkdocs-static-i18n's builds of the other languages, which it runs in its own on_post_build."""
    i18n = config.plugins.get("i18n")
    return i18n is not None and i18n.building


def _model_page(page):
    """The model's page for a MkDocs page, by its source file; None for files that are not handbook pages."""
    return _cache["by_source"].get(page.file.abs_src_path)


def on_page_read_source(page, config):
    """A handbook page's body as the model read it: MkDocs need not read the file and parse its YAML again.
    A page the model could not read (a problem names it) is rendered empty, never from its file: a page over
    its budget (content/budget.py) costs nothing.

    The leading blank line keeps MkDocs from taking a first "word: text" line for metadata."""
    _cache["rendering"] = page.file.src_uri
    model_page = _model_page(page)
    return "\n" + model_page.body if model_page else "\n"


def on_page_markdown(markdown, page, config, files):
    model_page = _model_page(page)
    if not model_page:
        return markdown
    renderer = _cache["renderer"]
    # the front matter MkDocs was not given (on_page_read_source); search shows the type and keywords as tags.
    # Material writes title and description into <title> and <meta> unescaped.
    page.meta = {
        **model_page.front_matter,
        "tags": webpage.search_tags(model_page, renderer.labels[model_page.lang]["types"][model_page.type]),
        **{
            key: escape(model_page.front_matter[key])
            for key in ("title", "description")
            if key in model_page.front_matter
        },
    }
    return renderer.markdown(model_page, markdown)


@event_priority(-200)  # after mkdocs-static-i18n (-100) has merged both languages' search entries
def on_post_build(config):
    """The step every engine's build ends with (site/finish.py): the page passes over the built pages, their
    policy, and the site-wide outputs.

    Once, when every language is built: mkdocs-static-i18n runs the other languages' builds inside
    its own on_post_build and merges the search index at its end."""
    if _building_another_language(config):
        return
    _prepared()  # the checks' problems are reported first
    for problem in finish.finish(
        config.site_dir,
        _cache["renderer"],
        offline=_offline(config),
        site_url=config.site_url or "",
        county=not _cache["edition"].is_municipality,
    ):
        _report(problem)
    _strict.finish()  # MkDocs' own warnings (a broken link, say) stop a strict build too
    _strict.end()


def _offline(config) -> bool:
    return any(name.endswith("offline") for name in config.plugins)


def on_page_content(html, page, config, files):
    model_page = _model_page(page)
    html = _cache["renderer"].links(model_page, html) if model_page else html
    _cache.pop("rendering", None)  # rendered
    return html


def on_build_error(error):
    """Whatever a page's rendering raised, one line naming the page (the build stops all the same)."""
    if "rendering" in _cache and not isinstance(error, (BuildError, Abort)):
        log.error(
            f"docs/{_cache['rendering']}:1: the page cannot be rendered ({type(error).__name__}: {str(error)[:200]}) — "
            "simplify the markup on this page (docs-dev/checks.md)"
        )
    _strict.end()


@event_priority(-50)  # after Material's search (0) has indexed the page
def on_page_context(context, page, config, nav):
    """The page's header and footer, and its generated view (render.Renderer.generated_html) after its own text.

    The views repeat what their own pages say (titles, items, citations): added after the search
    index is made, search neither indexes nor parses them."""
    _cache["rendering"] = page.file.src_uri
    # the language switch works under a sub-path and from disk
    webpage.relative_alternates(config.extra, config.use_directory_urls, config.site_url or "")
    model_page = _model_page(page)
    if model_page:  # made ready for readers and sanitized after the build (site/finish.py)
        view, frame = _prepared()["parts"][model_page.lang, model_page.path]
        page.content = finish.marked(model_page, page.content, view)
        context["handbook_page"] = {part: Markup(finish.marked_frame(html)) for part, html in frame.items()}
    else:
        page.content = finish.marked_frame(page.content)  # sanitized all the same
    return context


def on_post_page(output, page, config):
    _cache.pop("rendering", None)  # the page is made
    return output
