"""The step after any engine's build (site/finish.py, `samverkan finish SITE`): the page passes find the parts the
engine placed between the markers, make them ready for readers, sanitize them, and give every page its policy."""

from __future__ import annotations

import shutil

import pytest
from conftest import ROOT
from samverkan import cli
from samverkan.editions.handbook import load_site
from samverkan.site import finish
from samverkan.views.render import Renderer


@pytest.fixture(scope="module")
def renderer():
    return Renderer(load_site(ROOT / "mkdocs.yml"))


def _page(body: str) -> str:
    return f"<!doctype html><html><head><title>t</title></head><body>{body}</body></html>"


def test_the_marked_parts_are_ready_for_readers_and_sanitized_and_the_markers_gone(renderer):
    page = renderer.handbook.at("sv", "index.md")
    done = finish.Finished()
    html = finish.page_passes(
        _page(
            finish.marked_frame("<p>Ramen</p><script>alert(1)</script>")
            + "<nav>tema</nav>"
            + finish.marked(page, "<p>Ring 112.</p>", "<p>Vyn</p>")
        ),
        renderer,
        False,
        done,
        finish.parts_markdown(ROOT),
    )
    assert '<a class="sv-tel" href="tel:112">112</a>' in html
    assert "<p>Ramen</p>" in html and "<nav>tema</nav>" in html and "<p>Vyn</p>" in html
    assert "alert" not in html and "samverkan:" not in html
    assert done.problems == [
        f"{page.file}:1: the page's HTML holds <script>, which the site does not publish — remove it (pages and "
        "additions are Markdown; see docs-dev/checks.md)"
    ]


def test_a_page_that_writes_the_markers_itself_gets_all_between_them_sanitized(renderer):
    page = renderer.handbook.at("en", "index.md")
    done = finish.Finished()
    escape = "<p>a</p><!--/samverkan:page--><img src=x onerror=alert(1)><!--samverkan:frame-->"
    html = finish.page_passes(
        _page(finish.marked(page, escape, "") + "<footer>f</footer>"),
        renderer,
        False,
        done,
        finish.parts_markdown(ROOT),
    )
    assert "onerror" not in html and "samverkan:" not in html and "<footer>f</footer>" in html
    assert [problem.split(" — ")[0] for problem in done.problems][0] == (
        f"{page.file}:1: the page's HTML holds the site's own markers (<!--samverkan:…-->)"
    )


def test_every_html_file_gets_its_policy(renderer, tmp_path):
    (tmp_path / "404.html").write_text(_page("<h1>Sidan finns inte</h1>"), encoding="utf-8")
    assert finish.pages(tmp_path, renderer, county=False).problems == []
    assert (
        '<meta http-equiv="Content-Security-Policy" content="default-src'
        in (tmp_path / "404.html").read_text()
    )


def test_finishing_a_built_site_again_changes_nothing(built_site, tmp_path, capsys):
    again = tmp_path / "site"
    shutil.copytree(built_site, again)
    assert cli.main(["--config", str(ROOT / "mkdocs.yml"), "finish", str(again)]) == 0
    before, after = (
        sorted(path.relative_to(site) for path in site.rglob("*")) for site in (built_site, again)
    )
    assert before == after
    assert [
        name
        for name in before
        if (built_site / name).is_file() and (built_site / name).read_bytes() != (again / name).read_bytes()
    ] == []
    assert "0 problem(s)" in capsys.readouterr().err


def test_finish_refuses_a_folder_that_is_not_there(tmp_path, capsys):
    assert cli.main(["--config", str(ROOT / "mkdocs.yml"), "finish", str(tmp_path / "nowhere")]) == 1
    assert "no such folder" in capsys.readouterr().err
