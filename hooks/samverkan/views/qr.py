"""QR codes for print-outs: made at build time (segno, no online service), as inline SVG.

The code holds the page's published address with its plan and page versions, so a phone that scans a
print-out opens the page and is told whether the paper is still current (samverkan-versions.js).
The address text is printed beside the code, so the code itself is hidden from screen readers.
"""

from __future__ import annotations

from urllib.parse import urlencode

import segno

MASK = 2


def versioned_address(address: str, plan_version: str | None, page_version: str) -> str:
    """The page's address with ?v=<plan version>&p=<page version> (v is left out without a changelog)."""
    query = {"v": plan_version, "p": page_version} if plan_version else {"p": page_version}
    return f"{address}?{urlencode(query)}"


def svg(text: str) -> str:
    """The QR code of ``text`` as an inline SVG element that scales to its box (error correction M).

    Two modules of quiet zone in the drawing; the print style keeps the paper around it blank, which
    makes up the rest of the standard four."""
    # A fixed mask: choosing the best of eight took two thirds of the time the checks and views took, and any mask
    # is valid for a scanner (the PDF test decodes the codes).
    code = segno.make(text, error="m", micro=False, boost_error=False, mask=MASK)
    return code.svg_inline(border=2, omitsize=True, svgclass="sv-qr__code", lineclass=None).replace(
        "<svg ", '<svg aria-hidden="true" focusable="false" ', 1
    )
