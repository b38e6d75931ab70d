"""The load benchmark (`make bench`): gunicorn on SQLite with the history plus 2,000 generated meetups, driven by wrk.

Reports requests per second and latency percentiles for the home page, the archive, an event page and the API,
beside the floor: a minimal Django view (/bench/floor/) served by the same gunicorn through the whole middleware
stack. Also times the archive's uncached render in-process. Results go to bench/results/ (git-ignored).

Why wrk: a C load generator that is packaged by Debian (`apt-get install wrk`) and costs far less CPU per request
than a Python client, so on a small machine the numbers measure the server, not the generator.
"""

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
PYTHON = sys.executable
DURATION = os.environ.get("BENCH_DURATION", "10s")
CONNECTIONS = os.environ.get("BENCH_CONNECTIONS", "16")
WORKERS = os.environ.get("BENCH_WORKERS", str(os.cpu_count() or 2))
GENERATED = int(os.environ.get("BENCH_EVENTS", "2000"))
TARGET_RATIO = 0.8
ARCHIVE_BUDGET_MS = 50


def environment(database: Path) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "vdlm.settings",
        "DATABASE_URL": f"sqlite:///{database}",
        "DJANGO_SECRET_KEY": "bench-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        "DJANGO_DEBUG": "0",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_SECURE_COOKIES": "0",
        "DJANGO_HSTS_SECONDS": "0",
        "DJANGO_STATIC_ROOT": str(RESULTS / "static"),
        "MEDIA_ROOT": str(RESULTS / "media"),
        "DJANGO_LOG_LEVEL": "ERROR",
        "VDLM_BENCH": "1",
    }


SETUP = """
import django, statistics, time
django.setup()
from django.core.management import call_command
from bench.generate import generate_events
from events.models import Event
call_command("migrate", verbosity=0)
call_command("load_history", verbosity=0)
history = Event.objects.count()
generate_events({generated})
print("events", history, Event.objects.count())
from common.visibility import PUBLIC
public = Event.objects.visible_to(PUBLIC)
slug = (public.filter(slug="meetup-44").values_list("slug", flat=True).first()
        or public.exclude(slug__startswith="generated-").values_list("slug", flat=True).first()
        or "generated-1")
print("event", slug)
"""

ARCHIVE_RENDER = """
import django, statistics, time
django.setup()
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from events.views.meetups import ArchiveView

view = ArchiveView.as_view()
def render():
    request = RequestFactory().get("/archive/", HTTP_HOST="127.0.0.1")
    request.user = AnonymousUser()
    response = view(request)
    response.render()
    return response
render()
timings = []
for _ in range(15):
    started = time.perf_counter()
    with CaptureQueriesContext(connection) as queries:
        response = render()
    timings.append((time.perf_counter() - started) * 1000)
print("archive_ms", statistics.median(timings), min(timings), len(queries), len(response.content))
"""


def run_python(code: str, env: dict) -> str:
    done = subprocess.run([PYTHON, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(done.stderr)
    return done.stdout


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"gunicorn did not answer at {url}")


def to_ms(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def wrk(url: str) -> dict:
    output = subprocess.run(
        # Browsers always accept gzip; so does the benchmark's client.
        [
            "wrk",
            "--latency",
            "-H",
            "Accept-Encoding: gzip, deflate, br",
            "-t2",
            f"-c{CONNECTIONS}",
            f"-d{DURATION}",
            url,
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    percentiles = dict(re.findall(r"^\s+(50|75|90|99)%\s+(\S+)$", output, re.MULTILINE))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output)[1]),
        "requests": int(re.search(r"(\d+) requests in", output)[1]),
        "p50": to_ms(percentiles["50"]),
        "p90": to_ms(percentiles["90"]),
        "p99": to_ms(percentiles["99"]),
        "errors": (int(non_2xx[1]) if non_2xx else 0)
        + (sum(map(int, socket_errors.groups())) if socket_errors else 0),
    }


def main() -> int:
    if not shutil.which("wrk"):
        print("wrk is missing: apt-get install -y wrk", file=sys.stderr)
        return 2
    RESULTS.mkdir(parents=True, exist_ok=True)
    database = RESULTS / "bench.sqlite3"
    database.unlink(missing_ok=True)
    env = environment(database)

    print(f"Preparing {database.name}: migrate, the history, {GENERATED} generated meetups …", flush=True)
    setup = dict(
        line.split(" ", 1) for line in run_python(SETUP.format(generated=GENERATED), env).splitlines()
    )
    history, total = setup["events"].split()
    event_slug = setup["event"]
    subprocess.run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
    archive_ms, archive_min_ms, archive_queries, archive_bytes = run_python(ARCHIVE_RENDER, env).split()[1:]

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [
            str(Path(PYTHON).with_name("gunicorn")),
            "vdlm.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            WORKERS,
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    pages = {
        "floor (/bench/floor/)": "/bench/floor/",
        "home": "/",
        "archive": "/archive/",
        f"event ({event_slug})": f"/meetups/{event_slug}/",
        "api (/api/events.json)": "/api/events.json",
    }
    results = {}
    try:
        wait_for(base + "/bench/floor/")
        for path in pages.values():  # warm every worker's cache
            for _ in range(int(WORKERS) * 4):
                urllib.request.urlopen(base + path, timeout=30).read()
        for name, path in pages.items():
            print(f"wrk {DURATION} on {path} …", flush=True)
            results[name] = wrk(base + path)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)

    floor = results["floor (/bench/floor/)"]["rps"]
    lines = [
        f"# vdlm benchmark, {time.strftime('%Y-%m-%d %H:%M')}",
        "",
        f"SQLite, {history} historic + {int(total) - int(history)} generated events; gunicorn with {WORKERS} sync "
        f"workers; wrk -t2 -c{CONNECTIONS} -d{DURATION} on the same machine ({os.cpu_count()} CPUs).",
        "",
        "| page | req/s | of floor | p50 ms | p90 ms | p99 ms | errors |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    failures = []
    for name, result in results.items():
        ratio = result["rps"] / floor
        lines.append(
            f"| {name} | {result['rps']:.0f} | {ratio:.0%} | {result['p50']:.2f} | {result['p90']:.2f} "
            f"| {result['p99']:.2f} | {result['errors']} |"
        )
        if result["errors"]:
            failures.append(f"{name}: {result['errors']} error responses")
        if not name.startswith("floor") and ratio < TARGET_RATIO:
            failures.append(f"{name}: {ratio:.0%} of the floor (target {TARGET_RATIO:.0%})")
    lines += [
        "",
        f"Archive, uncached render in-process: median {float(archive_ms):.1f} ms (best {float(archive_min_ms):.1f} ms), "
        f"{archive_queries} queries, {int(archive_bytes) // 1024} KiB (target < {ARCHIVE_BUDGET_MS} ms).",
    ]
    if float(archive_ms) >= ARCHIVE_BUDGET_MS:
        failures.append(f"archive uncached render {float(archive_ms):.1f} ms")
    lines += ["", "Targets met." if not failures else "Targets missed: " + "; ".join(failures)]
    report = "\n".join(lines) + "\n"
    (RESULTS / "latest.md").write_text(report)
    print("\n" + report)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
