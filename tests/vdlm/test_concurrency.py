"""The defaults under real concurrency: gunicorn with several workers on one SQLite file (and on PostgreSQL when
the suite runs there), the default page cache, organizers saving in the admin over HTTP while visitors download.

- An organizer's write is seen by every worker on the very next request (no worker serves its old copy).
- No save fails while downloads count themselves in the same database.
"""

import os
import subprocess
import sys
import threading
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest

from bench.client import Organizer
from bench.load import Server
from bench.setup import drop_postgres_database, postgres_database, run_python, site_environment

BASE_DIR = Path(__file__).resolve().parents[2]
WORKERS = 3
PASSWORD = "pw-organizer-1"

SETUP = """
import datetime, django
django.setup()
from django.contrib.auth.models import User
from django.core.management import call_command
call_command("migrate", verbosity=0)
call_command("collectstatic", "--noinput", verbosity=0)
from tests import factories
event = factories.make_event(number=900, slug="meetup-900", title="Meetup 900",
                             date=datetime.date.today() + datetime.timedelta(days=10))
for number in range(4):
    factories.make_talk(event=event, title=f"Talk {number}", slug=f"talk-{number}",
                        slides_url=f"https://example.org/{number}.pdf")
User.objects.create_superuser("olga", "olga@example.org", "PASSWORD")
print(event.pk)
""".replace("PASSWORD", PASSWORD)


# SQLite always; PostgreSQL too when the suite itself runs there (as CI's second run does). Each with the default
# page cache (each worker's memory) and with Redis.
DATABASES = (
    ["sqlite", "postgres"] if os.environ.get("DATABASE_URL", "").startswith("postgres") else ["sqlite"]
)
SET_UPS = [(database, cache) for database in DATABASES for cache in ("default-cache", "redis")]


@pytest.fixture(params=SET_UPS, ids="-".join)
def site(request, tmp_path):
    """gunicorn with WORKERS workers on a database of its own: (base URL, event id, environment)."""
    database, cache = request.param
    scratch = f"vdlm_concurrency_{uuid.uuid4().hex[:8]}"
    if database == "sqlite":
        database_url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    else:
        database_url = postgres_database(os.environ["DATABASE_URL"], scratch)
    env = site_environment(database_url, tmp_path)
    if cache == "redis":
        env["CACHE_URL"] = f"redis://127.0.0.1:{request.getfixturevalue('redis_server')[1]}/0"
    try:
        event_id = int(run_python(SETUP, env).split()[-1])
        with Server(env, WORKERS) as server:
            yield server.base, event_id, env, cache
    finally:
        if database != "sqlite":
            drop_postgres_database(os.environ["DATABASE_URL"], scratch)


def fetch(url: str) -> tuple[int, str, str]:
    """(status, X-Page-Cache, body) on a new connection, so that any worker may answer."""
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.headers.get("X-Page-Cache", ""), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("X-Page-Cache", ""), error.read().decode()


def cache_on_every_worker(url: str, cache: str) -> None:
    """Requests `url` until each worker holds the page: with the default cache each renders it once (one miss per
    worker); with Redis one renders it and the others keep a copy of it on their first request (30 requests)."""
    misses, expected = 0, WORKERS if cache == "default-cache" else 1
    for attempt in range(300):
        status, answer, _ = fetch(url)
        assert status == 200
        misses += answer == "miss"
        if misses == expected and attempt >= 30:
            return
    pytest.fail(f"{misses} misses on {url}, expected {expected}")


def test_every_worker_shows_an_admin_edit_and_an_unpublish_on_the_next_request(site):
    base, event_id, env, cache = site
    event_url, archive_url = base + "/meetups/meetup-900/", base + "/archive/"
    for url in (event_url, archive_url):
        cache_on_every_worker(url, cache)

    Organizer(base, "olga", PASSWORD).save_event(event_id, "Meetup 900: edited in the admin")

    answers = [fetch(event_url) for _ in range(30)]
    assert all(status == 200 and "edited in the admin" in body for status, _, body in answers)
    assert all("edited in the admin" in fetch(archive_url)[2] for _ in range(30))

    unpublish = (
        "from events.models import Event; Event.objects.filter(slug='meetup-900').update(status='draft')"
    )
    subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", unpublish], cwd=BASE_DIR, env=env, check=True, timeout=60
    )

    assert [fetch(event_url)[0] for _ in range(30)] == [404] * 30
    assert not any("meetup-900" in fetch(archive_url)[2] for _ in range(30))


def test_no_admin_save_fails_while_downloads_count(site):
    base, event_id, _, _ = site
    stop = threading.Event()
    downloads: list[int] = []

    def download(number: int) -> None:
        while not stop.is_set():
            request = urllib.request.Request(f"{base}/meetups/meetup-900/talks/talk-{number % 4}/slides/")
            try:
                urllib.request.build_opener(NoFollow).open(request, timeout=30)
            except urllib.error.HTTPError as error:
                downloads.append(error.code)

    threads = [threading.Thread(target=download, args=(number,)) for number in range(16)]
    for thread in threads:
        thread.start()
    try:
        organizer = Organizer(base, "olga", PASSWORD)
        saves = [organizer.save_event(event_id, f"Meetup 900, save {number}")[0] for number in range(15)]
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=60)

    assert saves == [302] * 15
    assert len(downloads) > 50
    assert set(downloads) == {302}


class NoFollow(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None
