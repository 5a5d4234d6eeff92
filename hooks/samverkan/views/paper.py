"""What the page frame, the change history and "What's new" need about plan versions and print-outs.

- Printable pages (checklists, actor pages) carry, on paper, lines for date, unit and case reference,
  a time and initials column for each item (samverkan-print.css), and a QR code of the page's address
  with its plan and page versions (qr.py).
- Every page carries its plan and page versions for samverkan-versions.js, which tells a reader who
  came from a print-out whether a newer version exists.
- In an archived build (archive.py sets SAMVERKAN_ARCHIVE) every page says which version it is and
  links to the current one.
- Every page says its plan version and the day it was built; in the offline copy a notice at the top,
  shown by samverkan.js from the reader's clock, says when the copy is old (site/offline.py OLD_AFTER_DAYS).
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from markupsafe import Markup

from samverkan.content import versions
from samverkan.content.model import Actor, Checklist, Page
from samverkan.content.parts import DEFAULT_LANGUAGE
from samverkan.content.urls import language_url, published_url
from samverkan.editions.overlay import COUNTY, Overlay
from samverkan.views import qr

ARCHIVE_ENV = "SAMVERKAN_ARCHIVE"  # the plan version being archived, while archive.py builds it
PLAN_PDF_ENV = (
    "SAMVERKAN_PLAN_PDF"  # set while building a site that will carry the plan's PDFs (build --plan-pdf)
)


EXAMPLE_ENV = (
    "SAMVERKAN_EXAMPLE_EDITION"  # set while building a county site that will carry the example edition
)
EXAMPLE_FOLDER = "exempel"  # where the example edition stands in the county's site (publish/example.py)


def example_wanted() -> bool:
    """Whether the site being built carries the example edition (build --example-edition), so it may link it."""
    return bool(os.environ.get(EXAMPLE_ENV))


def example_link(renderer, page: Page) -> str | None:
    """The example edition's start page in the page's language, from the page, when the county's site carries it."""
    if not renderer.example_edition or renderer.overlay.is_municipality:
        return None
    language = "" if page.lang == DEFAULT_LANGUAGE else f"{page.lang}/"
    return to_site_root(page, renderer.directory_urls) + f"{EXAMPLE_FOLDER}/{language}"


def plan_pdf_wanted() -> bool:
    """Whether the site being built carries the whole plan as PDF, so its pages may link it."""
    return bool(os.environ.get(PLAN_PDF_ENV))


def plan_pdf_name(version: str, overlay, lang: str) -> str:
    """The whole plan's PDF (site/plan_pdf.py), as a board gets it: samverkansplanen-3.2.pdf for the county's
    Swedish, en/samverkansplanen-3.2-sigtuna.pdf for Sigtuna's English."""
    edition = f"-{overlay.slug}" if overlay.is_municipality else ""
    return ("" if lang == DEFAULT_LANGUAGE else f"{lang}/") + f"samverkansplanen-{version}{edition}.pdf"


def frame(renderer, page: Page) -> dict:
    """The page header's and footer's context beyond the page's own fields."""
    plan = versions.plan(renderer.handbook.root)
    printable = isinstance(page, (Checklist, Actor))
    address = renderer.address(page)
    context = {
        "plan": plan,
        "archived": _archived(page, plan, renderer.directory_urls),
        "qr": None,
        "qr_address": "",
        "county": not renderer.overlay.is_municipality,  # a county print-out has a line for the night number
        "built": renderer.built.isoformat(),
        "old": _old(renderer, page),
    }
    if printable and address:
        context["qr_address"] = qr.versioned_address(address, plan.version if plan else None, page.version)
        context["qr"] = Markup(qr.svg(context["qr_address"]))
    return context


def plan_pdf_link(renderer, page: Page) -> dict | None:
    """The link to the whole plan's PDF in the page's language, when the site carries it: its address from the
    page, and the plan version."""
    plan = versions.plan(renderer.handbook.root)
    if not renderer.plan_pdf or plan is None:
        return None
    return {
        "href": to_site_root(page, renderer.directory_urls)
        + plan_pdf_name(plan.version, renderer.overlay, page.lang),
        "version": plan.version,
    }


def _old(renderer, page: Page) -> dict | None:
    """In the offline copy: the last day before it says it is old (samverkan.js compares with the reader's clock),
    and the site's start page, where a new copy is (a plain file address, which any web server serves)."""
    if renderer.old_after_days is None:
        return None
    return {
        "after": (renderer.built + dt.timedelta(days=renderer.old_after_days)).isoformat(),
        "days": renderer.old_after_days,
        "site": published_url(renderer.site_url, page.lang, "index.md", False) if renderer.site_url else None,
    }


def to_site_root(page: Page, directory_urls: bool = True) -> str:
    return "../" * language_url(page.lang, page.path, directory_urls).count("/")


def _archived(page: Page, plan, directory_urls: bool) -> dict | None:
    """In an archived build: the version shown and the relative link to the current page (two levels up)."""
    version = os.environ.get(ARCHIVE_ENV)
    if not version or plan is None:
        return None
    return {
        "version": plan.version,
        "date": plan.date.isoformat(),
        "current": to_site_root(page, directory_urls)
        + "../../"
        + language_url(page.lang, page.path, directory_urls),
    }


def _archives(renderer) -> dict:
    """The archived plan versions the site carries. The offline copy carries none: an archive is a site with
    folder addresses, which a browser does not open from disk."""
    return {} if renderer.old_after_days is not None else versions.archives(renderer.handbook.root)


def history_links(renderer, page: Page) -> dict[str, str]:
    """Page version -> relative link to the archived plan version that holds it."""
    archived = _archives(renderer)
    links = {}
    for entry in getattr(page, "history", ()):
        version = versions.page_archive(archived, page.lang, page.path, entry.version)
        if version:
            links[entry.version] = (
                to_site_root(page, renderer.directory_urls)
                + versions.archive_url(version)
                + language_url(page.lang, page.path, renderer.directory_urls)
            )
    return links


def news(renderer, page: Page) -> dict:
    """The "What's new" view: the language's changelog, each version's archive, the feed."""
    root = renderer.handbook.root
    changelog = versions.read(root, page.lang) or versions.read(root, DEFAULT_LANGUAGE)
    archived = _archives(renderer)
    to_root = to_site_root(page, renderer.directory_urls)
    lang_folder = "" if page.lang == DEFAULT_LANGUAGE else f"{page.lang}/"
    county = Overlay(COUNTY, "")  # an archived version is the county's edition
    return {
        "releases": changelog.releases if changelog else (),
        "html": versions.inline_html,
        "archive": {version: to_root + versions.archive_url(version) + lang_folder for version in archived},
        "archive_pdf": {
            version: to_root + versions.archive_url(version) + name
            for version in archived
            if (
                Path(root)
                / versions.archive_url(version)
                / (name := plan_pdf_name(version, county, page.lang))
            ).is_file()
        },
        "feed": to_root + lang_folder + versions.FEED_FILE,
        "plan_pdf": plan_pdf_link(renderer, page),
    }


def write_feeds(renderer, site_dir: str | Path, site_url: str) -> None:
    """One Atom feed of plan versions per language: feed.xml, en/feed.xml."""
    root = renderer.handbook.root
    news_page = next(
        (
            p
            for p in renderer.handbook.pages
            if getattr(p, "view", None) == "changelog" and p.lang == DEFAULT_LANGUAGE
        ),
        None,
    )
    archived = versions.archives(root)
    for lang in renderer.labels:
        changelog = versions.read(root, lang)
        if changelog is None or news_page is None:
            continue
        lang_folder = "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
        owner = renderer.handbook.get(lang, news_page.owner.id)
        feed = versions.atom_feed(
            changelog,
            lang,
            site_url,
            news_url=language_url(lang, news_page.path, renderer.directory_urls),
            feed_url=lang_folder + versions.FEED_FILE,
            title=renderer.labels[lang]["feed_title"],
            author=owner.title if owner else news_page.owner.id,
            archived=archived,
        )
        target = Path(site_dir) / lang_folder / versions.FEED_FILE
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(feed)


def post_build(renderer, site_dir: str | Path, site_url: str) -> None:
    """After the build: the feeds, and the archived plan versions copied into the site."""
    write_feeds(renderer, site_dir, site_url)
    if _archives(renderer):
        versions.copy_archives(renderer.handbook.root, site_dir)
