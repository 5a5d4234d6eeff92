"""The built search index: split into one per language, with each language's search words in its config."""

import json

from samverkan.site import search_index


def write(path, docs, config=None):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"config": config or {"lang": ["sv", "en"]}, "docs": docs}), encoding="utf-8")


def read(path):
    return json.loads(path.read_text(encoding="utf-8"))


def vocabulary_files(root):
    (root / "search").mkdir(parents=True)
    (root / "search" / "synonyms-sv.yml").write_text(
        "stop_words: [och]\nsynonyms:\n  hittades: påträffas\n", encoding="utf-8"
    )
    (root / "search" / "synonyms-en.yml").write_text("synonyms:\n  ran away: absconded\n", encoding="utf-8")


def test_english_pages_move_under_en_with_their_own_words_and_a_rerun_changes_nothing(tmp_path):
    vocabulary_files(tmp_path / "project")
    site = tmp_path / "site"
    merged = site / "search" / "search_index.json"
    write(
        merged,
        [
            {"location": "", "title": "Start"},
            {"location": "en/", "title": "Home"},
            {"location": "en/rutiner/avvikning/", "title": "Missing"},
        ],
    )
    for _ in range(2):
        search_index.finish(site, tmp_path / "project")
        swedish, english = read(merged), read(site / "en" / "search" / "search_index.json")
        assert [doc["location"] for doc in swedish["docs"]] == [""]
        assert [doc["location"] for doc in english["docs"]] == ["", "rutiner/avvikning/"]
        assert swedish["config"]["vocabulary"] == {
            "sv": {"stop_words": ["och"], "synonyms": [["hittades", "påträffas"]], "roles": []}
        }
        assert english["config"]["vocabulary"] == {
            "en": {"stop_words": [], "synonyms": [["ran away", "absconded"]], "roles": []}
        }
        assert english["config"]["lang"] == ["sv", "en"]


def test_the_offline_edition_keeps_one_index_and_its_inlined_copy_gets_both_languages_words(tmp_path):
    vocabulary_files(tmp_path / "project")
    site = tmp_path / "site"
    write(site / "search" / "search_index.json", [{"location": "index.html"}, {"location": "en/index.html"}])
    (site / "search" / "search_index.js").write_text("var __index = {}", encoding="utf-8")
    search_index.finish(site, tmp_path / "project", split_languages=False)
    inlined = (site / "search" / "search_index.js").read_text(encoding="utf-8")
    assert inlined.startswith(search_index.INLINED)
    index = json.loads(inlined[len(search_index.INLINED) :])
    assert index == read(site / "search" / "search_index.json")
    assert len(index["docs"]) == 2 and set(index["config"]["vocabulary"]) == {"sv", "en"}
    assert not (site / "en").exists()


def test_a_site_without_search_is_left_alone(tmp_path):
    search_index.finish(tmp_path, tmp_path)
    assert list(tmp_path.iterdir()) == []
