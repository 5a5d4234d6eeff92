"""The issue's targets checked against a report, and the report as a short Markdown summary.

A target in seconds or milliseconds holds for the machine the report names (HERE); shares, ratios and
kilobytes hold anywhere."""

from __future__ import annotations

KB = 1000
HERE = "(machine above)"
MOST_HOOKS_SHARE = 0.10
MOST_PREVIEW_OVER_BUILD = 2  # edit → shown, in strict builds of the same tree measured in the same run


def _row(figure: str, value, target: str, met: bool) -> dict:
    return {"figure": figure, "value": value, "target": target, "met": bool(met)}


def _spread(share: dict) -> str:
    return f"{share['median']:.1%} ({share['low']:.1%}–{share['high']:.1%})"


def _real_rows(real: dict) -> list[dict]:
    wall, check, share = real["build"]["wall_s"], real["check"]["wall_s"], real["hooks_share"]
    return [
        _row(
            "real handbook: strict bilingual build",
            f"{wall:.2f} s ({real['pages']} pages)",
            f"≤ 15 s {HERE}",
            wall <= 15,
        ),
        _row(
            "real handbook: hooks + checks share of build (paired)",
            _spread(share),
            f"≤ {MOST_HOOKS_SHARE:.0%}",
            share["median"] <= MOST_HOOKS_SHARE,
        ),
        _row("real handbook: check command", f"{check:.2f} s", f"≤ 1 s {HERE}", check <= 1),
    ]


def _page_type_rows(page_types: dict) -> list[dict]:
    return [
        _row(
            f"one more {name} page: hooks + checks share of its CPU cost (by round)",
            "lost in the machine's noise" if cost["noisy"] else _spread(cost["hooks_share"]),
            f"≤ {MOST_HOOKS_SHARE:.0%}",
            not cost["noisy"] and cost["hooks_share"]["median"] <= MOST_HOOKS_SHARE,
        )
        for name, cost in page_types["types"].items()
    ]


def _preview_rows(preview: dict, build_s: float) -> list[dict]:
    rows = []
    for kind, shown in preview.items():
        seconds = shown["median_s"]
        value = "never shown" if seconds is None else f"{seconds:.1f} s ({seconds / build_s:.1f} × the build)"
        rows.append(
            _row(
                f"preview: edit → shown, {kind}",
                value,
                f"≤ {MOST_PREVIEW_OVER_BUILD} × the strict build",
                seconds is not None and seconds <= MOST_PREVIEW_OVER_BUILD * build_s,
            )
        )
    return rows


def _download_rows(weight: dict) -> list[dict]:
    rows = [
        _row(
            f"search index ({lang}), gzip",
            f"{sizes['gzip_bytes'] / KB:.0f} KB",
            "≤ 150 KB",
            sizes["gzip_bytes"] <= 150 * KB,
        )
        for lang, sizes in weight["search_index"].items()
        if lang != "shared_file"
    ]
    plain = weight.get("first_visit_plain_material", {})
    rows += [
        _row(
            f"{name} page, first visit, gzip",
            f"{visit['total_bytes'] / KB:.0f} KB"
            + (f" (plain Material: {plain[name]['total_bytes'] / KB:.0f} KB)" if name in plain else ""),
            "≤ 90 KB",
            visit["total_bytes"] <= 90 * KB,
        )
        for name, visit in weight["first_visit"].items()
    ]
    return rows + _search_rows(weight["search"]) if "search" in weight else rows


def _search_rows(search: dict) -> list[dict]:
    cold, warm = search["cold_first_search_ms"], search["keystroke_to_results_median_ms"]
    rows = [
        _row(
            "cold first search (fresh page, first keystroke to results)",
            f"{cold} ms (median of {len(search['cold_runs_ms'])})",
            f"≤ 300 ms {HERE}",
            cold <= 300,
        ),
        _row(
            "keystroke to results once loaded (phrase set, median)",
            f"{warm} ms (max {search['keystroke_to_results_max_ms']} ms)",
            f"≤ 50 ms {HERE}",
            warm <= 50,
        ),
    ]
    return rows + [
        _row(
            f"search {name}: top-3 hit rate",
            f"{rate['hits']}/{rate['total']}",
            "100 %",
            rate["hits"] == rate["total"],
        )
        for name, rate in search["hit_rates"].items()
    ]


def _lighthouse_rows(scores: dict) -> list[dict]:
    bars = (("performance", 95), ("accessibility", 100), ("best-practices", 95))
    return [
        _row(f"Lighthouse {page}: {category}", result[category], f"≥ {bar}", result[category] >= bar)
        for page, result in scores.items()
        for category, bar in bars
    ]


def targets(report: dict) -> list[dict]:
    rows = _real_rows(report["real_handbook"])
    if "page_types" in report:
        rows += _page_type_rows(report["page_types"])
    if "preview" in report:
        rows += _preview_rows(report["preview"], report["real_handbook"]["build"]["wall_s"])
    if "downloads" in report:
        rows += _download_rows(report["downloads"])
    if "lighthouse" in report:
        rows += _lighthouse_rows(report["lighthouse"])
    return rows


def _builds_table(real: dict) -> list[str]:
    lines = [
        "| real handbook, built | wall (median) | CPU, both processes | peak | HTML pages |",
        "|---|---|---|---|---|",
    ]
    for name, key in (
        ("with the hooks (strict)", "build"),
        ("without the hooks", "build_without_hooks"),
        ("plain Material", "build_plain_material"),
    ):
        b = real[key]
        lines.append(
            f"| {name} | {b['wall_s']:.2f} s | {b['cpu_s']:.2f} s | {b['peak_mib']:.0f} MiB | {b['html_pages']} |"
        )
    return lines


def _page_types_table(page_types: dict) -> list[str]:
    lines = [
        f"| one more page (×{page_types['factor']} of the type, {page_types['runs']} rounds; median (lowest–highest)) | pages added | CPU ms per page: with hooks"
        " | without hooks | plain Material | hooks' share | ÷ plain Material |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, c in page_types["types"].items():
        ms = [
            f"{c['cpu_ms_per_page'][way]['median']:.1f} ({c['cpu_ms_per_page'][way]['low']:.1f}–{c['cpu_ms_per_page'][way]['high']:.1f})"
            for way in ("with_hooks", "without_hooks", "plain_material")
        ]
        share, over = (
            ("noise", "noise")
            if c["noisy"]
            else (f"{c['hooks_share']['median']:.1%}", f"{c['over_plain_material']['median']:.2f}")
        )
        lines.append(f"| {name} | {c['pages_added']} | {' | '.join(ms)} | {share} | {over} |")
    return lines


def _visit_table(weight: dict) -> list[str]:
    lines = ["| first visit (gzip) | HTML | CSS | JS | other | total |", "|---|---|---|---|---|---|"]
    visits = [(name, visit) for name, visit in weight["first_visit"].items()]
    visits += [
        (f"{name}, plain Material", visit)
        for name, visit in weight.get("first_visit_plain_material", {}).items()
    ]
    for name, visit in visits:
        b = visit["bytes"]
        lines.append(
            f"| {name} `{visit['path']}` | {b['html'] / KB:.1f} KB | {b['css'] / KB:.1f} KB | {b['js'] / KB:.1f} KB | {b['other'] / KB:.1f} KB | {visit['total_bytes'] / KB:.1f} KB |"
        )
    return lines


def _editions_lines(editions: dict) -> list[str]:
    sequential, parallel = editions["sequential"], editions["parallel"]
    failed = sorted(set(sequential["failed"] + parallel["failed"]))
    return [
        f"County edition alone: {editions['county_edition_s']:.2f} s. All {len(editions['editions'])} editions ({', '.join(editions['editions'])}):"
        f" {sequential['wall_s']:.1f} s one after another, {parallel['wall_s']:.1f} s on {editions['cores']} cores."
        + (f" Failed: {', '.join(failed)}." if failed else "")
    ]


MOST_START_PAGE_GROWTH = 0.10  # the start page's gzip weight with the most municipalities, over today's
MOST_ALL_EDITIONS_OVER_BUILD = (
    3  # every edition at once (build --all), over one build of the county's edition
)


def _scale_rows(counts: list[dict]) -> list[dict]:
    """The two figures issue 22 checks: the start page's growth from the fewest to the most municipalities,
    and all editions of the county's 26 over that site's one county build."""
    gzip = [each["pages"]["start"]["gzip_bytes"] for each in counts]
    growth = gzip[-1] / gzip[0] - 1
    rows = [
        _row(
            f"start page, gzip, at {counts[-1]['municipalities']} against {counts[0]['municipalities']} municipalities",
            f"{gzip[-1] / KB:.1f} KB against {gzip[0] / KB:.1f} KB ({growth:+.1%})",
            f"within {MOST_START_PAGE_GROWTH:.0%}",
            abs(growth) <= MOST_START_PAGE_GROWTH,
        )
    ]
    for each in (each for each in counts if each["municipalities"] == 26):
        editions = each["all_editions"]
        ratio = editions["all_s"] / editions["one_build_s"]
        rows.append(
            _row(
                f"all {editions['editions']} editions (`build --all`), over one build of the county's edition (`build`)",
                f"{editions['all_s']:.1f} s / {editions['one_build_s']:.1f} s = {ratio:.1f} ×",
                f"< {MOST_ALL_EDITIONS_OVER_BUILD} ×",
                ratio < MOST_ALL_EDITIONS_OVER_BUILD,
            )
        )
    return rows


def _sizes(sizes: dict) -> str:
    return f"{sizes['raw_bytes'] / KB:.1f} / {sizes['gzip_bytes'] / KB:.1f} KB"


def _all_editions(each: dict) -> str:
    editions, strict = each["all_editions"], each["county_build"]["wall_s"]
    failed = f"; **failed: {len(editions['failed'])}**" if editions["failed"] else ""
    return (
        f"{editions['all_s']:.1f} s for {editions['editions']} ({editions['all_s'] / editions['one_build_s']:.1f} × one `build`,"
        f" {editions['all_s'] / strict:.1f} × the strict build{failed})"
    )


def _scale_lines(scale: dict) -> list[str]:
    machine = scale["machine"]
    lines = [
        "## Municipalities at scale",
        "",
        f"Measured {machine['date']} on {machine['cpu']}, {machine['cores']} cores, load average {machine['load_at_start']} at the start"
        f" (`bench/run --municipalities`, {machine['bench_minutes']} min). Each figure is one build; gzip at level {scale['gzip_level']}."
        " *Strict build* is `mkdocs build --strict` of the county site; *one `build`* is `python -m samverkan build`, the county's"
        " edition as readers get it (the check, the site, its offline copy and the verifier); `--all` is `build --all`, the county's"
        " edition and every municipality's, each with its offline copy and verified, the municipalities' filled into the county's site"
        f" on {scale['counts'][0]['all_editions']['cores']} cores.",
        "",
        "| municipalities in one county site | strict build (CPU, peak memory) | one `build` | start page (raw / gzip) | routine (raw / gzip) | chooser list (raw / gzip) | `--all` (every edition) |",
        "|---|---|---|---|---|---|---|",
    ]
    for each in scale["counts"]:
        build = each["county_build"]
        name = (
            f"{each['municipalities']} (today: {each['files']} files and the county)"
            if each["municipalities"] == 3
            else str(each["municipalities"])
        )
        lines.append(
            f"| {name} | {build['wall_s']:.1f} s ({build['cpu_s']:.1f} s, {build['peak_mib']} MiB) | {each['all_editions']['one_build_s']:.1f} s"
            f" | {_sizes(each['pages']['start'])} | {_sizes(each['pages']['routine'])} | {_sizes(each['chooser_list'])} | {_all_editions(each)} |"
        )
    return lines + [
        "",
        "| figure | value | target | met |",
        "|---|---|---|---|",
        *(
            f"| {t['figure']} | {t['value']} | {t['target']} | {'yes' if t['met'] else '**no**'} |"
            for t in _scale_rows(scale["counts"])
        ),
    ]


def _machine_line(machine: dict) -> str:
    took = f", the bench took {machine['bench_minutes']} min" if "bench_minutes" in machine else ""
    return (
        f"Machine: {machine['cpu']}, {machine['cores']} cores, load average {machine['load_at_start']} at the start{took}."
        " Builds take turns (with hooks, without, plain Material, again) and each share or ratio is taken pair by pair"
        " (median, lowest–highest)."
    )


def markdown(report: dict) -> str:
    real = report["real_handbook"]
    over = real["over_plain_material"]
    lines = [
        f"# Benchmark ({report['mode']}, {report['machine']['cores']} cores, {report['machine']['date']})",
        "",
        _machine_line(report["machine"]),
        "",
        f"Real handbook: {real['pages']} pages, strict build {real['build']['wall_s']:.2f} s (median of {len(real['build']['walls_s'])}),"
        f" hooks + checks {_spread(real['hooks_share'])} of the wall time and {_spread(real['hooks_cpu_share'])} of the CPU time"
        f" (inside hook functions {real['in_hooks_share']:.1%}); against plain Material on the same content ×{over['wall']['median']:.2f} wall,"
        f" ×{over['cpu']['median']:.2f} CPU; check command {real['check']['wall_s']:.2f} s.",
        "",
        "| figure | value | target | met |",
        "|---|---|---|---|",
        *(
            f"| {t['figure']} | {t['value']} | {t['target']} | {'yes' if t['met'] else '**no**'} |"
            for t in report["targets"]
        ),
        "",
        *_builds_table(real),
    ]
    if "page_types" in report:
        lines += ["", *_page_types_table(report["page_types"])]
    if "municipality_editions" in report:
        lines += ["", *_editions_lines(report["municipality_editions"])]
    if "downloads" in report:
        lines += ["", *_visit_table(report["downloads"])]
    if "municipalities_at_scale" in report:
        lines += ["", *_scale_lines(report["municipalities_at_scale"])]
    return "\n".join(lines) + "\n"
