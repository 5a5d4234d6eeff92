"""Taking the county edition's municipality parts out of a page (views/municipality_parts.py)."""

from __future__ import annotations

from samverkan.views.municipality_parts import take_out

PART = '<div class="sv-chosen" data-sv-municipality="{slug}" hidden="">{text}</div>'


def test_a_run_of_parts_becomes_one_slot_and_each_part_is_kept_as_written():
    first, second, later = (
        PART.format(slug="a", text="<p>A</p>"),
        PART.format(slug="b", text="<p>B</p>"),
        PART.format(slug="a", text="<p>A2</p>"),
    )
    page, parts = take_out(
        f"<h1>T</h1>\n{first}\n\n{second}\n<p>Text</p>\n{later}", "x/", frozenset({"a", "b"})
    )
    assert (
        page
        == '<h1>T</h1>\n<div class="sv-slot" data-sv-slot="x/#0"></div>\n<p>Text</p>\n<div class="sv-slot" data-sv-slot="x/#1"></div>'
    )
    assert parts == [("x/#0", "a", first), ("x/#0", "b", second), ("x/#1", "a", later)]


def test_what_only_looks_like_a_part_stays_in_the_page():
    """A page may write such a div itself (the sanitizer lets data- attributes through): its slug names no file."""
    hostile = PART.format(slug="../../../etc/x", text="<p>X</p>") + PART.format(slug="a", text="<p>A</p>")
    page, parts = take_out(hostile, "x/", frozenset({"a"}))
    assert [slug for _, slug, _ in parts] == ["a"] and page.startswith(
        PART.format(slug="../../../etc/x", text="<p>X</p>")
    )


def test_an_unclosed_part_ends_the_pass_in_linear_time():
    opening = '<div class="sv-chosen" data-sv-municipality="a"'
    page, parts = take_out(opening * 50_000, "x/", frozenset({"a"}))
    assert parts == [] and page == opening * 50_000
