"""Reading pages: front matter with line numbers, body markers, items, steps and phases."""

from __future__ import annotations

import datetime as dt

import pytest
from samverkan.content import body, frontmatter
from samverkan.content.load import read_page
from samverkan.content.model import Checklist
from samverkan.content.parts import Ref
from samverkan.content.urls import page_url, relative_url

CHECKLIST = """---
type: checklist
id: avvikning-boendet
title: Checklista
version: "1.10"
reviewed: 2026-01-15
next_review: 2027-01-15
owner: arbetsgruppen
routine: avvikning
---

# Checklista

## Genast {#at-once}

- [ ] Ring [[polisen|polisen]] på 114 14. [[boendet]]

### Om barnet är under 15 år

- [ ] Berätta det för polisen. [[boendet]]

## Sedan

- [x] Skriv ner vad som hänt. [[boendet]]

```
- [ ] Inte en punkt, bara kod. [[boendet]]
```
"""


def test_checklist_is_read_into_a_typed_page_with_items_lines_and_phases():
    page, problems = read_page(
        CHECKLIST, "checklistor/avvikning-boendet.md", "sv", "docs/sv/checklistor/avvikning-boendet.md"
    )
    assert problems == []
    assert isinstance(page, Checklist)
    assert page.version == "1.10"  # not the float 1.1
    assert page.reviewed == dt.date(2026, 1, 15)
    assert page.routine == Ref("avvikning", 9)
    assert [(item.text, item.actor.id, item.line, item.phase) for item in page.items] == [
        ("Ring [[polisen|polisen]] på 114 14.", "boendet", 16, "at-once"),
        ("Berätta det för polisen.", "boendet", 20, "at-once"),
        ("Skriv ner vad som hänt.", "boendet", 24, None),
    ]
    assert [link.id for link in page.links] == ["polisen", "boendet", "boendet", "boendet"]


def test_stage_headings_scope_the_items_below_them_until_a_heading_as_high():
    text = (
        "## Genast {#at-once}\n- [ ] A. [[boendet]]\n### I ankomstskedet {#arrival}\n- [ ] B. [[boendet]]\n"
        "### Efter anvisning {#after-assignment}\n- [ ] C. [[boendet]]\n#### Mer\n- [ ] D. [[boendet]]\n## Sedan {#within-hours}\n- [ ] E. [[boendet]]\n"
    )
    assert [(item.text, item.phase, item.stage) for item in body.parse(text, 1).items] == [
        ("A.", "at-once", None),
        ("B.", "at-once", "arrival"),
        ("C.", "at-once", "after-assignment"),
        ("D.", "at-once", "after-assignment"),
        ("E.", "within-hours", None),
    ]


def test_routine_steps_are_numbered_lines_ending_in_an_actor():
    parsed = body.parse("1. Boendet ringer polisen. [[boendet]]\n2. En vanlig numrerad rad.\n", first_line=12)
    assert [(step.text, step.actor, step.line) for step in parsed.steps] == [
        ("Boendet ringer polisen.", Ref("boendet", 12), 12)
    ]


def test_sfs_numbers_stay_text_and_are_not_read_as_base_60_numbers():
    text = CHECKLIST.replace("type: checklist", "type: law").replace(
        "routine: avvikning", "sfs: 2018:56\nurl: https://data.riksdagen.se/x\nstatus: in-force"
    )
    page, problems = read_page(text, "lagar/x.md", "sv", "docs/sv/lagar/x.md")
    assert problems == [] and page.sfs == "2018:56"


def test_page_without_front_matter_is_one_clear_problem():
    page, problems = read_page("# Bara en rubrik\n", "x.md", "sv", "docs/sv/x.md")
    assert page is None
    assert [str(p) for p in problems] == [
        "docs/sv/x.md:1: the page has no front matter — start the file with a '---' line, the YAML fields, and another '---' line"
    ]


def test_urls_follow_mkdocs_directory_and_file_layouts():
    assert page_url("index.md", True) == "" and page_url("rutiner/index.md", True) == "rutiner/"
    assert page_url("rutiner/avvikning.md", False) == "rutiner/avvikning.html"
    assert relative_url("aktorer/boendet.md", "rutiner/avvikning.md", True) == "../../rutiner/avvikning/"
    assert relative_url("aktorer/boendet.md", "rutiner/avvikning.md", False) == "../rutiner/avvikning.html"
    assert relative_url("index.md", "ansvarsmatris.md", True) == "ansvarsmatris/"


@pytest.mark.parametrize(
    "value",
    [
        "yes",
        "Yes",
        "YES",
        "yEs",
        "no",
        "On",
        "off",
        "true",
        "TRUE",
        "tRUE",
        "null",
        "~",
        "",
        "NULL",
        "nUll",
        "1.10",
        "2018:56",
        "0x1",
        "2026-11-27",
        "y",
        '"yes"',
        "'null'",
        "[yes, 'no', ~]",
        "{a: Off}",
        "|\n  yes",
    ],
)
def test_the_fast_loader_reads_values_as_the_pattern_based_one(value):
    """frontmatter._FastLoader resolves true/false/null by set lookup; PyYAML's own loader by its patterns."""
    text = f"k: {value}"
    assert frontmatter._parse(text, frontmatter._FastLoader) == frontmatter._parse(text, frontmatter._Loader)
