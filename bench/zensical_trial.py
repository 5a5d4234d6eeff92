"""The Zensical trial (issue 20): each language compiled to an engine-neutral tree (python -m samverkan compile),
built by Zensical, and judged by the verifier on what it built. Prints one Markdown table row per language;
docs-dev/it.md keeps the table. Run it with scripts/zensical-trial, which installs the Zensical it tries."""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

from samverkan.editions.handbook import load_site  # noqa: E402
from samverkan.site import completeness, tree, verify  # noqa: E402


def trial(zensical: str, lang: str, work: Path) -> str:
    handbook = load_site(ROOT / "mkdocs.yml")
    out = work / lang
    pages = tree.compile_tree(ROOT / "mkdocs.yml", handbook, out, lang)
    built = subprocess.run([zensical, "build"], cwd=out, capture_output=True, text=True)
    site = out / "site"
    if built.returncode != 0 or not site.is_dir():
        return f"| {lang} | {pages} | build failed (exit {built.returncode}) | | | | |"
    complete = Counter(
        problem.message.split(" '")[0].split(" (")[0]
        for problem in completeness.problems(site, handbook, lang)
    )
    safety = Counter(
        re.sub(r"(?<= )'[^']*'", "'…'", fault)[:90]
        for path in site.rglob("*.html")
        for fault in verify.page_faults(path.read_text(encoding="utf-8"), handbook.public_numbers)
    )
    missing = sum(
        count
        for message, count in complete.items()
        if message.startswith("the page ") and "was not built" in message
    )
    wrong_lang = sum(count for message, count in complete.items() if message.startswith("the page says"))
    links = sum(count for message, count in complete.items() if message.startswith("the link"))
    example = next(
        (
            problem.message
            for problem in completeness.problems(site, handbook, lang)
            if problem.message.startswith("the link")
        ),
        "",
    )
    links = f"{links}{', e.g. ' + example.removeprefix('the link ') if example else ''}"
    search = (
        "the project's"
        if not any("search index" in message for message in complete)
        else ("only its own search.json" if (site / "search.json").is_file() else "none")
    )
    unsafe = ", ".join(f"{what} ({count})" for what, count in safety.most_common(3)) or "none"
    return f"| {lang} | {pages} | {pages - missing} built, {wrong_lang} with the wrong lang | {links} | {search} | {unsafe} |"


def main() -> int:
    zensical = sys.argv[1] if len(sys.argv) > 1 else "zensical"
    version = subprocess.run([zensical, "--version"], capture_output=True, text=True).stdout.strip()
    print(f"Zensical {version}, the tree of `python -m samverkan compile`, judged by `verify`:\n")
    print(
        "| language | pages in the model | pages built | links or anchors leading nowhere | search index | what the safety half finds |"
    )
    print("|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory(prefix="zensical-trial-") as work:
        for lang in ("sv", "en"):
            print(trial(zensical, lang, Path(work)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
