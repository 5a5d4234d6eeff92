"""An edition filled into the county's built site is the edition built on its own (site/fill.py)."""

from __future__ import annotations

import gzip
import json
import zipfile
from pathlib import Path

import pytest
from handbooks import replace
from municipal import TESTBY_URL, municipal_handbook, with_edition_fields
from samverkan.editions import overlay
from samverkan.editions.handbook import load_site
from samverkan.publish import publish, releases
from samverkan.site import completeness, fill, offline
from samverkan.views.render import Renderer

ROOT = Path(__file__).resolve().parents[2]
COUNTY_URL = "https://plan.example/"
SEARCH_INDEXES = {"search/search_index.json", "en/search/search_index.json"}

pytestmark = pytest.mark.site  # every test here builds a site (tests/conftest.py: the two tiers)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Path]:
    """The county's site, Testby's edition built on its own, and Testby's edition filled into the county's."""
    root = with_edition_fields(municipal_handbook(tmp_path_factory.mktemp("fill")))
    replace(root, "mkdocs.yml", "site_name: Test\n", f"site_name: Test\nsite_url: {COUNTY_URL}\n")
    sites = {name: root.parent / name for name in ("county", "own", "filled")}
    publish.build(root / "mkdocs.yml", sites["county"])
    publish.build(root / "mkdocs.yml", sites["own"], "testby")
    handbook = load_site(root / "mkdocs.yml")
    fill.fill_tree(
        Renderer(handbook, True, site_url=COUNTY_URL),
        sites["county"],
        sites["filled"],
        overlay.load(root, "testby"),
    )
    return sites | {"handbook": handbook}


def files(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): _content(path) for path in site.rglob("*") if path.is_file()}


def _content(path: Path) -> bytes:
    return gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()


def test_every_page_sitemap_feed_and_export_is_the_edition_built_on_its_own(built):
    own, filled = files(built["own"]), files(built["filled"])
    assert set(own) == set(filled)
    assert [name for name in own if own[name] != filled[name] and name not in SEARCH_INDEXES] == []
    page = filled["checklistor/avvikning-boendet/index.html"].decode()
    assert (
        f"{TESTBY_URL}checklistor/avvikning-boendet/" in page and COUNTY_URL not in page
    )  # its address, its QR code
    assert 'id="lokalt-tillagg-testby"' in filled["rutiner/avvikning/index.html"].decode()


def test_search_is_the_county_s_and_differs_only_where_local_values_stand_in_the_text(built):
    county, own, filled = files(built["county"]), files(built["own"]), files(built["filled"])
    for name in SEARCH_INDEXES:
        assert filled[name] == county[name]
        pairs = zip(json.loads(own[name])["docs"], json.loads(filled[name])["docs"], strict=True)
        unlike = [(mine["location"], mine["text"]) for mine, theirs in pairs if mine != theirs]
        assert unlike and all("Testby" in text for _, text in unlike), unlike


def test_the_filled_edition_passes_the_verifier_of_the_built_site(built):
    assert completeness.safe_and_complete(built["filled"], built["handbook"]) == []


def test_a_place_the_fill_leaves_is_one_line_naming_the_page(built, tmp_path):
    county = tmp_path / "county"
    county.mkdir()
    (
        county / "extra.html"
    ).write_text(  # a line after a call on a page of no handbook page: no line to put there
        '<html lang="sv"><p>Ring <span data-sv-night="here" data-sv-fill="">someone</span></p></html>',
        encoding="utf-8",
    )
    with pytest.raises(fill.FillFailed) as failure:
        fill.fill_tree(
            Renderer(built["handbook"], True, site_url=COUNTY_URL),
            county,
            tmp_path / "filled",
            overlay.load(built["handbook"].root, "testby"),
        )
    assert len(str(failure.value).splitlines()) == 1 and str(failure.value).startswith("extra.html: ")


def test_a_local_value_is_escaped_where_it_is_filled_in(built):
    testby = overlay.load(built["handbook"].root, "testby")
    testby.values["socialjour.name"] = {"sv": '<img src=x onerror="alert(1)">', "en": "x"}
    county = Renderer(built["handbook"], True, site_url=COUNTY_URL)
    page = fill.Fill(testby, county, county.edition, None, {"sv": {}, "en": {}}).page(
        '<p><span data-sv-local="socialjour.name">kommunens</span></p>', "index.html"
    )
    assert page == '<p><span class="sv-local">&lt;img src=x onerror="alert(1)"&gt;</span></p>'


def test_an_edition_s_own_address_needs_the_county_s_to_replace(built, tmp_path):
    handbook = built["handbook"]
    with pytest.raises(fill.FillFailed, match="give mkdocs.yml a site_url"):
        fill.fill_tree(
            Renderer(handbook, True, site_url=""),
            built["county"],
            tmp_path / "filled",
            overlay.load(handbook.root, "testby"),
        )


def test_the_real_stockholm_edition_filled_with_its_offline_copy_is_the_one_built_alone(
    edition_sites, tmp_path
):
    own = tmp_path / "own"
    publish.build(ROOT / "mkdocs.yml", own, "stockholm")
    filled = edition_sites["stockholm"]
    mine, theirs = files(own), files(filled)
    assert set(mine) == set(theirs) - {releases.MARKER}  # published, as every edition of build --all
    assert [
        name
        for name in mine
        if mine[name] != theirs[name] and name not in SEARCH_INDEXES | {offline.ZIP_NAME}
    ] == []
    with (
        zipfile.ZipFile(own / offline.ZIP_NAME) as alone,
        zipfile.ZipFile(filled / offline.ZIP_NAME) as offline_filled,
    ):
        assert alone.namelist() == offline_filled.namelist()
        unlike = [name for name in alone.namelist() if alone.read(name) != offline_filled.read(name)]
    assert unlike == [
        f"{offline.FOLDER_IN_ZIP}/search/search_index.{kind}" for kind in ("js", "json")
    ]  # the county's index
