"""A municipality's parts in a page's slots, and the county site's scripts that carry them (views/municipality_parts.py)."""

from __future__ import annotations

from samverkan.views.municipality_parts import Collected, place, read_script, slots

TOP, LATER = (
    '<div class="sv-slot" data-sv-slot="x.md#top"></div>',
    '<div class="sv-slot" data-sv-slot="x.md#later"></div>',
)
PAGE = f"<h1>T</h1>\n{TOP}\n<p>Text</p>\n{LATER}\n<p>End</p>"


def test_slots_are_found_by_their_names():
    assert slots(PAGE) == {"x.md#top": TOP, "x.md#later": LATER}


def test_each_slot_gives_way_to_its_part_or_goes_with_its_line():
    assert (
        place(PAGE, {"x.md#later": "<aside>A</aside>"})
        == "<h1>T</h1>\n<p>Text</p>\n<aside>A</aside>\n<p>End</p>"
    )
    assert place(PAGE, {}) == PAGE  # nothing to place: the page as it is


def test_what_only_looks_like_a_slot_in_text_or_an_attribute_stays():
    text = f"<p>{TOP.replace('<', '&lt;')}</p><p title='{TOP}'>x</p>"
    assert place(text, {"x.md#top": "<p>A</p>"}) == text


def test_each_part_is_written_once_and_each_slot_names_it(tmp_path):
    collected = Collected()
    collected.add(
        "sv", {"a": {"x.md#top": "<p>A</p>", "y.md#top": "<p>A</p>"}, "b": {"x.md#top": "<p>B</p>"}}
    )
    collected.write(tmp_path, {})
    folder = tmp_path / "assets/javascripts/municipalities"
    assert read_script((folder / "a.sv.js").read_text(encoding="utf-8")) == {
        "parts": ["<p>A</p>"],
        "slots": {"x.md#top": [0], "y.md#top": [0]},
    }
    assert read_script((folder / "b.sv.js").read_text(encoding="utf-8"))["parts"] == ["<p>B</p>"]
