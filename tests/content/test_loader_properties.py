"""Property tests: no front matter, however odd, crashes the loader; every fault is one clean line."""

from __future__ import annotations

import yaml
from conftest import hang_guard
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from samverkan.content.load import read_page
from samverkan.content.model import front_matter_fields


def test_a_value_with_line_breaks_is_reported_on_one_line():
    _, problems = read_page('---\ntype: page\nid: "a\\nb"\n---\n', "x.md", "sv", "docs/sv/x.md")
    assert any("'a\\nb' is not a valid id" in str(problem) for problem in problems)
    assert_clean(None, problems)


FIELDS = sorted(
    {
        name
        for page_type in ("routine", "checklist", "actor", "law", "term", "page")
        for name in front_matter_fields(page_type)
    }
)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=20),
    st.sampled_from(
        ["routine", "checklist", "page", "1.0", "2026-02-30", "2026-01-15", "polisen", "2025:400"]
    ),
)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(FIELDS + ["x"]), inner, max_size=3)
    ),
    max_leaves=8,
)
fields = st.dictionaries(st.sampled_from(FIELDS + ["bogus"]), values, max_size=8)
# Mostly a known type, so that the fields behind it are parsed too.
front_matters = (
    st.builds(
        lambda page_type, rest: {**rest, "type": page_type},
        st.sampled_from(["routine", "checklist", "actor", "law", "term", "page", "x"]),
        fields,
    )
    | fields
)


def assert_clean(page, problems):
    assert (page is None) == bool(problems)
    for problem in problems:
        text = str(problem)
        assert len(text.splitlines()) == 1, text
        assert problem.line >= 1 and problem.path == "docs/sv/x.md"


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(front_matters)
def test_random_front_matter_gives_a_page_or_one_line_problems(data):
    text = "---\n" + yaml.safe_dump(data, allow_unicode=True) + "---\n\n# Title\n"
    assert_clean(*read_page(text, "x.md", "sv", "docs/sv/x.md"))


@settings(max_examples=200)
@given(st.text(max_size=200))
def test_random_text_as_front_matter_never_crashes(raw):
    assert_clean(*read_page("---\n" + raw + "\n---\nbody\n", "x.md", "sv", "docs/sv/x.md"))


@settings(max_examples=100)
@given(st.text(max_size=300))
def test_random_whole_files_never_crash(text):
    assert_clean(*read_page(text, "x.md", "sv", "docs/sv/x.md"))


@settings(max_examples=100)
@given(st.dictionaries(st.sampled_from(["name", "code", "units", "additions", "other"]), values, max_size=5))
def test_random_municipality_files_give_an_overlay_or_one_line_problems(data):
    import tempfile
    from pathlib import Path

    from samverkan.editions import overlay

    with tempfile.TemporaryDirectory() as root:
        (Path(root) / "municipalities").mkdir()
        (Path(root) / "municipalities" / "x.yml").write_text(
            yaml.safe_dump(data, allow_unicode=True), encoding="utf-8"
        )
        loaded = overlay.load(root, "x")
    for problem in loaded.problems:
        assert len(str(problem).splitlines()) == 1 and problem.line >= 1


VALID_PAGE = '---\ntype: page\nid: x\ntitle: X\nversion: "1.0"\nreviewed: 2026-01-15\nnext_review: 2027-01-15\nowner: arbetsgruppen\n---\n'
# A hostile input that makes the loader hang fails the test: each example runs under hang_guard.
BOUNDED = settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])


@BOUNDED
@given(
    st.binary(max_size=400)
    | st.builds(lambda text: ("---\n" + text).encode("utf-8", "surrogatepass"), st.text(max_size=300))
)
@hang_guard()
def test_random_bytes_give_a_page_or_one_line_problems(data):
    from samverkan.content.frontmatter import FrontMatterError, decode

    try:
        text = decode(data)
    except FrontMatterError as error:
        assert error.line >= 1 and "\n" not in error.message
        return
    assert_clean(*read_page(text, "x.md", "sv", "docs/sv/x.md"))


markdownish = st.text(
    alphabet=st.sampled_from(list("[]()<>{}|:#-*`!=\"' \nabcjvsrpt&;0123456789")), max_size=300
)


@BOUNDED
@given(markdownish)
@hang_guard()
def test_random_bodies_give_one_line_problems(body):
    from samverkan.checks.markup import body_problems

    page, problems = read_page(VALID_PAGE + body, "x.md", "sv", "docs/sv/x.md")
    assert not problems
    for problem in body_problems(page, set()):
        assert len(str(problem).splitlines()) == 1 and problem.line >= 10
    for fault in page.faults:
        assert "\n" not in fault.message and fault.line >= 10
