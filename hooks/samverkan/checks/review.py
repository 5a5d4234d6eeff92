"""Review due: pages whose next review has passed or comes within N days, grouped by owner.

For the working group's meetings: each owner sees what to review next. A page
past its date is overdue: a warning, or an error (exit 1) with ``--strict``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from itertools import groupby

from samverkan.content.model import Handbook, Page


@dataclass(frozen=True)
class Due:
    page: Page
    owner: str  # the owner's title, or its id when there is no such page
    days_left: int  # negative when overdue

    @property
    def overdue(self) -> bool:
        return self.days_left < 0


def due(handbook: Handbook, within_days: int, today: dt.date) -> list[Due]:
    """Pages to review by ``today + within_days``, by owner and then date."""
    found = []
    for page in handbook.pages:
        days_left = (page.next_review - today).days
        if days_left <= within_days:
            owner = handbook.get(page.lang, page.owner.id)
            found.append(Due(page, owner.title if owner else page.owner.id, days_left))
    return sorted(found, key=lambda item: (item.owner, item.page.next_review, item.page.file))


def describe(item: Due, strict: bool) -> str:
    when = f"overdue by {-item.days_left} day(s)" if item.overdue else f"due in {item.days_left} day(s)"
    level = ("ERROR" if strict else "WARNING") if item.overdue else "due"
    return f"  {level:7}  {item.page.next_review}  {item.page.file}  ({when}, version {item.page.version})"


def report(handbook: Handbook, within_days: int, strict: bool, today: dt.date | None = None) -> int:
    items = due(handbook, within_days, today or dt.date.today())
    for owner, group in groupby(items, key=lambda item: item.owner):
        print(f"{owner}:")
        for item in group:
            print(describe(item, strict))
    overdue = sum(item.overdue for item in items)
    print(f"{len(items)} page(s) to review within {within_days} days, {overdue} overdue")
    return 1 if strict and overdue else 0
