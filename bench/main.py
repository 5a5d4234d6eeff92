"""The benchmark: build cost, hooks' share, scale, editions, page weight and Lighthouse, in one report.

    bench/run           every item; writes bench/report.json and bench/REPORT.md
    bench/run --quick   item 1 (the real handbook) only, measured once
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
import editions
import lighthouse
import measure
import summary
from generate import generate
from serve import serving

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
WORK = BENCH / "work"
SCALES = ((1, 5), (10, 3), (40, 3))  # (factor, measured pairs of builds with and without the hooks)


def count_pages(docs: Path) -> int:
    return sum(1 for _ in docs.rglob("*.md"))


def with_ms_per_page(cost: dict, pages: int) -> dict:
    return {"pages": pages, "ms_per_page": round(cost["build"]["wall_s"] * 1000 / pages, 2), **cost}


def real_handbook(quick: bool) -> dict:
    runs, warm_up = (1, False) if quick else (3, True)
    cost = measure.build_cost(ROOT / "mkdocs.yml", runs, warm_up, WORK / "real-no-hooks")
    return with_ms_per_page(cost, count_pages(ROOT / "docs"))


def scale() -> dict:
    rows = {}
    for factor, runs in SCALES:
        dest = WORK / f"x{factor}"
        pages = generate(factor, dest)
        rows[f"x{factor}"] = with_ms_per_page(measure.build_cost(dest / "mkdocs.yml", runs, False, WORK / f"x{factor}-no-hooks"), pages)
        shutil.rmtree(dest)
    first, last = rows[f"x{SCALES[0][0]}"], rows[f"x{SCALES[-1][0]}"]
    return {**rows, "ms_per_page_ratio": round(last["ms_per_page"] / first["ms_per_page"], 2)}


def served_items() -> tuple[dict, dict]:
    """Items 4 and 5, on one strict build of the real handbook served with gzip."""
    site = WORK / "site"
    shutil.rmtree(site, ignore_errors=True)
    measure.build(ROOT / "mkdocs.yml", strict=True, site_dir=site)
    with serving(site) as (base, log):
        weight = downloads.measure(site, base, log)
        scores = lighthouse.measure(base, downloads.sample_pages())
    return weight, scores


def machine() -> dict:
    return {"cores": os.cpu_count(), "python": platform.python_version(), "date": time.strftime("%Y-%m-%d %H:%M")}


def run(quick: bool) -> dict:
    report = {"machine": machine(), "mode": "quick" if quick else "full", "real_handbook": real_handbook(quick)}
    if not quick:
        report["scale"] = scale()
        report["municipality_editions"] = editions.measure_editions()
        report["downloads"], report["lighthouse"] = served_items()
    report["targets"] = summary.targets(report)
    return report


def main() -> None:
    parser = argparse.ArgumentParser(prog="bench/run", description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="measure the real handbook only, once")
    args = parser.parse_args()
    WORK.mkdir(exist_ok=True)
    report = run(args.quick)
    (BENCH / "report.json").write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    text = summary.markdown(report)
    (BENCH / "REPORT.md").write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
