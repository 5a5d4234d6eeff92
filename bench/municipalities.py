"""Municipalities at scale (issue 22): one county site with today's municipalities, all 26 of Stockholm
county and Sweden's 290, each of the last two generated from municipalities/status.yml.

    bench/run --municipalities               measure; merge into bench/report.json, rewrite bench/REPORT.md
    python bench/municipalities.py N DEST    only write the project with N municipalities into DEST

For each count: the check (0 problems, or the bench stops), one strict build of the county edition, the
built start page's and a routine page's raw and gzip bytes, one ``python -m samverkan build`` of the county's
edition (what one build of a reader's site costs: check, site, offline copy, verifier) and one
``build --all`` (the county's and every municipality's edition). Each figure is one build.

At 26 every row of status.yml gets a file in sigtuna.yml's shape and adopted: yes; above 26 made-up
municipalities follow (codes 9000 and up, which no real municipality has; names "Bänkort Ab kommun").
Their numbers are synthetic, of valid Swedish shape.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from pathlib import Path

import downloads
import measure
import yaml
from generate import mirror

ROOT = measure.ROOT
sys.path.insert(0, str(ROOT / "hooks"))

from samverkan.editions.county import plain_slug  # noqa: E402
from samverkan.editions.overlay import FOLDER, municipality_files  # noqa: E402

COUNTS = (3, 26, 290)
TODAY = 3  # the real folder as it is: the county edition and two municipalities' files
PAGES = {"start": "index.html", "routine": "rutiner/avvikning/index.html"}
CHOOSER_LIST = "assets/javascripts/municipalities/_list.sv.js"
REAL = ROOT / FOLDER
KEPT = ("TEMPLATE.yml", "county.yml", "public-numbers.yml")
MADE_UP_CODES = 9000
HEADER = "# Written by bench/municipalities.py for the benchmark: synthetic names and numbers.\n"


def made_up_row(index: int) -> dict:
    """Municipality INDEX beyond the county's: a code no real one has, a name whose plain slug is its own."""
    letters = chr(ord("a") + index // 26) + chr(ord("a") + index % 26)
    name = f"Bänkort {letters.capitalize()} kommun"
    row = {"code": str(MADE_UP_CODES + index), "name": name, "slug": plain_slug(name), "adopted": True}
    if index % 2 == 0:  # half of them with a night contact, as in the county
        row["night"] = {
            "service": {"sv": "Socialjouren", "en": "the out-of-hours social services (Socialjouren)"},
            "phone": number(1, index),
            "source": f"https://{row['slug']}.example/socialjour",
            "read": "2026-12-03",
        }
    return row


def status_rows(count: int) -> list[dict]:
    """COUNT rows for status.yml, all adopted: the county's 26 as written, then made-up ones."""
    real = yaml.safe_load((REAL / "status.yml").read_text(encoding="utf-8"))["municipalities"]
    return [{**row, "adopted": True} for row in real[:count]] + [
        made_up_row(index) for index in range(count - len(real))
    ]


def number(kind: int, index: int) -> str:
    """A synthetic landline of valid shape, one of its own for each KIND and INDEX: 08-6kk iii 00."""
    return f"08-6{kind}{index // 100} {index % 100:02d}0 00"


def replaced(value, names: dict):
    """VALUE with every text's NAMES (old: new) replaced."""
    if isinstance(value, dict):
        return {key: replaced(item, names) for key, item in value.items()}
    if isinstance(value, str):
        for old, new in names.items():
            value = value.replace(old, new)
    return value


def municipality_file(row: dict, index: int) -> dict:
    """sigtuna.yml with ROW's name, code and numbers, and an addition to the routine avvikning."""
    sigtuna = yaml.safe_load((REAL / "sigtuna.yml").read_text(encoding="utf-8"))
    english = re.sub(r"s? (?:kommun|stad)$", "", row["name"]) + " Municipality"
    data = {
        **replaced(sigtuna, {"Sigtuna kommun": row["name"], "Sigtuna Municipality": english}),
        "code": row["code"],
    }
    data["units"]["socialtjanst"]["phone"] = number(0, index)
    night = row.get("night", {}).get("phone")
    data["units"]["socialjour"].pop("phone", None)
    if night:
        data["units"]["socialjour"]["phone"] = night
    data["additions"] = {
        "avvikning": {
            "section": {"sv": "vem-gor-vad", "en": "who-does-what"},
            "sv": f"I {row['name']} tar [[local:socialtjanst.name]] emot anmälan dagtid, via växeln [[local:socialtjanst.phone]].",
            "en": f"In {english}, [[local:socialtjanst.name]] takes reports in the daytime, through the switchboard [[local:socialtjanst.phone]].",
        }
    }
    return data


def write_yaml(path: Path, data: dict) -> None:
    path.write_text(HEADER + yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def generate(dest: Path, count: int) -> Path:
    """DEST as the project with COUNT municipalities, each with a file and adopted; its mkdocs.yml."""
    if count == TODAY:
        return mirror(ROOT, dest, {})
    config = mirror(ROOT, dest, {}, skip={FOLDER})
    folder = dest / FOLDER
    folder.mkdir()
    for name in KEPT:
        shutil.copy(REAL / name, folder / name)
    rows = status_rows(count)
    write_yaml(folder / "status.yml", {"municipalities": rows})
    for index, row in enumerate(rows):
        write_yaml(folder / f"{row['slug']}.yml", municipality_file(row, index))
    return config


def sizes(path: Path) -> dict:
    data = path.read_bytes()
    return {"raw_bytes": len(data), "gzip_bytes": downloads.gzip_size(data)}


def all_editions(root: Path) -> dict:
    """One build of the county's edition as a reader gets it (``python -m samverkan build``: the check, the
    site, its offline copy, the verifier), then every edition at once (``build --all``: the county's built once,
    each municipality's filled into it on every core). Both into the project's own site folders."""
    command = [
        str(measure.VENV_BIN / "python"),
        "-m",
        "samverkan",
        "--config",
        str(root / "mkdocs.yml"),
        "build",
    ]
    one, every = measure.timed(command, root), measure.timed([*command, "--all"], root)
    failed = [line for line in every.output.splitlines() if line.endswith("is unchanged.")]
    if one.returncode or every.returncode:
        raise SystemExit(f"the builds of {root} failed:\n{one.output[-2000:]}\n{every.output[-3000:]}")
    return {
        "editions": len(municipality_files(root)),
        "one_build_s": round(one.wall_s, 2),
        "all_s": round(every.wall_s, 2),
        "all_cpu_s": round(every.cpu_s, 2),
        "cores": os.cpu_count(),
        "failed": failed,
    }


def measure_count(count: int, work: Path) -> dict:
    dest = work / str(count)
    config = generate(dest, count)
    checked = measure.check(config)
    if measure.problems(checked) != 0:
        raise SystemExit(f"the check of {count} municipalities found problems:\n{checked.output[-3000:]}")
    site = dest / "strict-build"  # the site/ of the builds below is theirs
    county = measure.succeeded(measure.build(config, strict=True, site_dir=site), config)
    return {
        "municipalities": count,
        "files": len(municipality_files(dest)),
        "check_s": round(checked.wall_s, 2),
        "county_build": {
            "wall_s": round(county.wall_s, 2),
            "cpu_s": round(county.cpu_s, 2),
            "peak_mib": round(county.peak_mib),
            "html_pages": county.html_pages,
        },
        "pages": {name: {"path": path, **sizes(site / path)} for name, path in PAGES.items()},
        "chooser_list": {"path": CHOOSER_LIST, **sizes(site / CHOOSER_LIST)},
        "all_editions": all_editions(dest),
    }


def measure_scale(work: Path, machine: dict) -> dict:
    return {
        "machine": machine,
        "gzip_level": downloads.GZIP_LEVEL,
        "counts": [measure_count(count, work / "municipalities") for count in COUNTS],
    }


if __name__ == "__main__":
    generate(Path(sys.argv[2]), int(sys.argv[1]))
    print(f"{sys.argv[1]} municipalities written to {sys.argv[2]}")
