"""Legal citations: section numbers written next to a law's name, in Swedish or English, resolved to the
sections the law's page lists under 'sections:'.

A citation is a run of sections ('19 kap. 1 §', '6 och 7 §§', 'chapter 29, section 4', 'article 3')
directly after a law's name ('SoL 19 kap. 1 §', '[[lvu]] 6 §', 'Police Act, section 12') or directly
before it ('6 § LVU', '19 kap. 1 § i socialtjänstlagen', 'section 12 of the Police Act'). A law's names
are its abbreviation, title, id and keywords, in both languages, and a [[law-id]] marker. A bare '12 §'
names no law and is not a citation. Each citation resolves to canonical refs, the form 'sections:' uses.

The search starts from the section numbers, which are few, and looks for a name on either side: one
pattern of every name tried at every position of every page would cost most of the check's time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from samverkan.content.model import Handbook, Law, Page
from samverkan.content.parts import LANGUAGES
from samverkan.views.views import in_nav_order

# Numbers have at most four digits and lists at most LIST_LENGTH numbers or units, so a run of numbers
# that ends in no '§' costs a bounded look from each of its numbers, not one to the end of the text.
LIST_LENGTH = 20
_NUMBER = r"(?<!\d)\d{1,4}(?:\s?[a-z]\b)?"  # '1', '1 a', English also '1a'
_JOIN = r"(?:\s*+,\s*+|\s++(?:och|and|eller|or|to)\s++|\s*+[–-]\s*+)"  # between numbers of one kind
_NUMBERS = rf"{_NUMBER}(?:{_JOIN}{_NUMBER}){{0,{LIST_LENGTH}}}"
_SWEDISH = rf"(?:{_NUMBER}\s+kap\.\s+{_NUMBERS}\s*§§?|{_NUMBERS}\s+kap\.|{_NUMBERS}\s*§§?)"
_ENGLISH = rf"(?:[Cc]hapter\s+{_NUMBER}(?:,?\s+[Ss]ections?\s+{_NUMBERS})?|[Ss]ections?\s+{_NUMBERS})"
_ARTICLES = rf"(?:[Aa]rtikel|[Aa]rtiklarna|[Aa]rtiklar|[Aa]rticles?)\s+\d{{1,4}}(?:{_JOIN}\d{{1,4}}){{0,{LIST_LENGTH}}}"
UNIT = re.compile(rf"{_SWEDISH}|{_ENGLISH}|{_ARTICLES}")
# Units joined into one run: 'SoL 19 kap. 1 §, 20 kap. 1 och 2 §§' or 'LVU 6 § och 43 §'.
RUN = re.compile(
    rf"(?<![\w§.:])(?:{UNIT.pattern})(?:(?:\s*+,\s*+|\s++(?:och|and)\s++)(?:{UNIT.pattern})){{0,{LIST_LENGTH}}}"
)

_CHAPTER = re.compile(rf"(?:[Cc]hapter\s+({_NUMBER})|({_NUMBER})\s+kap\.)")
_CHAPTERS = re.compile(rf"({_NUMBERS})\s+kap\.")
_NUMBER_RUN = re.compile(_NUMBERS)
_ONE_NUMBER = re.compile(rf"({_NUMBER})(?:\s*[–-]\s*({_NUMBER}))?")
_SFS = r"\(?\d{4}:\d+\)?"
_CODE = re.compile(r"^[ \t]*(```|~~~).*?(?:^[ \t]*\1[^\n]*$|\Z)|`[^`\n]+`", re.MULTILINE | re.DOTALL)


def section_refs(text: str) -> tuple[str, ...] | None:
    """The canonical refs of a run of sections ('19 kap. 1 och 4 §§' -> '19 kap. 1 §', '19 kap. 4 §'),
    or None when the text is not one."""
    text = " ".join(text.split())
    if not RUN.fullmatch(text):
        return None
    return tuple(ref for unit in UNIT.finditer(text) for ref in _unit_refs(unit[0]))


def _unit_refs(unit: str) -> list[str]:
    if unit[0] in "Aa":
        return [f"artikel {number}" for number in _numbers(unit.split(None, 1)[1])]
    chapters = _CHAPTERS.fullmatch(unit)
    if chapters:
        return [f"{number} kap." for number in _numbers(chapters[1])]
    chapter = _CHAPTER.match(unit)
    chapter_number = _canonical_number(chapter[1] or chapter[2]) if chapter else None
    rest = unit[chapter.end() :] if chapter else unit
    numbers = _NUMBER_RUN.search(rest)
    if numbers is None:  # 'chapter 19'
        return [f"{chapter_number} kap."]
    prefix = f"{chapter_number} kap. " if chapter_number else ""
    return [f"{prefix}{number} §" for number in _numbers(numbers[0])]


def _numbers(run: str) -> list[str]:
    """'1, 2 och 4' -> 1, 2, 4; a range '1–3' -> 1, 2, 3 (its ends only when they carry letters)."""
    found = []
    for match in _ONE_NUMBER.finditer(run):
        first, last = _canonical_number(match[1]), match[2] and _canonical_number(match[2])
        if last and first.isdigit() and last.isdigit() and int(first) < int(last):
            found += [str(n) for n in range(int(first), int(last) + 1)]
        else:
            found += [first] + ([last] if last else [])
    return found


def _canonical_number(number: str) -> str:
    """'8a' and '8 a' -> '8 a'."""
    digits = number.rstrip("abcdefghijklmnopqrstuvwxyz ")
    letter = number[len(digits) :].strip()
    return f"{digits} {letter}" if letter else digits


@dataclass(frozen=True)
class Citation:
    """One unit of a run ('19 kap. 1 och 4 §§'), the law it cites, its refs, and where it is written."""

    law: Law
    refs: tuple[str, ...]
    start: int  # offset of the unit in the text searched
    end: int
    line: int


class Recogniser:
    """Finds the citations in a language's texts, knowing the names of every law of the handbook."""

    def __init__(self, handbook: Handbook, lang: str):
        self.laws = {law.id: law for law in handbook.of_type(lang, Law)}
        self.by_sfs = {law.sfs: law for law in self.laws.values()}
        self.exact, self.folded = _names(handbook)
        names, ids = {*self.exact, *self.folded}, set(self.laws)
        # before a run, read backwards: '[[lvu]] ', 'SoL 2001:453 ', 'Police Act, ', 'Polislagen (1984:387): '
        self._before = re.compile(
            rf"[ \t\n]+(?:[,:][ \t]*)?(?:(?P<sfs>\)?\d+:\d{{4}}\(?)[ \t]*)?(?:s:?)?"
            rf"(?:(?P<name>{_either(names, reverse=True)})(?!\w)|\]\](?:[^\[\]\n]*\|)?(?P<id>{_either(ids, reverse=True)})\[\[)",
            re.IGNORECASE,
        )
        # after a run: ' LVU', ' i socialtjänstlagen', ' of the Police Act', ' [[osl]]', ' SoL 2001:453'
        self._after = re.compile(
            rf"[ \t\n]+(?:(?:i|of|in)[ \t\n]+(?:the[ \t\n]+)?)?"
            rf"(?:(?P<name>{_either(names)})(?::?s)?(?!\w)|\[\[(?P<id>{_either(ids)})(?:\|[^\]\n]+)?\]\])"
            rf"(?:[ \t]*(?P<sfs>{_SFS}))?",
            re.IGNORECASE,
        )

    def find(self, text: str, first_line: int = 1) -> list[Citation]:
        """Every citation in Markdown text, outside code; lines counted from first_line."""
        if "`" in text:
            text = _CODE.sub(lambda m: re.sub(r"[^\n]", " ", m[0]), text)
        found, line, last = [], first_line, 0
        for run in RUN.finditer(text):
            before, after = self._law_before(text, run.start()), self._law_after(text, run.end())
            if before is None and after is None:
                continue
            line += text.count("\n", last, run.start())
            last = run.start()
            units = list(UNIT.finditer(text, run.start(), run.end()))
            for index, unit in enumerate(units):
                # '[[lvu]] 6 §, 12 § polislagen': the name after a run claims its last unit only
                law = after if after and (before is None or index == len(units) - 1) else before
                found.append(
                    Citation(
                        law,
                        tuple(_unit_refs(" ".join(unit[0].split()))),
                        unit.start(),
                        unit.end(),
                        line + text.count("\n", run.start(), unit.start()),
                    )
                )
        return found

    def _law_before(self, text: str, start: int) -> Law | None:
        window = text[max(0, start - 120) : start][::-1]
        match = self._before.match(window)
        if match is None:
            return None
        return self._resolve(
            match["name"] and match["name"][::-1],
            match["id"] and match["id"][::-1],
            match["sfs"] and match["sfs"][::-1],
        )

    def _law_after(self, text: str, end: int) -> Law | None:
        match = self._after.match(text, end)
        return self._resolve(match["name"], match["id"], match["sfs"]) if match else None

    def _resolve(self, name: str | None, law_id: str | None, sfs: str | None) -> Law | None:
        """The law a name, marker or SFS number names; an SFS number wins ('SoL 2001:453' is the old law)."""
        by_sfs = self.by_sfs.get(sfs.strip("()")) if sfs else None
        if by_sfs is not None:
            return by_sfs
        if law_id is None and name is not None:
            law_id = self.exact.get(name) or self.folded.get(name.casefold())
        return self.laws.get(law_id) if law_id else None


def _either(words, reverse: bool = False) -> str:
    """A pattern matching any of the words, longest first (or, reversed, their mirror images); none: nothing."""
    return (
        "|".join(re.escape(word[::-1] if reverse else word) for word in sorted(words, key=len, reverse=True))
        or "(?!)"
    )


def _names(handbook: Handbook) -> tuple[dict[str, str], dict[str, str]]:
    """(abbreviation -> law id, matched as written; other name folded -> law id) over both languages.

    A name two laws share goes to the law whose own title, id or abbreviation it is, then to the law in
    force; still shared, it names neither. Keywords that are numbers or sections ('2025:400', '19 kap.')
    are not names."""
    exact: dict[str, str] = {}
    ranked: dict[str, list[tuple[int, str]]] = {}
    for law in (page for lang in LANGUAGES for page in handbook.of_type(lang, Law)):
        if law.abbr:
            exact.setdefault(law.abbr, law.id)
        repealed = law.status == "repealed"
        candidates = [(law.title, 0), (law.id, 0)] + [
            (keyword, 2) for keyword in law.keywords if _is_name(keyword)
        ]
        for name, rank in candidates:
            ranked.setdefault(name.casefold(), []).append((rank + repealed, law.id))
    folded = {}
    for name, claims in ranked.items():
        best = min(rank for rank, _ in claims)
        owners = {law_id for rank, law_id in claims if rank == best}
        if len(owners) == 1:
            folded[name] = owners.pop()
    return exact, folded


_NOT_A_NAME = re.compile(r"§|\bkap\b|^\W*\d|\d{4}:\d")


def _is_name(keyword: str) -> bool:
    return len(keyword) > 2 and not _NOT_A_NAME.search(keyword)


def recogniser(handbook: Handbook, lang: str) -> Recogniser:
    return handbook.memo(("citation-recogniser", lang), lambda: Recogniser(handbook, lang))


def page_citations(handbook: Handbook, page: Page) -> list[Citation]:
    """The citations in a page's body, found once per page."""
    return handbook.memo(
        ("citations", page.lang, page.path),
        lambda: recogniser(handbook, page.lang).find(page.body, page.body_line),
    )


def listed(law: Law) -> set[str]:
    return {section.ref for section in law.sections}


# What the site shows: the law page's table of sections, and each citation's note.

_REF_PARTS = re.compile(rf"^(?:({_NUMBER}) kap\.)? ?(?:({_NUMBER}) §)?$")


def anchor(ref: str) -> str:
    """The id of a section's row on its law page: '19 kap. 1 a §' -> 'ref-19-kap-1-a'."""
    return "ref-" + "-".join(re.findall(r"[a-z]+|\d+", ref.replace("kap.", "kap")))


def official_url(law: Law, ref: str) -> str:
    """The section in the official statute text. riksdagen.se marks each section 'K19P1' (chapter 19,
    § 1), 'P12' in a law without chapters, 'K6P8a' for 6 kap. 8 a §, and each chapter 'K19'.
    A convention's articles have no marks: the page itself."""
    parts = _REF_PARTS.match(ref)
    if "riksdagen.se/" not in law.url or "#" in law.url or parts is None:
        return law.url
    chapter, section = (part.replace(" ", "") if part else "" for part in parts.groups())
    return f"{law.url}#" + (f"K{chapter}" if chapter else "") + (f"P{section}" if section else "")


def ref_label(ref: str, lang: str) -> str:
    """A ref as a reader of the language writes it: '19 kap. 1 §' stays in Swedish, 'chapter 19, section 1' in English."""
    if lang != "en":
        return ref
    if ref.startswith("artikel "):
        return "article " + ref.split()[1]
    parts = _REF_PARTS.match(ref)
    chapter, section = parts.groups() if parts else (None, None)
    words = ([f"chapter {chapter}"] if chapter else []) + ([f"section {section}"] if section else [])
    return ", ".join(words) or ref


@dataclass(frozen=True)
class SectionRow:
    section: object  # model.Section
    anchor: str
    label: str
    official: str
    cited_by: tuple  # pages, in reading order


def section_rows(handbook: Handbook, law: Law) -> list[SectionRow]:
    """The law page's table: each listed section with its official text and the pages that cite it."""
    citing = handbook.memo(("pages-citing-sections", law.lang), lambda: _pages_by_section(handbook, law.lang))
    return [
        SectionRow(
            section,
            anchor(section.ref),
            ref_label(section.ref, law.lang),
            official_url(law, section.ref),
            tuple(citing.get((law.id, section.ref), ())),
        )
        for section in law.sections
    ]


def _pages_by_section(handbook: Handbook, lang: str) -> dict[tuple[str, str], list[Page]]:
    found: dict[tuple[str, str], list[Page]] = {}
    for page in in_nav_order(handbook, [page for page in handbook.pages if page.lang == lang]):
        keys = [
            (citation.law.id, ref)
            for citation in page.legal_basis
            for ref in (section_refs(citation.ref or "") or ())
        ]
        keys += [
            (citation.law.id, ref) for citation in page_citations(handbook, page) for ref in citation.refs
        ]
        for key in dict.fromkeys(keys):
            if key[0] != page.id:
                found.setdefault(key, []).append(page)
    return found


@dataclass(frozen=True)
class Note:
    """A cited section's note at the foot of the citing page."""

    number: int
    law: Law
    section: object  # model.Section
    label: str
    url: str  # the section's row on the law page, relative to the citing page


def notes(handbook: Handbook, page: Page, relative_url) -> dict[tuple[str, str], Note]:
    """(law id, ref) -> its note, numbered in the order the page first cites each listed section.
    ``relative_url(law)`` gives the law page's address from this page."""
    found: dict[tuple[str, str], Note] = {}
    for citation in page_citations(handbook, page):
        sections = {section.ref: section for section in citation.law.sections}
        for ref in citation.refs:
            if ref in sections and (citation.law.id, ref) not in found:
                found[(citation.law.id, ref)] = Note(
                    len(found) + 1,
                    citation.law,
                    sections[ref],
                    ref_label(ref, page.lang),
                    f"{relative_url(citation.law)}#{anchor(ref)}",
                )
    return found
