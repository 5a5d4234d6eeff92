"""Machine-readable export: one JSON per language, valid against the published JSON Schema."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from handbooks import copy_minimal
from samverkan import cli
from samverkan.content.hours import parse_hours
from samverkan.editions.handbook import load_site
from samverkan.site import export

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "schema" / "handbook-export.schema.json").read_text(encoding="utf-8"))


def validate(document: dict) -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    jsonschema.Draft202012Validator(SCHEMA).validate(document)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_real_handbook_export_is_valid_and_complete(lang):
    handbook = load_site(ROOT / "mkdocs.yml")
    document = export.document(handbook, lang, "https://samverkansplanen.example/")
    validate(document)
    for key, page_type in (
        ("routines", "routine"),
        ("checklists", "checklist"),
        ("actors", "actor"),
        ("laws", "law"),
        ("terms", "term"),
    ):
        assert len(document[key]) == sum(
            1 for page in handbook.pages if page.lang == lang and page.type == page_type
        ), key
    hours = [unit["hours"] for each in document["municipalities"] for unit in each["units"] if unit["hours"]]
    assert hours  # e.g. Sigtuna's socialjour answers at Nordväst's hours
    assert all(
        parse_hours(value).value == value for value in hours
    )  # an integrator reads them as the site does


def test_export_command_writes_both_languages_and_the_schema(tmp_path, capsys):
    root = copy_minimal(tmp_path)
    out = tmp_path / "export"
    assert cli.main(["--config", str(root / "mkdocs.yml"), "export", "--out", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == [
        "handbook-en.json",
        "handbook-export.schema.json",
        "handbook-sv.json",
    ]
    en = json.loads((out / "handbook-en.json").read_text(encoding="utf-8"))
    validate(en)
    checklist = en["checklists"][0]
    assert (
        checklist["id"] == "avvikning-boendet"
        and checklist["routine"] == "avvikning"
        and checklist["version"]
    )
    assert checklist["items"] and all(item["actor"] for item in checklist["items"])
    routine = en["routines"][0]
    assert routine["url"].endswith("/en/rutiner/avvikning/")
    assert {"actor": "boendet", "role": "responsible"} in routine["actors"]
    assert routine["steps"][0] == {
        "text": "The residence calls the police.",
        "actor": "boendet",
        "phase": None,
    }


def test_schema_rejects_an_item_without_its_actor_field():
    handbook_doc = {
        "format_version": export.FORMAT_VERSION,
        "language": "sv",
        "routines": [],
        "municipalities": [],
        "edition": {
            "id": "county",
            "name": None,
            "code": None,
            "site_url": None,
            "reviewed": None,
            "units": [],
        },
        "actors": [],
        "laws": [],
        "terms": [],
        "checklists": [
            {
                "id": "x",
                "title": "X",
                "version": "1.0",
                "reviewed": "2026-01-01",
                "next_review": "2027-01-01",
                "owner": "a",
                "url": "https://e/x/",
                "description": None,
                "routine": "r",
                "items": [{"text": "Do it.", "phase": None}],
            }
        ],
    }
    with pytest.raises(jsonschema.ValidationError):
        validate(handbook_doc)


def test_built_site_publishes_the_export_and_schema(built_site):
    for name in ("handbook-sv.json", "handbook-en.json", "handbook-export.schema.json"):
        assert (built_site / "export" / name).is_file(), name
    validate(json.loads((built_site / "export" / "handbook-sv.json").read_text(encoding="utf-8")))
