"""The benchmark: build cost against the tree without hooks and plain Material, the cost of a page of each
type, editions, the preview's edit → shown, page weight and Lighthouse, in one report.

    bench/run           every item; writes bench/report.json and bench/REPORT.md
    bench/run --quick   item 1 (the real handbook) only, measured once
    bench/run --municipalities   the county site at 3, 26 and 290 municipalities only (bench/municipalities.py),
                        merged into the last bench/report.json; a later run keeps it

Builds are measured in turns (A B C A B C) and compared pair by pair. Figures in seconds hold for the machine named in the report; shares and ratios travel.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import time
from pathlib import Path

import downloads
import edit_to_shown
import editions
import lighthouse
import measure
import pagetypes
import summary
from generate import plain_material
from serve import serving

import municipalities

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
WORK = BENCH / "work"
REPORT = BENCH / "report.json"
SCALE = "municipalities_at_scale"
# REPORT.md from this heading on is written by hand (the test tiers, measured decisions): a run keeps it.
BY_HAND = "## Measured by hand"


def real_handbook(quick: bool) -> dict:
    runs, warm_up = (1, False) if quick else (3, True)
    return {
        "pages": sum(1 for _ in (ROOT / "docs").rglob("*.md")),
        **measure.build_cost(ROOT / "mkdocs.yml", runs, warm_up, WORK / "real"),
    }


def served_items() -> tuple[dict, dict]:
    """Downloads and Lighthouse, on one strict build of the real handbook served with gzip; the first visits
    again on plain Material with the same content (its search index is fetched at once)."""
    site, plain = WORK / "site", WORK / "site-plain-material"
    for folder in (site, plain):
        shutil.rmtree(folder, ignore_errors=True)
    measure.build(ROOT / "mkdocs.yml", strict=True, site_dir=site)
    measure.build(plain_material(ROOT, WORK / "plain-material"), strict=False, site_dir=plain)
    with serving(site) as (base, log):
        weight = downloads.measure(site, base, log)
        scores = lighthouse.measure(base, downloads.sample_pages())
    with serving(plain) as (base, log):
        weight["first_visit_plain_material"] = downloads.first_visits(base, log)
    return weight, scores


def machine() -> dict:
    """Where the figures in seconds hold: the processor, its cores, and how busy the machine was at the start."""
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "load_at_start": round(os.getloadavg()[0], 2),
        "python": platform.python_version(),
        "date": time.strftime("%Y-%m-%d %H:%M"),
    }


def run(quick: bool) -> dict:
    report = {
        "machine": machine(),
        "mode": "quick" if quick else "full",
        "real_handbook": real_handbook(quick),
    }
    if not quick:
        report["page_types"] = pagetypes.measure_page_types(WORK)
        report["municipality_editions"] = editions.measure_editions()
        report["preview"] = edit_to_shown.measure_preview()
        report["downloads"], report["lighthouse"] = served_items()
    report["targets"] = summary.targets(report)
    return report


def main() -> None:
    parser = argparse.ArgumentParser(prog="bench/run", description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="measure the real handbook only, once")
    parser.add_argument(
        "--municipalities",
        action="store_true",
        help="measure the county site at 3, 26 and 290 municipalities only, into the last report",
    )
    args = parser.parse_args()
    last = json.loads(REPORT.read_text(encoding="utf-8")) if REPORT.exists() else None
    if args.municipalities and last is None:
        raise SystemExit(
            f"{REPORT} is missing: run bench/run (or bench/run --quick) first, then --municipalities"
        )
    WORK.mkdir(exist_ok=True)
    start = time.monotonic()
    if args.municipalities:
        report, measured = last, machine()
        report[SCALE] = municipalities.measure_scale(WORK, measured)
    else:
        report = run(args.quick)
        measured = report["machine"]
        if last and SCALE in last:  # measured apart, with its own machine line: kept until measured again
            report[SCALE] = last[SCALE]
    measured["bench_minutes"] = round((time.monotonic() - start) / 60, 1)
    REPORT.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    text = summary.markdown(report)
    written = (BENCH / "REPORT.md").read_text(encoding="utf-8") if (BENCH / "REPORT.md").exists() else ""
    by_hand = written[written.index(BY_HAND) :] if BY_HAND in written else ""
    (BENCH / "REPORT.md").write_text(text + ("\n" + by_hand if by_hand else ""), encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
