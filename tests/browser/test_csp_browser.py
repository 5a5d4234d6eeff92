"""The Content-Security-Policy in a real browser: the site works under it, over HTTP and from disk, and an
inline script that is not the theme's does not run."""

from __future__ import annotations

import pytest

from .test_offline_browser import open_search, search

VIOLATIONS = "window.__violations = []; document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));"


def violations_while(page, url: str, query: str) -> list[str]:
    page.add_init_script(VIOLATIONS)
    page.goto(url)
    open_search(page)
    assert search(page, query), "search must work under the policy"
    return page.evaluate("() => window.__violations")


@pytest.mark.parametrize(
    "path, query", [("", "avvikning"), ("en/", "missing"), ("rutiner/avvikning/", "polisen")]
)
def test_the_served_site_works_with_no_violation(page, served_site, path, query):
    assert violations_while(page, served_site + path, query) == []


@pytest.mark.parametrize("path, query", [("index.html", "avvikning"), ("en/index.html", "missing")])
def test_the_offline_copy_works_from_disk_with_no_violation(page, offline_site, path, query):
    assert violations_while(page, (offline_site / path).as_uri(), query) == []


def test_an_inline_script_not_the_themes_does_not_run(page, built_site, tmp_path):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    (built_site / "csp-probe.html").write_text(
        html.replace("</body>", "<script>window.__ran = true</script></body>"), encoding="utf-8"
    )
    try:
        page.goto((built_site / "csp-probe.html").as_uri())
        assert page.evaluate("() => window.__ran === undefined")
    finally:
        (built_site / "csp-probe.html").unlink()
