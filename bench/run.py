"""The load benchmark (`make bench`): gunicorn with 3 workers on the history plus 2,000 generated meetups, driven by
wrk, every figure a ratio to the floor (a bare Django "ok" view, /bench/floor/, under the same gunicorn and the
whole middleware stack), each page measured right after its own floor run so that drift on a shared machine cancels.

One run reports:
- cached hits on the default cache (each worker's memory, one generation file per machine) and on Redis;
- uncached renders of every page type (a query string that is not a tracking parameter goes to the view);
- the first request after an organizer's save (every cached page is dropped by a write);
- a mixed run of 60 s and 64 connections (pages, slide downloads and admin saves) on SQLite and, when they answer,
  on PostgreSQL with Redis: errors, failed saves, p50/p99.
The report goes to bench/results/latest.md; the exit status is 1 when a target is missed.
Environment: BENCH_DURATION (5s per ratio run), BENCH_MIXED_DURATION (60s), BENCH_EVENTS (2000), BENCH_WORKERS (3),
BENCH_REDIS_URL, BENCH_POSTGRES_URL (set either to "" to leave it out), BENCH_CACHE_OPTIONS=1 (also measure hits
on a file-based and a database cache, the alternatives to the default).
"""

import json
import os
import statistics
import sys
import threading
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import report
from bench.client import Organizer
from bench.load import ROOT, Server, median_latency, mixed_script, percentile, timed_get, wrk
from bench.setup import prepare_database, redis_available, site_environment

WORK = ROOT / "build" / "bench"
RESULTS = ROOT / "bench" / "results"
DURATION = os.environ.get("BENCH_DURATION", "5s")
MIXED_DURATION = os.environ.get("BENCH_MIXED_DURATION", "60s")
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "16"))
MIXED_CONNECTIONS = 64
ORGANIZERS = 4
WORKERS = int(os.environ.get("BENCH_WORKERS", "3"))
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/14")
POSTGRES_URL = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres")
COLD = "?bench=cold"  # any query string but tracking parameters goes to the view, uncached


def environment(database_url: str, cache_url: str | None = None) -> dict:
    return site_environment(database_url, WORK, **({"CACHE_URL": cache_url} if cache_url else {}))


def settle(server: Server) -> None:
    """Waits until the workers have worked off the previous run's queue (the floor answers quickly again)."""
    deadline, quick = time.monotonic() + 300, 0
    while quick < 3 and time.monotonic() < deadline:
        try:
            quick = quick + 1 if timed_get(server.base + "/bench/floor/") < 20 else 0
        except TimeoutError:  # still behind a queue of slow renders
            quick = 0
        time.sleep(0.1)


def against_floor(server: Server, path: str) -> dict:
    """The page's wrk run beside a floor run just before it: the page's figures plus `floor` and `ratio`."""
    settle(server)
    floor = wrk(server.base + "/bench/floor/", connections=CONNECTIONS, duration=DURATION)
    result = wrk(server.base + path, connections=CONNECTIONS, duration=DURATION)
    result["floor"] = floor["rps"]
    result["ratio"] = result["rps"] / floor["rps"]
    result["errors"] += floor["errors"]
    return result


def cached_runs(server: Server, pages: dict) -> dict:
    for path in pages.values():  # every worker holds each page
        for _ in range(WORKERS * 4):
            timed_get(server.base + path)
    results = {}
    for name, path in pages.items():
        print(f"  cached {name} ({path}) …", flush=True)
        results[name] = against_floor(server, path)
    return results


def uncached_runs(server: Server, pages: dict) -> dict:
    results = {}
    for name, path in pages.items():
        print(f"  uncached {name} ({path}{COLD}) …", flush=True)
        results[name] = against_floor(server, path + COLD)
    return results


def first_after_write(server: Server, pages: dict, event_id: int, rounds: int = 8) -> dict:
    """Median ms of each page's first request after an organizer's save in the admin, beside the floor's."""
    settle(server)
    organizer = Organizer(server.base, "bench", "bench-password-1")
    floor_ms = median_latency(server.base + "/bench/floor/", 100)
    timings: dict[str, list[float]] = {name: [] for name in pages}
    for number in range(rounds):
        status, _ = organizer.save_event(event_id, f"Benchmark meetup, save {number}")
        assert status == 302, f"admin save answered {status}"
        for name, path in pages.items():
            timings[name].append(timed_get(server.base + path))
    return {
        name: {
            "ms": statistics.median(values),
            "floor_ms": floor_ms,
            "ratio": floor_ms / statistics.median(values),
        }
        for name, values in timings.items()
    }


def mixed_run(server: Server, paths: list[str], event_ids: list[int]) -> dict:
    """wrk on pages and downloads with MIXED_CONNECTIONS - ORGANIZERS connections, while ORGANIZERS organizers
    save events in the admin, one save every 3 s each (over a save a second in all)."""
    settle(server)
    stop = threading.Event()
    saves: list[tuple[int, float]] = []

    def organize(number: int) -> None:
        organizer = Organizer(server.base, "bench", "bench-password-1")
        count = 0
        while not stop.is_set():
            count += 1
            event_id = event_ids[(number * 7 + count) % len(event_ids)]
            status, seconds = organizer.save_event(event_id, f"Busy evening {number}-{count}")
            saves.append((status, seconds * 1000))
            stop.wait(3)

    threads = [threading.Thread(target=organize, args=(number,)) for number in range(ORGANIZERS)]
    for thread in threads:
        thread.start()
    try:
        result = wrk(
            server.base + "/",
            connections=MIXED_CONNECTIONS - ORGANIZERS,
            duration=MIXED_DURATION,
            script=mixed_script(paths, WORK),
        )
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=120)
    save_ms = [ms for _, ms in saves]
    result["saves"] = len(saves)
    result["failed_saves"] = sum(status != 302 for status, _ in saves)
    result["save_p50"], result["save_p99"] = percentile(save_ms, 0.5), percentile(save_ms, 0.99)
    return result


def page_paths(data: dict) -> dict:
    return {
        "home": "/",
        "archive": "/archive/",
        f"event ({data['event_slug']})": f"/meetups/{data['event_slug']}/",
        "talk": data["talk_url"],
        "speaker": f"/speakers/{data['speaker_slug']}/",
        "api (default response)": "/api/events.json",
        "calendar (/calendar.ics)": "/calendar.ics",
    }


def mixed_paths(data: dict, pages: dict) -> list[str]:
    """Every page type, the pages of other meetups (many of them cold), and as many slide downloads."""
    paths = list(pages.values()) + data["other_pages"]
    downloads = data["downloads"]
    return paths + downloads * max(1, len(paths) // len(downloads))


def main() -> int:
    WORK.mkdir(parents=True, exist_ok=True)
    RESULTS.mkdir(parents=True, exist_ok=True)
    sqlite_url = f"sqlite:///{WORK / 'bench.sqlite3'}"
    print("Preparing SQLite: the history and the generated meetups …", flush=True)
    data = prepare_database(environment(sqlite_url), fresh_sqlite=WORK / "bench.sqlite3")
    pages = page_paths(data)
    runs: dict = {"data": data, "workers": WORKERS, "duration": DURATION, "connections": CONNECTIONS}

    print("Default cache (each worker's memory, the machine's generation file):", flush=True)
    with Server(environment(sqlite_url), WORKERS) as server:
        runs["cached_default"] = cached_runs(server, pages)
        runs["uncached"] = uncached_runs(server, pages)
        print("  first request after a write …", flush=True)
        runs["first_after_write"] = first_after_write(server, pages, data["event_id"])
        print(f"  mixed run, {MIXED_DURATION}, {MIXED_CONNECTIONS} connections …", flush=True)
        runs["mixed_sqlite"] = mixed_run(server, mixed_paths(data, pages), data["save_ids"])

    if REDIS_URL and redis_available(REDIS_URL, flush=True):
        print(f"Redis ({REDIS_URL}):", flush=True)
        with Server(environment(sqlite_url, REDIS_URL), WORKERS) as server:
            runs["cached_redis"] = cached_runs(server, pages)

    if os.environ.get("BENCH_CACHE_OPTIONS"):
        runs["cache_options"] = cache_options(sqlite_url, pages)

    if POSTGRES_URL and REDIS_URL and redis_available(REDIS_URL, flush=True):
        from bench.setup import postgres_database

        database_url = postgres_database(POSTGRES_URL)
        if database_url:
            print("Preparing PostgreSQL …", flush=True)
            pg_data = prepare_database(environment(database_url))
            print(f"PostgreSQL + Redis: mixed run, {MIXED_DURATION} …", flush=True)
            with Server(environment(database_url, REDIS_URL), WORKERS) as server:
                pg_pages = page_paths(pg_data)
                runs["mixed_postgres"] = mixed_run(
                    server, mixed_paths(pg_data, pg_pages), pg_data["save_ids"]
                )

    text, failures = report.render(runs)
    (RESULTS / "latest.md").write_text(text)
    (WORK / "latest.json").write_text(json.dumps(runs, indent=1))
    print("\n" + text)
    return 1 if failures else 0


def cache_options(sqlite_url: str, pages: dict) -> dict:
    """Cached hits with the shared Django caches a deployment could choose instead of the default."""
    from bench.setup import create_cache_table

    options = {
        "file-based cache": f"filecache://{WORK / 'filecache'}",
        "database cache (SQLite)": "dbcache://vdlm_page_cache",
    }
    create_cache_table(environment(sqlite_url, options["database cache (SQLite)"]))
    subset = {
        name: path for name, path in pages.items() if name in ("home", "archive") or name.startswith("event")
    }
    results = {}
    for name, url in options.items():
        print(f"{name}:", flush=True)
        with Server(environment(sqlite_url, url), WORKERS) as server:
            results[name] = cached_runs(server, subset)
    return results


if __name__ == "__main__":
    started = time.monotonic()
    status = main()
    print(f"bench took {time.monotonic() - started:.0f} s")
    sys.exit(status)
