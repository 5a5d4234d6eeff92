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
PROMPT = '<span class="sv-night" data-sv-numbers> (Socialjouren där du är: se Kontakter per kommun.)</span>'
CHILD_PROMPT = (
    '<span class="sv-night" data-sv-numbers> (Socialjouren i barnets kommun: se Kontakter per kommun.)</span>'
)
LOCAL = frozenset({"0104440500"})


def with_prompt(html: str, lang: str = "sv") -> str:
    return night_calls(html, lang, {"here": PROMPT, "child": CHILD_PROMPT}, LOCAL)


@pytest.mark.parametrize(
    "html",
    [
        "<li>Ring socialjouren.</li>",
        '<li class="task-list-item"><label class="sv-task"><input type="checkbox" disabled> Ring genast socialtjänsten.</label></li>',
        "<p>Gör en orosanmälan till socialtjänsten, efter kontorstid till socialjouren.</p>",
        "<p><strong>Kontakter:</strong> kommunens socialjour på kvällar.</p>",
        "<td>Boendet ringer socialjouren samma dag.</td>",
    ],
)
def test_a_call_to_the_unit_gets_the_prompt_at_the_end_of_its_block(html):
    out = with_prompt(html)
    assert out.count("sv-night") == 1
    assert re.search(r"(?:</label>|\.|</p>|samma dag\.)" + re.escape(PROMPT) + r"</(?:li|p|td)>$", out), out


@pytest.mark.parametrize(
    ("html", "lang", "whose"),
    [
        (
            "<li>Ring socialtjänsten i anvisningskommunen. Efter kontorstid: anvisningskommunens socialjour.</li>",
            "sv",
            CHILD_PROMPT,
        ),
        ("<li>Ring socialjouren i barnets kommun på kvällar.</li>", "sv", CHILD_PROMPT),
        (
            "<li>Socialtjänsten där barnet finns ringer genast anvisningskommunen, efter kontorstid dess socialjour.</li>",
            "sv",
            CHILD_PROMPT,
        ),
        (
            "<li>Ring socialtjänsten i kommunen där barnet vistas. Efter kontorstid: den kommunens socialjour.</li>",
            "sv",
            PROMPT,
        ),
        ("<li>Ring socialjouren eller socialtjänsten i kommunen där barnet finns.</li>", "sv", PROMPT),
        (
            "<li>Call social services in the assigned municipality. Out of hours: the assigned municipality's out-of-hours social services.</li>",
            "en",
            CHILD_PROMPT,
        ),
        (
            "<li>Call the out-of-hours social services of the child's municipality in the evening.</li>",
            "en",
            CHILD_PROMPT,
        ),
        (
            "<li>Call the out-of-hours social services or social services in the municipality where the child is.</li>",
            "en",
            PROMPT,
        ),
        (
            "<li>If the child has an assigned municipality, call its out-of-hours social services. Then call the police.</li>",
            "en",
            CHILD_PROMPT,
        ),
        ("<li>Har barnet en anvisningskommun, ring dess socialjour.</li>", "sv", CHILD_PROMPT),
    ],
)
def test_the_line_is_of_the_municipality_the_call_names(html, lang, whose):
    out = with_prompt(html, lang)
    assert out.count("sv-night") == 1 and whose in out, out


@pytest.mark.parametrize(
    "html",
    [
        "<p>Personalen är anmälningsskyldig till socialtjänsten.</p>",  # a duty stated, not a call
        "<p>Fler yrkesgrupper ska nu anmäla oro för barn till socialtjänsten.</p>",
        "<li>Ta emot anmälan direkt, också från boende och socialtjänst.</li>",
        '<td data-sv-history="">Nytt avsnitt: boendet ringer socialjouren.</td>',  # a change history tells, nobody calls
        "<p>Staff are obliged to report concern to social services.</p>",
    ],
)
def test_no_line_after_a_duty_stated_or_a_change_told(html):
    assert with_prompt(html, "en" if "Staff" in html else "sv") == html


def test_english_calls_are_found_too():
    assert "sv-night" in with_prompt("<li>Call the out-of-hours social services at once.</li>", "en")
    assert "sv-night" in with_prompt("<li>Call the police and Socialjouren.</li>", "en")


@pytest.mark.parametrize(
    "html",
    [
        "<h2>Ring socialjouren</h2>",  # a heading names the section; its items carry the number
        "<li>Socialjouren ringer polisen.</li>",  # socialjouren calls, it is not called
        "<li>Läs socialtjänstlagen och ring polisen.</li>",  # the law, not the unit
        '<li>Ring socialjouren på <a class="sv-tel" href="tel:+46104440500">010-444 05 00</a>.</li>',  # its number is there
        "<p data-sv-numbers>Ring 112 och be att få tala med socialjouren.</p>",  # the contact card gives its own
        "<li>Read the Social Services Act and call the police.</li>",
    ],
)
def test_no_prompt_where_nobody_is_told_to_call_the_unit_or_its_number_is_given(html):
    assert with_prompt(html, "en" if "Read" in html else "sv") == html


def test_a_national_number_is_not_the_municipality_s_number():
    out = with_prompt(
        '<li>Ring <a class="sv-tel" href="tel:112">112</a> och be att få tala med socialjouren.</li>'
    )
    assert out.count("sv-night") == 1


def test_nested_lists_get_the_prompt_in_the_item_that_calls():
    out = with_prompt("<ul><li>Ring socialjouren.<ul><li>Berätta vad som hänt.</li></ul></li></ul>")
    assert out == f"<ul><li>Ring socialjouren.{PROMPT}<ul><li>Berätta vad som hänt.</li></ul></li></ul>"


def test_a_line_that_introduces_a_list_leaves_the_number_to_its_items():
    html = (
        "<p>Vem du ringer beror på om barnet har en anvisningskommun:</p><ul><li>Ring socialjouren.</li></ul>"
    )
    assert with_prompt(html) == html.replace("socialjouren.</li>", f"socialjouren.{PROMPT}</li>")


# On the built site: every sentence that tells the reader to call the unit, in every edition, has its line, and the
# line is of the municipality the sentence names: the child's, or the one where the reader is (the edition's own).
CALL_SENTENCE = re.compile(  # an instruction or what an actor does, not a duty stated ("a duty to report to social services")
    r"(?<!\bto )\b(?:ring|ringer|kontakta|kontaktar|kontakter|anmäl|anmäler|orosanmälan|berätta|berättar|call|calls|contact|contacts|phone|report|reports|tell|tells)\b"
    r"[^.]*?(?:socialjour|socialtjänst(?!lag)|social services(?! act)|out-of-hours|anvisningskommun|vistelsekommun|assigned municipality)",
    re.IGNORECASE,
)
NAMES_UNIT = re.compile(r"socialjour|socialtjänst(?!lag)|social services(?! act)|out-of-hours", re.IGNORECASE)
NAMES_THE_CHILD_S = re.compile(
    r"anvisningskommun|barnets kommun|assigned municipality|child's municipality", re.IGNORECASE
)
LABEL = {"child": ("barnets kommun", "the child's municipality"), "here": ("där du är", "where you are")}
NATIONAL = {"tel:112", "tel:11414", "tel:+4620390000"}
# the edition's own socialjour
OWN = {
    "sigtuna": "tel:+46104440500",
    "stockholm": "tel:+46850840000",
    None: None,
}


def read_lines(site: Path, own: str | None) -> tuple[list[str], int, list[str]]:
    """Every sentence of the site that names a socialjour or social services; how many of them call one; and
    what is wrong: a call without its line, a line that does not say whose it is, or a number shown that is not
    of the municipality the sentence names (the edition's own only where the reader is, never for the child's)."""
    named, calls, wrong = [], 0, []
    for file in sorted(site.rglob("*.html")):
        relative = file.relative_to(site).as_posix()
        if (
            relative.startswith(("arkiv/", "assets/")) or "om/nytt" in relative or "kontakter/" in relative
        ):  # the change log tells history; the contacts list is the numbers
            continue
        article = LexborHTMLParser(file.read_text(encoding="utf-8")).css_first("article")
        for block in article.css("li, p, td, dd") if article else ():
            line = block.css_first(".sv-night")
            if line is not None and line.parent.html != block.html:  # a nested list's item carries its own
                line = None
            text = block.text().replace(line.text(), "") if line else block.text()
            sentences = [
                each
                for each in re.split(r"(?<=[.!?])\s+", text)
                if NAMES_UNIT.search(each) or NAMES_THE_CHILD_S.search(each)
            ]
            named += [f"{relative}: {each.strip()[:100]}" for each in sentences]
            call = next((each for each in sentences if CALL_SENTENCE.search(each)), None)
            if (
                call is None
                or text.strip().endswith(":")
                or "data-sv-numbers" in block.attributes
                or block.attributes.get("data-sv-history") is not None
            ):
                continue
            calls += 1
            whose = "child" if NAMES_THE_CHILD_S.search(call) else "here"
            if line is None:
                if not any(
                    a.attributes.get("href", "").startswith("tel:") and a.attributes["href"] not in NATIONAL
                    for a in block.css("a")
                ):
                    wrong.append(f"{relative}: no line after: {call.strip()[:100]}")
                continue
            tels = [
                a.attributes.get("href")
                for a in line.css("a")
                if (a.attributes.get("href") or "").startswith("tel:")
            ]
            expected = {own, "tel:112"} - {None} if whose == "here" else {"tel:112"}
            if (
                line.attributes.get("data-sv-night") != whose
                or not any(label in line.text() for label in LABEL[whose])
                or set(tels) != expected
                or tels.count("tel:112") != 1
            ):
                wrong.append(
                    f"{relative}: {whose} named, line says {line.text().strip()[:90]!r} with {tels}: {call.strip()[:80]}"
                )
    return named, calls, wrong


def test_every_call_on_the_county_site_shows_the_way_to_the_municipality_it_names(built_site):
    named, calls, wrong = read_lines(built_site, None)
    assert len(named) > 400 and calls > 200
    assert wrong == []


@pytest.mark.parametrize("slug", ["sigtuna", "stockholm"])
def test_every_call_in_an_edition_shows_its_own_number_only_where_the_reader_is(edition_sites, slug):
    named, calls, wrong = read_lines(edition_sites[slug], OWN[slug])
    assert len(named) > 400 and calls > 200
    assert wrong == []
    page = LexborHTMLParser(
        (edition_sites[slug] / "checklistor" / "avvikning-boendet" / "index.html").read_text(encoding="utf-8")
    )
    lines = {line.attributes["data-sv-night"]: line.text() for line in page.css("article .sv-night")}
    assert set(lines) == {"here", "child"} and "Kontakter per kommun" in lines["child"]
    if slug == "sigtuna":
        assert "Socialjouren i Sigtuna kommun, där du är: 010-444 05 00" in lines["here"]
        with zipfile.ZipFile(
            edition_sites[slug] / offline.ZIP_NAME
        ) as archive:  # its offline copy carries them too
            copy = archive.read(f"{offline.FOLDER_IN_ZIP}/checklistor/avvikning-boendet.html").decode("utf-8")
        assert 'href="tel:+46104440500"' in copy and "data-sv-fill" not in copy
    else:  # Stockholm's: Socialjouren's own, never the switchboard
        assert (
            "Socialjouren i Stockholms stad, där du är: 08-508 40 000" in lines["here"]
            and "508 000 00" not in lines["here"]
        )
