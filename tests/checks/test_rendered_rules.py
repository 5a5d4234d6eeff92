"""A page held to its own rules as Markdown renders it (checks/markup.py, rendered_problems): whatever the
check's own reading of attribute lists, code spans and fences, a tag or attribute the page rules forbid is one
line naming the page and the line that makes it."""

from __future__ import annotations

import pytest
from conftest import hang_guard
from handbooks import copy_minimal, problems

PAGE = "docs/sv/index.md"

# The text added after the page's own, the line (within it) and the element the problem names.
HIDDEN = {
    "a paragraph's attribute list with a token the round-two fix did not expect": (
        "Ring 112 om barnet är i fara.\n{: hidden .x:y }",
        2,
        "'hidden' is not allowed on <p>",
    ),
    "a heading's": ("## Ring 112 {: hidden .a:b }", 1, "'hidden' is not allowed on <h2>"),
    "a link's, inline": ("Se [Ring 112](tel:112){: hidden .x:y } nu.", 1, "'hidden' is not allowed on <a>"),
    "a list item's": ("- Ring 112\n{: hidden .x:y }", 2, "'hidden' is not allowed on <li>"),
    "another attribute that hides": ("Ring 112.\n{: inert .a:b }", 2, "'inert' is not allowed on <p>"),
    "raw HTML after a fence Markdown never closes": (
        "~~~\n<p hidden>Ring 112</p>\n```",
        2,
        "'hidden' is not allowed on <p>",
    ),
    "raw HTML between fences Markdown reads as indented code": (
        "Text\n\n    ```\n<div hidden>Ring 112</div>\n\n    ```",
        4,
        "'hidden' is not allowed on <div>",
    ),
    "emphasis's, inline": (
        "Barnet kan vara i fara: *ring 112*{: hidden .a:b }.",
        1,
        "'hidden' is not allowed on <em>",
    ),
}


@pytest.mark.parametrize("name", HIDDEN)
def test_what_markdown_renders_against_the_page_rules_is_one_line_naming_page_and_line(tmp_path, name):
    text, line, what = HIDDEN[name]
    root = copy_minimal(tmp_path)
    page = root / PAGE
    own = page.read_text(encoding="utf-8")
    page.write_text(own + "\n" + text + "\n", encoding="utf-8")
    with hang_guard():
        found = problems(root)
    assert (
        len(found) == 1
        and found[0].startswith(f"{PAGE}:{own.count(chr(10)) + 1 + line}: ")
        and what in found[0]
    ), found


def test_what_markdown_writes_by_itself_passes(tmp_path):
    root = copy_minimal(tmp_path)
    page = root / PAGE
    page.write_text(
        page.read_text(encoding="utf-8")
        + "\n## Rubrik {#egen}\n\nStycke.\n{: .klass }\n\n3. Tre\n4. Fyra\n\n*[LVU]: Lagen om vård av unga\n\nLVU.\n\n"
        '[Länk](https://example.org "Titel") och <https://example.org>.\n\n<div class="kort" markdown>\n**Kort**\n</div>\n',
        encoding="utf-8",
    )
    assert problems(root) == []
