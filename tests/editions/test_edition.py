"""A municipality's edition is visibly its own: its name, its contact card, its address, its additions at
their section, its export; and status.yml agrees with the municipality files."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
from handbooks import replace
from municipal import TESTBY_URL, municipal_handbook, with_edition_fields
from samverkan.checks import adoption, rules
from samverkan.editions import edition, overlay
from samverkan.editions.handbook import load_site
from samverkan.publish import publish
from samverkan.site import export
from samverkan.views import municipality_parts
from samverkan.views.render import Renderer

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "schema" / "handbook-export.schema.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def testby_site(tmp_path_factory) -> Path:
    root = with_edition_fields(municipal_handbook(tmp_path_factory.mktemp("testby")))
    site = root.parent / "site"
    publish.build(root / "mkdocs.yml", site, "testby")
    return site


def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def problems_of(root: Path, slug: str | None = None) -> list[str]:
    handbook = load_site(root / "mkdocs.yml")
    return [str(problem) for problem in rules.all_problems(handbook, overlay.load(root, slug))[0]]


# Edition identity


@pytest.mark.site
def test_edition_names_itself_above_the_header_and_shows_its_card_on_the_start_page(testby_site):
    start = read(testby_site, "index.html")
    assert (
        '<aside class="md-banner">' in start
        and "Samverkansplanen, utgåva för <strong>Testby kommun</strong>" in start
    )
    card = start[
        start.index('<section class="sv-contact-card"') : start.index(
            "</section>", start.index('<section class="sv-contact-card"')
        )
    ]
    # the site makes it tap-to-call
    assert "<dt>Socialjouren i Testby</dt>" in card and "08-123 456 78</a></dd>" in card
    # a unit without a number
    assert '<dt>Fältgruppen</dt><dd data-sv-numbers="">via kommunens växel</dd>' in card
    assert (
        "Kvällar, nätter och helger:</strong> Socialjouren i Testby," in card
        and 'ring <a class="sv-tel" href="tel:112">112</a> och be om socialjouren' in card
    )
    assert "114 14" not in card  # the police do not put anyone through to socialjouren
    # under the title
    assert start.index("</h1>") < start.index('<section class="sv-contact-card"') < start.index("md-footer")
    assert "The collaboration plan, edition for <strong>Testby Municipality</strong>" in read(
        testby_site, "en/index.html"
    )


@pytest.mark.site
def test_card_on_routines_and_checklists_that_say_call_but_not_on_other_pages(testby_site):
    assert 'data-sv-edition="testby"' in read(testby_site, "rutiner/avvikning/index.html")
    # "Ring socialjouren."
    assert 'data-sv-edition="testby"' in read(testby_site, "checklistor/avvikning-boendet/index.html")
    assert 'data-sv-edition="testby"' in read(testby_site, "en/checklistor/avvikning-boendet/index.html")
    # a residence, not a municipal unit
    assert "sv-contact-card" not in read(testby_site, "aktorer/boendet/index.html")
    assert "sv-contact-card" not in read(testby_site, "lagar/sol/index.html")


def test_shows_card_on_the_actor_pages_of_municipal_units(tmp_path):
    root = municipal_handbook(tmp_path)
    handbook = load_site(root / "mkdocs.yml")
    actor = handbook.get("sv", "boendet")
    assert not edition.shows_card(handbook, actor)
    actor.kind = edition.MUNICIPAL_UNIT
    assert edition.shows_card(handbook, actor)


@pytest.fixture(scope="module")
def county_site(tmp_path_factory) -> Path:
    root = with_edition_fields(municipal_handbook(tmp_path_factory.mktemp("county")))
    site = root.parent / "site"
    publish.build(root / "mkdocs.yml", site)
    return site


def script_data(site: Path, name: str) -> list:
    """The arguments of one of the county edition's municipality scripts (views/municipality_parts.py)."""
    text = read(site, f"assets/javascripts/municipalities/{name}.js")
    return json.loads("[" + text[text.index("(") + 1 : text.rindex(")")] + "]")


@pytest.mark.site
def test_county_edition_pages_carry_no_municipality_and_the_chooser_gets_every_one_from_its_list(county_site):
    start, routine = read(county_site, "index.html"), read(county_site, "rutiner/avvikning/index.html")
    assert '<p class="sv-chooser__edition">Samverkansplanen för hela Testlän.</p>' in start
    # shown by JavaScript only
    assert '<div class="sv-chooser__controls" data-sv-chooser="" hidden="">' in start
    # none; the child's: not known, another county; the rest come from _list.sv.js
    assert re.findall(r'<option value="([a-z-]*)"', start) == [
        "",
        "",
        "-",
    ]
    for page in (start, routine):
        assert "sv-contact-card" not in page and "sv-local-notice" not in page and "Testby" not in page
    lang, municipalities = script_data(county_site, "_list.sv")
    by_slug = {each["slug"]: each for each in municipalities}
    # every municipality, adopted or not, by name
    assert lang == "sv" and list(by_slug) == [
        "annanby",
        "testby",
        "tredjeby",
    ]
    assert (
        not by_slug["annanby"]["adopted"] and not by_slug["annanby"]["parts"] and by_slug["testby"]["parts"]
    )
    assert by_slug["testby"]["night"] == {
        "name": "Socialjouren i Testby",
        "phone": "08-123 456 78",
        "tel": "+46812345678",
        "hours": None,
        "when_closed": "Svarar ingen, eller är det stängt: ring 112 och be om socialjouren i Testby kommun.",
    }


@pytest.mark.site
def test_a_municipality_s_parts_fill_the_slots_where_they_stood(county_site):
    routine = read(county_site, "rutiner/avvikning/index.html")
    slots = list(municipality_parts.slots(routine))
    # under the title, and where the addition goes
    assert slots == ["rutiner/avvikning.md#top", "rutiner/avvikning.md#addition-vem-gor-vad"]
    assert (
        routine.index('id="vem-gor-vad"')
        < routine.index('data-sv-slot="rutiner/avvikning.md#addition-vem-gor-vad"')
        < routine.index('id="efterat"')
    )
    slug, lang, data = script_data(county_site, "testby.sv")
    assert (slug, lang) == ("testby", "sv")
    under_title, addition = ("".join(data["parts"][index] for index in data["slots"][slot]) for slot in slots)
    # the parts as the reader sees them: nothing hidden, nothing to take off
    assert (
        under_title.startswith('<p class="sv-local-notice"')
        and 'href="#lokalt-tillagg-testby"' in under_title
    )
    assert '<section class="sv-contact-card"' in under_title and "hidden" not in under_title + addition
    assert addition.startswith("<aside") and 'id="lokalt-tillagg-testby"' in addition and "alltid" in addition
    assert len(data["parts"]) == len(set(data["parts"])), "each part once, however many pages show it"


def test_card_escapes_what_the_file_says(tmp_path):
    root = municipal_handbook(tmp_path)
    handbook = load_site(root / "mkdocs.yml")
    town = overlay.Overlay(
        "town",
        "",
        values={"name": {"sv": "A & <B>", "en": "A"}, "jour.name": {"sv": '"<i>x</i>', "en": "x"}},
        data={"units": {"jour": {}}},
    )
    html = (
        Renderer(handbook, overlay=town)
        .parts(handbook.get("sv", "avvikning"))["town"]["rutiner/avvikning.md#top"]
        .text
    )
    assert (
        "Kontakter i A &amp; &lt;B&gt;" in html and "&#34;&lt;i&gt;x&lt;/i&gt;" in html and "<i>" not in html
    )


# The edition's address and its export


@pytest.mark.site
def test_site_url_gives_canonical_links_sitemap_print_address_and_export(testby_site):
    assert f'<link rel="canonical" href="{TESTBY_URL}rutiner/avvikning/">' in read(
        testby_site, "rutiner/avvikning/index.html"
    )
    assert f"<loc>{TESTBY_URL}</loc>" in read(
        testby_site, "sitemap.xml"
    ) and "samverkansplanen.example" not in read(testby_site, "sitemap.xml")
    # print-out address
    assert f"{TESTBY_URL}checklistor/avvikning-boendet/" in read(
        testby_site, "checklistor/avvikning-boendet/index.html"
    )
    document = json.loads(read(testby_site, "export/handbook-sv.json"))
    assert {page["url"].startswith(TESTBY_URL) for page in document["routines"] + document["checklists"]} == {
        True
    }


@pytest.mark.site
def test_edition_export_carries_its_contacts_and_additions_and_validates(testby_site):
    for lang in ("sv", "en"):
        document = json.loads(read(testby_site, f"export/handbook-{lang}.json"))
        jsonschema.Draft202012Validator(SCHEMA).validate(document)
        assert document["edition"]["id"] == "testby" and document["edition"]["code"] == "0999"
        assert (
            document["edition"]["site_url"] == TESTBY_URL and document["edition"]["reviewed"] == "2026-11-29"
        )
        assert {
            "id": "socialjour",
            "name": "Socialjouren i Testby" if lang == "sv" else "Testby's out-of-hours service",
            "phone": "08-123 456 78",
            "hours": None,
        } in document["edition"]["units"]
        routine = next(r for r in document["routines"] if r["id"] == "avvikning")
        assert routine["local_addition"]["section"] == ("vem-gor-vad" if lang == "sv" else "who-does-what")
        assert (
            "**alltid**" in routine["local_addition"]["markdown"]
            or "**always**" in routine["local_addition"]["markdown"]
        )
        assert {m["id"] for m in document["municipalities"]} == {"testby", "tredjeby"}


def test_county_export_says_it_is_the_county_edition_and_lists_every_municipality(tmp_path):
    root = municipal_handbook(tmp_path)
    handbook = load_site(root / "mkdocs.yml")
    document = json.loads(
        export.files(handbook, "https://x.example/", chosen=overlay.load(root, None))["handbook-sv.json"]
    )
    jsonschema.Draft202012Validator(SCHEMA).validate(document)
    assert document["edition"]["id"] == "county" and document["edition"]["units"] == []
    assert [m["name"] for m in document["municipalities"]] == ["Testby kommun", "Tredjeby kommun"]
    assert all(r["local_addition"] is None for r in document["routines"])


@pytest.mark.parametrize(
    "url, message",
    [
        ("http://plan.testby.se/", "site_url 'http://plan.testby.se/' is not an https:// address"),
        ("https://plan.testby.se/handbok", "site_url 'https://plan.testby.se/handbok' must end in /"),
        (
            "https://plan.testby.se/?a=1",
            "site_url 'https://plan.testby.se/?a=1' must be a plain address, without a user, ?query or #part",
        ),
        ("javascript:alert(1)//", "site_url 'javascript:alert(1)//' is not an https:// address"),
    ],
)
def test_a_bad_site_url_is_one_problem_at_its_line(tmp_path, url, message):
    root = municipal_handbook(tmp_path)
    replace(root, "municipalities/testby.yml", 'code: "0999"\n', f'code: "0999"\nsite_url: "{url}"\n')
    assert [p.split(" — ")[0] for p in problems_of(root, "testby")] == [
        f"municipalities/testby.yml:3: {message}"
    ]


# Local additions where they matter


@pytest.mark.site
def test_addition_sits_at_its_section_is_announced_at_the_top_and_headed_as_in_the_county_edition(
    testby_site,
):
    page = read(testby_site, "rutiner/avvikning/index.html")
    content = page[page.index("<article") :]
    box, after, section = (
        content.index("sv-local-addition"),
        content.index('id="efterat"'),
        content.index('id="vem-gor-vad"'),
    )
    assert section < box < after  # at the end of 'Vem gör vad', before the next section
    # a heading to a screen reader, one level below its section's; as in the county edition, so not in the table of contents
    assert (
        '<p aria-level="3" class="admonition-title" id="lokalt-tillagg-testby" role="heading">Lokalt tillägg: Testby kommun</p>'
        in content
    )
    assert "lokalt-tillagg" not in page[page.index("md-nav--secondary") : page.index("<article")]
    notice = content.index(
        '<p class="sv-local-notice" role="note" data-search-exclude="">Sidan har ett lokalt tillägg från Testby kommun. <a href="#lokalt-tillagg-testby">Läs tillägget</a></p>'
    )
    assert content.index("</h1>") < notice < section


def test_addition_without_a_section_ends_the_routine(tmp_path):
    root = municipal_handbook(tmp_path)
    handbook = load_site(root / "mkdocs.yml")
    renderer = Renderer(handbook, overlay=overlay.load(root, "testby"))
    page = handbook.get("en", "avvikning")
    markdown = renderer.markdown(page, page.body)
    assert markdown.index("## Afterwards") < markdown.index('data-sv-slot="rutiner/avvikning.md#addition"')
    assert renderer.parts(page)["testby"]["rutiner/avvikning.md#addition"].text.count(
        '<p class="admonition-title" id="local-addition-testby" role="heading" aria-level="2">Local addition: Testby Municipality</p>'
    )


def test_routine_list_marks_routines_with_an_addition(tmp_path):
    root = municipal_handbook(tmp_path)
    handbook = load_site(root / "mkdocs.yml")
    page = handbook.at("sv", "index.md")
    page.view = "routines"
    slot = '<div class="sv-slot" data-sv-slot="index.md#mark-avvikning"></div>'
    for edition_of in (
        overlay.load(root, "testby"),
        None,
    ):  # the edition's own, and the county's for the chooser
        renderer = Renderer(handbook, overlay=edition_of)
        assert f">När ett barn avviker</a>{slot}" in renderer.view_html(page)
        assert renderer.parts(page)["testby"]["index.md#mark-avvikning"].text == (
            ' <span class="sv-local-mark">Lokalt tillägg</span>'
        )


def test_a_section_that_does_not_exist_is_named_with_the_ones_that_do(tmp_path):
    root = municipal_handbook(tmp_path)
    replace(root, "municipalities/testby.yml", "  avvikning:\n", "  avvikning:\n    section: vem-gor-va\n")
    assert problems_of(root, "testby") == [
        "municipalities/testby.yml:11: 'avvikning' (en) has no section 'vem-gor-va' — sections: when-a-child-goes-missing, who-does-what, afterwards",
        "municipalities/testby.yml:11: 'avvikning' (sv) has no section 'vem-gor-va' — did you mean 'vem-gor-vad'? sections: nar-ett-barn-avviker, vem-gor-vad, efterat",
    ]


def test_sections_follow_the_toc_anchors():
    found = edition.sections(
        "# Title\n\n## Vem gör vad\n\ntext\n\n### Sub {#own}\n\n```\n## not a heading\n```\n\n## Vem gör vad\n"
    )
    assert [(s.anchor, s.level, s.end) for s in found] == [
        ("title", 1, 14),
        ("vem-gor-vad", 2, 12),
        ("own", 3, 12),
        ("vem-gor-vad_1", 2, 14),
    ]


# status.yml and the municipality files agree


def test_adopted_without_a_file_names_status_yml(tmp_path):
    root = municipal_handbook(tmp_path)
    (root / "municipalities" / "tredjeby.yml").unlink()
    assert problems_of(root) == [
        'municipalities/status.yml:4: Tredjeby kommun (0997) is marked adopted, but no file in municipalities/ has code "0997"'
        " — add its file (copy municipalities/TEMPLATE.yml), or write adopted: no until it exists"
    ]


def test_a_file_for_a_municipality_that_has_not_adopted_names_the_file(tmp_path):
    root = municipal_handbook(tmp_path)
    replace(root, "municipalities/status.yml", "Testby kommun, adopted: yes", "Testby kommun, adopted: no")
    assert [p.split(" — ")[0] for p in problems_of(root)] == [
        "municipalities/testby.yml:2: Testby kommun has a file, but municipalities/status.yml:3 says adopted: no"
    ]


CONFIRMED_STATUS = """\
municipalities:
  - code: "0998"
    name: Annanby kommun
    adopted: no
    night:
      service: {sv: Socialjouren i Annanby, en: Annanby's out-of-hours social services}
      phone: 010-444 05 00
      source: https://www.annanby.se/socialjour
      read: 2026-12-03
      confirmed: {confirmed}
"""


@pytest.mark.parametrize(
    "confirmed, sv, en",
    [
        (
            "no",
            "läst 2026-12-03, inte bekräftad av kommunen (källa).",
            "read 2026-12-03, not confirmed by the municipality (source).",
        ),
        (
            '{date: 2026-12-05, by: "Socialjouren i Annanby, enhetschef"}',
            "läst 2026-12-03, bekräftad av kommunen 2026-12-05 (Socialjouren i Annanby, enhetschef) (källa).",
            "read 2026-12-03, confirmed by the municipality on 2026-12-05 (Socialjouren i Annanby, enhetschef) (source).",
        ),
    ],
)
def test_contacts_say_whether_and_by_which_function_the_municipality_confirmed_its_night_value(
    tmp_path, confirmed, sv, en
):
    root = municipal_handbook(tmp_path)
    (root / "municipalities" / "status.yml").write_text(
        CONFIRMED_STATUS.replace("{confirmed}", confirmed), encoding="utf-8"
    )
    handbook = load_site(root / "mkdocs.yml")
    for lang, says in (("sv", sv), ("en", en)):
        page = handbook.at(lang, "index.md")
        page.view = "contacts"
        shown = re.sub(r"<[^>]+>", "", Renderer(handbook).view_html(page))
        assert says in shown, shown


def test_real_status_file_and_municipality_files_agree():
    handbook = load_site(ROOT / "mkdocs.yml")
    assert adoption.status_problems(handbook) == []
    adopted = {row.code for row in handbook.adoption if row.adopted}
    assert (
        adopted
        == {each.code for each in overlay.loaded(handbook) if each.is_municipality}
        == {"0180", "0191"}
    )


def test_contacts_page_lists_every_municipality_of_the_county_and_the_units_of_those_with_a_file(tmp_path):
    root = with_edition_fields(municipal_handbook(tmp_path))
    handbook = load_site(root / "mkdocs.yml")
    page = handbook.at("sv", "index.md")
    page.view = "contacts"
    html = Renderer(handbook).view_html(page)
    rows = re.findall(
        r'<tr id="[a-z-]+" data-sv-municipality-row="([a-z-]+)">\s*<th scope="row">([^<]+)<br><span class="sv-contacts__meta">([^<]+)</span>',
        html,
    )
    assert rows == [
        ("annanby", "Annanby kommun", "Har inte anslutit sig till planen"),
        ("testby", "Testby kommun", "Har anslutit sig till planen"),
        ("tredjeby", "Tredjeby kommun", "Har anslutit sig till planen"),
    ]
    # Annanby: nothing known
    assert "Inget nummer hittat. Ring 112 och be om socialjouren." in html
    assert "<li>Socialjouren i Testby: 08-123 456 78</li><li>Fältgruppen: via kommunens växel</li>" in html
    assert '<time datetime="2026-11-29">2026-11-29</time>' in html
