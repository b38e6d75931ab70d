"""/healthz: what a load balancer asks before sending visitors to this machine."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[2]

ASK_HEALTHZ = """
import django, json
django.setup()
from django.test import Client
response = Client(HTTP_HOST="localhost").get("/healthz")
print(json.dumps({"status": response.status_code, "body": response.json()}))
"""


def healthz_in_a_process(**environment) -> dict:
    """/healthz of a site started with `environment` (a real failing database or cache, not a stand-in)."""
    clean = {
        k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "CACHE_URL"))
    }
    done = subprocess.run(
        [sys.executable, "-c", ASK_HEALTHZ],
        cwd=BASE_DIR,
        env={
            **clean,
            "DJANGO_SETTINGS_MODULE": "vdlm.settings",
            "DJANGO_DEBUG": "1",
            "DJANGO_LOG_LEVEL": "CRITICAL",
            **environment,
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.django_db
def test_healthz_reports_database_and_cache_ok(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"database": "ok", "cache": "ok"}
    assert "no-cache" in response.headers["Cache-Control"]


def test_healthz_answers_503_when_the_database_is_down(tmp_path):
    answer = healthz_in_a_process(DATABASE_URL=f"sqlite:///{tmp_path}/missing-folder/db.sqlite3")

    assert answer["status"] == 503
    assert answer["body"]["database"].startswith("unavailable")


def test_healthz_stays_200_when_only_the_cache_is_down(tmp_path):
    database = tmp_path / "db.sqlite3"
    database.touch()

    answer = healthz_in_a_process(DATABASE_URL=f"sqlite:///{database}", CACHE_URL="redis://127.0.0.1:1/0")

    assert answer["status"] == 200
    assert answer["body"]["database"] == "ok"
    assert answer["body"]["cache"].startswith("unavailable")
