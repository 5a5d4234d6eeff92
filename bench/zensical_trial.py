"""The Zensical trial (issues 20 and 33): the county's site built by Zensical as `samverkan build --engine
zensical` builds it (site/zensical_site.py: each language's tree, put together, then site/finish.py), and judged
by the same verifier as MkDocs' site. Prints one Markdown table row; docs-dev/it.md keeps the table. Run it with
scripts/zensical-trial, which installs the Zensical it tries into .venv-zensical/."""

from __future__ import annotations

import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

from samverkan.editions import overlay  # noqa: E402
from samverkan.editions.handbook import load_site  # noqa: E402
from samverkan.engine import zensical_build  # noqa: E402
from samverkan.site import completeness, zensical_site  # noqa: E402
from samverkan.site.finish import page_file  # noqa: E402


def trial(work: Path) -> str:
    handbook = load_site(ROOT / "mkdocs.yml")
    site = work / "site"
    try:
        finished = zensical_site.build(ROOT / "mkdocs.yml", handbook, overlay.load(handbook.root), site, "")
    except zensical_build.ZensicalFailed as error:
        return f"| {zensical_build.version()} | build failed: {str(error).splitlines()[0]} | | |"
    built = {
        lang: sum(
            1 for page in handbook.pages if page.lang == lang and (site / page_file(page, True)).is_file()
        )
        for lang in ("sv", "en")
    }
    faults = completeness.safe_and_complete(site, handbook)
    kinds = Counter(re.sub(r"'[^']*'", "'…'", problem.message)[:80] for problem in faults)
    found = ", ".join(f"{kind} ({count})" for kind, count in kinds.most_common(4)) or "none"
    pages = " / ".join(
        f"{built[lang]} of {sum(p.lang == lang for p in handbook.pages)} ({lang})" for lang in built
    )
    return f"| {zensical_build.version()} | {pages} | {len(finished)} | {len(faults)}: {found} |"


def main() -> int:
    print(
        "Zensical, the county's site as `samverkan build --engine zensical` makes it, judged by `verify`:\n"
    )
    print("| Zensical | pages built | problems of the step after the build | verifier problems |")
    print("|---|---|---|---|")
    with tempfile.TemporaryDirectory(prefix="zensical-trial-") as work:
        print(trial(Path(work)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
