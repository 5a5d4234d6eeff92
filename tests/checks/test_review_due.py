"""Review due: pages to review soon, grouped by owner; overdue is a warning, or an error with --strict."""

from __future__ import annotations

import datetime as dt

from handbooks import copy_minimal, replace
from samverkan.checks import review
from samverkan.editions.handbook import load_site


def handbook(tmp_path):
    root = copy_minimal(tmp_path)
    replace(root, "docs/sv/rutiner/avvikning.md", "next_review: 2027-01-15", "next_review: 2026-03-01")
    replace(root, "docs/sv/aktorer/boendet.md", "owner: arbetsgruppen", "owner: boendet")
    return load_site(root / "mkdocs.yml")


def test_due_lists_overdue_and_soon_due_pages_by_owner(tmp_path):
    hb = handbook(tmp_path)
    items = review.due(hb, 30, dt.date(2026, 3, 10))
    assert [(item.owner, item.page.file, item.days_left) for item in items] == [
        ("Arbetsgruppen", "docs/sv/rutiner/avvikning.md", -9)
    ]
    later = review.due(hb, 320, dt.date(2026, 3, 10))
    owners = [item.owner for item in later]
    assert owners == sorted(owners) and "Boendet" in owners  # grouped by owner


def test_overdue_is_a_warning_by_default_and_an_error_with_strict(tmp_path, capsys):
    hb = handbook(tmp_path)
    assert review.report(hb, 30, strict=False, today=dt.date(2026, 3, 10)) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "Arbetsgruppen:"
    assert "WARNING  2026-03-01  docs/sv/rutiner/avvikning.md  (overdue by 9 day(s), version 1.0)" in out
    assert review.report(hb, 30, strict=True, today=dt.date(2026, 3, 10)) == 1
    assert "ERROR" in capsys.readouterr().out
    assert review.report(hb, 30, strict=True, today=dt.date(2026, 1, 1)) == 0  # nothing overdue yet
