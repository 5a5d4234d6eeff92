"""Plan versions: the changelogs read as untrusted text, the Atom feed, QR codes, and archived versions built
from a git tag in a temporary repository (issue 15)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml
from conftest import FIXTURES, ROOT
from samverkan.checks.changelogs import changelogs
from samverkan.content import versions
from samverkan.engine.mkdocs_build import build_site
from samverkan.views import qr

ATOM = "{http://www.w3.org/2005/Atom}"
GOOD = """# Ändringslogg

Text om loggen.

## [Unreleased]

## [1.1] – 2026-11-28

Inledning.

### Ändrat
- Något ändrades,
  över två rader.

## [1.0] – 2026-11-27

### Tillagt
- Allt, med **fet** text och [en länk](https://example.org/).
"""


def test_the_real_changelogs_have_no_problems_and_the_same_versions():
    swedish, english = versions.read(ROOT, "sv"), versions.read(ROOT, "en")
    assert changelogs(SimpleNamespace(root=ROOT)) == []
    assert [(r.version, r.date) for r in swedish.releases] == [(r.version, r.date) for r in english.releases]
    assert (
        versions.plan(ROOT).version
        == re.search(r"^## \[(\d+\.\d+)\]", (ROOT / "CHANGELOG.md").read_text(encoding="utf-8"), re.M)[1]
    )


def test_a_changelog_is_read_into_versions_sections_and_items():
    changelog = versions.parse(GOOD, "CHANGELOG.md", "sv")
    assert changelog.problems == ()
    assert [r.version for r in changelog.releases] == ["1.1", "1.0"]
    newest = changelog.current
    assert newest.intro == ("Inledning.",) and newest.sections == (
        ("Ändrat", ("Något ändrades, över två rader.",)),
    )
    html = versions.release_html(changelog.releases[1])
    assert "<strong>fet</strong>" in html and '<a href="https://example.org/">en länk</a>' in html


@pytest.mark.parametrize(
    "change, line, message",
    [
        (
            ("## [1.1] – 2026-11-28", "## 1.1 – 2026-11-28"),
            7,
            "'## 1.1 – 2026-11-28' is not a version heading",
        ),
        (("## [1.1] – 2026-11-28", "## [1.1]"), 7, "is not a version heading"),
        (("## [1.1] – 2026-11-28", "## [1.1.2] – 2026-11-28"), 7, "'1.1.2' is not a plan version"),
        (("## [1.1] – 2026-11-28", "## [1.1] – 2026-13-28"), 7, "'2026-13-28' is not a date"),
        (("## [1.1] – 2026-11-28", "## [0.9] – 2026-11-28"), 15, "version 1.0 is below version 0.9 (line 7)"),
        (
            ("## [1.1] – 2026-11-28", "## [1.1] – 2026-11-26"),
            15,
            "version 1.0 is dated 2026-11-27, after version 1.1 (2026-11-26)",
        ),
        (("- Något ändrades,", "- Något <script>alert(1)</script>"), 12, "the line contains HTML"),
        (
            ("[en länk](https://example.org/)", "[en länk](javascript:alert(1))"),
            18,
            "the link 'javascript:alert(1' is not an https: address",
        ),
        (("### Ändrat", "### Changed"), 11, "'Changed' is not a changelog heading"),
        (("### Ändrat\n", ""), 11, "a list item before the first '### …' heading"),
        (("#### x", "#### x"), 0, ""),  # no change: no problem
        (
            ("### Tillagt\n- Allt, med **fet** text och [en länk](https://example.org/).\n", ""),
            15,
            "version 1.0 says nothing",
        ),
        (("## [Unreleased]\n", ""), 0, ""),
        (
            ("Inledning.", "Inledning.\n\n## [Unreleased]"),
            11,
            "the section [Unreleased] is below a released version",
        ),
        (("Text om loggen.", "Text \x00 om loggen."), 3, "the line contains a NUL byte"),
    ],
)
def test_a_malformed_changelog_gives_one_line_per_problem(change, line, message):
    text = GOOD.replace(*change)
    problems = versions.parse(text, "CHANGELOG.md", "sv").problems
    if not message:
        assert problems == ()
        return
    assert len(problems) == 1, problems
    assert problems[0].line == line and message in problems[0].message, problems[0]
    assert (
        "\n" not in str(problems[0])
        and str(problems[0]).startswith(f"CHANGELOG.md:{line}: ")
        and " — " in str(problems[0])
    )


def test_bytes_that_are_not_a_changelog_give_one_problem(tmp_path):
    (tmp_path / "CHANGELOG.md").write_bytes(b"# Logg\n\n## [1.0] \xff\xfe 2026\n")
    assert [str(p) for p in versions.read(tmp_path, "sv").problems] == [
        "CHANGELOG.md:3: the file is not valid UTF-8 — save it again as plain UTF-8 text"
    ]
    (tmp_path / "CHANGELOG.md").write_text("just text\n", encoding="utf-8")
    assert "has no released version" in str(versions.read(tmp_path, "sv").problems[0])


def test_the_english_changelog_must_have_every_version_with_the_same_date(tmp_path):
    (tmp_path / "CHANGELOG.md").write_text(GOOD, encoding="utf-8")
    handbook = SimpleNamespace(root=tmp_path)
    assert [str(p) for p in changelogs(handbook)] == [
        "CHANGELOG.en.md:1: the English changelog is missing — add CHANGELOG.en.md with the same '## [X.Y] – date' sections as CHANGELOG.md, in English"
    ]
    english = GOOD.replace("### Ändrat", "### Changed").replace("### Tillagt", "### Added")
    (tmp_path / "CHANGELOG.en.md").write_text(
        english.replace("## [1.1] – 2026-11-28", "## [1.2] – 2026-11-28").replace("2026-11-27", "2026-11-26"),
        encoding="utf-8",
    )
    found = sorted(str(p) for p in changelogs(handbook))
    assert found == [
        "CHANGELOG.en.md:15: version 1.0 is dated 2026-11-26, but CHANGELOG.md:15 says 2026-11-27 — give both the same date",
        "CHANGELOG.en.md:1: has no section for version 1.1 (CHANGELOG.md:7) — add '## [1.1] – 2026-11-28' with the changes in English",
        "CHANGELOG.en.md:7: version 1.2 is not in CHANGELOG.md — add it to CHANGELOG.md first, or remove it here",
    ]


def test_changelog_problems_stop_the_check_command(tmp_path):
    site = tmp_path / "site"
    shutil.copytree(FIXTURES / "minimal", site)
    (site / "CHANGELOG.md").write_text(
        GOOD.replace("## [1.0] – 2026-11-27", "## [1.0] – 2026-11-32"), encoding="utf-8"
    )
    run = subprocess.run(
        [sys.executable, "-m", "samverkan", "--config", str(site / "mkdocs.yml"), "check"],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT / "hooks"), "PATH": "/usr/bin:/bin"},
        timeout=60,
    )
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert (
        "CHANGELOG.md:15: '2026-11-32' is not a date — write the heading as '## [X.Y] – YYYY-MM-DD', e.g. '## [2.1] – 2026-12-01'"
        in run.stdout.splitlines()
    )


def _assert_atom(data: bytes) -> ET.Element:
    """RFC 4287: a feed has exactly one id, title and updated, an author (or every entry has one), and each
    entry exactly one id, title and updated, and content or an alternate link; dates are RFC 3339."""
    feed = ET.fromstring(data)
    assert feed.tag == f"{ATOM}feed"
    stamp = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})")
    for element, name in [(feed, "feed")] + [(entry, "entry") for entry in feed.findall(f"{ATOM}entry")]:
        for child in ("id", "title", "updated"):
            assert len(element.findall(f"{ATOM}{child}")) == 1, f"{name} must have one {child}"
        assert stamp.fullmatch(element.find(f"{ATOM}updated").text)
        assert re.match(r"(https?|urn|tag):", element.find(f"{ATOM}id").text), "ids are absolute IRIs"
        assert (
            len(
                [
                    link
                    for link in element.findall(f"{ATOM}link")
                    if link.get("rel", "alternate") == "alternate" and link.get("type") == "text/html"
                ]
            )
            <= 1
        )
    assert feed.findall(f"{ATOM}author/{ATOM}name"), "the feed names its author"
    for entry in feed.findall(f"{ATOM}entry"):
        assert (
            entry.find(f"{ATOM}content") is not None
            or entry.find(f"{ATOM}link[@rel='alternate']") is not None
        )
    assert len({entry.find(f"{ATOM}id").text for entry in feed.findall(f"{ATOM}entry")}) == len(
        feed.findall(f"{ATOM}entry")
    )
    return feed


def test_the_built_site_has_a_valid_atom_feed_of_plan_versions_per_language(built_site):
    for lang, folder in (("sv", ""), ("en", "en/")):
        feed = _assert_atom((built_site / folder / "feed.xml").read_bytes())
        changelog = versions.read(ROOT, lang)
        assert [
            entry.find(f"{ATOM}title").text.split(" – ")[0] for entry in feed.findall(f"{ATOM}entry")
        ] == [r.version for r in changelog.releases]
        assert feed.find(f"{ATOM}link[@rel='self']").get("href").endswith(f"/{folder}feed.xml")
        content = feed.find(f"{ATOM}entry/{ATOM}content").text
        sections = (
            ("Tillagt", "Ändrat", "Borttaget", "Rättat")
            if lang == "sv"
            else ("Added", "Changed", "Removed", "Fixed")
        )
        assert any(section in content for section in sections), content


def test_whats_new_lists_every_version_in_its_language(built_site):
    for folder, heading, sections in (("", "Planversion", "Rättat"), ("en/", "Plan version", "Fixed")):
        html = (built_site / folder / "om/nytt/index.html").read_text(encoding="utf-8")
        for release in versions.read(ROOT, "sv").releases:
            assert f'<h2 id="v{release.version}">{heading} {release.version}' in html
        assert f">{sections}</h3>" in html and 'type="application/atom+xml"' in html


def test_a_qr_code_holds_the_address_with_both_versions():
    import zxingcpp

    address = qr.versioned_address("https://example.org/checklistor/a/", "2.0", "1.1")
    assert address == "https://example.org/checklistor/a/?v=2.0&p=1.1"
    svg = qr.svg(address)
    assert svg.startswith('<svg aria-hidden="true"') and "viewBox" in svg and "<script" not in svg
    # the SVG's own drawing, read back as pixels: each "h" run of its path is a row of dark modules
    size = int(re.search(r'viewBox="0 0 (\d+) \1"', svg)[1])
    scale = 8
    pixels = bytearray([255]) * (size * scale) ** 2
    x = y = 0.0
    for command, a, b in re.findall(r"([Mmh])(-?[\d.]+)(?: (-?[\d.]+))?", re.search(r' d="([^"]+)"', svg)[1]):
        if command == "M":
            x, y = float(a), float(b)
        elif command == "m":
            x, y = x + float(a), y + float(b)
        else:
            for row in range(int((y - 0.5) * scale), int((y + 0.5) * scale)):
                start = row * size * scale
                pixels[start + int(x * scale) : start + int((x + float(a)) * scale)] = bytes(
                    int(float(a) * scale)
                )
            x += float(a)
    found = zxingcpp.read_barcodes(memoryview(bytes(pixels)).cast("B", (size * scale, size * scale)))
    assert [code.text for code in found] == [address]


# ---- archived versions from a git tag --------------------------------------------------------------------


NEWS_PAGE = """---
type: page
id: nytt
title: "{title}"
version: "1.0"
reviewed: 2026-01-10
next_review: 2027-01-10
owner: arbetsgruppen
view: changelog
---

# {title}
"""


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args],
        cwd=repo,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def _changelog(versions_and_dates, lang):
    heading = "Tillagt" if lang == "sv" else "Added"
    return "# Logg\n\n" + "".join(
        f"## [{v}] – {d}\n\n### {heading}\n- Version {v}.\n\n" for v, d in versions_and_dates
    )


def _set_routine_version(repo: Path, version: str, history: list[tuple[str, str]]) -> None:
    for lang in ("sv", "en"):
        page = repo / "docs" / lang / "rutiner" / "avvikning.md"
        text = re.sub(
            r'^version: "[\d.]+"',
            f'version: "{version}"',
            page.read_text(encoding="utf-8"),
            count=1,
            flags=re.M,
        )
        entries = "history:\n" + "".join(
            f'  - version: "{v}"\n    date: {d}\n    change: {"Ändrad" if lang == "sv" else "Changed"} {v}.\n'
            for v, d in history
        )
        text = re.sub(r"^history:\n(  .*\n)*", "", text, flags=re.M)
        page.write_text(text.replace("checklists:\n", entries + "checklists:\n", 1), encoding="utf-8")


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    """A test repository: plan version 1.0 tagged v1.0, whose tree also holds a hostile hook, template and
    mkdocs.yml; then plan version 1.1 (the routine at version 1.1), untagged."""
    repo = tmp_path_factory.mktemp("repo")
    shutil.copytree(FIXTURES / "minimal" / "docs", repo / "docs")
    config = yaml.safe_load((FIXTURES / "minimal" / "mkdocs.yml").read_text(encoding="utf-8"))
    for lang, title in (("sv", "Vad är nytt"), ("en", "What's new")):
        (repo / "docs" / lang / "nytt.md").write_text(NEWS_PAGE.format(title=title), encoding="utf-8")
    config["nav"].append("nytt.md")
    config.update(
        site_url="https://plan.example/",
        theme={**config["theme"], "custom_dir": str(ROOT / "overrides")},
        hooks=[str(ROOT / "hooks" / "mkdocs_hooks.py")],
    )
    good = yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
    hostile = {
        **config,
        "hooks": ["hooks/mkdocs_hooks.py"],
        "theme": {**config["theme"], "custom_dir": "overrides"},
    }
    (repo / "mkdocs.yml").write_text(
        yaml.safe_dump(hostile, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    (repo / "hooks").mkdir()
    (repo / "hooks" / "mkdocs_hooks.py").write_text(
        f"open({str(repo / 'PWNED')!r}, 'w').write('hook ran')\n", encoding="utf-8"
    )
    (repo / "overrides").mkdir()
    (repo / "overrides" / "main.html").write_text(
        "{% extends 'base.html' %}{% block content %}PWNED-TEMPLATE{% endblock %}", encoding="utf-8"
    )
    (repo / "docs" / "sv" / "evil.js").write_text("alert(1)", encoding="utf-8")
    _set_routine_version(repo, "1.0", [("1.0", "2026-01-10")])
    for lang, name in (("sv", "CHANGELOG.md"), ("en", "CHANGELOG.en.md")):
        (repo / name).write_text(_changelog([("1.0", "2026-01-10")], lang), encoding="utf-8")
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "1.0")
    _git(repo, "tag", "v1.0")
    (repo / "mkdocs.yml").write_text(good, encoding="utf-8")  # the current engine: the project's own hooks
    _set_routine_version(repo, "1.1", [("1.0", "2026-01-10"), ("1.1", "2026-01-15")])
    for lang, name in (("sv", "CHANGELOG.md"), ("en", "CHANGELOG.en.md")):
        (repo / name).write_text(
            _changelog([("1.1", "2026-01-15"), ("1.0", "2026-01-10")], lang), encoding="utf-8"
        )
    (repo / "docs" / "sv" / "evil.js").unlink()
    _git(repo, "commit", "-q", "-am", "1.1")
    _git(repo, "tag", "release-candidate")
    return repo


def _archive(repo: Path, *args: str):
    return subprocess.run(
        [sys.executable, "-m", "samverkan", "--config", str(repo / "mkdocs.yml"), "archive", *args],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT / "hooks"), "PATH": "/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1"},
        timeout=300,
    )


@pytest.mark.site
def test_an_archived_version_builds_from_its_tag_with_a_banner_and_nothing_from_the_tag_runs(repo, tmp_path):
    run = _archive(repo, "--tag", "v1.0")
    assert run.returncode == 0, run.stdout + run.stderr
    assert (
        run.stdout.startswith("Archived plan version 1.0 (tag v1.0) in arkiv/1.0/")
        and "Traceback" not in run.stderr
    )
    kept = repo / "arkiv" / "1.0"
    assert not (repo / "PWNED").exists(), "the tag's hook must never run"
    assert "PWNED-TEMPLATE" not in (kept / "index.html").read_text(encoding="utf-8"), (
        "the tag's templates are not used"
    )
    assert not list(kept.rglob("evil.js")), "files docs/ may not hold are left out"
    routine = (kept / "en" / "rutiner" / "avvikning" / "index.html").read_text(encoding="utf-8")
    assert "This is an archived copy of plan version 1.0 of 2026-01-10." in routine
    assert (
        '<a href="../../../../../en/rutiner/avvikning/">Go to the current version of this page</a>' in routine
    )
    assert "sv-archived" in (kept / "index.html").read_text(encoding="utf-8")
    assert "https://plan.example/arkiv/1.0/" in routine, "its addresses are the archive's"
    for pdf in (kept / "samverkansplanen-1.0.pdf", kept / "en" / "samverkansplanen-1.0.pdf"):  # as adopted
        title_page = subprocess.run(
            ["pdftotext", "-l", "1", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "1.0" in title_page and "2026-01-10" in title_page and "Arkiverad" not in title_page
    # the current build publishes it, and links each version to it
    site = tmp_path / "site"
    build_site(repo / "mkdocs.yml", site)
    assert (site / "arkiv" / "1.0" / "rutiner" / "avvikning" / "index.html").is_file()
    current = (site / "rutiner" / "avvikning" / "index.html").read_text(encoding="utf-8")
    assert "sv-archived" not in current
    assert re.search(r'<a href="\.\./\.\./arkiv/1\.0/rutiner/avvikning/"[^>]*>1\.0</a>', current), (
        "history links version 1.0 to its archive"
    )
    assert not re.search(r'<a href="[^"]*arkiv[^"]*"[^>]*>1\.1</a>', current), "1.1 is not archived: no link"
    for news, pdf in (("nytt", "samverkansplanen-1.0.pdf"), ("en/nytt", "en/samverkansplanen-1.0.pdf")):
        link = f'href="{"../" * news.count("/")}../arkiv/1.0/{pdf}"'
        assert link in (site / news / "index.html").read_text(encoding="utf-8"), "What's new links its PDF"
    assert (site / "arkiv" / "1.0" / "samverkansplanen-1.0.pdf").is_file()
    feed = _assert_atom((site / "feed.xml").read_bytes())
    links = [entry.find(f"{ATOM}link").get("href") for entry in feed.findall(f"{ATOM}entry")]
    assert links[1] == "https://plan.example/arkiv/1.0/"


@pytest.mark.parametrize(
    "args, message",
    [
        (
            ["--tag", "v9.9"],
            "there is no tag 'v9.9' in this repository — see the tags with 'git tag --list \"v*\"'",
        ),
        (
            ["--tag", "release-candidate"],
            "'release-candidate' is not a plan version tag — name a tag like v2.0",
        ),
        (["--tag", "v1.0; rm -rf /"], "'v1.0; rm -rf /' is not a plan version tag"),
    ],
)
def test_the_archive_command_refuses_a_tag_that_is_not_a_plan_version_with_one_line(repo, args, message):
    run = _archive(repo, *args)
    assert (
        run.returncode == 1
        and run.stdout.startswith(message)
        and run.stdout.count("\n") == 1
        and not run.stderr
    ), run


def test_a_tag_whose_changelog_is_at_another_version_is_refused(repo):
    _git(repo, "tag", "v1.5", "release-candidate")
    try:
        run = _archive(repo, "--tag", "v1.5")
    finally:
        _git(repo, "tag", "-d", "v1.5")
    assert (
        run.returncode == 1
        and run.stdout
        == "tag v1.5 has no section '## [1.5] – date' in its CHANGELOG.md — tag the commit that adds plan version 1.5\n"
    )
    assert not (repo / "arkiv" / "1.5").exists()


def _archive_changed_version(repo: Path, version: str, date: str, change, message: str):
    """Archive plan version ``version`` after ``change(repo)``, committed and tagged; the repository is
    put back as it was afterwards. The archive command's run."""
    head = _git(repo, "rev-parse", "HEAD").strip()
    change(repo)
    _set_routine_version(repo, version, [("1.0", "2026-01-10"), ("1.1", "2026-01-15"), (version, date)])
    for lang, name in (("sv", "CHANGELOG.md"), ("en", "CHANGELOG.en.md")):
        (repo / name).write_text(
            _changelog([(version, date), ("1.1", "2026-01-15"), ("1.0", "2026-01-10")], lang),
            encoding="utf-8",
        )
    _git(repo, "commit", "-q", "-am", message)
    _git(repo, "tag", f"v{version}")
    try:
        return _archive(repo, "--tag", f"v{version}")
    finally:
        _git(repo, "tag", "-d", f"v{version}")
        _git(repo, "reset", "-q", "--hard", head)


def _with_personal_data(repo: Path) -> None:
    routine = repo / "docs" / "sv" / "rutiner" / "avvikning.md"
    routine.write_text(
        routine.read_text(encoding="utf-8") + "\nBarnet har personnummer 121212-1212.\n", encoding="utf-8"
    )


def _with_script_in_nav(repo: Path) -> None:
    config = yaml.safe_load((repo / "mkdocs.yml").read_text(encoding="utf-8"))
    config["nav"].append({"Ring": "javascript:alert()//.md"})
    (repo / "mkdocs.yml").write_text(
        yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )


@pytest.mark.site
def test_an_old_version_that_shows_personal_data_is_not_archived(repo):
    """The archive shows a version as it was, but the verifier judges what it would publish: a personal identity
    number in an old page keeps that version out of arkiv/, with one line."""
    run = _archive_changed_version(
        repo, "1.2", "2026-01-20", _with_personal_data, "1.2 with a personal identity number"
    )
    assert (
        run.returncode == 1
        and run.stdout.startswith("plan version 1.2 was not archived: ")
        and "personal data" in run.stdout
    ), run
    assert run.stdout.count("\n") == 1 and not (repo / "arkiv" / "1.2").exists()


@pytest.mark.site
def test_an_old_version_whose_nav_links_to_script_is_not_archived(repo):
    """Issue 19: a tag's nav entry 'javascript:alert()//.md' would reach every archived page's menu; the verifier
    refuses the version before anything is kept."""
    run = _archive_changed_version(
        repo, "1.3", "2026-01-25", _with_script_in_nav, "1.3 with a script address in the nav"
    )
    assert (
        run.returncode == 1
        and run.stdout.startswith("plan version 1.3 was not archived: ")
        and "links to a script address" in run.stdout
    ), run
    assert run.stdout.count("\n") == 1 and not (repo / "arkiv" / "1.3").exists()
