"""Lighthouse (mobile emulation) scores for a page served locally, installed into bench/node_modules on first use."""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from pathlib import Path

from downloads import CHROMIUM, CHROMIUM_ARGS

BENCH = Path(__file__).resolve().parent
LIGHTHOUSE = BENCH / "node_modules" / ".bin" / "lighthouse"
PACKAGE = "lighthouse@13"
CATEGORIES = ("performance", "accessibility", "best-practices")


def install() -> None:
    if not LIGHTHOUSE.exists():
        subprocess.run(
            ["npm", "install", "--prefix", str(BENCH), "--no-audit", "--no-fund", PACKAGE],
            check=True,
            capture_output=True,
        )


def audit(url: str) -> dict:
    """Scores 0-100 per category, and the audits that lost points in accessibility and best practices."""
    with tempfile.TemporaryDirectory() as out:
        report_file = Path(out) / "report.json"
        command = [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report_file}",
            "--only-categories=" + ",".join(CATEGORIES),
            "--chrome-flags=" + " ".join(CHROMIUM_ARGS),
        ]
        subprocess.run(
            command, check=True, capture_output=True, env={**os.environ, "CHROME_PATH": CHROMIUM}, timeout=300
        )
        report = json.loads(report_file.read_text(encoding="utf-8"))
    return {
        **{name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES},
        "form_factor": report["configSettings"]["formFactor"],
        "lost_points": _failed_audits(report),
        "metrics": {
            key: round(report["audits"][key]["numericValue"])
            for key in ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time")
        },
    }


def _failed_audits(report: dict) -> list[str]:
    failed = []
    for name in CATEGORIES[1:]:
        for ref in report["categories"][name]["auditRefs"]:
            result = report["audits"][ref["id"]]
            if ref["weight"] and result["score"] is not None and result["score"] < 1:
                failed.append(f"{name}: {ref['id']}")
    return failed


def measure(base: str, pages: dict[str, str]) -> dict:
    install()
    return {name: audit(base + path) for name, path in pages.items()}
