"""Reader-facing HTML changes (samverkan.views.webpage) and the actor pages' print packs, without a browser."""

from __future__ import annotations

import re

from conftest import ROOT
from samverkan.content.parts import PHASES
from samverkan.editions.handbook import load_site
from samverkan.views import views, webpage
from samverkan.views.render import Renderer


def test_task_list_boxes_are_labelled_by_their_text():
    html = (
        '<ul class="task-list">\n<li class="task-list-item"><input disabled="disabled" type="checkbox" /> Ring polisen. '
        '<a class="sv-actor" href="../../aktorer/boendet/">Boendet</a></li>\n'
        '<li class="task-list-item"><p><input type="checkbox" disabled/> Loose item</p>\n<ul><li>nested</li></ul></li>\n</ul>'
    )
    out = webpage.accessible_tasklists(html)
    assert (
        '<label class="sv-task"><input disabled="disabled" type="checkbox" /> Ring polisen. <a class="sv-actor"'
        in out
    )
    assert "Boendet</a></label></li>" in out
    assert '<p><label class="sv-task"><input type="checkbox" disabled/> Loose item</label></p>' in out
    assert webpage.accessible_tasklists("<p>no lists</p>") == "<p>no lists</p>"


def test_start_page_language_links_become_site_relative():
    extra = {
        "alternate": [
            {"name": "Svenska", "link": "/", "lang": "sv"},
            {"name": "English", "link": "/en/", "lang": "en"},
            {"name": "Elsewhere", "link": "https://example.org/", "lang": "x"},
        ]
    }
    webpage.relative_alternates(extra)
    assert [a["link"] for a in extra["alternate"]] == ["./", "en/", "https://example.org/"]
    offline = {"alternate": [{"link": "/", "lang": "sv"}, {"link": "/en/", "lang": "en"}]}
    webpage.relative_alternates(offline, directory_urls=False)
    assert [a["link"] for a in offline["alternate"]] == ["index.html", "en/index.html"]
    # site_url with a path
    under_a_path = {
        "alternate": [{"link": "/handbok/", "lang": "sv"}, {"link": "/handbok/en/", "lang": "en"}]
    }
    webpage.relative_alternates(under_a_path, site_url="https://plan.example/handbok/")
    assert [a["link"] for a in under_a_path["alternate"]] == ["./", "en/"]


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
            order = [
                PHASES.index(item.phase) if item.phase in PHASES else len(PHASES) for item in group.items
            ]
            assert order == sorted(order), (group.checklist.id, order)


def test_no_instant_navigation():
    """navigation.instant breaks mkdocs-static-i18n's language links (and the 'en…' slug case): keep it off."""
    import yaml
    from samverkan.content.settings import read_config

    features = read_config(ROOT / "mkdocs.yml")["theme"].get("features", [])
    assert not any(feature.startswith("navigation.instant") for feature in features), features
    offline = yaml.safe_load((ROOT / "mkdocs-offline.yml").read_text(encoding="utf-8"))
    assert offline["INHERIT"] == "mkdocs.yml" and "offline" in offline["plugins"]
    assert all("iframe-worker" in p and not p.startswith("http") for p in offline["extra"]["polyfills"])


PUBLIC = frozenset({"112", "11414", "020390000", "0850800000"})


def test_every_public_number_calls_but_not_inside_links_code_or_other_numbers():
    html = (
        "<p>Ring 112 eller polisen på 114&nbsp;14, stödlinjen 020-390 000 och växeln +46 8-508 000 00.</p>"
        '<p><a href="tel:112">112</a> <code>112</code> <a href="../x/">ring 112</a></p>'
        "<p>SFS 2025:112, 112 §, 1123, barn 1–12 år, 2011-12-01, 08-508 000 01</p>"
    )
    out = webpage.call_links(html, PUBLIC)
    assert out.count('class="sv-tel"') == 4
    assert '<a class="sv-tel" href="tel:112">112</a> eller' in out
    assert '<a class="sv-tel" href="tel:11414">114&nbsp;14</a>' in out
    assert '<a class="sv-tel" href="tel:+4620390000">020-390 000</a>' in out
    assert '<a class="sv-tel" href="tel:+46850800000">+46 8-508 000 00</a>' in out
    assert '<a href="tel:112">112</a> <code>112</code> <a href="../x/">ring 112</a>' in out  # left as written
    assert out.endswith("<p>SFS 2025:112, 112 §, 1123, barn 1–12 år, 2011-12-01, 08-508 000 01</p>")
    assert webpage.call_links(html, frozenset()) == html


CHECKLIST = (
    '<h1 id="t">Checklista</h1>\n<p>Intro.</p>\n'
    '<h2 id="before">Före<a class="headerlink" href="#before">&para;</a></h2>\n<ul><li>Förbered.</li></ul>\n'
    '<h2 id="at-once">Genast</h2>\n<ul><li>Ring.</li></ul>\n<h2 id="afterwards">Efteråt</h2>\n<ul><li>Skriv.</li></ul>\n'
)


def test_a_checklist_shows_its_urgent_items_first_and_keeps_the_earlier_ones_for_paper():
    out = webpage.urgent_first(CHECKLIST, "Längre ned:")
    assert out.index('id="at-once"') < out.index('id="afterwards"') < out.index('id="before"')
    assert out.index("<p>Intro.</p>") < out.index('class="sv-phases"')  # the introduction stays first
    assert '<p class="sv-phases__later">Längre ned: <a href="#before">Före</a>.</p>' in out
    earlier = out[out.index('class="sv-phases__earlier"') :]
    # samverkan.css puts it back first on paper
    assert 'id="before"' in earlier and 'id="at-once"' not in earlier
    already_first = CHECKLIST.replace(
        '<h2 id="before">Före<a class="headerlink" href="#before">&para;</a></h2>\n<ul><li>Förbered.</li></ul>\n',
        "",
    )
    assert webpage.urgent_first(already_first, "Längre ned:") == already_first


def _rendered(site, lang, page_id):
    """The model's page and its built HTML."""
    handbook = load_site(ROOT / "mkdocs.yml")
    page = handbook.get(lang, page_id)
    folder = page.path.removesuffix(".md")
    return (
        handbook,
        page,
        (site / ("" if lang == "sv" else "en") / folder / "index.html").read_text(encoding="utf-8"),
    )


def test_a_one_actor_checklist_names_its_actor_once(built_site):
    for lang, wording in (("sv", "Ansvarig för alla punkter"), ("en", "Responsible for every item")):
        handbook, page, html = _rendered(built_site, lang, "avvikning-boendet")
        assert {item.actor.id for item in page.items} == {"boendet"}
        residence = handbook.get(lang, "boendet")
        assert html.count(f'{wording}: <a href="../../aktorer/boendet/">{residence.title}</a>') == 1
        assert 'class="sv-actor"' not in html and 'class="sv-roles"' not in html


def test_a_mostly_one_actor_checklist_names_the_others_and_jumps_to_them(built_site):
    handbook, page, html = _rendered(built_site, "sv", "avvikning-socialtjansten")
    assert "Ansvarig: " in html and "Andra aktörer står efter sina punkter." in html
    night = [item for item in page.items if item.actor.id == "socialjouren"]
    assert html.count('class="sv-actor" href="../../aktorer/socialjouren/"') == len(night) >= 1
    assert 'href="../../aktorer/socialtjansten-anvisningskommun/">' not in html.split('class="sv-roles"')[1]
    assert '<a href="#role-socialjouren">' in html and '<li id="role-socialjouren"' in html


def test_every_role_of_a_long_page_is_one_tap_from_the_top(built_site):
    for lang in ("sv", "en"):
        handbook, page, html = _rendered(built_site, lang, "manniskohandel-alla")
        start = html.index('<nav class="sv-roles"')
        nav = html[start : html.index("</nav>", start)]
        actors = {item.actor.id for item in page.items}
        assert set(re.findall(r'href="#role-([\w-]+)"', nav)) == actors
        assert html.index("</h1>") < html.index('<nav class="sv-roles"') < html.index('id="at-once"')
        for actor in actors:  # the anchor is on the actor's first item on screen, under "Genast"
            assert html.index(f'<li id="role-{actor}"') > html.index('id="at-once"')
        _, routine, routine_html = _rendered(built_site, lang, "patraffande")
        assert set(re.findall(r'href="#role-([\w-]+)"', routine_html)) == {
            step.actor.id for step in routine.steps
        }


def test_tables_people_act_on_become_labelled_cards():
    html = (
        "<table>\n<thead>\n<tr><th>Vem</th><th>Vem berättar</th><th>När</th></tr>\n</thead>\n<tbody>\n"
        "<tr><td>Polisen</td><td>Boendet</td><td>Genast</td></tr>\n</tbody>\n</table>"
        "<table><thead><tr><th>Ord</th><th>Förklaring</th></tr></thead><tbody><tr><td>a</td><td>b</td></tr></tbody></table>"
    )
    out = webpage.card_tables(html)
    assert out.startswith("<table data-sv-cards>")
    assert (
        '<td data-label="Vem">Polisen</td><td data-label="Vem berättar">Boendet</td><td data-label="När">Genast</td>'
        in out
    )
    # two columns fit a phone as they are
    assert out.endswith(html[html.index("<table><thead><tr><th>Ord") :])
    matrix = '<table><thead><tr><th>a</th><th>b</th><th>c</th></tr></thead><tbody><tr><td data-label="b">x</td></tr></tbody></table>'
    assert webpage.card_tables(matrix) == matrix


def test_the_guide_reaches_every_role_of_every_urgent_routine_with_its_own_items():
    from samverkan.views import guide

    handbook = load_site(ROOT / "mkdocs.yml")
    for lang in ("sv", "en"):
        found = guide.situations(handbook, lang)
        assert {"avvikning", "patraffande", "manniskohandel"} <= {s.routine.id for s in found}
        for situation in found:
            routine = situation.routine
            sources = [routine] + [handbook.get(lang, ref.id) for ref in routine.checklists]
            acting = {
                item.actor.id for source in sources for item in (*source.steps, *source.items) if item.actor
            }
            assert {role.actor.id for role in situation.roles} == acting, routine.id
            for role in (
                situation.roles
            ):  # exactly the role's items in the routine, each once, in time order per source
                expected = sorted(
                    (source.id, item.line)
                    for source in sources
                    for item in (*source.steps, *source.items)
                    if item.actor and item.actor.id == role.actor.id
                )
                assert (
                    sorted((group.checklist.id, item.line) for group in role.groups for item in group.items)
                    == expected
                )
            assert situation.responsible, routine.id
        missing = next(s for s in found if s.routine.id == "avvikning")
        boendet = next(role for role in missing.roles if role.actor.id == "boendet")
        assert boendet.stages == ("arrival", "after-assignment")
        for stage, other in (("arrival", "after-assignment"), ("after-assignment", "arrival")):
            kept = boendet.at(stage).items
            assert any(item.stage == stage for item in kept) and not any(item.stage == other for item in kept)
            assert len(kept) == len([item for item in boendet.items if item.stage in (None, stage)])
        start = handbook.get(lang, "start")
        assert guide.url_from(handbook, start, True) == "vad-gor-jag-nu/"
        assert guide.url_from(handbook, handbook.get(lang, "vad-gor-jag-nu"), True) is None
