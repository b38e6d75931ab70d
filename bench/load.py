"""The benchmark's tools: gunicorn started and stopped, wrk run and read, a mixed-traffic wrk script, and the
sequential client that times first requests after a write.

Why wrk: a C load generator packaged by Debian (`apt-get install wrk`) that costs far less CPU per request than a
Python client, so on a small machine the numbers measure the server, not the generator.
"""

import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """gunicorn serving vdlm with `workers` sync workers and `env` (a `bench.setup.site_environment`), on `port` or
    a free one, until stopped."""

    def __init__(self, env: dict, workers: int, *, port: int | None = None):
        self.port = port or free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [GUNICORN, "vdlm.wsgi", "--bind", f"127.0.0.1:{self.port}", "--workers", str(workers)]
            + ["--log-level", "warning", "--timeout", "120"],
            cwd=ROOT,
            env=env,
            start_new_session=True,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.base + "/bench/floor/", timeout=2):
                    return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise SystemExit(f"gunicorn did not answer at {self.base}")

    def stop(self) -> None:
        os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(timeout=30)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()


def to_ms(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def wrk(url: str, *, connections: int, duration: str, script: Path | None = None) -> dict:
    """One wrk run (gzip accepted, as by every browser): req/s, requests, p50/p90/p99 in ms, errors."""
    command = ["wrk", "--latency", "-H", "Accept-Encoding: gzip, deflate, br", "-t2", f"-c{connections}"]
    command += [f"-d{duration}", "--timeout", "30s"]
    if script:
        command += ["-s", str(script)]
    output = subprocess.run([*command, url], check=True, capture_output=True, text=True).stdout
    percentiles = dict(re.findall(r"^\s+(50|75|90|99)(?:\.000)?%\s+(\S+)\s*$", output, re.MULTILINE))
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


def mixed_script(paths: list[str], folder: Path) -> Path:
    """A wrk script that sends each connection's requests round the given paths (pages and downloads)."""
    quoted = ", ".join(f'"{path}"' for path in paths)
    script = folder / "mixed.lua"
    script.write_text(
        f"local paths = {{{quoted}}}\n"
        "local counter = 0\n"
        "math.randomseed(os.time())\n"
        "request = function()\n"
        "  counter = counter + 1\n"
        "  return wrk.format('GET', paths[math.random(#paths)])\n"
        "end\n"
    )
    return script


def timed_get(url: str) -> float:
    """Milliseconds for one GET on a new connection (the status must be 200)."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
    started = time.perf_counter()
    with urllib.request.urlopen(request, timeout=60) as response:
        response.read()
        assert response.status == 200, url
    return (time.perf_counter() - started) * 1000


def median_latency(url: str, count: int) -> float:
    return statistics.median(timed_get(url) for _ in range(count))


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))] if ordered else 0.0


def wait_healthy(url: str) -> None:
    try:
        urllib.request.urlopen(url, timeout=5).read()
    except urllib.error.URLError as error:
        raise SystemExit(f"{url} did not answer: {error}") from error
