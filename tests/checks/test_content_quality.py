"""The handbook's own quality bar: plain Swedish (LIX), short checklist items, and a few content rules.

The content rules each stop an error that reviewers found in a published page (issue 11). They read every
checklist item and routine step in both languages; CONTRIBUTING.md describes them for reviewers.
"""

from __future__ import annotations

import re

import pytest
from samverkan.checks import lix
from samverkan.content.model import Checklist, Routine
from samverkan.content.parts import Item, Ref
from samverkan.editions.handbook import load_site
from samverkan.views.render import Renderer

MAX_ITEM_CHARACTERS = 160  # about two lines on a phone or printed A4


@pytest.fixture(scope="module")
def handbook():
    return load_site("mkdocs.yml")


def test_lix_counts_words_per_sentence_plus_share_of_long_words():
    assert lix.lix("Barnet är borta. Ring polisen nu.") == pytest.approx(6 / 2 + 100 * 1 / 6)
    assert lix.lix("Socialtjänsten genomför förhandsbedömningen omedelbart.") == pytest.approx(
        4 / 1 + 100 * 4 / 4
    )


def test_routines_and_checklists_are_plain_swedish(handbook):
    too_hard = [
        f"{row.file}: LIX {row.score} > {row.limit}" for row in lix.report(handbook) if row.score > row.limit
    ]
    assert too_hard == []


def test_every_checklist_item_fits_on_two_lines(handbook):
    long_items = [
        f"{page.file}:{item.line}: {len(item.text)} characters"
        for page in handbook.pages
        if isinstance(page, Checklist)
        for item in page.items
        if len(item.text) > MAX_ITEM_CHARACTERS
    ]
    assert long_items == []


# Rule 1: a report that cannot wait is made at once. SoL 19 kap. 1 § says "genast" for a concern report,
# and a child who is missing or found again must reach the police without delay.
URGENT_REPORT = {
    "sv": re.compile(
        r"orosanmälan|\b(anmäl\w*|berätta\w*|meddela\w*)\b[^.]*\b((för|till) )?(socialtjänsten|socialjouren|socialnämnden)\b"
        r"|\b(ring\w*|berätta\w*|anmäl\w*|meddela\w*|larma\w*)\b[^.]*\bpolisen\b[^.]*"
        r"\b(saknas|saknat|borta|försvinner|hittat|hittad|tillbaka)\b",
        re.IGNORECASE,
    ),
    "en": re.compile(
        r"concern report|report (of|your) concern|\b(report\w*|tell\w*)\b[^.]*\bsocial services\b"
        r"|\b(call|tell|report|alert)\w*\b[^.]*\bpolice\b[^.]*\b(missing|absent|disappears|found|back)\b",
        re.IGNORECASE,
    ),
}
DELAY = {
    "sv": re.compile(r"samma dag|nästa vardag|\binom\b|senare|så snart", re.IGNORECASE),
    "en": re.compile(r"same day|next (working )?day|next weekday|\bwithin\b|later|as soon as", re.IGNORECASE),
}
AT_ONCE = {"sv": re.compile(r"\bgenast\b", re.IGNORECASE), "en": re.compile(r"\bat once\b", re.IGNORECASE)}


def urgent_report_problem(item: Item, lang: str) -> str | None:
    if not URGENT_REPORT[lang].search(item.text):
        return None
    if DELAY[lang].search(item.text):
        return "a report that cannot wait is delayed; write 'genast' / 'at once'"
    if item.phase != "at-once" and not AT_ONCE[lang].search(item.text):
        return "a report that cannot wait is not made at once; write 'genast' / 'at once' or move it under the at-once heading"
    return None


# Rule 2: a staff member does not take a decision the law gives to the social welfare board. Under LVU 6 §
# the board decides on immediate custody, or in urgency its chair or a designated member; staff assess
# and present the matter.
STAFF = {
    "boendet",
    "socialjouren",
    "socialtjansten-anvisningskommun",
    "socialtjansten-vistelsekommun",
    "ungdomsjouren",
}
BOARD_DECISION = {
    "sv": re.compile(
        r"\b(besluta\w*|fatta\w* beslut|beslut om)\b[^.]*\b(omhändertagande|LVU)\b", re.IGNORECASE
    ),
    "en": re.compile(
        r"\b(decide\w*|take\w* a decision|make\w* a decision)\b[^.]*\b(custody|care order|LVU)\b",
        re.IGNORECASE,
    ),
}


def board_decision_problem(item: Item, lang: str) -> str | None:
    if item.actor and item.actor.id in STAFF and BOARD_DECISION[lang].search(item.text):
        return f"{item.actor.id} cannot take this decision (LVU 6 §); write: assess, and present the matter to the one who may decide"
    return None


# Rule 3: the police take a child into custody only on the conditions of polislagen 12 §, written out in full:
# the child is, or can be assumed to be, under 18 and is found in circumstances that obviously mean an
# imminent and serious risk. The English wording is "temporary police custody".
POLICE_CUSTODY = {
    "sv": re.compile(r"\b(tar|ta|får ta) hand om\b|\btas om hand\b|\bomhänderta(r)?\b", re.IGNORECASE),
    "en": re.compile(
        r"\bcustody\b|\btake\w* (care|charge) of\b|\btake\w*\b[^.]*\binto care\b", re.IGNORECASE
    ),
}
CUSTODY_CONDITIONS = {
    "sv": ("under 18", "uppenbar", "överhängande", "allvarlig"),
    "en": ("under 18", "obvious", "imminent", "serious", "temporary police custody"),
}


def police_custody_problem(item: Item, lang: str) -> str | None:
    if not (item.actor and item.actor.id == "polisen" and POLICE_CUSTODY[lang].search(item.text)):
        return None
    missing = [word for word in CUSTODY_CONDITIONS[lang] if word not in item.text.lower()]
    if missing:
        return f"police custody without the conditions of polislagen 12 § (missing: {', '.join(missing)})"
    return None


RULES = (urgent_report_problem, board_decision_problem, police_custody_problem)


def content_problems(handbook) -> list[str]:
    problems = []
    for page in handbook.pages:
        if isinstance(page, (Routine, Checklist)):
            for item in (*page.items, *page.steps):
                problems += [
                    f"{page.file}:{item.line}: {p}" for rule in RULES if (p := rule(item, page.lang))
                ]
    return problems


def item(text: str, actor: str, phase: str | None = None) -> Item:
    return Item(text=text, actor=Ref(actor, 1), line=1, phase=phase)


@pytest.mark.parametrize(
    ("rule", "bad", "lang"),
    [
        (
            urgent_report_problem,
            item("Gör en orosanmälan till socialtjänsten samma dag.", "skolan", "at-once"),
            "sv",
        ),
        (
            urgent_report_problem,
            item("Gör en orosanmälan till socialtjänsten.", "ungdomsjouren", "within-hours"),
            "sv",
        ),
        (
            urgent_report_problem,
            item("Berätta för polisen att barnet är hittat.", "socialjouren", "within-hours"),
            "sv",
        ),
        (
            urgent_report_problem,
            item("Report your concern to social services the next working day.", "skolan"),
            "en",
        ),
        (
            urgent_report_problem,
            item("Tell the police the same day that the child is found.", "socialjouren"),
            "en",
        ),
        (
            board_decision_problem,
            item("Fatta beslut om omedelbart omhändertagande enligt LVU.", "socialtjansten-anvisningskommun"),
            "sv",
        ),
        (board_decision_problem, item("Decide on an emergency care order under LVU.", "socialjouren"), "en"),
        (
            police_custody_problem,
            item("Ta hand om barnet om det är i uppenbar och allvarlig risk.", "polisen"),
            "sv",
        ),
        (
            police_custody_problem,
            item("Take care of the child if it is in obvious and serious danger.", "polisen"),
            "en",
        ),
    ],
)
def test_each_content_rule_refuses_a_bad_example(rule, bad, lang):
    assert rule(bad, lang) is not None


@pytest.mark.parametrize(
    ("rule", "good", "lang"),
    [
        (
            urgent_report_problem,
            item("Gör genast en orosanmälan till socialtjänsten.", "skolan", "within-hours"),
            "sv",
        ),
        (
            urgent_report_problem,
            item("Ring polisen på 114 14 och anmäl att barnet saknas.", "boendet", "at-once"),
            "sv",
        ),
        (
            urgent_report_problem,
            item("Tell the police at once that the child has been found.", "socialjouren"),
            "en",
        ),
        (
            board_decision_problem,
            item("Bedöm om barnet kan behöva omhändertas enligt LVU och föredra ärendet.", "socialjouren"),
            "sv",
        ),
        (
            police_custody_problem,
            item(
                "Ta hand om barnet om det kan antas vara under 18 år och är i uppenbar, överhängande och allvarlig risk.",
                "polisen",
            ),
            "sv",
        ),
        (
            police_custody_problem,
            item(
                "Take the child into temporary police custody if it may be under 18 and is in obvious, "
                "imminent and serious risk.",
                "polisen",
            ),
            "en",
        ),
    ],
)
def test_each_content_rule_accepts_a_good_example(rule, good, lang):
    assert rule(good, lang) is None


def test_checklists_and_routines_follow_the_content_rules(handbook):
    assert content_problems(handbook) == []


# Rule 4: wording that misled readers is retired: a suspicion is enough for a report (SoL 19 kap. 1 §), and
# English pages use one term per thing and explain the Swedish term god man the first time.
RETIRED_WORDING = {
    "sv": {"flera tecken tillsammans": "det räcker med en misstanke"},
    "en": {
        "several signs together": "a suspicion is enough",
        "social emergency service": "out-of-hours social services",
        "missing registration": "cancel the missing-person report",
    },
}
GOD_MAN = re.compile(r"\bgod(e)? m[ae]n\b", re.IGNORECASE)
MARKER = re.compile(r"\[\[([a-z0-9-]+)(?:\|([^\]]+))?\]\]")


def wording_problems(body: str, lang: str) -> list[str]:
    problems = [
        f"'{old}': write '{new}'" for old, new in RETIRED_WORDING[lang].items() if old in body.lower()
    ]
    if lang == "en":
        text = MARKER.sub(lambda m: m[2] or ("guardian (god man)" if m[1] == "god-man" else m[1]), body)
        first = GOD_MAN.search(text)
        if first and "guardian" not in text[max(0, first.start() - 60) : first.end() + 60].lower():
            problems.append(
                "the first 'god man' is not explained: write 'guardian (god man)' or explain it in that sentence"
            )
    return problems


def test_wording_rule_refuses_bad_and_accepts_good_examples():
    assert wording_problems("Flera tecken tillsammans är en varning.", "sv") != []
    assert wording_problems("Call the social emergency service.", "en") != []
    assert wording_problems("Tell the god man that the child is missing.", "en") != []
    assert wording_problems("Det räcker med en misstanke.", "sv") == []
    assert wording_problems("Tell the [[god-man]] that the child is missing. The god man calls.", "en") == []
    assert wording_problems("The god man (the child's legal guardian) calls the police.", "en") == []


def test_routines_checklists_and_start_page_use_current_wording(handbook):
    problems = [
        f"{page.file}: {problem}"
        for page in handbook.pages
        if isinstance(page, (Routine, Checklist)) or page.id == "start"
        for problem in wording_problems(page.body, page.lang)
    ]
    assert problems == []


def test_the_guide_shows_each_phase_in_the_words_of_its_checklist(handbook):
    """'Vad gör jag nu?' heads each phase of a result with the heading its items stand under in their checklist, so
    a missing child's say 'Tills barnet är tillbaka', as the checklist does, and a trafficked child's 'Tills
    ärendet avslutas' (issue 30): no list of phase words elsewhere can disagree with the page."""
    guide = {
        lang: Renderer(handbook).view_html(handbook.get(lang, "vad-gor-jag-nu")) for lang in ("sv", "en")
    }

    def result(lang: str, routine: str, actor: str) -> str:
        html = guide[lang]
        start = html.index(f'class="sv-guide__result" id="{routine}--{actor}')  # after assignment, if it asks
        return html[start : html.index("</section>", start)]

    for lang, missing, trafficking in (
        ("sv", "<h3>Tills barnet är tillbaka</h3>", "<h3>Tills ärendet avslutas</h3>"),
        ("en", "<h3>Until the child is back</h3>", "<h3>Until the case is closed</h3>"),
    ):
        assert missing in result(lang, "avvikning", "boendet"), lang
        assert trafficking not in result(lang, "avvikning", "boendet"), lang
        assert trafficking in result(lang, "manniskohandel", "socialtjansten-anvisningskommun"), lang


def test_every_heading_for_what_is_done_at_once_says_so(handbook):
    """The guide shows the heading's words over its items, so a heading {#at-once} must say 'Genast' / 'At once'
    first, even when it also says when it applies ('Genast om barnet dyker upp i en annan kommun')."""
    words = {"sv": "Genast", "en": "At once"}
    assert [
        f"{page.file}:{item.line}: '{item.phase_title}'"
        for page in handbook.pages
        if isinstance(page, (Routine, Checklist))
        for item in (*page.steps, *page.items)
        if item.phase == "at-once" and not item.phase_title.startswith(words[page.lang])
    ] == []
