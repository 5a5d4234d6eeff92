"""Citations name sections the law's page lists: under 'legal_basis:' and in the text (views/citations.py
finds them)."""

from __future__ import annotations

from samverkan.content.model import Handbook, Law, Page
from samverkan.content.problems import Problem
from samverkan.content.schema import SECTION_REF_FORMS
from samverkan.views.citations import listed, page_citations, section_refs


def legal_basis_sections(handbook: Handbook) -> list[Problem]:
    """Every 'ref:' under 'legal_basis:' names sections the cited law's page lists."""
    problems = []
    for page in handbook.pages:
        for index, citation in enumerate(page.legal_basis):
            law = handbook.get(page.lang, citation.law.id)
            if citation.ref is None or not isinstance(law, Law) or law.status == "repealed":
                continue  # a whole law; a wrong id and a repealed law are reported by checks.references and checks.laws
            line = page.line_of("legal_basis", index, "ref")
            refs = section_refs(citation.ref)
            if refs is None:
                problems.append(
                    Problem(
                        page.file,
                        line,
                        f"'{citation.ref}' is not a section reference",
                        f"write it as {SECTION_REF_FORMS}; several as '19 kap. 1 och 4 §§'",
                    )
                )
                continue
            problems += [_unlisted(page, line, law, ref) for ref in refs if ref not in listed(law)]
    return problems


def inline_citations(handbook: Handbook) -> list[Problem]:
    """Every citation in a page's text names a listed section of a law in force (a repealed law's
    sections may be cited on its own page only)."""
    problems = []
    for page in handbook.pages:
        for citation in page_citations(handbook, page):
            law = citation.law
            if law.status == "repealed" and law.id != page.id:
                successor = f"{law.replaced_by.id}" if law.replaced_by else "the law now in force"
                problems += [
                    Problem(
                        page.file,
                        citation.line,
                        f"cites section '{ref}' of the repealed law {law.id}",
                        f"cite the law that replaced it ({successor}) with its new chapter and section",
                    )
                    for ref in citation.refs
                ]
            else:
                problems += [
                    _unlisted(page, citation.line, law, ref)
                    for ref in citation.refs
                    if ref not in listed(law)
                ]
    return problems


def _unlisted(page: Page, line: int, law: Law, ref: str) -> Problem:
    return Problem(
        page.file,
        line,
        f"'{ref}' is not a listed section of {law.id}",
        f"add it to {law.file} under 'sections:' (checked against the statute text) or correct the reference",
    )
