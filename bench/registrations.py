"""The registration benchmark: 200 people register at once for 60 seats, then all confirm at once, over HTTP
through gunicorn (3 workers), as browsers do it (the form page for its CSRF token, the form, the page after it).

Passes with exactly 60 going, 140 waiting and 0 errors, and reports the time each wave took. SQLite by default (a
fresh file); PostgreSQL when DATABASE_URL says so (a fresh database next to the one named, dropped afterwards).
The site writes its mails to files (EMAIL_URL=filemail://), which the benchmark reads for each person's
confirmation link, as a person reads their inbox. The report goes to bench/results/registrations.md.

    .venv/bin/python bench/registrations.py [--people 200] [--seats 60] [--workers 3] [--report PATH]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python bench/registrations.py
"""

import argparse
import email
import email.policy
import http.cookiejar
import json
import os
import re
import shutil
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.load import ROOT, Server, free_port
from bench.setup import drop_postgres_database, postgres_database, run_python, site_environment

RESULTS = ROOT / "bench" / "results"

SETUP = """
import datetime, django
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
call_command("collectstatic", "--noinput", verbosity=0)
from events.models import Event
event = Event.objects.create(title="Meetup 90", slug="meetup-90", status="published", capacity={seats},
                             date=datetime.date.today() + datetime.timedelta(days=10),
                             start_time=datetime.time(18, 30))
print(event.slug)
"""

COUNT = """
import json, django
django.setup()
from django.db.models import Count
from events.models import Registration
print(json.dumps(dict(Registration.objects.values_list("status").annotate(n=Count("pk")))))
"""


class Person:
    """One browser: its own cookies; a form page is read for its CSRF token, then the form is sent."""

    def __init__(self, base: str, n: int):
        self.base = base
        self.email = f"person{n}@example.org"
        self.name = f"Person {n}"
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def open(self, url: str, data: dict | None = None) -> tuple[int, str, str]:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        try:
            with self.opener.open(url, body, timeout=300) as response:
                return response.status, response.url, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, url, error.read().decode(errors="replace")

    def send_form(self, url: str, fields: dict, expected_path: str) -> str:
        """'ok', or what went wrong."""
        status, _, page = self.open(url)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        if status != 200 or not token:
            return f"GET {url}: {status}"
        status, final, _ = self.open(url, {**fields, "csrfmiddlewaretoken": token.group(1)})
        if status != 200 or expected_path not in final:
            return f"POST {url}: {status} at {final}"
        return "ok"

    def register(self, slug: str) -> str:
        fields = {"name": self.name, "email": self.email, "company": "Bench", "consent": "on"}
        return self.send_form(f"{self.base}/meetups/{slug}/register/", fields, "/register/sent/")

    def confirm(self, link: str) -> str:
        return self.send_form(link, {}, "/registrations/")


def all_at_once(people: list[Person], work) -> tuple[list[str], float]:
    """Runs `work(person)` for everybody at the same moment (a thread each); (results, seconds)."""
    results = ["not run"] * len(people)
    ready = threading.Barrier(len(people) + 1)

    def run(index, person):
        ready.wait()
        try:
            results[index] = work(person)
        except Exception as error:  # a failed request is a result to report, not a crash
            results[index] = f"{type(error).__name__}: {error}"

    threads = [threading.Thread(target=run, args=item) for item in enumerate(people)]
    for thread in threads:
        thread.start()
    ready.wait()
    started = time.perf_counter()
    for thread in threads:
        thread.join()
    return results, time.perf_counter() - started


def confirmation_links(mails: Path) -> dict[str, str]:
    """Each address's confirmation link, from the mails the site wrote (Django's file backend: one file per
    connection, messages separated by a line of 79 dashes)."""
    links = {}
    for path in mails.glob("*.log"):
        for raw in path.read_bytes().split(b"\n" + b"-" * 79 + b"\n"):
            if not raw.strip():
                continue
            message = email.message_from_bytes(raw, policy=email.policy.default)
            text = message.get_body(("plain",)).get_content()
            if found := re.search(r"http://\S+/registrations/confirm/\S+/", text):
                links[message["To"]] = found.group(0)
    return links


def errors_of(results: list[str]) -> list[str]:
    return [result for result in results if result != "ok"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--people", type=int, default=200)
    parser.add_argument("--seats", type=int, default=60)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--report", type=Path, default=RESULTS / "registrations.md")
    args = parser.parse_args()

    given_url = os.environ.get("DATABASE_URL", "")
    work = Path(tempfile.mkdtemp(prefix="vdlm-bench-registrations-"))
    port = free_port()
    dropped = None
    if given_url.startswith("postgres"):
        dropped = f"vdlm_bench_{uuid.uuid4().hex[:8]}"
        database_url, engine = postgres_database(given_url, dropped), "PostgreSQL"
        if database_url is None:
            raise SystemExit(f"No PostgreSQL answers at {given_url}.")
    else:
        database_url, engine = f"sqlite:///{work / 'db.sqlite3'}", "SQLite"
    env = site_environment(
        database_url,
        work,
        EMAIL_URL=f"filemail:///{work / 'mails'}",
        VDLM_SITE_URL=f"http://127.0.0.1:{port}",
        # Every request comes from this one machine: the per-address throttle stays on, with room for all.
        VDLM_REGISTRATION_LIMIT_PER_IP="100000",
    )
    try:
        print(f"Preparing {engine}: migrate, collectstatic, a meetup with {args.seats} seats …", flush=True)
        slug = run_python(SETUP.format(seats=args.seats), env)
        with Server(env, args.workers, port=port) as server:
            people = [Person(server.base, n) for n in range(args.people)]
            print(f"{args.people} registrations at once …", flush=True)
            registered, register_seconds = all_at_once(people, lambda person: person.register(slug))
            links = confirmation_links(work / "mails")
            print(f"{len(links)} confirmation mails; {args.people} confirmations at once …", flush=True)
            confirmed, confirm_seconds = all_at_once(
                people,
                lambda person: person.confirm(links[person.email]) if person.email in links else "no mail",
            )
        counts = json.loads(run_python(COUNT, env))
    finally:
        if dropped:
            drop_postgres_database(given_url, dropped)
        shutil.rmtree(work, ignore_errors=True)

    errors = errors_of(registered) + errors_of(confirmed)
    going, waiting = counts.get("going", 0), counts.get("waiting", 0)
    expected = (args.seats, args.people - args.seats, 0)
    lines = [
        f"# vdlm registration benchmark, {time.strftime('%Y-%m-%d %H:%M')}",
        "",
        f"{engine}; gunicorn with {args.workers} sync workers; {args.people} clients at once (a thread each, "
        f"on the same machine, {os.cpu_count()} CPUs), each: form page, form, the page it leads to.",
        "",
        "| wave | people | seconds | people/s | errors |",
        "|---|---:|---:|---:|---:|",
        f"| register | {args.people} | {register_seconds:.2f} | {args.people / register_seconds:.0f} "
        f"| {len(errors_of(registered))} |",
        f"| confirm (from the mailed link) | {args.people} | {confirm_seconds:.2f} "
        f"| {args.people / confirm_seconds:.0f} | {len(errors_of(confirmed))} |",
        "",
        f"Result: {going} going, {waiting} waiting, {len(errors)} errors "
        f"(expected {expected[0]} going, {expected[1]} waiting, 0 errors).",
    ]
    if errors:
        lines += ["", "First errors:", *(f"- {error}" for error in errors[:5])]
    passed = (going, waiting, len(errors)) == expected
    lines += ["", "Target met." if passed else "Target missed."]
    report = "\n".join(lines) + "\n"
    args.report.parent.mkdir(parents=True, exist_ok=True)
    args.report.write_text(report)
    print("\n" + report)
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
