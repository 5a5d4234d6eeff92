"""On a phone at 02:00 (issue 14), in Chromium at 390 x 844 px: a checklist's first screen shows its urgent
items, every public number calls with a 44 x 44 px target, no table scrolls sideways, the language switch keeps
the section, boxes tick in this browser only; at 1280 px the matrix shows every column; axe-core finds nothing."""

from __future__ import annotations

import re
from itertools import pairwise

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe
from samverkan.editions import overlay
from samverkan.site.pdf import serve

from .conftest import FIGURES, ROOT, count_pdf_pages, page_url_path, site_pages
from .test_pages_browser import AXE_OPTIONS

PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1280, "height": 800}


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    yield page
    context.close()


def url_of(base: str, page) -> str:
    return base + ("" if page.lang == "sv" else "en/") + page.path.removesuffix(".md") + "/"


def checklists(handbook):
    return [
        page
        for page in handbook.pages
        if page.type == "checklist" and any(item.phase == "at-once" for item in page.items)
    ]


def test_the_first_screen_of_every_checklist_shows_its_urgent_items(phone, served_site, handbook):
    lowest = {}
    for checklist in checklists(handbook):
        phone.goto(url_of(served_site, checklist))
        heading, item = phone.evaluate("""() => {
            const h = document.getElementById('at-once');
            const li = [...document.querySelectorAll('article li.task-list-item')].find(li => h.compareDocumentPosition(li) & Node.DOCUMENT_POSITION_FOLLOWING);
            return [h.getBoundingClientRect().bottom, li.getBoundingClientRect().top]; }""")
        lowest[f"{checklist.lang}/{checklist.id}"] = round(max(item, heading + 16))
    assert len(lowest) >= 20
    worst = max(lowest, key=lowest.get)
    FIGURES["first urgent item on a 390 x 844 screen, lowest"] = f"{lowest[worst]} px ({worst})"
    # its first line must show
    below = {name: top for name, top in lowest.items() if top > PHONE["height"] - 24}
    assert not below, f"the first urgent item starts below the first screen ({PHONE['height']} px): {below}"


def test_a_checklist_keeps_time_order_on_paper(phone, served_site, handbook):
    for lang in ("sv", "en"):
        phone.goto(url_of(served_site, handbook.get(lang, "avvikning-boendet")))
        order = "() => ['before', 'at-once', 'afterwards'].map(id => document.getElementById(id).getBoundingClientRect().top)"
        before, urgent, afterwards = phone.evaluate(order)
        assert urgent < afterwards < before, "on screen: at once first, before last"
        phone.emulate_media(media="print")
        before, urgent, afterwards = phone.evaluate(order)
        assert before < urgent < afterwards, "on paper: in time order"
        assert (
            not phone.locator(".sv-phases__later").is_visible()
            and not phone.locator(".sv-ticks-status").is_visible()
        )
        phone.emulate_media(media="screen")


def written_numbers(handbook) -> list[str]:
    """The public numbers as people write them: public-numbers.yml and every municipality's switchboards."""
    listed = [
        entry["number"] for entry in yaml.safe_load((ROOT / overlay.NUMBERS_FILE).read_text(encoding="utf-8"))
    ]
    return sorted(
        {*listed, *(n for each in overlay.loaded(handbook) for n in each.public_numbers())},
        key=len,
        reverse=True,
    )


UNLINKED_NUMBERS = """numbers => {
    const pattern = new RegExp('(?<![\\\\d+])(' + numbers.map(n => n.replace(/[-+()]/g, '\\\\$&').replace(/ /g, '[ \\\\u00a0]')).join('|') + ')(?![\\\\d])', 'g');
    const walker = document.createTreeWalker(document.querySelector('article'), NodeFilter.SHOW_TEXT);
    const found = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.parentElement.closest('a, code, pre')) continue;
        for (const m of node.data.matchAll(pattern)) found.push(m[0]);
    }
    return found; }"""

CALL_TARGETS = """() => [...document.querySelectorAll('article a[href^="tel:"]')].filter(a => a.offsetParent).map(a => {
    const box = a.getBoundingClientRect();
    return {text: a.textContent, width: box.width, height: box.height, nowrap: getComputedStyle(a).whiteSpace === 'nowrap'}; })"""


def test_every_public_number_calls_with_a_44_px_target(phone, served_site, built_site, handbook):
    numbers = written_numbers(handbook)
    shapes = [
        re.compile(r"(?<![\d+])" + re.escape(n).replace(r"\ ", "[ \u00a0]") + r"(?!\d)") for n in numbers
    ]
    pages = [
        rel
        for rel in site_pages(built_site)
        if any(s.search((built_site / rel).read_text(encoding="utf-8")) for s in shapes)
    ]
    assert len(pages) >= 20, pages
    targets = 0
    for rel in pages:
        phone.goto(served_site + page_url_path(rel))
        assert phone.evaluate(UNLINKED_NUMBERS, numbers) == [], f"{rel}: numbers that do not call"
        for target in phone.evaluate(CALL_TARGETS):
            targets += 1
            assert target["width"] >= 44 and target["height"] >= 44 and target["nowrap"], f"{rel}: {target}"
    FIGURES["call links checked at 390 px (all >= 44 x 44 px)"] = f"{targets} on {len(pages)} pages"


def test_a_municipality_edition_calls_its_own_switchboard(phone, edition_sites):
    site = edition_sites["stockholm"]
    server, base = serve(site)
    try:
        pages = [
            rel for rel in site_pages(site) if "08-508 000 00" in (site / rel).read_text(encoding="utf-8")
        ]
        assert len(pages) >= 2, "the Stockholm edition shows its switchboard in both languages"
        for rel in pages:
            phone.goto(base + page_url_path(rel))
            assert (
                phone.evaluate(UNLINKED_NUMBERS, ["08-508 000 00", "020-390 000", "114 14", "112"]) == []
            ), rel
            targets = phone.evaluate(CALL_TARGETS)
            assert any(t["text"] == "08-508 000 00" for t in targets) and all(
                t["width"] >= 44 and t["height"] >= 44 for t in targets
            ), rel
    finally:
        server.shutdown()


def test_no_table_scrolls_sideways_at_390_px(phone, served_site, built_site):
    pages = [
        rel for rel in site_pages(built_site) if "<table" in (built_site / rel).read_text(encoding="utf-8")
    ]
    assert len(pages) >= 10
    for rel in pages:
        phone.goto(served_site + page_url_path(rel))
        wide = phone.evaluate("""() => [...document.querySelectorAll('article table')].map(t => {
            const box = (t.closest('.md-typeset__scrollwrap') || t.parentElement);
            return Math.max(t.scrollWidth - t.clientWidth, box.scrollWidth - box.clientWidth, t.getBoundingClientRect().right - innerWidth); })
            .filter(over => over > 1)""")
        assert wide == [], f"{rel}: a table scrolls sideways by {wide} px"
    FIGURES["pages with tables, none scrolling sideways at 390 px"] = len(pages)


def test_matrix_links_are_tall_and_apart_enough_to_tap(phone, served_site):
    phone.goto(served_site + "ansvarsmatris/")
    boxes = phone.evaluate(
        "() => [...document.querySelectorAll('.sv-matrix td a')].map(a => a.getBoundingClientRect().toJSON())"
    )
    assert boxes and all(box["height"] >= 44 for box in boxes)
    for above, below in pairwise(boxes):  # one per line in a card, never overlapping
        assert below["top"] >= above["bottom"] - 0.5 or below["left"] >= above["right"]


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_at_1280_px_the_matrix_shows_all_its_columns(browser, served_site, lang):
    context = browser.new_context(viewport=LAPTOP)
    page = context.new_page()
    page.goto(served_site + ("" if lang == "sv" else "en/") + "ansvarsmatris/")
    seen = page.evaluate("""() => {
        const table = document.querySelector('.sv-matrix table');
        const content = document.querySelector('article').getBoundingClientRect();
        return {right: table.getBoundingClientRect().right, content: content.right, scroll: document.documentElement.scrollWidth - innerWidth,
                columns: [...table.querySelectorAll('thead th')].map(th => th.getBoundingClientRect().right)}; }""")
    context.close()
    assert len(seen["columns"]) == 4 and seen["scroll"] <= 0
    assert max(seen["columns"]) <= seen["content"] + 1 and seen["right"] <= seen["content"] + 1, seen


def test_a_one_actor_checklist_names_its_actor_once_on_screen_and_paper(phone, served_site, handbook):
    for lang in ("sv", "en"):
        checklist = handbook.get(lang, "avvikning-polisen")
        police = handbook.get(lang, "polisen").title
        assert {item.actor.id for item in checklist.items} == {"polisen"}
        phone.goto(url_of(served_site, checklist))
        for media in ("screen", "print"):
            phone.emulate_media(media=media)
            items = phone.locator("article .task-list-item").all_inner_texts()
            assert len(items) == len(checklist.items) and not any(police in text for text in items), media
            assert (
                phone.locator(".sv-checklist-actor").is_visible()
                and police in phone.locator(".sv-checklist-actor").inner_text()
            )


def test_a_role_is_one_tap_from_the_top(phone, served_site, handbook):
    for lang in ("sv", "en"):
        checklist = handbook.get(lang, "manniskohandel-alla")
        volunteers = handbook.get(lang, "frivilliga-organisationer")
        phone.goto(url_of(served_site, checklist))
        jump = phone.locator(f'.sv-roles a[href="#role-{volunteers.id}"]')
        assert jump.bounding_box()["y"] < PHONE["height"] and jump.bounding_box()["height"] >= 44
        jump.tap()
        first = phone.locator(f"#role-{volunteers.id}")
        top = first.bounding_box()["y"]
        assert 0 <= top < PHONE["height"] / 2 and volunteers.title in first.inner_text()


@pytest.mark.parametrize(
    "start, where",
    [
        ("sv/rutiner/patraffande.md", "table"),
        ("sv/checklistor/avvikning-boendet.md", "#within-days"),
        ("en/checklistor/manniskohandel-alla.md", "#role-god-man"),
    ],
)
def test_the_language_switch_keeps_the_section(phone, served_site, handbook, start, where):
    lang, path = start.split("/", 1)
    page = handbook.at(lang, path)
    phone.goto(url_of(served_site, page))
    if where == "table":  # a heading whose id differs between the languages: the section before the table
        section = phone.evaluate(
            "() => { const t = document.querySelector('article table'); let h = t; "
            "while (h && !/^H[23]$/.test(h.tagName)) h = h.previousElementSibling || h.parentElement; return h.id; }"
        )
        phone.evaluate("id => document.getElementById(id).scrollIntoView()", section)
    else:
        section = where[1:]
        phone.evaluate("id => document.getElementById(id).scrollIntoView()", section)
    index = phone.evaluate(
        "id => [...document.querySelectorAll(\"article h2[id], article h3[id], article h4[id], article li[id^='role-']\")].findIndex(e => e.id === id)",
        section,
    )
    other = "en" if lang == "sv" else "sv"
    link = phone.locator(f'a.md-select__link[hreflang="{other}"]')
    with phone.expect_navigation():
        link.dispatch_event("click")
    phone.wait_for_load_state("load")
    landed = phone.evaluate("""() => { const all = [...document.querySelectorAll("article h2[id], article h3[id], article h4[id], article li[id^='role-']")];
        const id = decodeURIComponent(location.hash.slice(1)); const el = document.getElementById(id);
        return {index: all.indexOf(el), top: el ? el.getBoundingClientRect().top : null, lang: document.documentElement.lang}; }""")
    assert (
        landed["lang"] == other and landed["index"] == index and 0 <= landed["top"] < PHONE["height"] / 2
    ), landed


def test_boxes_tick_in_this_browser_only_and_clear_with_one_button(phone, served_site, handbook):
    checklist = handbook.get("sv", "patraffande-frivilliga")
    requests = []
    phone.goto(url_of(served_site, checklist), wait_until="networkidle")
    phone.on("request", lambda request: requests.append(request.url))
    boxes = phone.locator("article .task-list-item input[type=checkbox]")
    assert boxes.count() == len(checklist.items) and boxes.first.is_enabled()
    clear = phone.locator("[data-sv-ticks-clear]")
    assert not clear.is_visible()
    boxes.nth(0).check()
    boxes.nth(2).check()
    assert requests == [], "ticking sends nothing"
    assert "2 av" in phone.locator("[data-sv-ticks-status]").inner_text() and clear.is_visible()
    phone.reload()
    assert [boxes.nth(i).is_checked() for i in range(3)] == [True, False, True], "kept in this browser"
    phone.emulate_media(media="print")
    assert boxes.nth(0).is_visible() and not clear.is_visible()
    phone.emulate_media(media="screen")
    clear.click()
    assert not any(boxes.nth(i).is_checked() for i in range(boxes.count())) and not clear.is_visible()
    assert (
        phone.evaluate("() => Object.keys(localStorage).filter(k => k.startsWith('samverkan-ticks:'))") == []
    )


@pytest.mark.parametrize("javascript", [True, False])
def test_every_path_through_the_guide_leads_to_the_roles_own_items(
    browser, served_site, handbook, javascript
):
    """What has happened -> who are you -> result, by tapping plain links; the result's items are the role's
    items in the routine's checklists and steps, in both languages, with and without JavaScript."""
    from samverkan.views import guide

    context = browser.new_context(
        viewport=PHONE, is_mobile=True, has_touch=True, java_script_enabled=javascript
    )
    page = context.new_page()
    paths = 0
    for lang in ("sv", "en"):
        page.goto(url_of(served_site, handbook.get(lang, "vad-gor-jag-nu")))
        for situation in guide.situations(handbook, lang):
            for role in situation.roles:
                for stage in role.stages or (None,):  # where the items differ: has the child been assigned?
                    page.locator(f'.sv-guide__start a[href="#{situation.routine.id}"]').click()
                    chosen = f"{situation.routine.id}--{role.actor.id}"
                    page.locator(f'#{situation.routine.id} a[href="#{chosen}"]').click()
                    if stage:
                        page.locator(f'[id="{chosen}"] a[href="#{chosen}--{stage}"]').click()
                        chosen += f"--{stage}"
                    result = page.locator(f'[id="{chosen}"]')
                    assert result.is_visible() and not page.locator(".sv-guide__start").is_visible()
                    shown = [
                        re.sub(r"\s+", " ", text).strip()
                        for text in result.locator(".task-list-item").all_inner_texts()
                    ]
                    items = role.at(stage).items
                    assert len(shown) == len(items), (lang, chosen)
                    for text, item in zip(shown, items, strict=True):
                        words = item.text.split("[[")[0].split()[:2]  # the words before any [[marker]]
                        assert " ".join(words) in text, (text, item.text)
                    result.locator(
                        'a[href="#guide-start"]'
                    ).click()  # "Börja om": back to the first step, as a reader taps
                    paths += 1
    context.close()
    FIGURES["guide paths (situation x role, sv + en)"] = paths
    assert paths >= 40


# Who reads at night (issue 30): the residence whose child comes back, the socialjour with a found child, the
# municipality where a trafficked child without an assigned municipality is found, the school counsellor.
READERS = [
    ("patraffande", "boendet", None),
    ("patraffande", "socialjouren", None),
    ("manniskohandel", "socialtjansten-vistelsekommun", "arrival"),
    ("avvikning", "skolan", None),
]
READER_IDS = ["-".join(filter(None, reader)) for reader in READERS]
# Where the reader is: none chosen (the way to the number), or a municipality whose night line is among the
# longest (its number, its hours in words, whether it is open now, what to do when no one answers).
HERE = [None, "sigtuna"]


def at_once_duties(handbook, routine_id: str, actor_id: str):
    """The rows of the routine's table of duties that give the actor something to do at once."""
    from samverkan.checks.duties import AT_ONCE

    duties = [
        duty
        for duty in handbook.get("sv", routine_id).duties
        if duty.when.startswith(AT_ONCE) and actor_id in {ref.id for ref in duty.actors}
    ]
    assert duties, "the routine's table gives this reader nothing at once"
    return duties


def as_read(handbook, lang: str, text: str) -> str:
    """An item's text as a reader sees it: each [[id]] marker as its words or the page's title, spaces single."""
    from samverkan.content.body import MARKER

    return " ".join(MARKER.sub(lambda marker: marker[2] or handbook.get(lang, marker[1]).title, text).split())


FULLY_SHOWN = """li => { const box = li.getBoundingClientRect(), header = document.querySelector('.md-header').getBoundingClientRect();
    return {top: Math.round(box.top), bottom: Math.round(box.bottom), shown: box.top >= header.bottom && box.bottom <= innerHeight}; }"""


@pytest.mark.parametrize("here", HERE, ids=["no municipality", "sigtuna"])
@pytest.mark.parametrize("routine_id, actor_id, stage", READERS, ids=READER_IDS)
def test_each_reader_sees_every_at_once_duty_whole_on_the_first_screen_of_the_guide(
    browser, served_site, handbook, routine_id, actor_id, stage, here
):
    """Every duty the routine's table gives the reader at once: in their result in "Vad gör jag nu?", opened by
    tapping as a reader does, among the items to do at once that open the result, and whole (the item and the
    number line after its call) between the header and the bottom of a 390 x 844 screen, without scrolling; in
    both languages, with and without a municipality chosen."""
    from samverkan.checks.duties import concerns
    from samverkan.views import guide

    duties = at_once_duties(handbook, routine_id, actor_id)
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    if here:
        context.add_init_script(f"localStorage.setItem('samverkan-municipality', '{here}')")
    phone = context.new_page()
    for lang in ("sv", "en"):
        situation = next(s for s in guide.situations(handbook, lang) if s.routine.id == routine_id)
        items = next(role for role in situation.roles if role.actor.id == actor_id).at(stage).items
        phone.goto(url_of(served_site, handbook.get(lang, "vad-gor-jag-nu")))
        if here:
            phone.wait_for_selector("[data-sv-filled]", state="attached")  # the chosen municipality's lines
        phone.locator(f'.sv-guide__start a[href="#{routine_id}"]').tap()
        result = f"{routine_id}--{actor_id}"
        phone.locator(f'[id="{routine_id}"] a[href="#{result}"]').tap()
        if stage:
            phone.locator(f'[id="{result}"] a[href="#{result}--{stage}"]').tap()
            result += f"--{stage}"
        shown = phone.locator(f'[id="{result}"] .task-list-item')
        assert shown.count() == len(items)
        urgent = next((i for i, item in enumerate(items) if item.phase != "at-once"), len(items))
        found = [
            next(i for i, item in enumerate(items) if item.phase == "at-once" and concerns(item, duty))
            for duty in duties
        ]
        # among the items to do at once that open the result
        assert max(found) < urgent, (lang, result, found)
        boxes = []
        for index in found:
            said = " ".join(shown.nth(index).inner_text().split())
            assert as_read(handbook, lang, items[index].text) in said, (index, said)
            boxes.append(shown.nth(index).evaluate(FULLY_SHOWN))
        FIGURES[f"at-once duties' bottom edge at 390 x 844, {result} ({lang}, {here or 'none chosen'})"] = (
            f"{[box['bottom'] for box in boxes]} px"
        )
        assert all(box["shown"] for box in boxes), (lang, here, result, boxes)
    context.close()


@pytest.mark.parametrize("routine_id, actor_id, stage", READERS, ids=READER_IDS)
def test_each_reader_sees_every_at_once_duty_on_the_first_screen_of_their_checklist(
    phone, served_site, handbook, routine_id, actor_id, stage
):
    """Every duty the routine's table gives the reader at once: on the first screen of their part of their
    checklist (after the tap on their role), in both languages."""
    from samverkan.checks.duties import concerns
    from samverkan.views import guide

    duties = at_once_duties(handbook, routine_id, actor_id)
    for lang in ("sv", "en"):
        situation = next(s for s in guide.situations(handbook, lang) if s.routine.id == routine_id)
        for checklist in (handbook.get(lang, ref.id) for ref in situation.routine.checklists):
            mine = [
                i
                for i, item in enumerate(checklist.items)
                if item.actor.id == actor_id and item.stage in (None, stage)
            ]
            wanted = {
                i
                for i in mine
                for duty in duties
                if checklist.items[i].phase == "at-once" and concerns(checklist.items[i], duty)
            }
            if wanted:
                phone.goto(url_of(served_site, checklist))
                jump = phone.locator(f'.sv-roles a[href="#role-{actor_id}"]')
                if jump.count():  # a checklist with several roles: the reader taps theirs
                    jump.tap()
                boxes = phone.locator("article li.task-list-item")
                assert all(on_first_screen(boxes.nth(i)) for i in wanted), (
                    lang,
                    checklist.id,
                    sorted(wanted),
                )


def on_first_screen(element) -> bool:
    """The element's first line shows without scrolling, as for a checklist's first urgent item above."""
    box = element.bounding_box()
    return box is not None and 0 <= box["y"] <= PHONE["height"] - 24


def test_the_guide_is_in_every_header_and_the_language_switch_keeps_the_step(phone, served_site, handbook):
    phone.goto(url_of(served_site, handbook.get("sv", "avvikning-boendet")))
    phone.locator(".sv-guide-link a").click()
    phone.locator('.sv-guide__start a[href="#patraffande"]').click()
    phone.locator('a[href="#patraffande--polisen"]').click()
    with phone.expect_navigation():
        phone.locator('a.md-select__link[hreflang="en"]').dispatch_event("click")
    phone.wait_for_load_state("load")
    assert phone.url.endswith("/en/vad-gor-jag-nu/#patraffande--polisen")
    assert phone.locator('[id="patraffande--polisen"]').is_visible()
    assert handbook.get("en", "polisen").title in phone.locator('[id="patraffande--polisen"] h2').inner_text()


def test_a_guide_result_prints_like_a_checklist(phone, served_site, handbook):
    from samverkan.views import guide

    situation = next(s for s in guide.situations(handbook, "sv") if s.routine.id == "avvikning")
    role = next(r for r in situation.roles if r.actor.id == "boendet")
    phone.goto(url_of(served_site, handbook.get("sv", "vad-gor-jag-nu")) + "#avvikning--boendet--arrival")
    assert phone.locator('[id="avvikning--boendet--arrival"] [data-sv-print]').is_visible()
    phone.emulate_media(media="print")
    assert phone.locator("h1").is_visible() and not phone.locator(".sv-guide__start").is_visible()
    assert phone.locator(".sv-guide .task-list-item:visible").count() == len(role.at("arrival").items)
    assert (
        not phone.locator(".md-header").is_visible()
        and not phone.locator(".sv-guide__path").first.is_visible()
    )
    pages = count_pdf_pages(phone.pdf(format="A4", prefer_css_page_size=True))
    FIGURES["guide result avvikning/boendet on paper"] = f"{pages} A4 page(s)"
    assert pages <= 2


CHANGED = [
    "checklistor/avvikning-boendet/",
    "checklistor/manniskohandel-alla/",
    "checklistor/avvikning-socialtjansten/",
    "rutiner/patraffande/",
    "rutiner/avvikning/",
    "ansvarsmatris/",
    "aktorer/polisen/",
    "lagar/sol/",
    "",
    "vad-gor-jag-nu/",
    "vad-gor-jag-nu/#avvikning",
    "vad-gor-jag-nu/#avvikning--boendet",
    "vad-gor-jag-nu/#avvikning--boendet--after-assignment",
    "vad-gor-jag-nu/#manniskohandel--frivilliga-organisationer",
    "vad-gor-jag-nu/#patraffande--socialjouren",
]


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_axe_finds_nothing_on_the_changed_pages_at_390_px(phone, served_site, prefix):
    found = {}
    for path in CHANGED:
        phone.goto(served_site + prefix + path)
        phone.evaluate(Axe().axe_script)
        boxes = phone.locator("article .task-list-item input[type=checkbox]")
        if boxes.count() and boxes.first.is_visible() and boxes.first.is_enabled():
            # shows the clear button and the status line; no scrolling
            boxes.first.evaluate("box => box.click()")
        # the header's title fades on scroll
        phone.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")
        for violation in phone.evaluate("o => axe.run(document, o).then(r => r.violations)", AXE_OPTIONS):
            found.setdefault(violation["id"], []).append(
                f"{prefix}{path}: {[n['target'] for n in violation['nodes']][:3]}"
            )
    FIGURES[f"axe-core violations at 390 px ({prefix or 'sv/'}changed pages)"] = sum(
        len(v) for v in found.values()
    )
    assert not found, found
