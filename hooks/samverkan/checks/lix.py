"""LIX (läsbarhetsindex): words per sentence plus the share of long words, in per cent.

Plain Swedish for a checklist is LIX 40 or lower; for a routine 45 or lower.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from samverkan.content.model import Checklist, Handbook, Routine

LIMITS = {"checklist": 40, "routine": 45}
WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
SENTENCE_END = re.compile(r"(?<![.!?:])[.!?:]++(?:\s|$)|\n[ \t]*+(?:\n|[-*+]\s|\d++[.)]\s)|\n#")
MARKUP = re.compile(
    r"\[\[[^\[\]]*\]\]|\{[^{}]*\}|<[^<>]+>|\]\([^()\]]*\)|^[ \t]*[-*+][ \t]+\[[ xX]\]|[#*_`>|]", re.MULTILINE
)


def lix(text: str) -> float:
    words = WORD.findall(text)
    if not words:
        return 0.0
    sentences = max(1, len([part for part in SENTENCE_END.split(text) if part and WORD.search(part)]))
    long_words = sum(1 for word in words if len(word) > 6)
    return len(words) / sentences + 100 * long_words / len(words)


def plain_text(markdown: str) -> str:
    return MARKUP.sub(" ", markdown)


@dataclass(frozen=True)
class Row:
    file: str
    score: float
    limit: int


def report(handbook: Handbook, lang: str = "sv") -> list[Row]:
    rows = []
    for page in handbook.pages:
        if page.lang == lang and isinstance(page, (Routine, Checklist)):
            rows.append(Row(page.file, round(lix(plain_text(page.body)), 1), LIMITS[page.type]))
    return rows
