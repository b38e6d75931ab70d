"""The registration benchmark (bench/registrations.py) in small: people registering and confirming all at once
over HTTP through gunicorn with three workers get exactly the seats there are, with no error."""

import os
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]


def test_registration_benchmark_fills_the_seats_exactly_through_gunicorn(tmp_path):
    report = tmp_path / "registrations.md"
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}

    done = subprocess.run(
        [sys.executable, "bench/registrations.py", "--people", "12", "--seats", "4", "--report", str(report)],
        cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip

    assert done.returncode == 0, done.stdout + done.stderr
    assert (
        "Result: 4 going, 8 waiting, 0 errors (expected 4 going, 8 waiting, 0 errors)." in report.read_text()
    )
