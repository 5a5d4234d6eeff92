"""The engine-neutral tree (samverkan compile): one language as plain Markdown with its views as HTML
blocks, links between the tree's own files, and a config any Python-Markdown engine can build."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from conftest import ROOT
from samverkan import cli
from samverkan.editions.handbook import load_site
from samverkan.site import tree

LINK = re.compile(r"\]\(([^()\s]+\.md)(?:#[^()\s]*)?\)")


@pytest.fixture(scope="module")
def handbook():
    return load_site(ROOT / "mkdocs.yml")


@pytest.mark.parametrize("lang, slug", [("sv", None), ("en", "sigtuna")])
def test_every_page_of_the_language_is_plain_markdown_linking_the_tree_s_own_files(
    handbook, tmp_path, lang, slug
):
    count = tree.compile_tree(ROOT / "mkdocs.yml", handbook, tmp_path, lang, slug)
    pages = [page for page in handbook.pages if page.lang == lang]
    assert count == len(pages) == len(list((tmp_path / "docs").rglob("*.md")))
    for page in pages:
        text = (tmp_path / "docs" / page.path).read_text(encoding="utf-8")
        front, body = text.split("---\n", 2)[1:]
        assert yaml.safe_load(front)["title"] == page.title
        # markers are links; code shows them
        assert "[[" not in re.sub(r"```.*?```|``[^\n]*?``|`[^`\n]*`", "", body, flags=re.DOTALL), page.path
        for target in LINK.findall(body):
            assert (tmp_path / "docs" / Path(page.path).parent / target).resolve().is_file(), (
                page.path,
                target,
            )
    config = yaml.safe_load((tmp_path / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["theme"]["language"] == lang and config["docs_dir"] == "docs"
    assert [next(iter(entry.values())) for entry in config["nav"]][:2] == ["index.md", "vad-gor-jag-nu.md"]
    assert all(isinstance(option["toggle"]["name"], str) for option in config["theme"]["palette"])
    assert (tmp_path / "docs" / "assets" / "samverkan.css").is_file()


def test_an_edition_s_tree_carries_its_local_values(handbook, tmp_path):
    tree.compile_tree(ROOT / "mkdocs.yml", handbook, tmp_path, "sv", "sigtuna")
    text = (tmp_path / "docs" / "rutiner" / "avvikning.md").read_text(encoding="utf-8")
    assert "Sigtuna kommun" in text and "[[local:" not in text


def test_the_command_refuses_a_file_as_its_folder_and_an_unknown_municipality(tmp_path, capsys):
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    config = str(ROOT / "mkdocs.yml")
    assert cli.main(["--config", config, "compile", str(tmp_path / "a-file"), "--lang", "sv"]) == 1
    assert (
        cli.main(
            [
                "--config",
                config,
                "compile",
                str(tmp_path / "out"),
                "--lang",
                "sv",
                "--municipality",
                "ingenstans",
            ]
        )
        == 1
    )
    errors = capsys.readouterr().err.splitlines()
    assert len(errors) == 2 and all(
        line.startswith("compile: ") and "nothing was written" in line for line in errors
    )
    assert not (tmp_path / "out").exists()


HTML_LINK = re.compile(r'(?:href|src)="([^"#:]+)(?:#[^"]*)?"')


def test_links_in_raw_html_lead_from_the_source_file_as_zensical_reads_them(handbook, tmp_path):
    """The views, header and citations are raw HTML: their links name the other page's .md file from this
    page's file (zensical#258), never the page's URL, which Zensical would resolve one level too deep."""
    tree.compile_tree(ROOT / "mkdocs.yml", handbook, tmp_path, "en")
    docs, pages = tmp_path / "docs", [page for page in handbook.pages if page.lang == "en"]
    links = {
        (page.path, url)
        for page in pages
        for url in HTML_LINK.findall((docs / page.path).read_text(encoding="utf-8"))
    }
    to_pages = [(path, url) for path, url in links if url.endswith(".md")]
    assert len(to_pages) > len(pages)
    assert [
        link for link in to_pages if not (docs / Path(link[0]).parent / link[1]).resolve().is_file()
    ] == []
    assert [
        link
        for link in links
        if (docs / Path(link[0]).parent / link[1].rstrip("/")).with_suffix(".md").is_file()
        and not link[1].endswith(".md")
    ] == []


def test_the_tree_marks_each_page_s_parts_for_the_step_after_the_build(handbook, tmp_path):
    tree.compile_tree(ROOT / "mkdocs.yml", handbook, tmp_path, "sv")
    text = (tmp_path / "docs" / "checklistor" / "index.md").read_text(encoding="utf-8")
    assert (
        text.index("<!--samverkan:page sv checklistor/index.md-->")
        < text.index("# Checklistor")
        < text.index("<!--samverkan:view-->")
        < text.index("<!--/samverkan:page-->")
    )
