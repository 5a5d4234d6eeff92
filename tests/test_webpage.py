"""Reader-facing HTML changes (samverkan.webpage) and the actor pages' print packs, without a browser."""

from __future__ import annotations

from samverkan import views, webpage
from samverkan.load import load_site
from samverkan.model import PHASES
from samverkan.render import Renderer

from conftest import ROOT


def test_task_list_boxes_are_labelled_by_their_text():
    html = ('<ul class="task-list">\n<li class="task-list-item"><input disabled="disabled" type="checkbox" /> Ring polisen. '
            '<a class="sv-actor" href="../../aktorer/boendet/">Boendet</a></li>\n'
            '<li class="task-list-item"><p><input type="checkbox" disabled/> Loose item</p>\n<ul><li>nested</li></ul></li>\n</ul>')
    out = webpage.accessible_tasklists(html)
    assert '<label class="sv-task"><input disabled="disabled" type="checkbox" /> Ring polisen. <a class="sv-actor"' in out
    assert 'Boendet</a></label></li>' in out
    assert '<p><label class="sv-task"><input type="checkbox" disabled/> Loose item</label></p>' in out
    assert webpage.accessible_tasklists("<p>no lists</p>") == "<p>no lists</p>"


def test_start_page_language_links_become_site_relative():
    extra = {"alternate": [{"name": "Svenska", "link": "/", "lang": "sv"}, {"name": "English", "link": "/en/", "lang": "en"},
                           {"name": "Elsewhere", "link": "https://example.org/", "lang": "x"}]}
    webpage.relative_alternates(extra)
    assert [a["link"] for a in extra["alternate"]] == ["./", "en/", "https://example.org/"]
    offline = {"alternate": [{"link": "/", "lang": "sv"}, {"link": "/en/", "lang": "en"}]}
    webpage.relative_alternates(offline, directory_urls=False)
    assert [a["link"] for a in offline["alternate"]] == ["index.html", "en/index.html"]


def test_every_actor_page_is_its_print_pack_grouped_by_routine_in_time_order():
    handbook = load_site(ROOT / "mkdocs.yml")
    renderer = Renderer(handbook)
    for lang in ("sv", "en"):
        residence = handbook.get(lang, "boendet")
        groups = views.actor_items(handbook, residence)
        assert groups and all(item.actor.id == "boendet" for group in groups for item in group.items)
        html = renderer.generated_html(residence)
        assert html.count('<input type="checkbox" disabled>') == sum(len(g.items) for g in groups)
        assert html.count("<h3 ") == len({g.routine.id for g in groups})
        for group in groups:  # in time order within each checklist
            order = [PHASES.index(item.phase) if item.phase in PHASES else len(PHASES) for item in group.items]
            assert order == sorted(order), (group.checklist.id, order)


def test_no_instant_navigation():
    """navigation.instant breaks mkdocs-static-i18n's language links (and the 'en…' slug case): keep it off."""
    import yaml

    from samverkan.site import read_config

    features = read_config(ROOT / "mkdocs.yml")["theme"].get("features", [])
    assert not any(feature.startswith("navigation.instant") for feature in features), features
    offline = yaml.safe_load((ROOT / "mkdocs-offline.yml").read_text(encoding="utf-8"))
    assert offline["INHERIT"] == "mkdocs.yml" and "offline" in offline["plugins"]
    assert all("iframe-worker" in p and not p.startswith("http") for p in offline["extra"]["polyfills"])
