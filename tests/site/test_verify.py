"""The site verifier: a built page as a browser reads it."""

from __future__ import annotations

import gzip
import io

import pytest
from conftest import ROOT
from samverkan.editions.handbook import load_site
from samverkan.site import verify
from samverkan.views import csp


def page(content: str, head: str = "", lang: str = ' lang="sv"') -> str:
    return f'<!doctype html><html{lang}><head>{head}</head><body><article class="md-content__inner">{content}</article></body></html>'


def test_the_real_site_is_clean(built_site):
    assert verify.problems(built_site, load_site(ROOT / "mkdocs.yml").public_numbers) == []


@pytest.mark.parametrize(
    "html, fault",
    [
        (page("<script>alert(1)</script>"), "the content holds <script>"),
        (page('<p onclick="x()">x</p>'), "<p> has the handler 'onclick'"),
        (page('<p style="color:red">x</p>'), "<p> in the content carries a style"),
        (
            page('<img src="https://elsewhere.example/p">'),
            "<img> loads https://elsewhere.example/p from outside the site",
        ),
        (
            page("<p>x</p>", head='<script src="//cdn.example/x.js"></script>'),
            "<script> loads //cdn.example/x.js from outside the site",
        ),
        (
            page("<p>x</p>", head='<link rel="stylesheet" href="https://fonts.example/css">'),
            "<link> loads https://fonts.example/css from outside the site",
        ),
        (page('<span id="__config">x</span>'), "the content uses the theme's id '__config'"),
        (page("<p>Se [[polisen]].</p>"), "the text shows a raw [[ marker"),
        (page("<p>x</p>", lang=""), "the page has no <html lang>"),
        (page('<a href="javascript:alert(1)">x</a>'), "<a> links to a script address"),
        (
            page(
                '<section class="sv-guide__result" id="avvikning--boendet"><ul><li>Ring socialjouren.</li></ul></section>'
            ),
            "the result 'avvikning--boendet' of 'Vad gör jag nu?' has no number to call (tel: link)",
        ),
    ],
)
def test_each_unsafe_thing_is_one_fault(html, fault):
    assert verify.page_faults(html) == [fault]


# Markdown makes 121212\\-1212 the first
@pytest.mark.parametrize("text", ["121212-1212", "121212\u200b-1212", "anna&#64;exempel.se"])
def test_personal_data_is_found_in_what_the_reader_sees(text):
    faults = verify.page_faults(page(f"<p>Kontakt {text}</p>"))
    assert len(faults) == 1 and faults[0].startswith("the text shows personal data")


@pytest.mark.parametrize(
    "shown, fault",
    [
        ("<p>Se [[polisen]].</p>", "the text shows a raw [[ marker"),
        ("<p>Rubrik {: .stor}</p>", "the text shows a raw {#…} or {:…} attribute list"),
        ("<p>Kontakt anna&#64;exempel.se</p>", "the text shows personal data"),
    ],
)
def test_what_the_page_shows_outside_its_article_is_judged_as_its_content_is(shown, fault):
    """Another engine may place a page's header or views outside the article: the reader sees them all the same."""
    html = page("<p>Rent.</p>").replace("<body>", f"<body><header>{shown}</header>")
    assert [each[: len(fault)] for each in verify.page_faults(html)] == [fault]


def test_a_theme_script_s_text_is_never_read_as_shown_text():
    html = page("<p>x</p>").replace(
        "</body>", '<script id="__config" type="application/json">{"a": "[[x]] {:y}"}</script></body>'
    )
    assert verify.page_faults(html) == []


def test_a_guide_result_with_a_number_is_no_fault():
    assert (
        verify.page_faults(
            page('<section class="sv-guide__result" id="r"><p>Ring <a href="tel:112">112</a>.</p></section>')
        )
        == []
    )


def test_a_marker_shown_as_code_is_no_fault():
    assert verify.page_faults(page("<p>Skriv <code>[[polisen]]</code>.</p>")) == []


def test_problems_name_the_file(tmp_path):
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "index.html").write_text(page("<script>x</script>"), encoding="utf-8")
    assert {str(problem).split(":")[0] for problem in verify.problems(tmp_path)} == {
        f"{tmp_path.name}/x/index.html"
    }


def test_the_visible_text_has_every_invisible_format_character_taken_out_and_nothing_else():
    import sys
    import unicodedata

    from selectolax.lexbor import LexborHTMLParser

    every = [chr(code) for code in range(sys.maxunicode + 1) if code < 0xD800 or code > 0xDFFF]
    invisible = "".join(char for char in every if unicodedata.category(char) == "Cf")
    kept = "".join(
        char
        for char in every
        if unicodedata.category(char) not in ("Cf", "Cc", "Cs") and char not in "<&\xa0"
    )
    text = verify.visible_text(
        LexborHTMLParser(f"<p>{invisible[::2]}{kept}{invisible[1::2]}</p>").css_first("p")
    )
    assert text == kept  # so that no zero-width character can hide a personal identity number from the scan


PUBLIC = frozenset({"112", "11414", "0850800000"})


def published(tmp_path, name: str, content: str | bytes) -> list[str]:
    """The verifier's problems of a site holding one published file besides a clean page."""
    site = tmp_path / "site"
    (site / name).parent.mkdir(parents=True, exist_ok=True)
    (site / "index.html").write_text(csp.with_policy(page("<p>Ring 112.</p>")), encoding="utf-8")
    (site / name).write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return [str(problem) for problem in verify.problems(site, PUBLIC)]


@pytest.mark.parametrize(
    "name, content, says",
    [
        # a number in the search words, JSON-escaped: every reader's browser loads it with the index
        (
            "search/search_index.json",
            '{"config": {"vocabulary": {"sv": {"synonyms": [["jour", "\\u0030701234567"]]}}}, "docs": []}',
            "phone number '0701234567' is not a declared public switchboard",
        ),
        (
            "export/handbook-sv.json",
            '{"pages": [{"text": "Ring 0046 70 123 45 67"}]}',
            "phone number '0046 70 123 45 67'",
        ),
        (
            "export/handbook-en.json",
            '{"pages": [{"text": "Call \\u202e76 54 321-070"}]}',
            "contains the invisible bidi control U+202E",
        ),
        (
            "feed.xml",
            "<rss><item><description>&lt;p&gt;Mejla anna(at)exempel.se&lt;/p&gt;</description></item></rss>",
            "contains an e-mail address",
        ),
        (
            "en/feed.xml",
            "<rss><item><title>Ring ０７０-１２３ ４５ ６７</title></item></rss>",
            "is written in digits other than 0-9",
        ),
        (
            "sitemap.xml.gz",
            gzip.compress(b"<urlset><url><loc>https://x.se/?pnr=121212-1212</loc></url></urlset>"),
            "looks like a personal identity number",
        ),
    ],
)
def test_every_published_text_file_is_read_as_its_reader_gets_it(tmp_path, name, content, says):
    found = published(tmp_path, name, content)
    assert (
        len(found) == 1
        and found[0].startswith(f"site/{name}:1: the file shows personal data: ")
        and says in found[0]
    ), found


@pytest.mark.parametrize(
    "name, content",
    [
        ("search/search_index.json", '{"docs": ['),
        ("feed.xml", b"\xff\xfe<rss>"),
        ("sitemap.xml.gz", b"not gzip"),
    ],
)
def test_a_published_file_that_cannot_be_read_is_one_line(tmp_path, name, content):
    found = published(tmp_path, name, content)
    assert len(found) == 1 and found[0].startswith(f"site/{name}:1: cannot be read ("), found


def test_the_themes_own_files_are_not_the_handbooks_words(tmp_path):
    assert (
        published(
            tmp_path, "assets/javascripts/vendor/LICENSE.txt", "Copyright (c) Jane Doe <jane@example.org>"
        )
        == []
    )


# ---- Every published file, of every type (site/published.py) ----


def _zip(members: dict) -> bytes:
    import io
    import zipfile

    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w") as archive:
        for member, data in members.items():
            archive.writestr(member, data)
    return packed.getvalue()


ARCHIVED = '<!doctype html><html lang="sv"><head><script>fetch("/x?"+document.cookie)</script></head><body><article class="md-content__inner"><p>Plan 1.0</p></article></body></html>'


def _pdf(catalog: dict | None = None, annotation: dict | None = None, text: str = "") -> bytes:
    """A one-page PDF written by pypdf, with the given entries in its catalog, one annotation, and a text."""
    from pypdf import PdfWriter
    from pypdf.generic import (
        ArrayObject,
        DecodedStreamObject,
        DictionaryObject,
        FloatObject,
        NameObject,
        TextStringObject,
    )

    def pdf_value(value):
        if isinstance(value, dict):
            return DictionaryObject({NameObject(key): pdf_value(item) for key, item in value.items()})
        return NameObject(value) if value.startswith("/") else TextStringObject(value.strip("()"))

    writer = PdfWriter()
    page = writer.add_blank_page(200, 200)
    content = DecodedStreamObject()
    content.set_data(f"BT /F1 12 Tf 10 10 Td ({text}) Tj ET".encode("latin-1"))
    page[NameObject("/Contents")] = writer._add_object(content)
    if annotation:
        annotation = pdf_value({"/Type": "/Annot", **annotation})
        annotation[NameObject("/Rect")] = ArrayObject([FloatObject(0)] * 4)
        page[NameObject("/Annots")] = ArrayObject([writer._add_object(annotation)])
    for key, value in (catalog or {}).items():
        writer._root_object[NameObject(key)] = pdf_value(value)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


HOSTILE_FILES = [
    # an archived page with a script in its head and no policy (the example)
    (
        "arkiv/1.0/index.html",
        ARCHIVED,
        ["the page runs a script that is not the theme's own", "the page carries no Content-Security-Policy"],
    ),
    # the same with a policy that allows its script by hash: not the site's policy
    (
        "arkiv/1.1/index.html",
        ARCHIVED.replace(
            "<head>",
            '<head><meta http-equiv="Content-Security-Policy" content="script-src \'unsafe-inline\'">',
        ),
        [
            "the page runs a script that is not the theme's own",
            "the page's Content-Security-Policy is not the site's",
        ],
    ),
    (
        "arkiv/1.2/index.html",
        ARCHIVED.replace(
            '<script>fetch("/x?"+document.cookie)</script>',
            '<script src="data:text/javascript,alert(1)"></script>',
        ),
        [
            "the page runs data:text/javascript,alert(1), which is not one of the site's script files",
            "the page carries no Content-Security-Policy",
        ],
    ),
    (
        "arkiv/1.3/index.html",
        ARCHIVED.replace("<script>", '<script type="importmap">'),
        ["the page runs a script that is not the theme's own", "the page carries no Content-Security-Policy"],
    ),
    # an SVG that runs when opened (the example), and other shapes of it
    (
        "arkiv/1.0/bild.svg",
        '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        ["the SVG holds <script>"],
    ),
    (
        "assets/images/logo.svg",
        '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
        ["the SVG has the handler 'onload'"],
    ),
    (
        "bild.svg",
        '<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><iframe src="x"/></foreignObject></svg>',
        ["the SVG holds <foreignobject>", "the SVG holds <iframe>"],
    ),
    (
        "bild2.svg",
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/1999/xlink"><a x:href="javascript:alert(1)"><text>x</text></a></svg>',
        ["the SVG links to a script address"],
    ),
    # XML a browser renders as a document
    (
        "feed.xml",
        '<feed xmlns="http://www.w3.org/2005/Atom"><x:script xmlns:x="http://www.w3.org/1999/xhtml">alert(1)</x:script></feed>',
        ["the XML holds <script>, which a browser would run"],
    ),
    (
        "en/feed.xml",
        '<?xml-stylesheet type="text/xsl" href="x.xsl"?><feed xmlns="http://www.w3.org/2005/Atom"/>',
        ["the XML asks for a style sheet"],
    ),
    # scripts that are not the theme's
    ("assets/javascripts/samverkan.js", "alert(1)", ["is a script that is not the theme's own"]),
    (
        "assets/javascripts/municipalities/x.sv.js",
        'svMunicipalities("sv",alert(1));',
        ["is a script that is not the theme's own"],
    ),
    # files that can carry script, or that the site never publishes
    (
        "arkiv/1.0/sida.xhtml",
        "<html xmlns='http://www.w3.org/1999/xhtml'><script>alert(1)</script></html>",
        ["files of type '.xhtml' are not published"],
    ),
    ("arkiv/1.0/sida.htm", ARCHIVED, ["files of type '.htm' are not published"]),
    # PDFs, read as a reader reads them: what runs on opening, a link that launches, an attached file, a broken file
    (
        "plan.pdf",
        _pdf(catalog={"/OpenAction": {"/S": "/JavaScript", "/JS": "(app.alert(1))"}}),
        ["the PDF holds /OpenAction, which runs or opens something"],
    ),
    (
        "plan2.pdf",
        _pdf(annotation={"/Subtype": "/Link", "/A": {"/S": "/Launch", "/F": "(cmd.exe)"}}),
        ["the PDF holds a link action /Launch; only /URI and /GoTo are allowed"],
    ),
    (
        "plan3.pdf",
        _pdf(annotation={"/Subtype": "/Link", "/A": {"/S": "/SubmitForm", "/F": "(https://x.example/)"}}),
        ["the PDF holds a link action /SubmitForm; only /URI and /GoTo are allowed"],
    ),
    (
        "plan4.pdf",
        _pdf(annotation={"/Subtype": "/FileAttachment", "/Contents": "(x)"}),
        ["the PDF holds an annotation /FileAttachment; only links are allowed"],
    ),
    (
        "plan5.pdf",
        b"%PDF-1.7\n1 0 obj << /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj",
        ["the PDF cannot be read"],
    ),
    (
        "assets/extra.css",
        "@import url(https://fonts.example/x.css);",
        ["the style sheet loads from outside the site"],
    ),
    ("assets/images/favicon.png", "<script>alert(1)</script>", ["is not the PNG image its name says"]),
    # the offline copy's zip, member by member
    (
        "samverkansplanen-utan-nat.zip",
        _zip(
            {
                "samverkansplanen/arkiv/index.html": ARCHIVED,
                "samverkansplanen/x.svg": "<svg><script>1</script></svg>",
            }
        ),
        None,
    ),
]


@pytest.mark.parametrize("name, content, faults", HOSTILE_FILES, ids=[case[0] for case in HOSTILE_FILES])
def test_every_published_file_is_judged_for_what_a_browser_would_run_in_it(tmp_path, name, content, faults):
    found = published(tmp_path, name, content)
    if faults is None:  # the zip's members, each named inside it
        assert sorted(line.split(":1: ")[0] for line in found) == [
            f"site/{name}/samverkansplanen/arkiv/index.html"
        ] * 2 + [f"site/{name}/samverkansplanen/x.svg"], found
        return
    assert len(found) == len(faults) and all(
        line.startswith(f"site/{name}:1: {fault}") and line.endswith(verify.FIX)
        for line, fault in zip(found, faults, strict=True)
    ), found


def verify_file_faults(name: str, data: bytes) -> list[str]:
    from samverkan.site.published import file_faults

    return file_faults(name, data)


def test_a_symbolic_link_in_the_site_is_one_line_and_a_text_file_none(tmp_path):
    assert published(tmp_path, "robots.txt", "User-agent: *") == []
    (tmp_path / "site" / "passwd.txt").symlink_to("/etc/passwd")
    assert [str(problem) for problem in verify.problems(tmp_path / "site", PUBLIC)] == [
        f"site/passwd.txt:1: is a symbolic link, which the site does not publish — {verify.FIX}"
    ]


def test_a_pdf_with_links_and_names_in_its_text_is_published():
    """What Chromium prints: links to places and addresses; words such as /AA or /JS in the text are not actions."""
    links = _pdf(
        annotation={"/Subtype": "/Link", "/A": {"/S": "/URI", "/URI": "(https://www.riksdagen.se/)"}},
        text="/AA /JS /Launch",
    )
    assert verify_file_faults("plan.pdf", links) == []
