"""The working group's shared mailbox (working_group_mailbox: in municipalities/county.yml): shown on the adoption
page, in the board's draft and on the confirmation sheets when set; a person's address there is one line, like every personal address."""

from __future__ import annotations

from pathlib import Path

import pytest
from municipal import municipal_handbook
from samverkan.checks import rules
from samverkan.editions import overlay
from samverkan.editions.handbook import load_site
from samverkan.site import verify
from samverkan.views import board, confirmations
from samverkan.views.render import Renderer

ROOT = Path(__file__).resolve().parents[2]
MAILBOX = "samverkansplanen@testlan.se"


def county_with(tmp_path: Path, line: str) -> Path:
    root = municipal_handbook(tmp_path)
    county = root / "municipalities" / "county.yml"
    county.write_text(county.read_text(encoding="utf-8") + line, encoding="utf-8")
    return root


def problems(root: Path) -> list[str]:
    handbook = load_site(root / "mkdocs.yml")
    found, _ = rules.all_problems(handbook, overlay.chosen(handbook.root))
    return [str(problem) for problem in found]


def test_a_shared_mailbox_is_declared_and_passes_the_check(tmp_path):
    root = county_with(tmp_path, f"working_group_mailbox: {MAILBOX}\n")
    assert problems(root) == []
    assert load_site(root / "mkdocs.yml").working_group == MAILBOX


@pytest.mark.parametrize(
    "address, why",
    [
        ("anna.svensson@testlan.se", "looks like a person's address"),
        ("anna_svensson@testlan.se", "looks like a person's address"),
        ("arbetsgruppen", "is not an e-mail address"),
        ("Arbetsgruppen@Testlan.se", "is not a shared mailbox's address"),
    ],
)
def test_anything_but_a_shared_mailbox_is_one_line(tmp_path, address, why):
    root = county_with(tmp_path, f"working_group_mailbox: {address}\n")
    found = problems(root)
    assert len(found) == 1, found
    assert found[0].startswith("municipalities/county.yml:") and why in found[0] and " — " in found[0]
    assert load_site(root / "mkdocs.yml").working_group is None


def test_the_adoption_page_and_the_draft_show_it_and_the_verifier_lets_only_it_through(tmp_path):
    handbook = load_site(ROOT / "mkdocs.yml")
    assert handbook.working_group is None  # the county's file names none today: nothing is shown
    page = handbook.get("sv", "anslutning")
    assert "mailto:" not in Renderer(handbook).view_html(page)
    handbook.working_group = MAILBOX
    html = Renderer(handbook).view_html(page)
    assert f'<a href="mailto:{MAILBOX}">{MAILBOX}</a>' in html
    assert (
        verify.page_faults(f'<article class="md-content__inner">{html}</article>', frozenset({MAILBOX})) == []
    )
    assert any(
        "e-mail" in fault
        for fault in verify.page_faults(f'<article class="md-content__inner">{html}</article>', frozenset())
    )
    row = next(each for each in handbook.adoption if each.slug == "vallentuna")
    assert f"Arbetsgruppen nås på {MAILBOX}." in board.draft(handbook, row, overlay.load(handbook.root, None))


def test_the_confirmation_sheets_say_where_to_send_the_answer(tmp_path):
    root = county_with(tmp_path, f"working_group_mailbox: {MAILBOX}\n")
    assert confirmations.run(str(root / "mkdocs.yml"), str(tmp_path / "sheets")) == 0
    sheets = list((tmp_path / "sheets").glob("*.html"))
    assert sheets and all(
        f"Skicka svaret till arbetsgruppen för Samverkansplanen: {MAILBOX}."
        in sheet.read_text(encoding="utf-8")
        for sheet in sheets
    )
