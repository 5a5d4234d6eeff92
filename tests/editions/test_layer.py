"""A county names itself through [[county:…]] and its labels, and another county's plan is the core with
its own layer over it (counties/<county>/): its name, its municipalities, its pages."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest
from handbooks import problems, replace
from municipal import municipal_handbook
from samverkan import cli
from samverkan.checks import rules
from samverkan.content.load import without_county_facts
from samverkan.content.settings import read_config
from samverkan.editions import layer, overlay
from samverkan.editions.handbook import load_site
from samverkan.views.render import Renderer
from selectolax.lexbor import LexborHTMLParser

ROOT = Path(__file__).resolve().parents[2]
# Where Uppsala's plan may still name Stockholm: the plan's own record of its changes ("What's new" and each
# routine's history), and national facts and their sources (Stockholm's county board coordinated the county
# boards' assignment and was the national coordinator until 2017; Stockholm District Court hears a custody case
# when no other court is competent; its reports are the sources of national figures).
# the county, its bodies and places
STOCKHOLM = re.compile(r"Stockholm|Storsthlm|Stadsmission|Gotland|Sigtuna")
PLAN_HISTORY = frozenset({"sv/om/nytt.md", "en/om/nytt.md"})
HISTORY = ".sv-history"
NATIONAL_FACTS = frozenset(
    f"{lang}/{path}.md"
    for lang in ("sv", "en")
    for path in (
        "aktorer/jamstalldhetsmyndigheten",
        "aktorer/tingsratten",
        "lagar/foraldrabalken",
        "om/index",
        "om/bakgrund",
    )
)


def test_a_page_names_the_county_by_its_value_and_an_unknown_value_is_one_line(tmp_path):
    root = municipal_handbook(tmp_path)
    replace(
        root, "docs/sv/index.md", "Läs [[avvikning]].", "Planen gäller [[county:name]].\n\nLäs [[avvikning]]."
    )
    start = load_site(root / "mkdocs.yml").get("sv", "start")
    assert "Planen gäller Testlän." in start.body and problems(root) == []
    replace(root, "docs/sv/index.md", "[[county:name]]", "[[county:namn]]")
    assert problems(root) == [
        "docs/sv/index.md:13: '[[county:namn]]' names no value of the county — write one of the values under county: in municipalities/county.yml, e.g. [[county:name]], or add it there"
    ]


@pytest.mark.parametrize(
    "value", ["<b>Testlän</b>", "[Testlän](javascript:x)", "Test*län*", "{sv: '', en: Test County}"]
)
def test_a_county_value_is_plain_words_or_one_line(tmp_path, value):
    root = municipal_handbook(tmp_path)
    replace(
        root,
        "municipalities/county.yml",
        "name: {sv: Testlän, en: Test County}",
        f"name: {value}" if value.startswith("{") else f"name: {{sv: '{value}', en: Test County}}",
    )
    assert [line.split(" — ")[0] for line in problems(root)] == [
        "municipalities/county.yml:7: the county value 'name' is not a lower-case name with plain words in sv and en"
    ]


def test_another_county_s_plan_leaves_out_the_sections_of_the_core_county_s_facts():
    page = "# Rutin\n\n## Syfte\n\nText.\n\n## I Stockholm {: .county-facts }\n\nStockholms fakta.\n\n```\n## inte en rubrik\n```\n\n### Del\n\nMer.\n\n## Vem gör vad\n\n1. Steg.\n"
    kept = without_county_facts(page)
    assert (
        kept.count("\n") == page.count("\n")
        and "Stockholm" not in kept
        and "Mer." not in kept
        and "inte en rubrik" not in kept
    )
    assert "Text." in kept and "## Vem gör vad\n\n1. Steg." in kept
    many = "Stockholm\n" + "{: .county-facts }\n" * 50_000  # each marker ends its paragraph: linear, no hang
    assert without_county_facts(many).strip() == ""


def test_a_configuration_inherits_as_mkdocs_reads_it_and_a_circle_is_one_line(tmp_path):
    (tmp_path / "core.yml").write_text(
        "site_name: Kärnan\nextra: {a: 1}\nnav: [index.md]\n", encoding="utf-8"
    )
    (tmp_path / "layer.yml").write_text("INHERIT: core.yml\nextra: {b: 2}\n", encoding="utf-8")
    assert read_config(tmp_path / "layer.yml") == {
        "site_name": "Kärnan",
        "extra": {"a": 1, "b": 2},
        "nav": ["index.md"],
    }
    (tmp_path / "core.yml").write_text("INHERIT: layer.yml\n", encoding="utf-8")
    assert [str(problem) for problem in load_site(tmp_path / "layer.yml").load_problems] == [
        "layer.yml:1: the site configuration cannot be read — check the YAML on this line"
    ]


def other_county(root: Path) -> Path:
    """A second county over the municipal handbook: its own name, one municipality, its own start page."""
    folder = root / layer.LAYERS / "annat"
    shutil.copytree(root / "municipalities", folder / "municipalities")
    replace(folder, "municipalities/county.yml", "Testlän, en: Test County", "Annatlän, en: Other County")
    (folder / "municipalities" / "status.yml").write_text(
        'municipalities:\n  - {code: "0888", name: Ettby kommun, adopted: no}\n', encoding="utf-8"
    )
    for name in ("testby.yml", "tredjeby.yml"):
        (folder / "municipalities" / name).unlink()
    (folder / "docs" / "sv").mkdir(parents=True)
    start = (root / "docs/sv/index.md").read_text(encoding="utf-8")
    (folder / "docs/sv/index.md").write_text(start.replace("# Start", "# Start i Annatlän"), encoding="utf-8")
    return folder


def test_another_county_is_the_core_with_its_layer_over_it(tmp_path):
    root = municipal_handbook(tmp_path)
    other_county(root)
    handbook = load_site(layer.assemble(root / "mkdocs.yml", "annat"))
    assert problems(Path(handbook.root)) == []
    assert (
        "# Start i Annatlän" in handbook.get("sv", "start").body
        and handbook.get("sv", "avvikning") is not None
    )
    assert handbook.county["en"]["name"] == "Other County" and [row.name for row in handbook.adoption] == [
        "Ettby kommun"
    ]
    # the core is untouched
    assert "# Start i Annatlän" not in (root / "docs/sv/index.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["saknas", "../annat", "Annat"])
def test_a_county_without_a_layer_is_one_line(tmp_path, name, capsys):
    root = municipal_handbook(tmp_path)
    other_county(root)
    assert cli.main(["--config", str(root / "mkdocs.yml"), "--county", name, "check"]) == 1
    message = capsys.readouterr().err.strip()
    assert message.startswith("--county: ") and message.endswith("nothing was done") and "\n" not in message


@pytest.fixture(scope="module")
def uppsala_site(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("uppsala") / "site"
    assert (
        cli.main(
            ["--config", str(ROOT / "mkdocs.yml"), "--county", "uppsala", "build", "--site-dir", str(site)]
        )
        == 0
    )
    return site


def source_of(site: Path, html: Path) -> str:
    """docs path (sv/… or en/…) of a built page."""
    parts = html.relative_to(site).parts[:-1]
    lang, parts = ("en", parts[1:]) if parts[:1] == ("en",) else ("sv", parts)
    folder = "/".join(parts)
    if not folder:
        return f"{lang}/index.md"
    return (
        f"{lang}/{folder}/index.md"
        if (ROOT / "docs" / lang / folder / "index.md").is_file()
        else f"{lang}/{folder}.md"
    )


@pytest.mark.site
def test_the_uppsala_sample_names_its_own_county_and_its_own_municipalities(uppsala_site):
    start = (uppsala_site / "index.html").read_text(encoding="utf-8")
    assert '<p class="sv-chooser__edition">Samverkansplanen för hela Uppsala län.</p>' in start
    assert "för alla i Uppsala län som arbetar" in start
    for page, words in (
        ("lagar/index.html", "Exempel på Samverkansplanen"),
        ("en/lagar/index.html", "A sample of the collaboration plan"),
    ):
        # the site's, in the county's words
        assert f'<meta name="description" content="{words}' in (uppsala_site / page).read_text(
            encoding="utf-8"
        )
    listed = (uppsala_site / "assets/javascripts/municipalities/_list.sv.js").read_text(encoding="utf-8")
    names = [
        each["name"] for each in json.loads(listed[listed.index("[", listed.index(",")) : listed.rindex(")")])
    ]
    assert names == [
        "Enköpings kommun",
        "Heby kommun",
        "Håbo kommun",
        "Knivsta kommun",
        "Tierps kommun",
        "Uppsala kommun",
        "Älvkarleby kommun",
        "Östhammars kommun",
    ]
    board = (uppsala_site / "rutiner/beredskap/index.html").read_text(encoding="utf-8")
    assert ">Länsstyrelsen i Uppsala län</a>" in board  # its own page replaces the core's, and links say so
    routine = (uppsala_site / "rutiner/avvikning/index.html").read_text(encoding="utf-8")
    assert (
        'id="lokalt-tillagg-county">Lokalt tillägg: Uppsala län' in routine
        and "Exempel: här skriver länet" in routine
    )


@pytest.mark.site
def test_the_uppsala_sample_names_stockholm_only_in_its_own_data_national_facts_and_the_plan_s_history(
    uppsala_site,
):
    own_data = [
        text
        for path in (ROOT / "counties/uppsala").rglob("*.yml")
        for text in re.findall(
            rf"\"([^\"\n]*(?:{STOCKHOLM.pattern})[^\"\n]*)\"", path.read_text(encoding="utf-8")
        )
    ]
    saying = set()
    for html in uppsala_site.rglob("*.html"):
        tree = LexborHTMLParser(html.read_text(encoding="utf-8"))
        for history in tree.css(HISTORY):
            history.decompose()
        text = tree.html
        for own in own_data:
            text = text.replace(own, "")
        if STOCKHOLM.search(text):
            saying.add(source_of(uppsala_site, html))
    assert saying - NATIONAL_FACTS - PLAN_HISTORY == set(), (
        "these pages name Stockholm in another county's plan: write [[county:name]], or mark Stockholm's own facts (docs-dev/county.md)"
    )
    assert (NATIONAL_FACTS | PLAN_HISTORY) - saying == set(), (
        "these pages no longer name Stockholm: take them out of the lists above"
    )


COUNTY_ADDITION = """additions:
  avvikning:
    section: {sv: vem-gor-vad, en: who-does-what}
    sv: I Testlän ringer boendet också länets jour.
    en: In Test County the residence also calls the county's duty service.
"""


@pytest.mark.parametrize("edition", [None, "testby"])
def test_the_county_s_addition_to_a_routine_stands_in_every_edition_at_its_section(tmp_path, edition):
    root = municipal_handbook(tmp_path)
    (root / "municipalities/county.yml").write_text(
        (root / "municipalities/county.yml").read_text(encoding="utf-8") + COUNTY_ADDITION, encoding="utf-8"
    )
    handbook = load_site(root / "mkdocs.yml")
    page = handbook.get("sv", "avvikning")
    markdown = Renderer(handbook, overlay=overlay.load(root, edition)).markdown(page, page.body)
    heading = markdown.index("### Lokalt tillägg: Testlän {#lokalt-tillagg-county .admonition-title}")
    assert (
        markdown.index("## Vem gör vad")
        < heading
        < markdown.index("I Testlän ringer boendet också länets jour.")
    )
    assert (
        '<a href="#lokalt-tillagg-county">Läs tillägget</a>' in markdown
        and rules.all_problems(handbook, overlay.load(root, edition))[0] == []
    )


def test_the_county_s_addition_at_a_section_the_routine_lacks_is_one_line(tmp_path):
    root = municipal_handbook(tmp_path)
    (root / "municipalities/county.yml").write_text(
        (root / "municipalities/county.yml").read_text(encoding="utf-8")
        + COUNTY_ADDITION.replace("sv: vem-gor-vad", "sv: vem-gor-vat"),
        encoding="utf-8",
    )
    handbook = load_site(root / "mkdocs.yml")
    assert [str(problem) for problem in rules.all_problems(handbook, overlay.load(root, None))[0]] == [
        "municipalities/county.yml:10: 'avvikning' (sv) has no section 'vem-gor-vat' — did you mean 'vem-gor-vad'? sections: nar-ett-barn-avviker, vem-gor-vad, efterat"
    ]


def test_the_pages_of_the_core_county_s_facts_a_layer_has_not_written_are_named_in_one_line(tmp_path):
    root = municipal_handbook(tmp_path)
    other_county(root)
    replace(root, "docs/sv/index.md", "owner: arbetsgruppen\n", "owner: arbetsgruppen\ncounty_facts: true\n")
    replace(root, "docs/en/index.md", "owner: arbetsgruppen\n", "owner: arbetsgruppen\ncounty_facts: true\n")
    note = layer.unreplaced(load_site(layer.assemble(root / "mkdocs.yml", "annat")))
    # its Swedish start page is its own
    assert (
        note
        == "counties/annat: the county has no page yet for these pages of the core county's own facts (write each at the same path in counties/annat/): docs/en/index.md"
    )
    # the sample has written them all
    assert layer.unreplaced(load_site(layer.assemble(ROOT / "mkdocs.yml", "uppsala"))) is None
    assert layer.unreplaced(load_site(root / "mkdocs.yml")) is None  # the core's own plan


def test_a_problem_in_another_county_s_plan_names_the_file_it_is_written_in(tmp_path, capsys):
    root = municipal_handbook(tmp_path)
    folder = other_county(root)
    replace(folder, "docs/sv/index.md", "# Start i Annatlän", "# Start i Annatlän\n\nSe [[finns-inte]].")
    replace(
        folder,
        "municipalities/county.yml",
        "Annatlän, en: Other County",
        "'<b>Annatlän</b>', en: Other County",
    )
    replace(root, "docs/en/index.md", "owner: arbetsgruppen", "owner: arbetsgrupen")
    assert cli.main(["--config", str(root / "mkdocs.yml"), "--county", "annat", "check"]) == 1
    files = {line.split(":")[0] for line in capsys.readouterr().out.splitlines()}
    assert files == {
        "counties/annat/docs/sv/index.md",
        "counties/annat/municipalities/county.yml",
        "docs/en/index.md",
    }


@pytest.mark.site
@pytest.mark.parametrize("command", [["--municipality", "tredjeby"], ["--all"]])
def test_a_municipality_of_another_county_builds_its_edition_with_the_county_s_name(tmp_path, command):
    root = municipal_handbook(tmp_path)
    folder = other_county(root)
    (folder / "municipalities/status.yml").write_text(
        'municipalities:\n  - {code: "0997", name: Tredjeby kommun, adopted: yes}\n', encoding="utf-8"
    )
    shutil.copy(root / "municipalities/tredjeby.yml", folder / "municipalities/tredjeby.yml")
    assert cli.main(["--config", str(root / "mkdocs.yml"), "--county", "annat", "build", *command]) == 0
    # with --all, filled into site-annat/
    start = (root / "site-annat-tredjeby" / "index.html").read_text(encoding="utf-8")
    assert (
        "utgåva för <strong>Tredjeby kommun</strong>" in start
        and "# Start i Annatlän" not in start
        and ">Start i Annatlän</h1>" in start
    )
    assert "Socialjouren i Tredjeby" in start and "Testlän" not in start


def test_a_paragraph_s_attribute_list_in_the_middle_of_it_is_one_line(tmp_path):
    root = municipal_handbook(tmp_path)
    replace(
        root, "docs/sv/index.md", "Läs [[avvikning]].", "Läs [[avvikning]].\n{: .county-facts }\nMer text."
    )
    assert problems(root) == [
        "docs/sv/index.md:14: the attribute list '{: .county-facts }' is in the middle of a paragraph, where readers see it as written — put it on the paragraph's last line by itself, with a blank line after it"
    ]
    replace(root, "docs/sv/index.md", "{: .county-facts }\nMer text.", "{: .county-facts }\n\nMer text.")
    assert problems(root) == []


@pytest.mark.parametrize(
    "county",
    [
        "county: [Testlän]\n",
        "county: {name: {sv: " + "Testlän " * 50_000 + "x!, en: Test County}}\n",
        "county: {../name: {sv: Testlän, en: Test County}}\n",
        "county: {name: {sv: Testlän, en: Test County}}\nadditions:\n  avvikning:\n    sv: <script>alert(1)</script>\n    en: Text.\n",
    ],
)
def test_a_hostile_county_file_is_one_line_and_no_traceback(tmp_path, county):
    root = municipal_handbook(tmp_path)
    replace(root, "municipalities/county.yml", "county:\n  name: {sv: Testlän, en: Test County}\n", county)
    handbook = load_site(root / "mkdocs.yml")
    found = [str(problem) for problem in rules.all_problems(handbook, overlay.load(root, None))[0]]
    assert len(found) == 1 and found[0].startswith("municipalities/county.yml:") and "\n" not in found[0]


def test_a_configuration_inheriting_a_missing_file_is_one_line(tmp_path):
    (tmp_path / "layer.yml").write_text("INHERIT: saknas.yml\n", encoding="utf-8")
    assert [str(problem) for problem in load_site(tmp_path / "layer.yml").load_problems] == [
        "layer.yml:1: the site configuration cannot be read — check the YAML on this line"
    ]


def test_a_link_in_a_county_s_pages_is_refused_in_one_line(tmp_path, capsys):
    root = municipal_handbook(tmp_path)
    folder = other_county(root)
    (folder / "docs/sv/lank.md").symlink_to("/etc/passwd")
    assert cli.main(["--config", str(root / "mkdocs.yml"), "--county", "annat", "check"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "counties/annat/docs/sv/lank.md:1: the file is a symbolic link — replace it with the file itself"
    ]


@pytest.mark.parametrize(
    "path, kind",
    [
        ("docs/sv/lankad", "folder"),  # a folder the core has not
        ("docs/sv/rutiner", "folder"),  # in place of one of the core's folders
        ("docs/en", "folder"),  # a whole language
        ("docs/sv/djup/lankad", "folder"),  # deeper down, in a folder of the layer's own
        ("docs/sv/saknas.md", "file"),  # a page linked to nothing
    ],
)
def test_a_link_in_a_county_s_pages_is_named_where_the_layer_has_it_and_every_problem_by_a_path_that_exists(
    tmp_path, capsys, path, kind
):
    root = municipal_handbook(tmp_path)
    folder = other_county(root)
    (folder / path).parent.mkdir(parents=True, exist_ok=True)
    (folder / path).symlink_to(tmp_path / "saknas.md" if kind == "file" else root / "docs/en")
    assert cli.main(["--config", str(root / "mkdocs.yml"), "--county", "annat", "check"]) == 1
    lines = capsys.readouterr().out.splitlines()
    fix = "the file itself" if kind == "file" else "a real folder"
    assert f"counties/annat/{path}:1: the {kind} is a symbolic link — replace it with {fix}" in lines
    assert all(os.path.lexists(root / line.split(":")[0]) for line in lines), lines
