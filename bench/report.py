"""The benchmark's report: the machine, then one table per question, every throughput as a ratio to the floor."""

import os
import platform
import sqlite3
import subprocess
import time
from pathlib import Path

# Targets: cached hits (default and shared cache) at 0.8 of the floor, first renders of these pages at 0.2.
CACHED_TARGET = 0.8
UNCACHED_TARGET = 0.2
UNCACHED_TARGET_PAGES = ("archive", "event", "talk", "api")


def machine() -> str:
    """CPUs, memory and the versions that shape the figures."""
    cpuinfo = Path("/proc/cpuinfo").read_text() if Path("/proc/cpuinfo").exists() else ""
    cpu = next(
        (line.split(":", 1)[1].strip() for line in cpuinfo.splitlines() if line.startswith("model name")), ""
    )
    meminfo = Path("/proc/meminfo").read_text() if Path("/proc/meminfo").exists() else "MemTotal: 0 kB"
    memory_kb = next(int(line.split()[1]) for line in meminfo.splitlines() if line.startswith("MemTotal"))
    wrk = subprocess.run(["wrk", "--version"], capture_output=True, text=True).stdout.split(" [")[0]
    return (
        f"{os.cpu_count()} CPUs ({cpu or 'model unknown'}), {memory_kb / 1024 / 1024:.0f} GiB, {platform.system()} "
        f"{platform.release()}; Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, {wrk}"
    )


def ratio_table(title: str, results: dict, target: float | None, failures: list, pages=None) -> list[str]:
    lines = [f"### {title}", "", "| page | req/s | floor req/s | of floor | p50 ms | p99 ms | errors |"]
    lines.append("|---|---:|---:|---:|---:|---:|---:|")
    for name, result in results.items():
        lines.append(
            f"| {name} | {result['rps']:.0f} | {result['floor']:.0f} | {result['ratio']:.2f} "
            f"| {result['p50']:.2f} | {result['p99']:.2f} | {result['errors']} |"
        )
        if result["errors"]:
            failures.append(f"{title}, {name}: {result['errors']} errors")
        applies = pages is None or name.split()[0] in pages
        if target and applies and result["ratio"] < target:
            failures.append(f"{title}, {name}: {result['ratio']:.2f} of the floor (target {target})")
    return [*lines, ""]


def mixed_table(runs: dict, failures: list) -> list[str]:
    lines = [
        "### Mixed load: pages, slide downloads and admin saves",
        "",
        "| set-up | requests | req/s | p50 ms | p99 ms | errors | admin saves | failed saves | save p50 ms "
        "| save p99 ms |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, key in (("SQLite, default cache", "mixed_sqlite"), ("PostgreSQL + Redis", "mixed_postgres")):
        result = runs.get(key)
        if result is None:
            lines.append(f"| {name} | not run (no PostgreSQL or Redis answered) | | | | | | | | |")
            continue
        lines.append(
            f"| {name} | {result['requests']} | {result['rps']:.0f} | {result['p50']:.1f} | {result['p99']:.1f} "
            f"| {result['errors']} | {result['saves']} | {result['failed_saves']} | {result['save_p50']:.0f} "
            f"| {result['save_p99']:.0f} |"
        )
        if result["errors"] or result["failed_saves"]:
            failures.append(f"mixed {name}: {result['errors']} errors, {result['failed_saves']} failed saves")
    return [*lines, ""]


def render(runs: dict) -> tuple[str, list[str]]:
    data, failures = runs["data"], []
    lines = [
        f"# vdlm benchmark, {time.strftime('%Y-%m-%d %H:%M')}",
        "",
        f"Machine: {machine()}.",
        f"Data: {data['history']} historic + {data['generated']} generated meetups. gunicorn with {runs['workers']} "
        f"sync workers; wrk -t2 -c{runs['connections']} -d{runs['duration']} per run, gzip accepted; each page run "
        "follows its own floor run (/bench/floor/, a bare Django view through the whole middleware stack).",
        "",
    ]
    lines += ratio_table("Cached hits, default cache", runs["cached_default"], CACHED_TARGET, failures)
    if "cached_redis" in runs:
        lines += ratio_table("Cached hits, Redis", runs["cached_redis"], CACHED_TARGET, failures)
    else:
        lines += ["### Cached hits, Redis", "", "Not run: no Redis answered.", ""]
    for name, results in runs.get("cache_options", {}).items():
        lines += ratio_table(f"Cached hits, {name} (an alternative to the default)", results, None, failures)
    lines += ratio_table(
        "Uncached renders (the view runs on every request)",
        runs["uncached"],
        UNCACHED_TARGET,
        failures,
        pages=UNCACHED_TARGET_PAGES,
    )
    lines += ["### First request after an organizer's save (median, one request at a time)", ""]
    lines += ["| page | ms | floor ms | of floor |", "|---|---:|---:|---:|"]
    for name, result in runs["first_after_write"].items():
        lines.append(f"| {name} | {result['ms']:.1f} | {result['floor_ms']:.1f} | {result['ratio']:.2f} |")
    lines += [""]
    lines += mixed_table(runs, failures)
    lines += ["Targets met." if not failures else "Targets missed: " + "; ".join(failures), ""]
    return "\n".join(lines), failures
