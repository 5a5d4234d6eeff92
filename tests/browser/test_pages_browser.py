"""Every page of both languages in Chromium: no request to another host, correct lang, axe-core clean,
usable at 360 px without the page scrolling sideways, and print tools where they belong.

About 250 pages: they are checked by a few tabs at once (asyncio, in a thread of its own so it does
not meet the session's sync Playwright), and the big search index is answered with an empty one here,
as search has its own tests; every request is still recorded.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import json
from urllib.parse import urlsplit

from axe_playwright_python.sync_playwright import Axe

from .conftest import CHROMIUM, CHROMIUM_ARGS, FIGURES, page_url_path, site_pages

TABS = 3
AXE_OPTIONS = {
    "resultTypes": ["violations"],
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]},
}
PHONE, DESKTOP = {"width": 360, "height": 740}, {"width": 1280, "height": 900}
EMPTY_INDEX = json.dumps(
    {"config": {"lang": ["sv"], "separator": "[\\s]+", "pipeline": ["stemmer"], "fields": {}}, "docs": []}
)


def printable(rel: str) -> bool:
    """Checklists and actor pages (an actor's print pack) have a print button; their section pages do not."""
    section, _, rest = rel.removeprefix("en/").partition("/")
    return section in ("checklistor", "aktorer") and rest != "index.html"


async def check_pages(base: str, pages: list[str], color_scheme: str = "light") -> dict:
    from playwright.async_api import async_playwright

    origin = "{0.scheme}://{0.netloc}".format(urlsplit(base))
    found = {"requests": 0, "foreign": [], "violations": {}, "problems": []}

    def on_request(request):
        found["requests"] += 1
        if not (request.url.startswith(origin + "/") or request.url.startswith("data:")):
            found["foreign"].append(request.url)

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = await browser.new_context(viewport=DESKTOP, color_scheme=color_scheme)
        context.on("request", on_request)
        await context.add_init_script(Axe().axe_script)
        await context.route(
            "**/search/search_index.json",
            lambda route: route.fulfill(status=200, content_type="application/json", body=EMPTY_INDEX),
        )
        queue: asyncio.Queue = asyncio.Queue()
        for rel in pages:
            queue.put_nowait(rel)

        async def tab():
            page = await context.new_page()
            while not queue.empty():
                rel = queue.get_nowait()
                await check_one(page, base, rel, found)
            await page.close()

        await asyncio.gather(*(tab() for _ in range(TABS)))
        await browser.close()
    return found


async def check_one(page, base: str, rel: str, found: dict) -> None:
    url = base + page_url_path(rel)
    problems = found["problems"]
    response = await page.goto(url, wait_until="load")
    if not (response and response.ok):
        problems.append(f"{url}: HTTP {response and response.status}")
        return
    lang = await page.evaluate("document.documentElement.lang")
    if lang != ("en" if rel.startswith("en/") else "sv"):
        problems.append(f"{rel}: lang={lang!r}")
    violations = await page.evaluate("o => axe.run(document, o).then(r => r.violations)", AXE_OPTIONS)
    for violation in violations:
        nodes = [" ".join(map(str, node["target"])) for node in violation["nodes"]]
        found["violations"].setdefault(violation["id"], []).append(f"{rel}: {nodes[:3]}")
    has_button = (
        await page.locator("[data-sv-print]").count() == 1
        and await page.locator("[data-sv-print]").is_visible()
    )
    if printable(rel) != has_button:
        problems.append(f"{rel}: print button {'missing' if printable(rel) else 'where it does not belong'}")
    await page.set_viewport_size(PHONE)
    overflow = await page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    if overflow > 0:
        problems.append(f"{rel}: at 360 px the page scrolls sideways by {overflow} px")
    await page.set_viewport_size(DESKTOP)


def test_every_page(served_site, built_site):
    pages = site_pages(built_site)
    assert len(pages) > 50, pages
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        found = pool.submit(asyncio.run, check_pages(served_site, pages)).result()
    violations = found["violations"]
    FIGURES["pages checked in Chromium (both languages)"] = len(pages)
    FIGURES["requests made / to another host"] = f"{found['requests']} / {len(found['foreign'])}"
    FIGURES["axe-core violations"] = sum(len(v) for v in violations.values())
    assert not found["foreign"], f"requests to other hosts: {sorted(set(found['foreign']))[:10]}"
    assert not violations, "axe-core:\n" + "\n".join(
        f"{rule}: {len(where)} page(s), e.g. {where[:3]}" for rule, where in violations.items()
    )
    assert not found["problems"], "\n".join(found["problems"])
