"""Every check, on the minimal handbook with one thing broken: the exact file, line and message."""

from __future__ import annotations

import pytest
from handbooks import copy_minimal, problems, replace

BOENDET = "docs/sv/aktorer/boendet.md"
ROUTINE = "docs/sv/rutiner/avvikning.md"
CHECKLIST = "docs/sv/checklistor/avvikning-boendet.md"
ROUTINE_EN = "docs/en/rutiner/avvikning.md"
PARITY_FIX = "translate item for item, in the same order, with the same [[actor]] markers and citations"

CASES = {
    "yaml does not parse": (
        [(BOENDET, "kind: residence", "kind: [residence")],
        [
            f"{BOENDET}:9: the front matter is not valid YAML (expected ',' or ']', but got '<stream end>') — check indentation, colons and quotes on this line"
        ],
    ),
    "unknown type": (
        [(BOENDET, "type: actor", "type: aktör")],
        [f"{BOENDET}:2: unknown type 'aktör' — use one of: routine, checklist, actor, law, term, page"],
    ),
    "no type": (
        [(BOENDET, "type: actor\n", "")],
        [
            f"{BOENDET}:1: the page has no 'type' — add 'type:' with one of: routine, checklist, actor, law, term, page"
        ],
    ),
    "missing field": (
        [(BOENDET, "owner: arbetsgruppen\n", "")],
        [
            f"{BOENDET}:2: missing field 'owner' — add 'owner:' (id of the actor that owns the page, e.g. arbetsgruppen)"
        ],
    ),
    "unknown field": (
        [(BOENDET, "kind: residence", "kind: residence\nkontakt: växeln")],
        [
            f"{BOENDET}:10: unknown field 'kontakt' for this actor — check the spelling; allowed: type, id, title, version, reviewed, next_review, owner, description, legal_basis, order, keywords, unconfirmed, untranslated, county_facts, kind, contact, only_in"
        ],
    ),
    "mistyped version": (
        [(BOENDET, 'version: "1.0"', "version: ett")],
        [f"{BOENDET}:5: 'version' 'ett' is not a version — write MAJOR.MINOR, e.g. version: 1.2"],
    ),
    "mistyped enum": (
        [(BOENDET, "kind: residence", "kind: boende")],
        [
            f"{BOENDET}:9: 'kind' 'boende' is not allowed — use one of: authority, municipal-unit, residence, ngo, role, court, network, association, region"
        ],
    ),
    "invalid date": (
        [(BOENDET, "reviewed: 2026-01-15", "reviewed: 2026-02-30")],
        [
            f"{BOENDET}:6: 'reviewed' '2026-02-30' is not a valid date — write a real date as YYYY-MM-DD, e.g. 2026-11-27"
        ],
    ),
    "next review not after reviewed": (
        [(BOENDET, "next_review: 2027-01-15", "next_review: 2025-12-01")],
        [
            f"{BOENDET}:7: next_review 2025-12-01 is not after reviewed 2026-01-15 — set next_review to a later date than reviewed"
        ],
    ),
    "duplicate id": (
        [
            ("docs/sv/begrepp/term-hvb.md", "id: term-hvb", "id: boendet"),
            ("docs/en/begrepp/term-hvb.md", "id: term-hvb", "id: boendet"),
        ],
        [
            "docs/en/begrepp/term-hvb.md:3: id 'boendet' differs from the file's name — write 'id: term-hvb', or rename the file to match the id",
            "docs/en/begrepp/term-hvb.md:3: id 'boendet' is already used by docs/en/aktorer/boendet.md — give this page an id of its own",
            "docs/sv/begrepp/term-hvb.md:3: id 'boendet' differs from the file's name — write 'id: term-hvb', or rename the file to match the id",
            "docs/sv/begrepp/term-hvb.md:3: id 'boendet' is already used by docs/sv/aktorer/boendet.md — give this page an id of its own",
        ],
    ),
    "reference to a missing id": (
        [(ROUTINE, "  - actor: boendet", "  - actor: hvb-boendet")],
        [
            f"{ROUTINE_EN}:9: actors differs from {ROUTINE}: 'arbetsgruppen:informed, boendet:responsible' here, 'arbetsgruppen:informed, hvb-boendet:responsible' there — {PARITY_FIX}",
            f"{ROUTINE}:10: 'hvb-boendet' is not the id of any page — correct the id or create the page it should point to",
        ],
    ),
    "reference to the wrong type": (
        [(ROUTINE, "  - avvikning-boendet", "  - boendet")],
        [
            f"{CHECKLIST}:9: routine 'avvikning' does not list this checklist — add '- avvikning-boendet' under 'checklists:' in {ROUTINE}",
            f"{ROUTINE}:18: 'boendet' is an actor, but a checklist is expected here — use the id of a checklist page",
        ],
    ),
    "actor that acts nowhere": (
        [(path, "  - actor: arbetsgruppen\n    role: informed\n", "") for path in (ROUTINE, ROUTINE_EN)],
        [
            "docs/en/aktorer/arbetsgruppen.md:3: actor 'arbetsgruppen' acts in no routine or checklist — name it under 'actors:' of a routine or as responsible for a checklist item, or remove the page",
            "docs/sv/aktorer/arbetsgruppen.md:3: actor 'arbetsgruppen' acts in no routine or checklist — name it under 'actors:' of a routine or as responsible for a checklist item, or remove the page",
        ],
    ),
    "routine without a responsible actor": (
        [(path, "role: responsible", "role: participates") for path in (ROUTINE, ROUTINE_EN)],
        [
            f"{ROUTINE_EN}:9: routine names no responsible actor — give at least one actor 'role: responsible'",
            f"{ROUTINE}:9: routine names no responsible actor — give at least one actor 'role: responsible'",
        ],
    ),
    "routine without checklist or steps": (
        [
            (ROUTINE, "checklists:\n  - avvikning-boendet\n", ""),
            (ROUTINE, "1. Boendet ringer polisen. [[boendet]]", "Boendet ringer polisen."),
        ],
        [
            f"{ROUTINE_EN}:2: step actors differs from {ROUTINE}: 'boendet' here, 'none' there — {PARITY_FIX}",
            f"{CHECKLIST}:9: routine 'avvikning' does not list this checklist — add '- avvikning-boendet' under 'checklists:' in {ROUTINE}",
            f"{ROUTINE}:2: routine has no checklist and no steps — list its checklists under 'checklists:' or write numbered steps ending in [[actor-id]]",
        ],
    ),
    "checklist of a routine that does not exist": (
        [(CHECKLIST, "routine: avvikning", "routine: forsvinnande")],
        [
            f"{CHECKLIST}:9: 'forsvinnande' is not the id of any page — correct the id or create the page it should point to"
        ],
    ),
    "checklist item without an actor": (
        [(CHECKLIST, "- [ ] Ring 112 eller 114 14. [[boendet]]", "- [ ] Ring 112 eller 114 14.")],
        [
            f"docs/en/checklistor/avvikning-boendet.md:2: checklist items (actor@phase) differs from {CHECKLIST}: 'boendet@at-once, boendet@at-once' here, '-@at-once, boendet@at-once' there — {PARITY_FIX}",
            f"{CHECKLIST}:16: checklist item has no responsible actor — end the line with the actor's id, e.g. [[polisen]]",
        ],
    ),
    "a report to 114 14 with no 112 branch": (
        [
            (
                CHECKLIST,
                "- [ ] Ring 112 eller 114 14. [[boendet]]",
                "- [ ] Anmäl att barnet saknas på 114 14. [[boendet]]",
            )
        ],
        [
            f"{CHECKLIST}:16: the item reports to 114 14 with no 112 branch — add when to call 112 instead, e.g. 'Ring 112 om barnet kan vara i fara eller om du är osäker, annars 114 14.'"
        ],
    ),
    "law in force cited nowhere": (
        [(path, "legal_basis:\n  - law: sol\n    ref: 20 kap. 1 §\n", "") for path in (ROUTINE, ROUTINE_EN)],
        [
            "docs/en/lagar/sol.md:3: law 'sol' is in force but cited nowhere — cite it under 'legal_basis:' of the page that rests on it, or link it with [[sol]]",
            "docs/sv/lagar/sol.md:3: law 'sol' is in force but cited nowhere — cite it under 'legal_basis:' of the page that rests on it, or link it with [[sol]]",
        ],
    ),
    "routine cites a repealed law": (
        [(path, "  - law: sol\n", "  - law: sol\n  - law: sol-2001\n") for path in (ROUTINE, ROUTINE_EN)],
        [
            f"{ROUTINE_EN}:16: cites 'sol-2001', repealed on 2025-07-01 — cite 'sol' with its new chapter and section",
            f"{ROUTINE}:16: cites 'sol-2001', repealed on 2025-07-01 — cite 'sol' with its new chapter and section",
        ],
    ),
    "versions differ between languages": (
        [("docs/en/aktorer/boendet.md", 'version: "1.0"', 'version: "1.1"')],
        [
            f"docs/en/aktorer/boendet.md:5: version differs from {BOENDET}: '1.1' here, '1.0' there — update the translation and give both the same version, or set 'untranslated: true'"
        ],
    ),
    "checklist items differ between languages": (
        [
            (
                "docs/en/checklistor/avvikning-boendet.md",
                "- [ ] Call the out-of-hours social services. [[boendet]]\n",
                "",
            )
        ],
        [
            f"docs/en/checklistor/avvikning-boendet.md:2: checklist items (actor@phase) differs from {CHECKLIST}: 'boendet@at-once' here, 'boendet@at-once, boendet@at-once' there — {PARITY_FIX}"
        ],
    ),
    "page not in the navigation": (
        [("mkdocs.yml", "  - begrepp/term-hvb.md\n", "")],
        [
            "docs/en/begrepp/term-hvb.md:1: page is not in the navigation — add 'begrepp/term-hvb.md' to 'nav' in mkdocs.yml, or its section's index page",
            "docs/sv/begrepp/term-hvb.md:1: page is not in the navigation — add 'begrepp/term-hvb.md' to 'nav' in mkdocs.yml, or its section's index page",
        ],
    ),
}


def test_minimal_handbook_has_no_problems(tmp_path):
    assert problems(copy_minimal(tmp_path)) == []


@pytest.mark.parametrize("case", CASES)
def test_each_broken_input_is_reported_at_its_line(tmp_path, case):
    edits, expected = CASES[case]
    root = copy_minimal(tmp_path)
    for file, old, new in edits:
        replace(root, file, old, new)
    assert problems(root) == expected


def test_missing_english_page_is_reported_once_not_as_broken_references(tmp_path):
    root = copy_minimal(tmp_path)
    (root / "docs/en/aktorer/boendet.md").unlink()
    found = problems(root)
    assert (
        f"{BOENDET}:1: has no English twin docs/en/aktorer/boendet.md — create the English page with the same id and version (or 'untranslated: true' until it is translated)"
        in found
    )
    assert all("docs/en/aktorer/boendet.md" in problem for problem in found if problem.startswith("docs/sv"))


def test_untranslated_page_may_lag_behind_but_keeps_its_id(tmp_path):
    root = copy_minimal(tmp_path)
    replace(root, "docs/en/aktorer/boendet.md", 'version: "1.0"', 'version: "0.9"\nuntranslated: true')
    assert problems(root) == []


def test_all_problems_are_reported_at_once(tmp_path):
    root = copy_minimal(tmp_path)
    replace(root, BOENDET, "reviewed: 2026-01-15", "reviewed: 2026-13-01")
    replace(
        root, CHECKLIST, "- [ ] Ring socialjouren. [[boendet]]", "- [ ] Ring socialjouren. [[socialjouren]]"
    )
    replace(root, "docs/en/begrepp/term-hvb.md", 'version: "1.0"', 'version: "2.0"')
    assert [problem.split(":")[0] for problem in problems(root)] == [
        "docs/en/begrepp/term-hvb.md",
        "docs/en/checklistor/avvikning-boendet.md",
        BOENDET,
        CHECKLIST,
    ]


def test_page_listed_by_a_section_view_in_the_navigation_is_reachable(tmp_path):
    root = copy_minimal(tmp_path)
    replace(root, "mkdocs.yml", "  - begrepp/term-hvb.md\n", "  - begrepp/index.md\n")
    for lang in ("sv", "en"):
        glossary = (
            (root / f"docs/{lang}/index.md")
            .read_text(encoding="utf-8")
            .replace("id: start", "id: begrepp")
            .replace("type: page", "type: page\nview: glossary")
        )
        (root / f"docs/{lang}/begrepp/index.md").write_text(glossary, encoding="utf-8")
    assert problems(root) == []
