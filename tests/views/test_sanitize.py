"""The sanitizer judged on what a browser would get: hostile fragments, and fragments generated at random."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from samverkan.site.verify import page_faults
from samverkan.views.sanitize import clean

# Inputs of a fresh attack that passed the old regex guards (issue 19), and older ones.
HOSTILE = [
    '<span class="x>" autofocus onfocus=alert(1)>a</span>',
    "<img/src/onerror=alert(1)>",
    '<span\nonmouseover="alert(1)">split over two lines</span>',
    '<span id="__config">{"base": "javascript:alert(1)"}</span>',
    "<!--> <img src=https://elsewhere.example/pixel> -->",
    '<img src="//elsewhere.example/pixel" alt="x">',
    '<img src="https://elsewhere.example/pixel" alt="x">',
    '<span style="position:fixed;inset:0">x</span>',
    '<p hidden onclick="alert(1)">x</p>',
    '<a href="&#x6A;avascript:alert(1)">x</a>',
    '<a href=" JaVaScRiPt:alert(1)">x</a>',
    "<svg><animate onbegin=alert(1) attributeName=x></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<iframe src=https://elsewhere.example></iframe>",
    '<form action="https://elsewhere.example"><button>x</button></form>',
    "<script>alert(1)</script>",
    '<div data-md-component="search">x</div>',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
]


def _as_page(content: str) -> str:
    return f'<!doctype html><html lang="sv"><body><article class="md-content__inner">{content}</article></body></html>'


@pytest.mark.parametrize("fragment", HOSTILE)
def test_a_hostile_fragment_reaches_the_reader_harmless_and_is_reported(fragment):
    cleaned, removed = clean(fragment)
    assert page_faults(_as_page(cleaned)) == []
    assert removed, "the build must name the file that caused the change"


def test_the_projects_own_markup_passes_unchanged_in_substance():
    own = (
        '<div class="sv-chosen" data-sv-municipality="sigtuna" hidden><p>Ring <a class="sv-tel" href="tel:112">112</a>.</p></div>'
        '<ul class="task-list"><li class="task-list-item"><label class="task-list-control"><input type="checkbox" disabled>'
        '<span class="task-list-indicator"></span></label> Ring.</li></ul><img src="../bild.png" alt="Karta">'
    )
    cleaned, removed = clean(own)
    assert removed == [] and 'href="tel:112"' in cleaned and 'src="../bild.png"' in cleaned


def test_an_addition_is_named_by_its_municipality_file():
    _, removed = clean(
        '<aside data-sv-source="municipalities/x.yml"><p><img src="https://elsewhere.example/p"></p></aside>'
    )
    assert [each.source for each in removed] == ["municipalities/x.yml"]


# A grammar of what hostile HTML is made of: tags, attributes, quotes, slashes, comments, entities.
TAG = st.sampled_from(
    [
        "a",
        "img",
        "span",
        "div",
        "p",
        "svg",
        "math",
        "script",
        "style",
        "iframe",
        "object",
        "input",
        "form",
        "details",
        "noscript",
        "template",
        "textarea",
        "title",
        "base",
        "link",
        "meta",
        "table",
    ]
)
NAME = st.sampled_from(
    [
        "href",
        "src",
        "srcset",
        "onerror",
        "onload",
        "onfocus",
        "style",
        "id",
        "class",
        "autofocus",
        "hidden",
        "data-md-component",
        "action",
        "formaction",
        "xlink:href",
        "poster",
        "ONCLICK",
    ]
)
VALUE = st.sampled_from(
    [
        "javascript:alert(1)",
        "https://elsewhere.example/x",
        "//elsewhere.example/x",
        "__config",
        "x>",
        "&#x6A;avascript:x",
        "java\tscript:x",
        "alert(1)",
        "color:red",
        "tel:112",
        "",
        "\"'><img src=x onerror=y>",
    ]
)
QUOTE = st.sampled_from(['"', "'", ""])
SEPARATOR = st.sampled_from([" ", "/", "\n", "\t", " / "])
ATTRIBUTE = st.builds(
    lambda name, eq, q, value: f"{name}{eq}{q}{value}{q}",
    NAME,
    st.sampled_from(["=", " = ", ""]),
    QUOTE,
    VALUE,
)
OPEN = st.builds(
    lambda tag, parts, end: f"<{tag}" + "".join(sep + attr for sep, attr in parts) + end,
    TAG,
    st.lists(st.tuples(SEPARATOR, ATTRIBUTE), max_size=4),
    st.sampled_from([">", "/>", " >", ""]),
)
NOISE = st.sampled_from(
    ["<!-->", "<!--", "-->", "--!>", "<![CDATA[", "]]>", "</", "&lt;", "&#60;", "text", "<?x?>", "</p>", "`"]
)
FRAGMENT = st.lists(st.one_of(OPEN, NOISE, st.builds(lambda tag: f"</{tag}>", TAG)), max_size=12).map("".join)


@settings(max_examples=300, deadline=None)
@given(FRAGMENT)
def test_no_generated_fragment_reaches_the_reader_with_script_or_an_outside_load(fragment):
    cleaned, _ = clean(fragment)
    assert page_faults(_as_page(cleaned)) == []
