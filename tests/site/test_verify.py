"""The site verifier: a built page as a browser reads it."""

from __future__ import annotations

import pytest
from conftest import ROOT
from samverkan.editions.handbook import load_site
from samverkan.site import verify


def page(content: str, head: str = "", lang: str = ' lang="sv"') -> str:
    return f'<!doctype html><html{lang}><head>{head}</head><body><article class="md-content__inner">{content}</article></body></html>'


def test_the_real_site_is_clean(built_site):
    assert verify.problems(built_site, load_site(ROOT / "mkdocs.yml").public_numbers) == []


@pytest.mark.parametrize("html, fault", [
    (page("<script>alert(1)</script>"), "the content holds <script>"),
    (page('<p onclick="x()">x</p>'), "<p> has the handler 'onclick'"),
    (page('<p style="color:red">x</p>'), "<p> in the content carries a style"),
    (page('<img src="https://elsewhere.example/p">'), "<img> loads https://elsewhere.example/p from outside the site"),
    (page("<p>x</p>", head='<script src="//cdn.example/x.js"></script>'), "<script> loads //cdn.example/x.js from outside the site"),
    (page("<p>x</p>", head='<link rel="stylesheet" href="https://fonts.example/css">'), "<link> loads https://fonts.example/css from outside the site"),
    (page('<span id="__config">x</span>'), "the content uses the theme's id '__config'"),
    (page("<p>Se [[polisen]].</p>"), "the text shows a raw [[ marker"),
    (page("<p>x</p>", lang=""), "the page has no <html lang>"),
    (page('<a href="javascript:alert(1)">x</a>'), "<a> links to a script address"),
    (page('<section class="sv-guide__result" id="avvikning--boendet"><ul><li>Ring socialjouren.</li></ul></section>'),
     "the result 'avvikning--boendet' of 'Vad gör jag nu?' has no number to call (tel: link)"),
])
def test_each_unsafe_thing_is_one_fault(html, fault):
    assert verify.page_faults(html) == [fault]


@pytest.mark.parametrize("text", ["121212-1212", "121212\u200b-1212", "anna&#64;exempel.se"])  # Markdown makes 121212\\-1212 the first
def test_personal_data_is_found_in_what_the_reader_sees(text):
    faults = verify.page_faults(page(f"<p>Kontakt {text}</p>"))
    assert len(faults) == 1 and faults[0].startswith("the text shows personal data")


def test_a_guide_result_with_a_number_is_no_fault():
    assert verify.page_faults(page('<section class="sv-guide__result" id="r"><p>Ring <a href="tel:112">112</a>.</p></section>')) == []


def test_a_marker_shown_as_code_is_no_fault():
    assert verify.page_faults(page("<p>Skriv <code>[[polisen]]</code>.</p>")) == []


def test_problems_name_the_file(tmp_path):
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "index.html").write_text(page("<script>x</script>"), encoding="utf-8")
    assert [str(problem).split(":")[0] for problem in verify.problems(tmp_path)] == [f"{tmp_path.name}/x/index.html"]


def test_the_visible_text_has_every_invisible_format_character_taken_out_and_nothing_else():
    import sys
    import unicodedata

    from selectolax.lexbor import LexborHTMLParser

    every = [chr(code) for code in range(sys.maxunicode + 1) if 0xD800 > code or code > 0xDFFF]
    invisible = "".join(char for char in every if unicodedata.category(char) == "Cf")
    kept = "".join(char for char in every if unicodedata.category(char) not in ("Cf", "Cc", "Cs") and char not in "<&\xa0")
    text = verify.visible_text(LexborHTMLParser(f"<p>{invisible[::2]}{kept}{invisible[1::2]}</p>").css_first("p"))
    assert text == kept  # so that no zero-width character can hide a personal identity number from the scan
