"""The benchmark's data: a database with the history plus the generated meetups, an organizer, a few slide files,
and the addresses the runs request. Run in a child process with the benchmark's environment."""

import json
import os
import subprocess
import sys
from pathlib import Path

from bench.load import ROOT

GENERATED = int(os.environ.get("BENCH_EVENTS", "2000"))

SETUP = """
import io, json, django
django.setup()
from django.contrib.auth.models import User
from django.core.files.base import ContentFile
from django.core.management import call_command
from pypdf import PdfWriter
from bench.generate import generate_events
from common.visibility import PUBLIC
from events.models import Event
from talks.models import Talk
from talks.services import talk_attach_slides

call_command("migrate", verbosity=0)
call_command("collectstatic", "--noinput", verbosity=0)
call_command("load_history", verbosity=0)
history = Event.objects.count()
generate_events(GENERATED)
User.objects.create_superuser("bench", "bench@example.org", "bench-password-1")

public = Event.objects.visible_to(PUBLIC)
event = public.filter(slug="meetup-44").first() or public.exclude(slug__startswith="generated-").first()
talk = Talk.objects.filter(slot__event=event).exclude(speakers=None).select_related("slot__event").first()
speaker = talk.speakers.first()
generated = list(public.filter(slug__startswith="generated-").order_by("number").values_list("id", "slug")[:40])
talks = list(Talk.objects.filter(slot__event__slug__startswith="generated-").select_related("slot__event")[:13])
pdf = io.BytesIO()
writer = PdfWriter()
writer.add_blank_page(width=612, height=792)
writer.write(pdf)
for served in talks[:3]:
    talk_attach_slides(talk=served, file=ContentFile(pdf.getvalue(), name="slides.pdf"))
print(json.dumps({
    "history": history,
    "generated": Event.objects.count() - history,
    "event_slug": event.slug,
    "talk_url": talk.get_absolute_url(),
    "speaker_slug": speaker.slug,
    "event_id": generated[0][0],
    "save_ids": [pk for pk, _ in generated[1:21]],
    "other_pages": [f"/meetups/{slug}/" for _, slug in generated[21:31]]
    + [t.get_absolute_url() for t in talks[3:13]],
    "downloads": [t.get_slides_url() for t in talks],
}))
"""


def site_environment(database_url: str, work: Path, **settings: str) -> dict:
    """A production-like site for the benchmarks (no debug, no HTTPS on the loopback, the floor view on) on
    `database_url`, with its static and media files under `work`: this process's environment without the caller's
    own site settings; `settings` adds or overrides (CACHE_URL, EMAIL_URL…)."""
    own = ("DJANGO_", "DATABASE_URL", "CACHE_URL", "EMAIL_URL", "VDLM_")
    return {key: value for key, value in os.environ.items() if not key.startswith(own)} | {
        "DJANGO_SETTINGS_MODULE": "vdlm.settings",
        "PYTHONPATH": str(ROOT),
        "DATABASE_URL": database_url,
        "DJANGO_SECRET_KEY": "bench-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        "DJANGO_DEBUG": "0",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_SECURE_COOKIES": "0",
        "DJANGO_HSTS_SECONDS": "0",
        "DJANGO_STATIC_ROOT": str(work / "static"),
        "MEDIA_ROOT": str(work / "media"),
        "DJANGO_LOG_LEVEL": "ERROR",
        "VDLM_BENCH": "1",
        **settings,
    }


def run_python(code: str, env: dict) -> str:
    """`code` run by a child Python in the site's environment `env`: what it printed; its errors end the run."""
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(done.stderr)
    return done.stdout.strip()


def prepare_database(env: dict, *, fresh_sqlite=None, generated: int = GENERATED) -> dict:
    """Builds the database named in env["DATABASE_URL"] and returns what the runs request."""
    if fresh_sqlite is not None:
        for suffix in ("", "-wal", "-shm", ".page-generation"):
            fresh_sqlite.with_name(fresh_sqlite.name + suffix).unlink(missing_ok=True)
    return json.loads(run_python(SETUP.replace("GENERATED", str(generated)), env).splitlines()[-1])


def redis_available(url: str, *, flush: bool = False) -> bool:
    """Whether Redis answers at `url`; with `flush`, empties that database (the benchmark's own) first."""
    import redis

    try:
        client = redis.Redis.from_url(url, socket_connect_timeout=2)
        client.ping()
        if flush:
            client.flushdb()
    except redis.RedisError:
        return False
    return True


def postgres_database(url: str, name: str = "vdlm_bench") -> str | None:
    """The URL of a new, empty PostgreSQL database `name` beside `url` (dropped first if a run left it), or None
    when no server answers there."""
    import psycopg

    try:
        with psycopg.connect(url, autocommit=True, connect_timeout=3) as connection:
            connection.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
            connection.execute(f"CREATE DATABASE {name}")
    except psycopg.Error:
        return None
    return url.rsplit("/", 1)[0] + "/" + name


def drop_postgres_database(url: str, name: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def create_cache_table(env: dict) -> None:
    subprocess.run([sys.executable, "manage.py", "createcachetable"], cwd=ROOT, env=env, check=True)
