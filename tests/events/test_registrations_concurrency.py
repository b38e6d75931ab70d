"""No two registrations ever take the same last seat: confirmations and cancellations at the same moment, from
several processes with several threads each (a connection each), on a database of their own.

SQLite in both transaction modes (DEFERRED, Django's default, and IMMEDIATE, which the settings may choose), and
PostgreSQL when the suite runs there (DATABASE_URL=postgres://…, as CI's second run does).
"""

import json
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from bench.setup import drop_postgres_database, postgres_database, site_environment

BASE_DIR = Path(__file__).resolve().parents[2]
SEATS = 10
PEOPLE = 30
PROCESSES = 3

SETUP = f"""
import django
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from events.services.registrations import register
from tests.factories import make_event
event = make_event(title="Meetup 90", slug="meetup-90", capacity={SEATS})
print(event.pk, [register(event=event, name=f"Person {{n}}", email=f"p{{n}}@example.org").registration.pk
                 for n in range({PEOPLE})])
"""

# Each thread waits for the same moment, then confirms (or cancels) its registration on its own connection.
WORKER = """
import json, sys, threading, time
import django
django.setup()
from django.db import connections
from events.models import Registration
from events.services.registrations import registration_cancel, registration_confirm

action, start, ids = sys.argv[1], float(sys.argv[2]), json.loads(sys.argv[3])
change = {"confirm": registration_confirm, "cancel": registration_cancel}[action]
results = []

def work(pk):
    try:
        registration = Registration.objects.get(pk=pk)
        time.sleep(max(0, start - time.time()))
        change(registration=registration)
        results.append("ok")
    except Exception as error:
        results.append(f"{type(error).__name__}: {error}")
    finally:
        connections.close_all()

threads = [threading.Thread(target=work, args=(pk,)) for pk in ids]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print(json.dumps(results))
"""

CHECK = """
import json, django
django.setup()
from events.models import Registration
print(json.dumps(list(Registration.objects.order_by("pk").values_list("pk", "status", "queue_number"))))
"""


DATABASES = ["sqlite-deferred", "sqlite-immediate"]
if os.environ.get("DATABASE_URL", "").startswith("postgres"):
    DATABASES.append("postgres")


@pytest.fixture(params=DATABASES)
def database(request, tmp_path):
    """(environment for the processes, event id, registration ids): everybody registered, nobody confirmed."""
    scratch = f"vdlm_seats_{uuid.uuid4().hex[:8]}"
    if request.param.startswith("sqlite"):
        mode = request.param.split("-")[1].upper()
        # Thirty writers queue at once here (a site has as many as gunicorn workers): each may wait its turn up to
        # 20 s, as a SQLite writer may in production, not sqlite3's default 5 s, on a machine shared with others.
        url = f"sqlite:///{tmp_path / 'db.sqlite3'}?transaction_mode={mode}&timeout=20"
    else:
        url = postgres_database(os.environ["DATABASE_URL"], scratch)
    env = site_environment(url, tmp_path, EMAIL_URL="dummymail://")
    try:
        done = run(SETUP, env)
        event_id, ids = done.split(" ", 1)
        yield env, int(event_id), json.loads(ids)
    finally:
        if request.param == "postgres":
            drop_postgres_database(os.environ["DATABASE_URL"], scratch)


def run(code: str, env: dict, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def all_at_once(env: dict, action: str, ids: list[int]) -> list[str]:
    """Runs `action` on every registration, split over PROCESSES processes of one thread per registration."""
    start = str(time.time() + 4)  # after every process has started Django
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, action, start, json.dumps(ids[n::PROCESSES])],
            cwd=BASE_DIR,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )  # fmt: skip
        for n in range(PROCESSES)
    ]
    results = []
    for worker in workers:
        out, err = worker.communicate(timeout=180)
        assert worker.returncode == 0, err
        results += json.loads(out)
    return results


def registrations(env: dict) -> dict[int, tuple[str, int | None]]:
    return {pk: (status, place) for pk, status, place in json.loads(run(CHECK, env))}


def test_seats_go_once_each_when_everybody_confirms_and_then_six_cancel_at_the_same_moment(database):
    env, _, ids = database

    confirmed = all_at_once(env, "confirm", ids)

    assert confirmed == ["ok"] * PEOPLE
    before = registrations(env)
    rows = before.values()
    assert sum(status == "going" for status, _ in rows) == SEATS
    assert sum(status == "waiting" for status, _ in rows) == PEOPLE - SEATS
    assert sorted(place for _, place in rows) == list(range(1, PEOPLE + 1))
    # The seats went to the first in line: places 1 to SEATS.
    assert sorted(place for status, place in rows if status == "going") == list(range(1, SEATS + 1))

    seated = [pk for pk, (status, _) in before.items() if status == "going"]
    cancelled = all_at_once(env, "cancel", seated[:6])

    assert cancelled == ["ok"] * 6
    after = registrations(env)
    promoted = [
        place for pk, (status, place) in after.items() if status == "going" and before[pk][0] == "waiting"
    ]
    assert sorted(promoted) == list(range(SEATS + 1, SEATS + 7))
    assert sum(status == "going" for status, _ in after.values()) == SEATS
