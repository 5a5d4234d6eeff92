"""Dates that record something done (a review, a reading, a check) never lie after the day of the build:
each such date in the future is one line naming the file and its line, with a fix."""

from __future__ import annotations

import datetime as dt

from handbooks import copy_minimal, problems, replace
from municipal import GOOD_NIGHT, municipal_handbook, night_status, with_edition_fields
from samverkan.checks import municipal as municipal_checks
from samverkan.content.schema import build_day, future_date_fault
from samverkan.editions import county
from samverkan.editions.handbook import load_site

TOMORROW = (build_day() + dt.timedelta(days=1)).isoformat()


def test_the_rule_refuses_only_dates_after_the_day_of_the_build():
    today = dt.date(2026, 12, 7)
    assert future_date_fault("2026-12-07", today) is None and future_date_fault("2026-12-06", today) is None
    assert future_date_fault("not a date", today) is None  # whether it is a date is parse_date's concern
    what, fix = future_date_fault("2026-12-08", today)
    assert what == "2026-12-08 lies after the day of the build (2026-12-07)" and "2026-12-07" in fix
    assert future_date_fault(dt.date(2062, 12, 3), today)


def one_line(found: list[str], says: str) -> str:
    matching = [line for line in found if says in line]
    assert len(matching) == 1, found
    assert "\n" not in matching[0] and "Traceback" not in matching[0]
    return matching[0]


def test_a_page_reviewed_in_2062_is_one_line_at_its_line(tmp_path):
    root = copy_minimal(tmp_path)
    replace(root, "docs/sv/rutiner/avvikning.md", "reviewed: 2026-01-15", "reviewed: 2062-12-03")
    line = one_line(problems(root), "2062-12-03 lies after the day of the build")
    assert line.startswith(
        "docs/sv/rutiner/avvikning.md:6: 'reviewed' 2062-12-03 lies after the day of the build"
    )


def test_a_page_reviewed_tomorrow_is_refused_too(tmp_path):
    root = copy_minimal(tmp_path)
    replace(root, "docs/en/rutiner/avvikning.md", "reviewed: 2026-01-15", f"reviewed: {TOMORROW}")
    assert one_line(problems(root), f"{TOMORROW} lies after").startswith("docs/en/rutiner/avvikning.md:6:")


def test_a_history_entry_dated_in_the_future_is_refused(tmp_path):
    root = copy_minimal(tmp_path)
    text = (root / "docs/sv/rutiner/avvikning.md").read_text(encoding="utf-8")
    history = "history:\n  - version: 1.0\n    date: 2099-01-01\n    change: Första versionen.\n"
    (root / "docs/sv/rutiner/avvikning.md").write_text(
        text.replace("reviewed:", history + "reviewed:", 1), encoding="utf-8"
    )
    assert one_line(problems(root), "2099-01-01 lies after").startswith("docs/sv/rutiner/avvikning.md:")


def test_a_municipality_checked_in_2062_is_one_line_at_its_line(tmp_path):
    root = with_edition_fields(municipal_handbook(tmp_path))
    replace(root, "municipalities/testby.yml", "reviewed: 2026-11-29", "reviewed: 2062-11-29")
    found = [str(problem) for problem in municipal_checks.municipality_files(load_site(root / "mkdocs.yml"))]
    line = one_line(found, "2062-11-29 lies after")
    assert line.startswith("municipalities/testby.yml:4: reviewed 2062-11-29 lies after the day of the build")


def night_problems(tmp_path, read: str, more: str = "") -> list[str]:
    rows, found = night_status(
        tmp_path,
        GOOD_NIGHT.replace("read: 2026-12-03", f"read: {read}") + ("\n" + more.rstrip("\n") if more else ""),
    )
    assert rows[0].night_texts is None  # the contact is not shown as freshly read
    return [str(problem) for problem in found]


def test_a_night_number_read_in_the_future_is_one_line(tmp_path):
    line = one_line(night_problems(tmp_path, "2062-12-03"), "read 2062-12-03 lies after the day of the build")
    # at the field
    assert line.startswith(f"{county.STATUS_FILE}:9: Sigtuna kommun: the night contact read 2062-12-03")


def test_a_source_dated_after_the_build_is_one_line(tmp_path):
    line = one_line(
        night_problems(tmp_path, "2026-12-03", f"      source_dated: {TOMORROW}\n"),
        f"source_dated {TOMORROW} lies after",
    )
    assert line.startswith(f"{county.STATUS_FILE}:10:")  # at the field
