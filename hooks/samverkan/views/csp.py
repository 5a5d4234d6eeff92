"""A Content-Security-Policy in every page: scripts and images from the site only, nothing from another host.

The policy is a <meta http-equiv> so that it holds on any web server, from disk and in the offline copy; a web
server may send the same as a header (docs-dev/it.md). The theme writes a few small scripts into the page
itself; each is allowed by its hash, so no other inline script runs. Only the theme's frame is hashed, never
the content (pages, additions and views carry no script: the sanitizer and the verifier see to that)."""

from __future__ import annotations

import base64
import hashlib
import re

from selectolax.lexbor import LexborHTMLParser

# Style attributes and elements stay allowed: Material's scripts set styles, and the sanitizer keeps them out of
# the content. A page loads nothing from another host: every directive is the site itself, or data made in the page.
POLICY = (
    "default-src 'self'; script-src 'self'{hashes}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; worker-src 'self' blob:; frame-src 'self'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'"
)
CONTENT = "article.md-content__inner"


def policy(html: str) -> str:
    return policy_of(_theme_scripts(html))


def policy_of(scripts: list[str]) -> str:
    """The policy of a page whose frame holds these inline scripts."""
    return POLICY.format(hashes="".join(f" 'sha256-{_digest(script)}'" for script in dict.fromkeys(scripts)))


def _theme_scripts(html: str) -> list[str]:
    """The text of every inline script outside the content, exactly as the browser hashes it."""
    return frame_scripts(LexborHTMLParser(html))


def frame_scripts(tree: LexborHTMLParser) -> list[str]:
    """``_theme_scripts`` of a page already parsed."""
    content = tree.css_first(CONTENT)
    return [
        script.text()
        for script in tree.css("script")
        if not script.attributes.get("src")
        and script.attributes.get("type") in (None, "text/javascript", "module")
        and not within(script, content)
    ]


def within(node, ancestor) -> bool:
    """True when ``node`` is ``ancestor`` or inside it."""
    while node is not None:
        if ancestor is not None and node.mem_id == ancestor.mem_id:
            return True
        node = node.parent
    return False


def with_policy(html: str) -> str:
    """The page with its policy as the first thing in its head, before any script it governs; a policy it
    carries already is made anew (its scripts changed)."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(html)}">'
    if _META.search(html):
        return _META.sub(lambda _: meta, html, count=1)
    return html.replace("<head>", f"<head>\n    {meta}", 1)


_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="[^"]*">')


def _digest(script: str) -> str:
    return base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
