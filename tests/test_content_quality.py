"""The handbook's own quality bar: plain Swedish (LIX) and short checklist items."""

from __future__ import annotations

import pytest

from samverkan import lix
from samverkan.load import load_site
from samverkan.model import Checklist

MAX_ITEM_CHARACTERS = 160  # about two lines on a phone or printed A4


@pytest.fixture(scope="module")
def handbook():
    return load_site("mkdocs.yml")


def test_lix_counts_words_per_sentence_plus_share_of_long_words():
    assert lix.lix("Barnet är borta. Ring polisen nu.") == pytest.approx(6 / 2 + 100 * 1 / 6)
    assert lix.lix("Socialtjänsten genomför förhandsbedömningen omedelbart.") == pytest.approx(4 / 1 + 100 * 4 / 4)


def test_routines_and_checklists_are_plain_swedish(handbook):
    too_hard = [f"{row.file}: LIX {row.score} > {row.limit}" for row in lix.report(handbook) if row.score > row.limit]
    assert too_hard == []


def test_every_checklist_item_fits_on_two_lines(handbook):
    long_items = [
        f"{page.file}:{item.line}: {len(item.text)} characters"
        for page in handbook.pages
        if isinstance(page, Checklist)
        for item in page.items
        if len(item.text) > MAX_ITEM_CHARACTERS
    ]
    assert long_items == []
