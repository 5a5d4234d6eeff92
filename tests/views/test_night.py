"""After every call to socialjouren or social services, the number or the way to it (views/night.py); and, on
the real site in every edition, no such sentence without it."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from samverkan.site import offline
from samverkan.views.night import night_calls
from selectolax.lexbor import LexborHTMLParser

ROOT = Path(__file__).resolve().parents[2]
PROMPT = '<span class="sv-night" data-sv-numbers> (Socialjouren: välj kommun.)</span>'
LOCAL = frozenset({"0104440500"})


def with_prompt(html: str, lang: str = "sv") -> str:
    return night_calls(html, lang, PROMPT, LOCAL)


@pytest.mark.parametrize("html", [
    "<li>Ring socialjouren.</li>",
    '<li class="task-list-item"><label class="sv-task"><input type="checkbox" disabled> Ring genast socialtjänsten.</label></li>',
    "<p>Gör en orosanmälan till socialtjänsten, efter kontorstid till socialjouren.</p>",
    "<p><strong>Kontakter:</strong> kommunens socialjour på kvällar.</p>",
    "<td>Boendet ringer anvisningskommunen samma dag.</td>",
])
def test_a_call_to_the_unit_gets_the_prompt_at_the_end_of_its_block(html):
    out = with_prompt(html)
    assert out.count("sv-night") == 1
    assert re.search(r"(?:</label>|\.|</p>|samma dag\.)" + re.escape(PROMPT) + r"</(?:li|p|td)>$", out), out


def test_english_calls_are_found_too():
    assert "sv-night" in with_prompt("<li>Call the out-of-hours social services at once.</li>", "en")
    assert "sv-night" in with_prompt("<li>Call the police and Socialjouren.</li>", "en")


@pytest.mark.parametrize("html", [
    "<h2>Ring socialjouren</h2>",  # a heading names the section; its items carry the number
    "<li>Socialjouren ringer polisen.</li>",  # socialjouren calls, it is not called
    "<li>Läs socialtjänstlagen och ring polisen.</li>",  # the law, not the unit
    '<li>Ring socialjouren på <a class="sv-tel" href="tel:+46104440500">010-444 05 00</a>.</li>',  # its number is there
    '<p data-sv-numbers>Ring 112 och be att få tala med socialjouren.</p>',  # the contact card gives its own
    "<li>Read the Social Services Act and call the police.</li>",
])
def test_no_prompt_where_nobody_is_told_to_call_the_unit_or_its_number_is_given(html):
    assert with_prompt(html, "en" if "Read" in html else "sv") == html


def test_a_national_number_is_not_the_municipality_s_number():
    out = with_prompt('<li>Ring <a class="sv-tel" href="tel:112">112</a> och be att få tala med socialjouren.</li>')
    assert out.count("sv-night") == 1


def test_nested_lists_get_the_prompt_in_the_item_that_calls():
    out = with_prompt("<ul><li>Ring socialjouren.<ul><li>Berätta vad som hänt.</li></ul></li></ul>")
    assert out == f"<ul><li>Ring socialjouren.{PROMPT}<ul><li>Berätta vad som hänt.</li></ul></li></ul>"


def test_a_line_that_introduces_a_list_leaves_the_number_to_its_items():
    html = "<p>Vem du ringer beror på om barnet har en anvisningskommun:</p><ul><li>Ring socialjouren.</li></ul>"
    assert with_prompt(html) == html.replace("socialjouren.</li>", f"socialjouren.{PROMPT}</li>")


# On the built site: every sentence that tells the reader to call the unit, in every edition, has its number.
CALL_SENTENCE = re.compile(
    r"\b(?:ringa?|ringer|kontakta|kontaktar|kontakter|anmäl\w*|orosanmälan|berätta|berättar|call|calls|contact|contacts|phone|report|reports|tell|tells)\b"
    r"[^.]*?(?:socialjour|socialtjänst(?!lag)|social services(?! act)|out-of-hours|anvisningskommun|vistelsekommun|assigned municipality)", re.IGNORECASE)
NATIONAL = {"tel:112", "tel:11414", "tel:+4620390000"}


def sentences_without_number(site: Path) -> tuple[int, list[str]]:
    found, missing = 0, []
    for file in sorted(site.rglob("*.html")):
        relative = file.relative_to(site).as_posix()
        if relative.startswith(("arkiv/", "assets/")) or "om/nytt" in relative:  # the change log tells history
            continue
        article = LexborHTMLParser(file.read_text(encoding="utf-8")).css_first("article")
        for block in article.css("li, p, td, dd") if article else ():
            for sentence in re.split(r"(?<=[.!?])\s+", block.text()):
                if not CALL_SENTENCE.search(sentence) or block.text().strip().endswith(":"):  # it introduces a list
                    continue
                found += 1
                links = {a.attributes.get("href") for a in block.css("a")}
                if not (block.css_first(".sv-night") or any(link.startswith("tel:") and link not in NATIONAL for link in links if link)
                        or "data-sv-numbers" in block.attributes):
                    missing.append(f"{relative}: {sentence.strip()[:120]}")
    return found, missing


def test_every_call_to_socialjouren_on_the_county_site_has_its_number_or_the_prompt(built_site):
    found, missing = sentences_without_number(built_site)
    assert found > 200
    assert missing == []


@pytest.mark.parametrize("slug, tel", [("sigtuna", "+46104440500"), ("stockholm", "+46850840000")])  # Stockholm's: Socialjouren's own, never the switchboard
def test_every_call_in_an_edition_has_the_edition_s_number(edition_sites, slug, tel):
    found, missing = sentences_without_number(edition_sites[slug])
    assert found > 200 and missing == []
    html = (edition_sites[slug] / "checklistor" / "avvikning-boendet" / "index.html").read_text(encoding="utf-8")
    nights = re.findall(r'<span class="sv-night".*?\)</span>', html)
    assert nights and "välj kommun" not in html
    assert all(f'href="tel:{tel}"' in night and "508 000 00" not in night for night in nights)
    if slug == "sigtuna":
        with zipfile.ZipFile(edition_sites[slug] / offline.ZIP_NAME) as archive:  # its offline copy carries them too
            copy = archive.read(f"{offline.FOLDER_IN_ZIP}/checklistor/avvikning-boendet.html").decode("utf-8")
        assert f'href="tel:{tel}"' in copy and "välj kommun" not in copy
