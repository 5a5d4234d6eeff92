"""Splitting the merged search index into one per language."""

import json

from samverkan import search_index


def write(path, docs):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"config": {"lang": ["sv", "en"]}, "docs": docs}), encoding="utf-8")


def read(path):
    return json.loads(path.read_text(encoding="utf-8"))


def test_english_pages_move_under_en_with_relative_locations_and_a_rerun_changes_nothing(tmp_path):
    merged = tmp_path / "search" / "search_index.json"
    write(merged, [{"location": "", "title": "Start"}, {"location": "en/", "title": "Home"}, {"location": "en/rutiner/avvikning/", "title": "Missing"}])
    for _ in range(2):
        search_index.split(tmp_path)
        assert [doc["location"] for doc in read(merged)["docs"]] == [""]
        english = read(tmp_path / "en" / "search" / "search_index.json")
        assert [doc["location"] for doc in english["docs"]] == ["", "rutiner/avvikning/"]
        assert english["config"] == {"lang": ["sv", "en"]}


def test_a_site_without_search_is_left_alone(tmp_path):
    search_index.split(tmp_path)
    assert list(tmp_path.iterdir()) == []
