"""Legal citations are checked references (issue 11, part 2) and routines name every actor that acts in them
(part 3): the exact one-line problem for each citation form, and the law table and notes in the built site."""

from __future__ import annotations

import re

import pytest
from conftest import build_site
from handbooks import copy_minimal, problems, replace
from samverkan.content.model import Law
from samverkan.views.citations import official_url, section_refs

PAGE = "lagrum.md"  # a page of the test handbook that cites every law below
SV, EN = f"docs/sv/{PAGE}", f"docs/en/{PAGE}"
SOL, SOL_EN = "docs/sv/lagar/sol.md", "docs/en/lagar/sol.md"
ROUTINE = "docs/sv/rutiner/avvikning.md"

# id: (abbreviation, Swedish title, English title, keywords, sections)
LAWS = {
    "lvu": (
        "LVU",
        "Lag med särskilda bestämmelser om vård av unga",
        "Care of Young Persons Act",
        [],
        ["6 §", "43 §"],
    ),
    "polislagen": ("PL", "Polislag", "Police Act", ["polislagen"], ["12 §"]),
    "foraldrabalken": (
        "FB",
        "Föräldrabalk",
        "Children and Parents Code",
        ["föräldrabalken"],
        ["6 kap. 8 a §"],
    ),
    "osl": (
        "OSL",
        "Offentlighets- och sekretesslag",
        "Public Access to Information and Secrecy Act",
        [],
        ["10 kap. 18 a §"],
    ),
    "lma": ("LMA", "Lag om mottagande av asylsökande m.fl.", "Reception of Asylum Seekers Act", [], ["3 §"]),
    "barnkonventionen": (
        None,
        "Lag om barnkonventionen",
        "Act on the Convention on the Rights of the Child",
        ["barnkonventionen", "CRC"],
        ["artikel 3"],
    ),
}
BODY = {  # a law's section next to the next law's: the run of sections is split between the two names
    "sv": "Se 19 kap. 1 § SoL, [[lvu]] 6 §, 12 § polislagen, FB 6 kap. 8 a §, 10 kap. 18 a § OSL, [[lma|LMA]] 3 § och artikel 3 i barnkonventionen.\n\n"
    "Lagarna: [[polislagen]], [[foraldrabalken]], [[osl]] och [[barnkonventionen]].",
    "en": "See SoL chapter 19 section 1, the [[lvu]], section 6, section 12 of the Police Act, FB chapter 6, section 8 a, "
    "OSL chapter 10, section 18 a, [[lma|LMA]] section 3 and article 3 of the CRC.\n\n"
    "The laws: [[polislagen]], [[foraldrabalken]], [[osl]] and [[barnkonventionen]].",
}
SOL_SECTIONS = {  # besides the minimal handbook's 20 kap. 1 §
    "sv": [
        ("19 kap. 1 §", "Myndigheter och yrkesverksamma ska genast anmäla oro för ett barn.", "confirmed"),
        ("29 kap.", "Vilken kommun som ansvarar.", "unconfirmed"),
    ],
    "en": [
        (
            "19 kap. 1 §",
            "Authorities and professionals must report at once a concern for a child.",
            "confirmed",
        ),
        ("29 kap.", "Which municipality is responsible.", "unconfirmed"),
    ],
}


def front_matter(page_id: str, page_type: str, title: str, extra: str = "") -> str:
    return (
        f'---\ntype: {page_type}\nid: {page_id}\ntitle: {title}\nversion: "1.0"\nreviewed: 2026-01-15\n'
        f"next_review: 2027-01-15\nowner: arbetsgruppen\n{extra}---\n\n# {title}\n"
    )


def law_page(law_id: str, lang: str) -> str:
    abbr, sv_title, en_title, keywords, sections = LAWS[law_id]
    extra = (
        f'sfs: "20{len(law_id):02d}:{len(sv_title)}"\nurl: https://data.riksdagen.se/dokument/sfs-{law_id}.html\nstatus: in-force\n'
        + (f"abbr: {abbr}\n" if abbr else "")
        + (f"keywords: [{', '.join(keywords)}]\n" if keywords else "")
        + "sections:\n"
        + "".join(
            f"  - ref: {ref}\n    summary: Sammanfattning av {ref}.\n    status: confirmed\n"
            for ref in sections
        )
    )
    return front_matter(law_id, "law", sv_title if lang == "sv" else en_title, extra)


def make_root(tmp_path):
    """The minimal handbook with six more laws and a page citing each of them; it has no problems."""
    root = copy_minimal(tmp_path)
    for lang in ("sv", "en"):
        for law_id in LAWS:
            (root / "docs" / lang / "lagar" / f"{law_id}.md").write_text(
                law_page(law_id, lang), encoding="utf-8"
            )
        (root / "docs" / lang / PAGE).write_text(
            front_matter("lagrum", "page", "Lagrum") + "\n" + BODY[lang] + "\n", encoding="utf-8"
        )
        entries = "".join(
            f"  - ref: {ref}\n    summary: {summary}\n    status: {status}\n"
            for ref, summary, status in SOL_SECTIONS[lang]
        )
        replace(
            root,
            f"docs/{lang}/lagar/sol.md",
            "sections:\n",
            "keywords: [socialtjänstlagen, Social Services Act]\nsections:\n" + entries,
        )
    nav = "".join(f"  - lagar/{law_id}.md\n" for law_id in LAWS) + f"  - {PAGE}\n"
    replace(root, "mkdocs.yml", "  - begrepp/term-hvb.md\n", "  - begrepp/term-hvb.md\n" + nav)
    return root


@pytest.fixture
def root(tmp_path):
    return make_root(tmp_path)


def append(root, file: str, text: str) -> int:
    """Add a paragraph to a page; the line it is on."""
    path = root / file
    body = path.read_text(encoding="utf-8").rstrip("\n") + "\n\n"
    path.write_text(body + text + "\n", encoding="utf-8")
    return body.count("\n") + 1


def unlisted(file: str, line: int, ref: str, law: str) -> str:
    lang = file.split("/")[1]
    return f"{file}:{line}: '{ref}' is not a listed section of {law} — add it to docs/{lang}/lagar/{law}.md under 'sections:' (checked against the statute text) or correct the reference"


def test_the_test_handbook_has_no_problems(root):
    assert problems(root) == []


FORMS = [  # (page, citation of an unlisted section, [(ref, law)])
    (SV, "19 kap. 9 § SoL", [("19 kap. 9 §", "sol")]),
    (SV, "SoL 19 kap. 9 §", [("19 kap. 9 §", "sol")]),
    (SV, "19 kap. 9 § socialtjänstlagen", [("19 kap. 9 §", "sol")]),
    (SV, "19 kap. 9 § i socialtjänstlagen", [("19 kap. 9 §", "sol")]),
    (SV, "[[sol]] 19 kap. 9 §", [("19 kap. 9 §", "sol")]),
    (SV, "Socialtjänstlag (2025:400): 19 kap. 1 och 9 §§, 20 kap. 1 §", [("19 kap. 9 §", "sol")]),
    (SV, "20 kap. SoL", [("20 kap.", "sol")]),
    (SV, "LVU 7 §", [("7 §", "lvu")]),
    (SV, "7 § LVU", [("7 §", "lvu")]),
    (SV, "LVU 6 § och 7 §", [("7 §", "lvu")]),
    (SV, "2 och 3 §§ LVU", [("2 §", "lvu"), ("3 §", "lvu")]),
    (SV, "13 § polislagen", [("13 §", "polislagen")]),
    (SV, "polislagen 13 §", [("13 §", "polislagen")]),
    (SV, "[[polislagen]] 13 §", [("13 §", "polislagen")]),
    (SV, "[[lma|LMA]] 4 §", [("4 §", "lma")]),
    (SV, "FB 6 kap. 8 b §", [("6 kap. 8 b §", "foraldrabalken")]),
    (SV, "10 kap. 18 b § OSL", [("10 kap. 18 b §", "osl")]),
    (SV, "artikel 4 i barnkonventionen", [("artikel 4", "barnkonventionen")]),
    (EN, "section 13 of the Police Act", [("13 §", "polislagen")]),
    (EN, "Chapter 19, section 9 of the Social Services Act", [("19 kap. 9 §", "sol")]),
    (EN, "(Police Act, section 13)", [("13 §", "polislagen")]),
    (EN, "SoL chapter 19 section 9", [("19 kap. 9 §", "sol")]),
    (EN, "the [[lvu]], sections 6 and 7", [("7 §", "lvu")]),
    (EN, "article 4 of the CRC", [("artikel 4", "barnkonventionen")]),
]


@pytest.mark.parametrize(
    "file,citation,expected", FORMS, ids=[f"{file[5:7]}: {citation}" for file, citation, _ in FORMS]
)
def test_a_citation_of_an_unlisted_section_stops_the_build_at_its_line(root, file, citation, expected):
    line = append(root, file, f"Det står i {citation}." if file == SV else f"It is in {citation}.")
    assert problems(root) == [unlisted(file, line, ref, law) for ref, law in expected]


@pytest.mark.parametrize(
    "text",
    [
        "Läs 12 § och 19 kap. 9 § noga.",  # a bare section names no law
        "```\n19 kap. 9 § SoL\n```",  # code
        "Skriv `19 kap. 9 § SoL` så här.",
        "Lagen (2025:400) gäller sedan 2025.",
    ],
)
def test_text_that_is_no_citation_of_a_known_law_is_left_alone(root, text):
    append(root, SV, text)
    assert problems(root) == []


def test_a_section_of_the_repealed_law_cited_as_current_stops_the_build(root):
    by_number = append(root, SV, "Anmälan görs enligt 14 kap. 1 § SoL 2001:453.")
    by_marker = append(root, SV, "Se [[sol-2001]] 14 kap. 1 §.")
    fix = "cite the law that replaced it (sol) with its new chapter and section"
    assert problems(root) == [
        f"{SV}:{by_number}: cites section '14 kap. 1 §' of the repealed law sol-2001 — {fix}",
        f"{SV}:{by_marker}: cites section '14 kap. 1 §' of the repealed law sol-2001 — {fix}",
    ]


def test_the_repealed_law_may_cite_its_own_listed_sections(root):
    for lang in ("sv", "en"):
        replace(
            root,
            f"docs/{lang}/lagar/sol-2001.md",
            "replaced_by: sol\n",
            "replaced_by: sol\nsections:\n  - ref: 14 kap. 1 §\n    summary: Anmälan.\n    status: confirmed\n",
        )
    append(root, "docs/sv/lagar/sol-2001.md", "Regeln stod i 14 kap. 1 § SoL 2001:453.")
    assert problems(root) == []


def test_a_legal_basis_ref_must_be_a_listed_section(root):
    replace(root, ROUTINE, "    ref: 20 kap. 1 §", "    ref: 19 kap. 9 §")
    assert problems(root) == [unlisted(ROUTINE, 16, "19 kap. 9 §", "sol")]


def test_a_legal_basis_ref_may_name_several_listed_sections_or_none(root):
    for lang in ("sv", "en"):
        replace(
            root,
            f"docs/{lang}/rutiner/avvikning.md",
            "    ref: 20 kap. 1 §",
            "    ref: 19 kap. 1 § och 20 kap. 1 §\n  - law: lvu",
        )
    assert problems(root) == []
    replace(root, ROUTINE, "    ref: 19 kap. 1 § och 20 kap. 1 §", "    ref: 19 kap 1§")
    assert problems(root) == [
        f"{ROUTINE}:16: '19 kap 1§' is not a section reference — write it as '19 kap. 1 §', '19 kap. 1 a §', '12 §', '19 kap.' (a whole chapter) or 'artikel 3'; several as '19 kap. 1 och 4 §§'"
    ]


SECTION_FAULTS = {  # (old, new, the problem, the line it points at: the last line with this text)
    "ref written without the full stop": (
        "  - ref: 19 kap. 1 §",
        "  - ref: 19 kap 1§",
        "'sections' 'ref' '19 kap 1§' is not a section — write it as '19 kap. 1 §', '19 kap. 1 a §', '12 §', '19 kap.' (a whole chapter) or 'artikel 3', with spaces and the full stop after 'kap'",
        "  - ref: 19 kap 1§",
    ),
    "unknown status": (
        "    status: unconfirmed",
        "    status: kanske",
        "'sections' 'status' 'kanske' is not allowed — use one of: confirmed, unconfirmed",
        "    status: kanske",
    ),
    "summary on two lines": (
        "    summary: Vilken kommun som ansvarar.",
        "    summary: |\n      Vilken kommun\n      som ansvarar.",
        "'sections' 'summary' must be one line — write the text on one line after the colon (no '|' or '>' block)",
        "    summary: |",
    ),
    "no summary": (
        "    summary: Vilken kommun som ansvarar.\n",
        "",
        "'sections' entry has no 'summary' — add 'summary:' to the entry",
        "  - ref: 29 kap.",
    ),
    "unknown field": (
        "    status: unconfirmed",
        "    status: unconfirmed\n    kapitel: 29",
        "'sections' entry has unknown field 'kapitel' — allowed here: ref, summary, status",
        "  - ref: 29 kap.",
    ),
    "the same section twice": (
        "  - ref: 29 kap.",
        "  - ref: 19 kap. 1 §",
        "'sections' lists '19 kap. 1 §' twice — keep one entry per section",
        "  - ref: 19 kap. 1 §",
    ),
}


@pytest.mark.parametrize("old,new,message,pointed", SECTION_FAULTS.values(), ids=SECTION_FAULTS)
def test_a_malformed_sections_entry_is_one_problem_at_its_line(root, old, new, message, pointed):
    replace(root, SOL, old, new)
    lines = (root / SOL).read_text(encoding="utf-8").split("\n")
    line = len(lines) - lines[::-1].index(pointed)
    assert problems(root) == [f"{SOL}:{line}: {message}"]


def test_the_english_twin_lists_the_same_sections_with_the_same_statuses(root):
    replace(
        root,
        SOL_EN,
        "Which municipality is responsible.\n    status: unconfirmed",
        "Which municipality is responsible.\n    status: confirmed",
    )
    assert problems(root) == [
        f"{SOL_EN}:{line_of(root, SOL_EN, 'sections:')}: sections differs from {SOL}: '19 kap. 1 § (confirmed), 29 kap. (confirmed), 20 kap. 1 § (confirmed)' here, "
        "'19 kap. 1 § (confirmed), 29 kap. (unconfirmed), 20 kap. 1 § (confirmed)' there — translate item for item, in the same order, with the same [[actor]] markers and citations"
    ]


def test_every_actor_responsible_in_a_routine_is_among_its_actors(root):
    for lang, item in (
        ("sv", "- [ ] Följ upp. [[arbetsgruppen]]"),
        ("en", "- [ ] Follow up. [[arbetsgruppen]]"),
    ):
        append(root, f"docs/{lang}/checklistor/avvikning-boendet.md", item)
        replace(
            root, f"docs/{lang}/rutiner/avvikning.md", "  - actor: arbetsgruppen\n    role: informed\n", ""
        )
    message = "actor 'arbetsgruppen' is responsible for items in checklist 'avvikning-boendet' but is not among this routine's actors — add '- actor: arbetsgruppen' with its role"
    assert problems(root) == [
        f"{file}:{line_of(root, file, 'actors:')}: {message}"
        for file in ("docs/en/rutiner/avvikning.md", ROUTINE)
    ]


def test_an_actor_of_a_routine_step_is_among_its_actors(root):
    for lang in ("sv", "en"):
        replace(root, f"docs/{lang}/rutiner/avvikning.md", "  - actor: boendet\n    role: responsible\n", "")
        replace(
            root,
            f"docs/{lang}/rutiner/avvikning.md",
            "  - actor: arbetsgruppen\n    role: informed",
            "  - actor: arbetsgruppen\n    role: responsible",
        )
    found = problems(root)
    assert (
        f"{ROUTINE}:{line_of(root, ROUTINE, 'actors:')}: actor 'boendet' is responsible for steps of this routine but is not among this routine's actors — add '- actor: boendet' with its role"
        in found
    )


def test_section_refs_reads_every_written_form():
    assert section_refs("19 kap. 1 och 4 §§") == ("19 kap. 1 §", "19 kap. 4 §")
    assert section_refs("Chapter 19, Sections 1 and 4") == ("19 kap. 1 §", "19 kap. 4 §")
    assert section_refs("4 kap. 1–3 §§") == ("4 kap. 1 §", "4 kap. 2 §", "4 kap. 3 §")
    assert section_refs("section 8a") == ("8 a §",)
    assert section_refs("articles 20, 22 and 35") == ("artikel 20", "artikel 22", "artikel 35")
    assert section_refs("3, 4 eller 6 kap.") == ("3 kap.", "4 kap.", "6 kap.")
    assert section_refs("första stycket") is None


@pytest.mark.parametrize(
    "ref,anchor",
    [
        ("19 kap. 1 §", "#K19P1"),
        ("12 §", "#P12"),
        ("6 kap. 8 a §", "#K6P8a"),
        ("19 kap.", "#K19"),
        ("artikel 3", ""),
    ],
)
def test_the_official_link_goes_to_the_section_in_the_statute_text(ref, anchor):
    law = Law(
        path="",
        lang="sv",
        file="",
        lines={},
        type="law",
        id="sol",
        title="",
        version="1.0",
        reviewed=None,
        next_review=None,
        owner=None,
        url="https://data.riksdagen.se/dokument/sfs-2025-400.html",
    )
    assert official_url(law, ref) == "https://data.riksdagen.se/dokument/sfs-2025-400.html" + anchor


def line_of(root, file: str, line: str) -> int:
    return (root / file).read_text(encoding="utf-8").split("\n").index(line) + 1


def read(site, path):
    """A built page, without the data-label attributes narrow screens show table headers by."""
    return re.sub(r' data-label="[^"]*"', "", (site / path).read_text(encoding="utf-8"))


@pytest.mark.site
def test_the_law_page_shows_its_sections_and_citations_carry_their_summary(root, tmp_path):
    site = tmp_path / "site"
    build_site(root / "mkdocs.yml", site)
    law = read(site, "lagar/sol/index.html")
    assert (
        '<tr id="ref-19-kap-1"><th scope="row"><a href="https://data.riksdagen.se/dokument/sfs-2025-400.html#K19P1">19 kap. 1 §</a></th>'
        '<td>Myndigheter och yrkesverksamma ska genast anmäla oro för ett barn.</td><td><a href="../../lagrum/">Lagrum</a></td></tr>'
    ) in law
    assert (
        '<tr id="ref-29-kap"><th scope="row"><a href="https://data.riksdagen.se/dokument/sfs-2025-400.html#K19P1">'
        not in law
    )
    assert "Vilken kommun som ansvarar. <em>(inte kontrollerad mot lagtexten)</em>" in law
    assert re.search(
        r'<tr id="ref-20-kap-1">.*<a href="\.\./\.\./rutiner/avvikning/">När ett barn avviker</a></td></tr>',
        law,
    ), "legal_basis cites too"
    assert '<a href="https://data.riksdagen.se/dokument/sfs-polislagen.html#P12">section 12</a>' in read(
        site, "en/lagar/polislagen/index.html"
    )

    page = read(site, "lagrum/index.html")
    assert (
        'Se <a class="sv-cite" href="../lagar/sol/#ref-19-kap-1">19 kap. 1 §</a><sup class="sv-cite-note" id="cite-ref-1">'
        '<a class="footnote-ref" href="#cite-1" aria-label="Lagrum 1">1</a></sup>'
    ) in page
    assert (
        '<li id="cite-1"><p><a href="../lagar/sol/#ref-19-kap-1">SoL 19 kap. 1 §</a>: Myndigheter och yrkesverksamma ska genast anmäla oro för ett barn. '
        '<a class="footnote-backref" href="#cite-ref-1" aria-label="Tillbaka till texten">↩</a></p></li>'
    ) in page
    assert page.count('class="footnote-ref"') == page.count('<li id="cite-') == 7, (
        "one note per cited section"
    )
    english = read(site, "en/lagrum/index.html")
    assert (
        '<a class="sv-cite" href="../lagar/polislagen/#ref-12">section 12</a><sup class="sv-cite-note" id="cite-ref-3">'
        in english
    )
    assert (
        '<a href="../lagar/barnkonventionen/#ref-artikel-3">Act on the Convention on the Rights of the Child article 3</a>: Sammanfattning av artikel 3.'
        in english
    )
