"""The handbook built by Zensical: `samverkan build --engine zensical`.

Zensical reads no hooks and has no languages, so the site is made as MkDocs with its i18n plugin makes it, from
parts any engine can build: each language's tree (``samverkan compile``, site/tree.py) built on its own, Swedish
put at the site's root and English under en/, then the step every build ends with (site/finish.py). Each tree's
configuration adds what the project's Zensical frame needs: its overrides (overrides-zensical/, the skip link's
target outside the article), the language switch (paths from the tree's root, so it works under any sub-path and
from disk) and the address of its language, for the one sitemap of both. The Swedish 404 page is the site's.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

import yaml

from samverkan.content.parts import DEFAULT_LANGUAGE, LANGUAGES
from samverkan.content.settings import read_config
from samverkan.engine import zensical_build
from samverkan.site import finish, offline, tree
from samverkan.views import paper
from samverkan.views.render import Renderer

OVERRIDES = Path(__file__).resolve().parents[3] / "overrides-zensical"
NOT_FOUND, SITEMAP = "404.html", "sitemap.xml"
_URLS = re.compile(r"<url>(?:(?!</?url>).)*+</url>", re.DOTALL)  # up to the next <url> at most: linear


def build(config_file: str | Path, handbook, chosen, site_dir: str | Path, site_url: str) -> list[str]:
    """Build the edition ``chosen`` into ``site_dir``; the problems the step after the build found, one line each.
    Raises zensical_build.ZensicalFailed when Zensical could not build a language."""
    site = Path(site_dir)
    renderer = Renderer(
        handbook,
        True,
        overlay=chosen,
        site_url=site_url,
        download=offline.download(config_file),
        fillable=not chosen.is_municipality,
        plan_pdf=paper.plan_pdf_wanted(),
    )
    with tempfile.TemporaryDirectory(prefix="samverkan-zensical-") as work:
        built = {
            lang: _built_language(config_file, handbook, renderer, Path(work) / lang, lang, site_url)
            for lang in LANGUAGES
        }
        if site.exists():
            shutil.rmtree(site)
        assemble(built, site)
    return finish.finish(site, renderer, offline=False, site_url=site_url, county=not chosen.is_municipality)


def _built_language(config_file, handbook, renderer, folder: Path, lang: str, site_url: str) -> Path:
    tree.compile_tree(config_file, handbook, folder, lang, renderer=renderer)
    config_path = folder / "mkdocs.yml"
    config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    config["theme"]["custom_dir"] = str(OVERRIDES)
    config["extra"] = {**config.get("extra", {}), "alternate": alternates(config_file, lang)}
    if site_url:
        config["site_url"] = site_url if lang == DEFAULT_LANGUAGE else f"{site_url.rstrip('/')}/{lang}/"
    config_path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return zensical_build.build_tree(folder)


def alternates(config_file: str | Path, lang: str) -> list[dict]:
    """The language switch of the tree of ``lang``: each language's start page as a path from this tree's root,
    which the theme makes relative to each page; each named as mkdocs.yml's i18n languages name it."""
    home = "./" if lang == DEFAULT_LANGUAGE else "../"
    i18n = (read_config(config_file).get("plugins") or {}).get("i18n") or {}
    names = {entry.get("locale"): entry.get("name") for entry in i18n.get("languages") or ()}
    return [
        {
            "name": names.get(other) or other,
            "lang": other,
            "link": "./" if other == lang else (home if other == DEFAULT_LANGUAGE else f"{home}{other}/"),
        }
        for other in LANGUAGES
    ]


def assemble(built: dict[str, Path], site: Path) -> None:
    """One site of the languages' builds: the default language at the root, each other in its folder, one 404
    page and one sitemap."""
    shutil.copytree(built[DEFAULT_LANGUAGE], site)
    urls = _URLS.findall((site / SITEMAP).read_text(encoding="utf-8")) if (site / SITEMAP).is_file() else []
    for lang, folder in built.items():
        if lang == DEFAULT_LANGUAGE:
            continue
        shutil.copytree(folder, site / lang, ignore=shutil.ignore_patterns(NOT_FOUND, SITEMAP))
        if (folder / SITEMAP).is_file():
            urls += _URLS.findall((folder / SITEMAP).read_text(encoding="utf-8"))
    if (site / SITEMAP).is_file():
        text = (site / SITEMAP).read_text(encoding="utf-8")
        start, end = text.find("<url>"), text.rfind("</urlset>")
        if 0 <= start < end:
            (site / SITEMAP).write_text(text[:start] + "\n".join(urls) + "\n" + text[end:], encoding="utf-8")
