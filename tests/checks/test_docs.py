"""Each rule is documented once, in checks/rules.py, and docs-dev/ shows what the registry says."""

from __future__ import annotations

from pathlib import Path

from samverkan.checks import docs, rules

ROOT = Path(__file__).resolve().parents[2]


def test_the_tables_of_docs_dev_are_written_from_the_code():
    stale = docs.stale(ROOT)
    assert not stale, f"{', '.join(stale)} differ from the code they are written from: run samverkan docs"


def test_a_table_changed_by_hand_is_stale(tmp_path):
    for name, (source, table) in docs.TABLES.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        text = docs.rewritten((ROOT / name).read_text(encoding="utf-8"), source, table())
        (tmp_path / name).write_text(text.replace("| ", "| edited by hand ", 1), encoding="utf-8")
    assert set(docs.stale(tmp_path)) == set(docs.TABLES)
    docs.run(tmp_path)
    assert docs.stale(tmp_path) == {}


def test_every_rule_has_a_name_of_its_own_and_documents_its_lines():
    names = [rule.name for rule in rules.RULES]
    assert len(names) == len(set(names))
    undocumented = [
        rule.name for rule in rules.RULES if not rule.problems or not all(all(row) for row in rule.problems)
    ]
    assert not undocumented


def test_every_check_of_the_handbook_is_in_checks_and_runs():
    assert {check.__module__.split(".")[1] for check in rules.ALL_CHECKS} == {"checks"}
    assert len(rules.ALL_CHECKS) == len(set(rules.ALL_CHECKS))


def test_where_a_rule_is_found_names_a_module_that_exists():
    package = ROOT / "hooks" / "samverkan"
    for rule in rules.RULES:
        for where in rule.found_by.split(", "):
            assert (package / where.split()[0]).is_file(), f"{rule.name}: {where}"
