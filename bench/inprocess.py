"""Where a page's time goes, without HTTP: each page type rendered through Django's whole handler and middleware
in one process, uncached, on the benchmark's data (the history plus 2,000 generated meetups). Prints the median
milliseconds per request, the SQL statements and their time on the raw cursor, beside the floor view; and what
the event page's data alone costs in the cheapest form the ORM offers (plain rows, no page).

    .venv/bin/python bench/inprocess.py

Not a target (the targets are `make bench`'s ratios under gunicorn); a tool to see whether a change to a page pays.
"""

import json
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.load import ROOT
from bench.setup import prepare_database, run_python, site_environment

WORK = ROOT / "build" / "bench-inprocess"

TIMING = """
import io, json, statistics, sys, time
import django
django.setup()
from django.core.handlers.wsgi import WSGIHandler
from django.db import connection

data = json.loads(DATA)
handler = WSGIHandler()
pages = {
    "floor": "/bench/floor/",
    "privacy note (no query)": "/privacy/registrations/",
    "home": "/",
    "archive": "/archive/",
    "event": f"/meetups/{data['event_slug']}/",
    "talk": data["talk_url"],
    "speaker": f"/speakers/{data['speaker_slug']}/",
    "api (default response)": "/api/events.json",
}


def get(path):
    environ = {
        "REQUEST_METHOD": "GET", "PATH_INFO": path, "QUERY_STRING": "bench=cold", "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "80", "HTTP_HOST": "127.0.0.1", "HTTP_ACCEPT_ENCODING": "gzip", "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(), "wsgi.errors": sys.stderr,
    }
    status = []
    b"".join(handler(environ, lambda line, headers, exc_info=None: status.append(line)))
    return status[0]


def statements(path):
    seen = []
    def keep(execute, sql, params, many, context):
        seen.append((sql, params))
        return execute(sql, params, many, context)
    with connection.execute_wrapper(keep):
        get(path)
    raw = 0.0
    with connection.cursor() as cursor:
        for sql, params in seen:
            started = time.perf_counter()
            cursor.execute(sql, params)
            cursor.fetchall()
            raw += time.perf_counter() - started
    return len(seen), raw * 1000


# The event page's data in the cheapest form the ORM offers (plain rows from seven values() queries: the meetup,
# agenda, speakers, sponsors, job posts, previous, next): what the ORM alone costs that page.
def event_page_rows(slug):
    from django.contrib.auth.models import AnonymousUser
    from events.models import AgendaSlot, Event, EventSponsor, JobPost
    from talks.models import TalkSpeaker

    public = AnonymousUser()
    visible = Event.objects.visible_to(public)
    event = visible.filter(slug=slug).values("pk", "date", "title", "number", "description", "venue__name")[0]
    in_event = {"event_id": event["pk"]}
    list(AgendaSlot.objects.filter(**in_event).values("start_time", "end_time", "kind", "title", "talk__title"))
    list(TalkSpeaker.objects.filter(talk__slot__event_id=event["pk"]).values("talk_id", "speaker__name"))
    list(EventSponsor.objects.filter(**in_event).values("sponsor__name", "sponsor__website", "role"))
    list(JobPost.objects.visible_to(public).open().filter(**in_event).values("title", "company", "url"))
    list(visible.filter(date__lt=event["date"]).order_by("-date").values("slug", "title")[:1])
    list(visible.filter(date__gt=event["date"]).order_by("date").values("slug", "title")[:1])


def median_ms(work):
    for _ in range(30):
        work()
    times = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        work()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


print("| page | ms per request | SQL statements | their time on the raw cursor (ms) |")
print("|---|---:|---:|---:|")
for name, path in pages.items():
    assert get(path).startswith("200"), (path, get(path))
    count, raw = statements(path)
    print(f"| {name} | {median_ms(lambda: get(path)):.2f} | {count} | {raw:.2f} |")
rows_ms = median_ms(lambda: event_page_rows(data["event_slug"]))
print(f"| event page's data alone, as plain rows (no page) | {rows_ms:.2f} | 7 | |")
"""


def main(rounds: int = 300) -> None:
    WORK.mkdir(parents=True, exist_ok=True)
    database = WORK / "bench.sqlite3"
    env = site_environment(f"sqlite:///{database}", WORK)
    print("Preparing the data …", flush=True)
    data = prepare_database(env, fresh_sqlite=database)
    code = TIMING.replace("DATA", repr(json.dumps(data))).replace("ROUNDS", str(rounds))
    print(run_python(code, env))


if __name__ == "__main__":
    main()
