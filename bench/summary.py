"""The issue's targets checked against a report, and the report as a short Markdown summary."""

from __future__ import annotations

KB = 1000


def _row(figure: str, value, target: str, met: bool) -> dict:
    return {"figure": figure, "value": value, "target": target, "met": bool(met)}


def _build_rows(name: str, cost: dict) -> list[dict]:
    share = cost["hooks_share"]
    return [_row(f"{name}: hooks + checks share of build", f"{share:.1%}", "≤ 10 %", share <= 0.10)]


def _real_rows(real: dict) -> list[dict]:
    wall, check = real["build"]["wall_s"], real["check"]["wall_s"]
    return [
        _row("real handbook: strict bilingual build", f"{wall:.2f} s ({real['pages']} pages)", "≤ 15 s", wall <= 15),
        *_build_rows("real handbook", real),
        _row("real handbook: check command", f"{check:.2f} s", "≤ 1 s", check <= 1),
    ]


def _scale_rows(scale: dict) -> list[dict]:
    rows = [row for name, cost in scale.items() if name.startswith("x") for row in _build_rows(f"scale {name}", cost)]
    ratio = scale["ms_per_page_ratio"]
    return rows + [_row("scale: ms per page ×40 / ×1", f"{ratio:.2f}", "≤ 1.5", ratio <= 1.5)]


def _download_rows(weight: dict) -> list[dict]:
    rows = [
        _row(f"search index ({lang}), gzip", f"{sizes['gzip_bytes'] / KB:.0f} KB", "≤ 150 KB", sizes["gzip_bytes"] <= 150 * KB)
        for lang, sizes in weight["search_index"].items()
        if lang != "shared_file"
    ]
    rows += [
        _row(f"{name} page, first visit, gzip", f"{visit['total_bytes'] / KB:.0f} KB", "≤ 90 KB", visit["total_bytes"] <= 90 * KB)
        for name, visit in weight["first_visit"].items()
    ]
    return rows + _search_rows(weight["search"]) if "search" in weight else rows


def _search_rows(search: dict) -> list[dict]:
    cold, warm = search["cold_first_search_ms"], search["keystroke_to_results_median_ms"]
    rows = [
        _row("cold first search (fresh page, first keystroke to results)", f"{cold} ms (median of {len(search['cold_runs_ms'])})", "≤ 300 ms", cold <= 300),
        _row("keystroke to results once loaded (phrase set, median)", f"{warm} ms (max {search['keystroke_to_results_max_ms']} ms)", "≤ 50 ms", warm <= 50),
    ]
    return rows + [
        _row(f"search {name}: top-3 hit rate", f"{rate['hits']}/{rate['total']}", "100 %", rate["hits"] == rate["total"])
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
    if "scale" in report:
        rows += _scale_rows(report["scale"])
    if "downloads" in report:
        rows += _download_rows(report["downloads"])
    if "lighthouse" in report:
        rows += _lighthouse_rows(report["lighthouse"])
    return rows


def _scale_table(scale: dict) -> list[str]:
    lines = ["| scale | pages | build | ms/page | peak | without hooks | hooks' share | inside hook functions | hooks' share of CPU time | check |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for name, c in scale.items():
        if name.startswith("x"):
            lines.append(
                f"| {name} | {c['pages']} | {c['build']['wall_s']:.2f} s | {c['ms_per_page']:.1f} | {c['build']['peak_mib']:.0f} MiB"
                f" | {c['build_without_hooks']['wall_s']:.2f} s | {c['hooks_share']:.1%} | {c['in_hooks_share']:.1%} | {c['hooks_cpu_share']:.1%}"
                f" | {c['check']['wall_s']:.2f} s |"
            )
    return lines


def _visit_table(weight: dict) -> list[str]:
    lines = ["| first visit (gzip) | HTML | CSS | JS | other | total |", "|---|---|---|---|---|---|"]
    for name, visit in weight["first_visit"].items():
        b = visit["bytes"]
        lines.append(f"| {name} `{visit['path']}` | {b['html'] / KB:.1f} KB | {b['css'] / KB:.1f} KB | {b['js'] / KB:.1f} KB | {b['other'] / KB:.1f} KB | {visit['total_bytes'] / KB:.1f} KB |")
    return lines


def _editions_lines(editions: dict) -> list[str]:
    sequential, parallel = editions["sequential"], editions["parallel"]
    failed = sorted(set(sequential["failed"] + parallel["failed"]))
    return [
        f"County edition alone: {editions['county_edition_s']:.2f} s. All {len(editions['editions'])} editions ({', '.join(editions['editions'])}):"
        f" {sequential['wall_s']:.1f} s one after another, {parallel['wall_s']:.1f} s on {editions['cores']} cores."
        + (f" Failed: {', '.join(failed)}." if failed else "")
    ]


def markdown(report: dict) -> str:
    real = report["real_handbook"]
    lines = [
        f"# Benchmark ({report['mode']}, {report['machine']['cores']} cores, {report['machine']['date']})",
        "",
        f"Real handbook: {real['pages']} pages, strict build {real['build']['wall_s']:.2f} s (median of {len(real['build']['walls_s'])}),"
        f" peak {real['build']['peak_mib']:.0f} MiB, without hooks {real['build_without_hooks']['wall_s']:.2f} s"
        f" ({real['build']['html_pages']} HTML pages with hooks, {real['build_without_hooks']['html_pages']} without),"
        f" inside hook functions {real['in_hooks_share']:.1%}, hooks' share of CPU time (both cores) {real['hooks_cpu_share']:.1%},"
        f" check command {real['check']['wall_s']:.2f} s.",
        "",
        "| figure | value | target | met |",
        "|---|---|---|---|",
        *(f"| {t['figure']} | {t['value']} | {t['target']} | {'yes' if t['met'] else '**no**'} |" for t in report["targets"]),
    ]
    if "scale" in report:
        lines += ["", *_scale_table(report["scale"])]
    if "municipality_editions" in report:
        lines += ["", *_editions_lines(report["municipality_editions"])]
    if "downloads" in report:
        lines += ["", *_visit_table(report["downloads"])]
    return "\n".join(lines) + "\n"
