"""Every rule of the handbook in one registry: its name, the problem lines it gives, what they mean and how to fix
them, and where the problems are found. The checks of the handbook (``checked``) run from here; the rules found
as files are read, on the built site or by a command (``found``) are documented here and found where they say.
docs-dev/checks.md's table is written from this registry (``samverkan docs``), and a test keeps them equal."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from samverkan.checks import (
    adoption,
    changelogs,
    citations,
    duties,
    guide,
    municipal,
    pages,
    personal_data,
    search_words,
)
from samverkan.content.model import Handbook
from samverkan.content.problems import Problem
from samverkan.editions import layer
from samverkan.editions.overlay import Overlay

Check = Callable[[Handbook], list[Problem]]


@dataclass(frozen=True)
class Rule:
    """One rule: its name, where its problems are found, and each kind of line it gives as
    (the line as it reads, with … for what varies; what it means and how to fix it)."""

    name: str
    found_by: str  # the module (and for a check, the function) that finds the problems
    problems: tuple[tuple[str, str], ...]
    check: Check | None = None  # the check of the handbook that finds them; None: found where found_by says


def checked(check: Check, *problems: tuple[str, str]) -> Rule:
    module = check.__module__.removeprefix("samverkan.").replace(".", "/")
    return Rule(check.__name__, f"{module}.py", problems, check)


def found(name: str, found_by: str, *problems: tuple[str, str]) -> Rule:
    return Rule(name, found_by, problems)


RULES = (
    # Found as a file is read: a page or file that cannot be read has that one problem, and no check runs on it
    found(
        "reading a file",
        "content/frontmatter.py",
        (
            "the front matter is not valid YAML / has no front matter",
            "a colon, quote or indentation is wrong on that line, or the `---` lines are missing",
        ),
        (
            "the file is not valid UTF-8 / contains a NUL byte / is larger than 1000 KB",
            "save the file again as plain UTF-8 text (a byte-order mark is fine); the line is where the bad byte is",
        ),
        (
            "the field 'x' is given twice / uses an alias (*name) / nests deeper than 12 levels",
            "write each field once, write values out in full (YAML anchors `&` and aliases `*` are refused), keep to the shapes of the examples in docs-dev/authors.md",
        ),
    ),
    found(
        "page budget",
        "content/budget.py",
        (
            "more than N … in the page / in one paragraph / in one line: the page is not rendered",
            "the page's budget (`hooks/samverkan/content/budget.py`): characters (50 000), headings (200) and raw HTML tags (200) in the page, `[` brackets (120) and emphasis marks `*` `_` (200) in one paragraph, table cells `|` (64) and columns of indentation (40) in one line. Past these Python-Markdown and the HTML parsers take time that grows faster than the page (minutes for 60 KB of `[`), or fail (nested emphasis); the limits are well above what the handbook's pages use. The page is not read, checked or rendered until it fits: split the paragraph with a blank line, split the page or table, nest less. The line is where the count passes the limit. A municipality's addition over the same budget is one line naming its file (`the addition to 'x' (sv) has more than …`) and is left out of every edition",
        ),
    ),
    found(
        "files in docs/",
        "content/load.py",
        (
            "the file is a symbolic link / the folder is a symbolic link / files of type '.x' are not published / is outside docs/sv and docs/en",
            "`docs/` holds Markdown pages and images (`.png`, `.jpg`, `.jpeg`, `.webp`) in `docs/sv/` and `docs/en/`, nothing else; such files are also left out of every build. In a county's plan the line names the link where the layer has it (`counties/<county>/docs/…`); replace the link there",
        ),
    ),
    found(
        "front-matter fields",
        "content/model.py, content/load.py, content/schema.py",
        (
            "unknown type / missing field / unknown field / `'x' is not …`",
            "a field is missing, misspelt, or holds the wrong kind of value (a date, version, id, https address, SFS number, or one of a fixed list)",
        ),
        (
            "must be one line / must not contain < or >",
            "titles, descriptions, keywords, definitions and other one-line fields are plain text: no multi-line block, no HTML",
        ),
        (
            "'x' is not an abbreviation",
            "`abbr:` is 2–8 letters with at least two capitals (`LVU`, `SoL`); an ordinary word would get a tooltip everywhere",
        ),
        (
            "'…' is not a section / is not a section reference",
            "write a section as `19 kap. 1 §`, `19 kap. 1 a §`, `12 §`, `19 kap.` (a chapter) or `artikel 3`; a `legal_basis` ref may name several: `19 kap. 1 och 4 §§`",
        ),
        (
            "'reviewed' / reviewed / read / source_dated 2062-12-03 lies after the day of the build",
            "a date that records something done (a page's or a municipality's review, a history entry, the day a night number was read or its source dated) cannot lie in the future: write the day it was actually done, today at the latest. The day of the build is Stockholm's calendar day. One rule for every such date: `content/schema.py` `future_date_fault`",
        ),
    ),
    found(
        "county values",
        "content/body.py, editions/county.py",
        (
            "'[[county:x]]' names no value of the county / the county value 'x' is not … plain words",
            "a page names the county with `[[county:name]]`; the values stand under `county:` in `municipalities/county.yml` (another county: `counties/<county>/municipalities/county.yml`) and are plain words, no Markdown or HTML ([For another county](county.md))",
        ),
    ),
    # The checks of the handbook: every page, with the files the pages rest on
    checked(
        search_words.search_words,
        (
            "the role 'x' is in no sv page's title / 'x', the handbook's word for 'y', appears on no sv page",
            "`search/synonyms-<lang>.yml` would make search look for a word no page has: list role words that stand in the titles of their pages (boendet, polisen), write a word the pages use on the right of a synonym, or remove the line",
        ),
    ),
    checked(
        pages.dates,
        ("next_review … is not after reviewed", "the next review must come after the last one"),
    ),
    checked(
        pages.unique_ids,
        ("id … is already used", "two pages in the same language have the same id"),
    ),
    checked(
        pages.ids_match_files,
        (
            "id … differs from the file's name",
            "the id is the file name without `.md` (an `index.md` page: its folder's name; the start page: `start`)",
        ),
    ),
    checked(
        pages.untranslated_only_in_english,
        ("'untranslated' is only for English pages", "the Swedish page is the original"),
    ),
    checked(
        pages.body_markup,
        (
            "the page cannot be rendered (Error: …)",
            "rendering this page (in the check or the build) raised an error no budget foresaw; it stops with this line instead of a traceback. Simplify the markup near what the error names, and report it as an issue so that a budget or a check can name it first",
        ),
        (
            "raw HTML <x> is not allowed / the attribute 'x' is not allowed / the attribute list … sets attributes",
            "pages are Markdown; only `<div>`, `<span>` and `<br>` with `class`, `id` or `markdown` are allowed (the start page's cards). A page whose source passes is also rendered with the site's Markdown (`markdown_extensions` of `mkdocs.yml`) and held to the same rules: only what Markdown writes by itself and those tags, an attribute list giving only `{#anchor}` and `{.class}`. So an attribute list, code span or fence that the source check reads otherwise than Markdown (`{: hidden .x:y }`, raw HTML after a fence Markdown never closes) is named at the first line whose rendering shows it. Remove the attribute or the raw HTML",
        ),
        (
            "the markdown_extensions cannot be loaded",
            "an extension in `mkdocs.yml` is misspelt or badly configured; MkDocs would stop on it too",
        ),
        (
            "links to 'javascript:' addresses are not allowed / the image is on another site",
            "links go to `https:`/`http:` addresses, `tel:` numbers or pages; images are files in `docs/`",
        ),
        (
            "the link target '…' does not exist",
            "a Markdown link `[text](../x/page.md)` points to no file; better: link by id, `[[page-id]]`",
        ),
        (
            "'[[…' is not a valid marker / the line ends with two actors",
            "a marker is `[[page-id]]` or `[[page-id|words]]`; a checklist item has exactly one actor at its end",
        ),
        (
            "the attribute list '{: …}' is in the middle of a paragraph",
            "an attribute list on a line of its own belongs to the paragraph it ends (`{: .county-facts }`): put a blank line after it, or readers see it as written",
        ),
        (
            "the row of the duties table does not say who does what, when",
            "a row of a `{#duties}` table needs three cells: who as `[[actor-id]]` markers, what with a marker of the page it concerns, and when",
        ),
    ),
    checked(
        pages.phone_links,
        (
            "the tel: link '…' dials …, a … number that is not declared public / does not show the number it dials / is written in digits other than 0-9 (check and verify)",
            "a `tel:` link dials exactly the number its text shows, and that number is declared public (`municipalities/public-numbers.yml` or a municipality file): `[08-508 000 00](tel:+46850800000)`. The check reads the page's Markdown links; the verifier reads every built `<a href=\"tel:…\">` as a phone's dialler does (case, spaces, percent-encoding, separators)",
        ),
        (
            "the link to '…' carries a mobile number / a personal number … (check and verify)",
            "a link's address (a page's or a municipality text's link, every built `href`) carries a mobile or personal (075) number that is not declared public, with `46`, `0046`, `+46`, `%2B46` or a leading 0 (`https://wa.me/46701234567`, `?ring=0701234567`): it reaches a reader's phone as a tel: link does. Link the function's page or its public number",
        ),
    ),
    checked(
        pages.references,
        (
            "… is not the id of any page / is an actor, but a checklist is expected",
            "a `[[marker]]` or front-matter reference points to nothing, or to the wrong kind of page",
        ),
    ),
    checked(
        pages.checklist_items,
        ("checklist item has no responsible actor", "end every `- [ ]` line with `[[actor-id]]`"),
    ),
    checked(
        pages.actors_act,
        (
            "actor … acts in no routine or checklist",
            "every actor must have a role in a routine or be responsible for at least one checklist item",
        ),
    ),
    checked(
        pages.routines,
        (
            "routine names no responsible actor / has no checklist and no steps",
            "every routine needs someone responsible and something to do",
        ),
    ),
    checked(
        pages.routine_actors,
        (
            "actor … is responsible for … but is not among this routine's actors",
            "whoever is responsible for a step of a routine or an item of its checklists must be under the routine's `actors:`, so the matrix and the actor pages show it",
        ),
    ),
    checked(
        pages.checklists_belong,
        (
            "routine … does not list this checklist",
            "a checklist names its routine, and the routine must list it back",
        ),
    ),
    checked(
        pages.laws,
        (
            "law … is in force but cited nowhere",
            "every current law must be cited by some page, or it does not belong in the handbook",
        ),
        (
            "cites …, repealed on …",
            "the page cites a law that no longer applies; cite the law that replaced it",
        ),
        (
            "repealed law has no repealed_on date / law in force has repealed_on or replaced_by",
            "a law's `status:` and its dates agree: a repealed law says when (`repealed_on: YYYY-MM-DD`), a law in force has neither `repealed_on` nor `replaced_by`",
        ),
    ),
    checked(
        pages.parity,
        (
            "has no English twin / … differs from …",
            "the English page is missing, or its id, version, actors, laws, sections or items differ from the Swedish page",
        ),
        (
            "checklist items (actor@phase) differs",
            "the twin's items must have the same actors in the same time phases (`{#at-once}` …)",
        ),
    ),
    checked(
        pages.navigation,
        ("page is not in the navigation", "add the page to `nav:` in `mkdocs.yml`"),
    ),
    checked(
        personal_data.personal_data,
        (
            "looks like a personal identity number / an e-mail address / a phone number that is not a declared switchboard",
            "no personal data in the handbook, in pages, municipality files (comments too) or the search words (`search/synonyms-<lang>.yml`, which the search index takes to every reader): write functions and public switchboards only; a new public number goes in `municipalities/public-numbers.yml`. Text is read as the reader reads it (`content/personal_data.py`, `as_read`): NFKC-normalised, every digit 0-9, a line break a space. So numbers are found with any dash or spaces between their groups, over two lines, with `+46` or `0046`, dots throughout (`070.123.45.67`) or a slash after the area code; identity numbers with any dash or a space before the last four digits (`121212 – 1212`, `19121212 1212`), also over two lines; addresses also as `name(at)domain`, `name [at] domain`. A time (`08.00–17.00`) or a date (`01.02.2026`) is no number. The verifier judges the built pages' text the same way (`text_faults`)",
        ),
        (
            "the number '…' is written in digits other than 0-9",
            "a number in full-width (`０８`) or other Unicode digits (`٠٨`) reads as a number but is no number a phone dials or a link is made for: write it in 0-9. The line reports only this; the number itself is judged once it is written in 0-9",
        ),
        (
            "contains the invisible bidi control U+202E, which reorders what readers see",
            "bidi embeddings and overrides (U+202A–U+202E) make a browser show text in another order than the file's (a number spelt backwards shows forwards); remove them. Isolates (U+2066–U+2069), which keep a right-to-left word apart, stay allowed",
        ),
    ),
    checked(
        citations.legal_basis_sections,
        (
            "'…' is not a listed section of …",
            "a `legal_basis` ref, or a section written next to a law's name in the text (`19 kap. 1 § SoL`, `SoL 19 kap. 1 §`, `[[lvu]] 6 §`, `12 § polislagen`, `2 och 3 §§ LVU`, `section 12 of the Police Act`, `chapter 19, section 1 of the Social Services Act`, `article 3 of the CRC`), names a section the law's page does not list under `sections:`; add it there, checked against the statute text, or correct the citation. A bare `12 §` with no law next to it is not checked",
        ),
    ),
    checked(
        citations.inline_citations,
        (
            "cites section … of the repealed law …",
            "the text cites a section of a law that no longer applies (for example `14 kap. 1 § SoL 2001:453`); cite the section of the law that replaced it. Only the repealed law's own page may cite its sections",
        ),
    ),
    checked(
        changelogs.changelogs,
        (
            "CHANGELOG.en.md: the English changelog is missing / has no section for version … / version … is dated …, but CHANGELOG.md:N says … / version … is not in CHANGELOG.md",
            "the English changelog mirrors the Swedish one: the same `## [X.Y] – YYYY-MM-DD` sections with the same dates, the changes in English; a version is added to `CHANGELOG.md` first",
        ),
    ),
    checked(
        guide.guide_reaches,
        (
            "'Vad gör jag nu?' shows 'x' nothing to do at once, though it is responsible here",
            "every result of the guide starts with what to do now: put the first things that role must do under a heading ending in `{#at-once}` (in the routine or its checklist), each item ending with the actor",
        ),
        (
            "'Vad gör jag nu?' cannot reach this routine / cannot show 'x' anything: it is responsible but has no item or step here",
            "the guide starts from what is to be done at once: put the routine's urgent items under `## Genast {#at-once}` in its checklist, and end the steps or items a responsible actor does with its `[[actor-id]]`",
        ),
    ),
    checked(
        duties.duties,
        (
            "the table gives 'x' this duty at once, but no item of 'x' under {#at-once} … names [[y]]",
            "a row of the routine's `{#duties}` table says `Genast` for actor x, and x's checklist does not carry it: add an item of x's own under `## Genast {#at-once}` in one of the routine's checklists that names one of the pages the row's second cell names (whom it tells, or the term for what is done); see docs-dev/authors.md",
        ),
        (
            "the item names 'x' too, but is tagged only to 'y'",
            "one item or step does an at-once duty for two actors but ends with one of them, so x's checklist and its result in *Vad gör jag nu?* never show it: split it, one line per actor, and give x its line under `{#at-once}`",
        ),
        (
            "'Vad gör jag nu?' does not show 'x' this duty at once when it asks about arrival",
            "x's item for an at-once duty stands only under `{#after-assignment}` (or only under `{#arrival}`), so the reader who chose the other stage never sees it: put it under no stage heading, or add one under the other stage",
        ),
    ),
    checked(
        pages.emergency_branch,
        (
            "the item reports to 114 14 with no 112 branch",
            "the police's rule is 112 when someone may be in danger, 114 14 for the rest; a missing unaccompanied child is presumed at risk, so an item with 114 14 also says when to call 112 (or says it is for a child who is not in danger)",
        ),
    ),
    checked(
        pages.items_act,
        (
            "the item points to another checklist instead of saying what to do",
            '"följer samma checklista" says nothing to a reader who sees the item alone in the guide: write the actions themselves, one item each',
        ),
    ),
    checked(
        municipal.municipality_files,
        (
            "'socialjour.phone' is not given, but docs/…:86 asks for it",
            "a page's `[[local:key]]` marker asks for a value a file in `municipalities/` lacks; every municipality file (and `county.yml`) gives every value pages ask for (see `municipalities/TEMPLATE.yml`)",
        ),
        (
            "the municipality's file name … is not lower-case a–z and hyphens / must end in .yml",
            "name the file like `sigtuna.yml` or `upplands-vasby.yml` (no capitals, å/ä/ö, digits or `_`)",
        ),
        (
            "the file has no 'code' / code '…' is not one of the county's municipalities / is also the code of …",
            "`code:` is the municipality's own 4-digit SCB code in quotes, as listed in `municipalities/status.yml`",
        ),
        (
            "still holds the template's example … / names the template's example …",
            "a value copied from `TEMPLATE.yml` (such as `08-000 000 00` or `Exempels kommun`) was not replaced",
        ),
        (
            "'x.phone' is a mobile number / is a premium-rate number / is a personal number … / is a foreign number / is written in digits other than 0-9 / must be one phone number",
            "a unit's `phone:` is one function number alone, in digits 0-9: the municipality's switchboard (växel) or the unit's public direct number (a socialjour's): a fixed line, an organisation's 010, 020 or 0771 number, or a short number Sweden's numbering plan documents (112, 114 14, 1177). Never a mobile (07x), a personal number (075), a premium-rate number (0900, 0939, 0944) or a number abroad. The kind is libphonenumber's, read by `content/phone.py`, the one number model",
        ),
        (
            "unknown field / unit / language '…' — did you mean '…'?",
            "a key in a municipality file is misspelt; the fix names the key it was probably meant to be",
        ),
        (
            "contains HTML / links to a 'javascript:' address, not an https: address / must be one line",
            "municipality values are plain text and additions plain Markdown: no tags, links only to `https://` addresses, names and numbers on one line",
        ),
        (
            "asks for the local value '…', which the file does not give / has a malformed marker",
            "a `[[page-id]]` or `[[local:unit.field]]` marker in an addition must resolve, as in pages; values themselves cannot hold `[[local:…]]`",
        ),
        (
            "site_url … is not an https:// address / must end in / / reviewed '…' is not a real date / '…' (sv) has no section '…' / the section of the addition to '…' must be one anchor or an sv:/en: pair",
            "a municipality file's own fields: `site_url:` is the edition's plain https address ending in `/`, `reviewed:` the day its names and numbers were checked (YYYY-MM-DD), and an addition's `section:` the anchor of a section of its routine (the fix lists them), or an `sv:`/`en:` pair",
        ),
        (
            "'…' under additions is not the id of a routine",
            "`additions:` is keyed by the id of the routine each addition belongs to: use the id of a routine page, e.g. avvikning",
        ),
        (
            '… is marked adopted, but no file in municipalities/ has code "…" / … has a file, but municipalities/status.yml:N says adopted: no',
            "`municipalities/status.yml` and the municipality files agree: add the file of a municipality marked adopted (copy `TEMPLATE.yml`) or write `adopted: no` until it exists; write `adopted: yes` (or the date of the board's decision) when the board has decided, else remove the file",
        ),
    ),
    checked(
        adoption.only_in_problems,
        (
            "only_in: '…' is not a municipality in municipalities/status.yml",
            "an actor page's `only_in:` lists the municipalities that have this unit (e.g. `only_in: [stockholm]`), by the `slug:` each has in `status.yml`; the board's draft names the unit only for them",
        ),
    ),
    # Municipality files and municipalities/status.yml, as they are read
    found(
        "municipality files",
        "editions/overlay.py",
        (
            "the file has no fields / is not a set of 'field: value' lines / has a '---' line",
            "a municipality file is one set of fields as in `TEMPLATE.yml`; when a file cannot be read, that one problem is all it reports",
        ),
        (
            "'working_group_mailbox' looks like a person's address / is not a shared mailbox's address",
            "`municipalities/county.yml` may give the working group's shared mailbox: lower-case letters, digits and hyphens before the @, no dot or `_` there (`first.last@` is how a person's address is written), e.g. `samverkansplanen@lansstyrelsen.se`. It is then the one e-mail address a page may show (the adoption page and the board's draft show it)",
        ),
        (
            "public-numbers.yml: entry '…' is a mobile / premium-rate / foreign number / is written in digits other than 0-9",
            "only numbers of a public kind may be declared (see 'x.phone' above); a declared number is what pages may show and links may dial",
        ),
        (
            "public-numbers.yml: the file is not a list of '- number: …' entries / entry is not a public phone number",
            "`municipalities/public-numbers.yml` lists `- number: 08-123 456 00` entries with `what:`; a broken file is reported, never a crash",
        ),
    ),
    found(
        "night contacts",
        "editions/county.py",
        (
            "Name: the night contact …",
            "`municipalities/status.yml`: a `night:` block needs `service:` in sv and en, a phone number (or none), `source:` (the page's address) and `read:` (YYYY-MM-DD); `publisher:` in plain words when the page is not the municipality's own; `confirmed:` no, or the day and the function that confirmed it (next lines). A number without `source:` is this problem: every number shown says where it was read",
        ),
        (
            "Name: the night contact confirmed must be no, or the date and the function that confirmed it",
            '`confirmed:` is `no` (the default) or exactly `{date: YYYY-MM-DD, by: "Socialjouren Nordväst, enhetschef"}`: `yes`, a bare date, a list or other fields are refused, so that every confirmation says when and by which function',
        ),
        (
            "Name: the night contact confirmed date must be a real date / confirmed date … lies after the day of the build",
            "the `date:` of a confirmation is the day the municipality confirmed the value, as YYYY-MM-DD, today at the latest (a date in the future is a slip that hides the confirmation's age)",
        ),
        (
            "Name: the night contact confirmed by: names no function (a person's name is never recorded)",
            '`by:` names the function that confirmed the value, never a person: it must contain one of the function words the line\'s fix lists (`FUNCTION_WORDS`, `editions/county.py`: jour, enhet, chef, förvaltning, kommun, …), in plain words. "Anna Svensson" is refused; write e.g. "Socialjouren Nordväst, enhetschef"',
        ),
        (
            "Name: the night contact confirmed by: contains an e-mail address / phone number 'x' is not a declared public switchboard / …",
            "`by:` holds personal data as the project's personal-data rules read it (`content/personal_data.py`): remove the address or number and name the function only",
        ),
        (
            "Name: the night contact hours: … / 'socialjour.hours': …",
            "opening hours are one value in OpenStreetMap's `opening_hours` syntax, in the subset `content/hours.py` reads: weekdays `Mo`…`Su` as ranges and lists, times `HH:MM-HH:MM` (an end before the start, or up to `48:00`, runs past midnight), `off`, `24/7`, rules apart by `, `. The line says what is wrong: the value is empty or not a text; a part is not weekdays with times; a day is named twice; times overlap (also a night running into the next day's hours); a time is no time, starts after 23:59, ends where it starts or after 48:00; it is never open; or hours run past midnight into a day that `off`, or a rule after `;`, names, where OpenStreetMap would close them (write `, ` between the rules)",
        ),
        (
            "Name: the night contact hours_from 'x' names no other entry that gives hours: for the same phone",
            "`hours_from:` takes the hours another entry of `municipalities/status.yml` gives for the same number (a joint service, e.g. `hours_from: sollentuna`): write that entry's slug; it must give `hours:` itself and the same phone, and this entry gives no `hours:` of its own",
        ),
        (
            "Name: the night contact phone '…' is a premium-rate number / a mobile number / …",
            "a night number in `municipalities/status.yml` is a fixed line, an organisation's 010/020/0771 number or a documented short number, written in digits 0-9",
        ),
    ),
    found(
        "night contacts read long ago",
        "checks/adoption.py stale_notes",
        (
            "warning: Name: the night contact was read N days ago (more than 365)",
            "not a problem, the build goes on: a night value not confirmed by the municipality was read more than a year ago. Read its source again and write the new day under `read:`, or ask the municipality to confirm it (`confirmed: {date: …, by: …}`)",
        ),
    ),
    # The built site, judged as a browser reads it (samverkan verify, every build and publish)
    found(
        "a complete site",
        "site/completeness.py",
        (
            "the page 'x' (en, …) was not built / says <html lang=\"sv\"> / the link 'x' leads to nothing / the en search index is missing / the export does not match its schema (verify)",
            "the engine left the site incomplete: rebuild with `samverkan build`; if it persists, the engine or a template changed (docs-dev/it.md)",
        ),
        (
            "the link 'x' leads from a page in en to one in sv (verify)",
            "an English page's internal links stay under `en/` and a Swedish page's outside it; only the language switch (a link with `hreflang`) crosses. In a site an engine put together from one build per language, a link one level too deep still finds a page, of the other language: rebuild; if it persists, the engine or a template writes the link from the wrong folder",
        ),
    ),
    found(
        "the step after the build",
        "site/finish.py",
        (
            "the page's HTML holds <x>, which the site does not publish / holds the site's own markers (<!--samverkan:…-->) (build, finish)",
            "after any engine's build, `site/finish.py` (`samverkan finish SITE`; MkDocs runs it in its last event) finds each page's text, view and frame between comment markers and sanitizes them: it took something out that the allowlist does not let through, or the page's text writes the markers itself (then everything between the first and the last of them is sanitized as one). Remove it from the page or the municipality file the line names",
        ),
    ),
    found(
        "safe pages and files",
        "site/verify.py, site/published.py",
        (
            "site/x.json: the file shows personal data: … / cannot be read (verify)",
            "every published text file besides the pages (the search index with its search words, the export, feeds, the sitemap, also gzipped) is read as its reader gets it (JSON decoded, markup and escaped HTML without tags and entities) and judged like a page's text; the theme's files under `assets/` are not the handbook's words. Remove the number or address from the page or search word it came from",
        ),
        (
            "the page runs a script that is not the theme's own / runs x, which is not one of the site's script files / carries no Content-Security-Policy / its Content-Security-Policy is not the site's (verify)",
            "every published page, an archived version's and the offline copy's zip's too, runs only the scripts the theme's templates write (Material's and `overrides/`, read from the templates themselves) and `.js` files of the site, and carries the policy the build writes for it (views/csp.py). A page copied into `arkiv/` by hand, or edited after the build, fails: rebuild the archive with `samverkan archive --tag vX.Y`, or remove the file",
        ),
        (
            "x.js: is a script that is not the theme's own / x.svg: the SVG holds <script> / has the handler / links to a script address / x.xml: the XML holds <script> / asks for a style sheet / the PDF holds /X, which runs or opens something / holds a link action /X / holds an annotation /X / cannot be read / the style sheet loads from outside the site / is not valid JSON / is not the PNG image its name says / files of type '.x' are not published / is a symbolic link (verify)",
            "every published file, of every type, is judged for what a browser could run in it (site/published.py): a `.js` file is byte for byte one of the theme's (by hash) or JSON handed to its scripts (the municipality parts, the offline search index); SVG, XML and PDF hold nothing that runs (a PDF is read object by object with pypdf: nothing runs on opening, a link only goes to a place in the document or an address, no annotation but links); an image is what its name says; only the types a site of this project publishes are allowed; a zip is read member by member. Find where the file came from (a template, `arkiv/`, an image in `docs/`) and remove or rebuild it",
        ),
        (
            "the text shows a raw [[ marker / a raw {#…} or {:…} attribute list / personal data: … (verify)",
            "what the reader sees anywhere in the page, the theme's frame and what an engine put outside the article too (not scripts, styles, code): a marker or attribute list Markdown did not turn into a link or attribute, or personal data. Fix the page or municipality file it came from; if it is in the frame, the engine or a template wrote it",
        ),
        (
            "the result 'x' of 'Vad gör jag nu?' has no number to call (verify)",
            "every result must hold a tap-to-call number; the template `overrides/samverkan/guide.html` puts them first",
        ),
    ),
    found(
        "filled editions",
        "site/fill.py",
        (
            "x.html: the county's page kept 'data-sv-…' in x's edition (build --all)",
            "a municipality's edition is filled into the places the county's pages keep for it (site/fill.py); one was left unfilled: rebuild the county's site; if it persists, a template marks a place the filler does not know",
        ),
        (
            "its site_url cannot be filled in (build --all)",
            "a municipality file gives `site_url:`, but `mkdocs.yml` has none for it to replace: give `mkdocs.yml` a `site_url`, or build that edition alone with `build --municipality`",
        ),
    ),
    # A change against its git base (samverkan revisions, in CI on every pull request)
    found(
        "revisions",
        "checks/revisions.py",
        (
            "the page changed but its version is still … / the page changed but reviewed is still … / changed (…) without its twin … / the content changed but there is no entry for a new plan version",
            "a changed page raises its `version` (the same in both languages) and its `reviewed` date, its twin in the other language changes with it (or says `untranslated: true`), and `CHANGELOG.md` gets a section `## [X.Y] – YYYY-MM-DD` that says what changed",
        ),
    ),
    # Commands refusing what they cannot do
    found(
        "commands",
        "cli.py, editions/layer.py, views/board.py, publish/plan.py, publish/publish.py, publish/example.py, publish/archive.py",
        (
            "--county: there is no county layer …",
            "`--county x` builds `counties/x/`, which needs its own `municipalities/` folder",
        ),
        (
            "board-draft --municipality: 'x' is not in municipalities/status.yml",
            "the draft is for one of the county's municipalities: give its `slug:` from `status.yml` (the line lists them); a municipality with a file of its own that has a problem gets that problem's line instead, and no draft",
        ),
        (
            "CHANGELOG.md: no plan version … no draft was written",
            "the draft names the plan version the board endorses: `CHANGELOG.md` needs a `## [X.Y] – YYYY-MM-DD` section",
        ),
        (
            "plan-pdf --site: … holds no built site (no index.html)",
            "`--site` is a folder `build` made (`site/`, `site-<municipality>/`); leave it out and the command builds the edition itself",
        ),
        (
            "--plan-pdf, --example-edition: build each edition that is to carry them on its own",
            "`build --all` fills every edition into the county's pages, but each edition's PDF is printed from its own, and the example edition is the county site's; build the county's with `build --plan-pdf --example-edition` and an edition's with `build --municipality X --plan-pdf`",
        ),
        (
            "--example-edition: only the county's site carries the example edition",
            "the example edition (`municipalities/exempel/exempelkommun.yml`) is for municipalities that have not adopted the plan, on the county's site; leave out `--municipality`",
        ),
        (
            "municipalities/exempel/exempelkommun.yml: there is no sample file for the example edition",
            "`--example-edition` builds the example from that file; restore it from the project, or build without the flag. A problem in the sample itself is a line naming `municipalities/exempelkommun.yml`, as for any municipality's file",
        ),
        (
            "plan version X was not archived: its PDF could not be made (…)",
            "the archive keeps the plan of the version as PDF, printed by Chromium from the archived pages; the reason names what failed (Chromium missing: install Debian's `chromium`, see README). Nothing is archived until it can be made",
        ),
    ),
)

ALL_CHECKS = tuple(rule.check for rule in RULES if rule.check)


def run_all(handbook: Handbook) -> list[Problem]:
    """Every problem in the handbook, sorted by file and line, each reported once."""
    problems = list(handbook.load_problems)
    for check in ALL_CHECKS:
        problems += check(handbook)
    return sorted(set(problems))


def all_problems(handbook: Handbook, edition: Overlay) -> tuple[list[Problem], list[str]]:
    """Every problem, the edition's file's too, sorted, each once, at the file a county's layer has them in;
    and notes: the edition's unused local values, night values read long ago and, in another county's plan,
    the pages it has yet to write."""
    problems, notes = municipal.check(handbook, edition)
    unwritten = [layer.unreplaced(handbook)]
    notes += adoption.stale_notes(handbook) + [note for note in unwritten if note]
    return layer.located(sorted(set(run_all(handbook) + problems)), handbook.root), notes


def table() -> str:
    """docs-dev/checks.md's table of every problem, in the registry's order."""
    rows = ["| problem | meaning | found by |", "|---|---|---|"]
    for rule in RULES:
        where = f"`{rule.name}` ({rule.found_by})" if rule.check else f"{rule.name} ({rule.found_by})"
        rows += [f"| {cell(line)} | {cell(meaning)} | {where} |" for line, meaning in rule.problems]
    return "\n".join(rows) + "\n"


def cell(text: str) -> str:
    """The text as one cell of a Markdown table."""
    return text.replace("|", "\\|")
