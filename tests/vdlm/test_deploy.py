"""The project as an operator runs it: production settings, gunicorn, a real HTTP request."""

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from bench.load import free_port

BASE_DIR = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "a-real-looking-production-key-" + "x7Qp2LmZ9rT4vW8yB1nC5kD3fG6hJ0sA" * 2,
    "DJANGO_ALLOWED_HOSTS": "meetup.example.org,127.0.0.1",
}


def run_manage(*args, env, **kwargs):
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
        **kwargs,
    )


def test_check_deploy_is_clean_under_production_settings():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_production_refuses_to_start_without_secret_key():
    env = {**PRODUCTION_ENV, "DJANGO_SECRET_KEY": ""}
    result = run_manage("check", env=env)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_site_starts_under_gunicorn_and_serves_a_page(tmp_path):
    env = {
        **PRODUCTION_ENV,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "DJANGO_STATIC_ROOT": str(tmp_path / "static"),
        "MEDIA_ROOT": str(tmp_path / "media"),
        "DJANGO_SECURE_SSL_REDIRECT": "0",
    }
    assert run_manage("migrate", "--noinput", env=env).returncode == 0
    assert run_manage("collectstatic", "--noinput", env=env).returncode == 0
    port = free_port()
    gunicorn = Path(sys.executable).with_name("gunicorn")
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    server = subprocess.Popen(
        [str(gunicorn), "vdlm.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
        cwd=BASE_DIR,
        env={**clean, **env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        body = ""
        for _ in range(100):
            try:
                # As behind the TLS-terminating proxy, which says so in X-Forwarded-Proto.
                request = urllib.request.Request(
                    f"http://127.0.0.1:{port}/", headers={"X-Forwarded-Proto": "https"}
                )
                with urllib.request.urlopen(request, timeout=5) as response:
                    status, body = response.status, response.read().decode()
                    headers = response.headers
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail(f"gunicorn did not answer: {server.stderr.read1().decode() if server.poll() else ''}")
        assert status == 200
        assert "Vienna Deep Learning Meetup" in body
        assert headers["Strict-Transport-Security"].startswith("max-age=31536000")
        css = body.split('href="/static/css/', 1)[1].split('"', 1)[0]
        assert css.startswith("site.") and css.endswith(".css")  # hashed name from the manifest
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/static/css/{css}", timeout=5) as response:
            assert response.status == 200
    finally:
        server.terminate()
        server.wait(timeout=10)
