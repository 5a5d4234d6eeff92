"""An engine-neutral tree of one language, for any Python-Markdown engine with no hooks and no i18n plugin:

    samverkan compile OUT --lang sv [--municipality sigtuna]

``OUT/docs/<path>.md`` is each page as its reader gets it, as plain Markdown: the local values and additions of
the edition, the cited sections, every [[marker]] a Markdown link to the other page's file; the page's header,
its generated view (lists, matrix, guide, history) and its footer are HTML blocks. ``OUT/mkdocs.yml`` holds the
language, the theme, the Markdown extensions and the nav, with the project's styles and scripts in
``OUT/docs/assets``. Links in raw HTML lead from the page's source file, as Markdown links do. What runs on the
engine's HTML is left to ``samverkan finish SITE`` (site/finish.py) after the engine's build: tap-to-call links,
the night number after "ring socialjouren", urgent items first on a phone, the sanitizer and the
Content-Security-Policy; the page's text, view and footer are marked for it. docs-dev/it.md says how to try
another engine on it.
"""

from __future__ import annotations

import posixpath
import re
import shutil
import sys
from pathlib import Path
from urllib.parse import urljoin

import yaml
from markupsafe import Markup

from samverkan.content import paths
from samverkan.content.body import FENCE
from samverkan.content.model import Handbook, Page
from samverkan.content.settings import read_config
from samverkan.content.urls import language_url, page_url
from samverkan.editions import overlay
from samverkan.site import finish
from samverkan.views.render import TEXT_SEPARATOR, Renderer

ASSETS = Path(__file__).resolve().parents[3] / "overrides" / "assets"
CONFIG_KEYS = ("markdown_extensions", "extra_css", "extra_javascript")
_CODE_OR_MARKER = re.compile(
    rf"(?P<code>``[^\n]*?``|`[^`\n]*`)|\[\[(?P<id>[a-z0-9]+(?:-[a-z0-9]+)*)(?:[|{TEXT_SEPARATOR}](?P<text>[^\[\]\n]+))?\]\]"
)


def run(config_file: str | Path, out: str, lang: str, slug: str | None) -> int:
    """The command: one language's tree of the county's or a municipality's edition, into ``out``."""
    from samverkan.editions.handbook import load_site

    problem = paths.folder_problem(out) or (
        slug
        and paths.name_problem(slug, "the municipality", overlay.SLUG, "lower-case letters a–z and hyphens")
    )
    if problem:
        print(f"compile: {problem}; nothing was written", file=sys.stderr)
        return 1
    handbook = load_site(config_file)
    if slug and not overlay.load(handbook.root, slug).readable:
        print(f"compile: there is no municipality file for '{slug}'; nothing was written", file=sys.stderr)
        return 1
    print(
        f"Wrote {compile_tree(config_file, handbook, out, lang, slug)} {lang} pages and mkdocs.yml into {out}"
    )
    return 0


def compile_tree(
    config_file: str | Path,
    handbook: Handbook,
    out: str | Path,
    lang: str,
    slug: str | None = None,
    renderer: Renderer | None = None,
) -> int:
    """Write the tree; the number of pages written. ``renderer``: the edition's, when the build has one."""
    out = Path(out)
    renderer = renderer or Renderer(handbook, True, overlay=overlay.load(handbook.root, slug))
    docs = out / "docs"
    pages = [page for page in handbook.pages if page.lang == lang]
    for page in pages:
        target = docs / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page_markdown(renderer, page), encoding="utf-8")
    if ASSETS.is_dir():
        shutil.copytree(ASSETS, docs / "assets", dirs_exist_ok=True)
    (out / "mkdocs.yml").write_text(
        yaml.safe_dump(engine_config(config_file, handbook, lang), allow_unicode=True, sort_keys=False),
        encoding="utf-8",
    )
    return len(pages)


def page_markdown(renderer: Renderer, page: Page) -> str:
    """The page as plain Markdown with its header, view and footer as HTML blocks."""
    frame = {
        part: source_relative(renderer.handbook, page, html)
        for part, html in renderer.page_frame(page).items()
    }
    view = source_relative(renderer.handbook, page, renderer.generated_html(page))
    body = source_relative(
        renderer.handbook, page, markdown_links(renderer.handbook, page, renderer.markdown(page, page.body))
    )
    title, rest = _split_title(body)
    # marked for the step after the build (site/finish.py): the page's text with its header, its view, its footer
    parts = [
        finish.page_opening(page),
        title,
        _block(frame["header"]),
        rest,
        finish.VIEW,
        _block(view),
        finish.PAGE_CLOSE,
        _block(finish.marked_frame(frame["footer"])),
    ]
    front = yaml.safe_dump(
        {"title": page.title, **({"description": page.description} if page.description else {})},
        allow_unicode=True,
        sort_keys=False,
    )
    return (
        f"---\n{front}---\n\n"
        + "\n\n".join(part.strip("\n") for part in parts if part and part.strip())
        + "\n"
    )


_LINK_ATTRIBUTE = re.compile(r'(?P<name>\b(?:href|src))="(?P<url>[^"#:]*)(?P<fragment>#[^"]*)?"')
_SITE = "https://site/"  # any address: what the links are resolved against


def source_relative(handbook: Handbook, page: Page, html: str) -> Markup:
    """Every relative link of the views' HTML (written from the page's URL in the whole site, as MkDocs serves
    raw HTML) as a path from the page's source file, a link to a page as one to its ``.md`` file: Zensical reads
    links in raw HTML as it reads Markdown links (zensical#258). Anchors, other hosts, the site root and what lies
    outside the language's own tree (the Swedish root's offline copy, from an English page) stay as they are."""
    sources = handbook.memo(
        ("sources", page.lang),
        lambda: {page_url(each.path, True): each.path for each in handbook.pages if each.lang == page.lang},
    )
    language_root = _SITE + language_url(page.lang, "index.md", True)
    at, folder = _SITE + language_url(page.lang, page.path, True), posixpath.dirname(page.path) or "."

    def rewrite(match) -> str:
        target = urljoin(at, match["url"])
        if not match["url"] or match["url"].startswith("/") or not target.startswith(language_root):
            return match[0]
        site_path = target.removeprefix(language_root)
        source = sources.get(site_path)
        path = (
            posixpath.relpath(source, folder)
            if source
            else posixpath.relpath(site_path or ".", folder) + ("/" if site_path.endswith("/") else "")
        )
        return f'{match["name"]}="{path}{match["fragment"] or ""}"'

    return Markup(_LINK_ATTRIBUTE.sub(rewrite, str(html)))


def markdown_links(handbook: Handbook, page: Page, markdown: str) -> str:
    """Every [[id]] or [[id|text]] outside code as a Markdown link to the other page's source file."""

    def link(match) -> str:
        if match["code"]:
            return match["code"]
        target = handbook.get(page.lang, match["id"])
        if target is None:
            return match[0]
        text = match["text"] or target.title
        return f"[{text}]({posixpath.relpath(target.path, posixpath.dirname(page.path) or '.')})"

    lines, fenced = [], False
    for line in markdown.split("\n"):
        if FENCE.match(line):
            fenced = not fenced
        lines.append(line if fenced or "[[" not in line else _CODE_OR_MARKER.sub(link, line))
    return "\n".join(lines)


def _split_title(markdown: str) -> tuple[str, str]:
    """(the first-level heading, the rest): the header goes under the title, as on the site."""
    match = re.search(r"^#[ \t].*$", markdown, re.MULTILINE)
    return (markdown[: match.end()], markdown[match.end() :]) if match else ("", markdown)


def _block(html: str) -> str:
    """HTML as one raw block: no blank line inside, which would end it."""
    return "\n".join(line for line in str(html).split("\n") if line.strip())


def engine_config(config_file: str | Path, handbook: Handbook, lang: str) -> dict:
    """The configuration of one language's tree: the project's theme and Markdown, the nav in this language."""
    project = read_config(config_file)
    theme = {
        key: value
        for key, value in (project.get("theme") or {}).items()
        if key in ("name", "features", "palette", "font")
    }
    for option in (
        theme.get("palette") or ()
    ):  # a toggle's name per language (overrides/partials/palette.html): this one's
        name = (option.get("toggle") or {}).get("name")
        if isinstance(name, dict):
            option["toggle"]["name"] = name.get(lang, next(iter(name.values())))
    titles = {page.path: page.title for page in handbook.pages if page.lang == lang}
    return {
        "site_name": next(
            (page.title for page in handbook.pages if page.lang == lang and page.path == "index.md"),
            project.get("site_name"),
        ),
        "docs_dir": "docs",
        "use_directory_urls": True,
        "theme": {**theme, "language": lang},
        **{key: project[key] for key in CONFIG_KEYS if key in project},
        "nav": [{titles.get(path, path): path} for path in handbook.nav or () if path in titles],
    }
