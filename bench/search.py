"""The search benchmark: p50 and p99 of a search, on the history plus 10,000 generated talks with slide text.

Runs on SQLite (a fresh file in build/bench/search/) and, when one answers, on PostgreSQL (a scratch database
`vdlm_search_bench`, created and dropped; the server from SEARCH_BENCH_POSTGRES, default
postgres://postgres@127.0.0.1:5432/postgres). Each database is built by a child process: migrate, the history,
then the generated talks, bulk-created — the database's triggers index them as they arrive (the time that takes
is reported too). Then the search page is rendered in-process (view, five queries, excerpts, template) for a mix
of queries: names in any spelling, rare and common words, several words, a prefix, slide-only words, no match.

    .venv/bin/python bench/search.py           # SEARCH_BENCH_TALKS=2000 for a quicker run

The report goes to bench/results/search.md (git-ignored) and stdout.
"""

import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.load import ROOT, percentile
from bench.setup import drop_postgres_database, postgres_database, run_python, site_environment

RESULTS = ROOT / "bench" / "results"
WORK = ROOT / "build" / "bench" / "search"  # the databases, media and static files of a run
TALKS = int(os.environ.get("SEARCH_BENCH_TALKS", "10000"))
ROUNDS = int(os.environ.get("SEARCH_BENCH_ROUNDS", "20"))
POSTGRES = os.environ.get("SEARCH_BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432/postgres")
SCRATCH_DATABASE = "vdlm_search_bench"

# What people type: names in several spellings, rare and common words, phrases, a prefix, words only in slides.
QUERIES = [
    "schlueter",
    "SCHLÜTER",
    "Rene Donner",
    "dvorak",
    "backpropagation",
    "gradient boosting",
    "classification",
    "learning",
    "deep learning",
    "attention transformers vision",
    "trans",
    "reinforcement policy gradient",
    "quantization",
    "zzzqqq",
]

VOCABULARY = (
    "model models learning deep neural network networks training data dataset loss gradient descent optimizer "
    "attention transformer transformers vision language audio speech graph reinforcement policy reward agent "
    "embedding embeddings representation representations convolution convolutional recurrent sequence token "
    "tokens inference latency throughput quantization pruning distillation benchmark evaluation accuracy "
    "precision recall classification regression segmentation detection generation diffusion sampling prior "
    "posterior bayesian uncertainty calibration robustness fairness privacy federated clients server cluster "
    "gpu memory batch epoch learning-rate schedule warmup regularization dropout normalization residual layer "
    "encoder decoder retrieval augmented context window prompt fine-tuning adapter lora baseline ablation "
    "results future work questions thanks vienna university company team product customers production pipeline "
    "monitoring drift features labels annotation weak supervision contrastive self-supervised masked "
    "autoregressive forecasting time series anomaly boosting trees ensemble kernel svm linear logistic"
)
PEOPLE = (
    "Anna Berger Jan Schlüter Lukas Müller Sophie Gruber Tomáš Dvořák Lena Hofer Jürgen Weiß Marie Huber "
    "Zoë Fischer Paul Wagner Eva Pichler Felix Steiner Nina Moser Ömer Özdemir Lucía García Søren Nielsen"
)
WORDS, NAMES = VOCABULARY.split(), PEOPLE.split()


BUILD = """
import django, os, random, time
django.setup()
from django.core.management import call_command
from django.db import connection
call_command("migrate", verbosity=0)
call_command("load_history", verbosity=0)
call_command("collectstatic", interactive=False, verbosity=0)
from bench.search import generate_talks
started = time.perf_counter()
generate_talks({talks})
print("generate_s", time.perf_counter() - started)
with connection.cursor() as cursor:
    if connection.vendor == "postgresql":
        cursor.execute("ANALYZE")  # as autovacuum does soon after a bulk load
    cursor.execute("SELECT COUNT(*) FROM events_searchindex")
    print("index_rows", cursor.fetchone()[0])
"""

MEASURE = """
import django, json, statistics, time
django.setup()
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from events.views.search import SearchView
queries = {queries}
view = SearchView.as_view()
factory = RequestFactory()
def render(query):
    request = factory.get("/search/", {{"q": query}}, HTTP_HOST="127.0.0.1")
    request.user = AnonymousUser()
    response = view(request)
    response.render()
    return response
for query in queries:
    render(query)  # warm
timings = {{query: [] for query in queries}}
counts = {{}}
for _ in range({rounds}):
    for query in queries:
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as captured:
            response = render(query)
        timings[query].append((time.perf_counter() - started) * 1000)
        counts[query] = (len(captured), response.content.decode().count('<li class="result'))
print(json.dumps({{"timings": timings, "counts": counts}}))
"""


def generate_talks(count: int) -> None:
    """`count` published talks with ~2,000 characters of slide text each, two per generated meetup, with
    generated speakers (accents included), bulk-created as an import would write them."""
    import datetime

    from events.enums import EventStatus, SlotKind
    from events.models import AgendaSlot, Event
    from talks.models import Speaker, Talk, TalkSpeaker

    rng = random.Random(2016)
    events = Event.objects.bulk_create(
        Event(
            number=50_000 + i,
            title=f"Generated meetup {i}",
            slug=f"search-bench-{i}",
            date=datetime.date(1980, 1, 2) + datetime.timedelta(days=7 * i),
            status=EventStatus.PUBLISHED,
        )
        for i in range((count + 1) // 2)
    )
    speakers = Speaker.objects.bulk_create(
        Speaker(name=f"{rng.choice(NAMES)} {rng.choice(NAMES)} {i}", slug=f"search-bench-speaker-{i}")
        for i in range(count // 3 + 1)
    )

    def sentence(length: int) -> str:
        return " ".join(rng.choice(WORDS) for _ in range(length)).capitalize() + "."

    talks = Talk.objects.bulk_create(
        Talk(
            title=sentence(rng.randint(4, 9))[:-1],
            slug=f"search-bench-talk-{i}",
            abstract=" ".join(sentence(rng.randint(8, 16)) for _ in range(rng.randint(2, 5))),
            slides_text="\f".join(" ".join(sentence(rng.randint(5, 12)) for _ in range(4)) for _ in range(8)),
        )
        for i in range(count)
    )
    TalkSpeaker.objects.bulk_create(
        TalkSpeaker(talk=talk, speaker=speakers[rng.randrange(len(speakers))]) for talk in talks
    )
    AgendaSlot.objects.bulk_create(
        AgendaSlot(event=events[i // 2], talk=talk, kind=SlotKind.TALK, position=i % 2)
        for i, talk in enumerate(talks)
    )


def bench(name: str, database_url: str) -> list[str]:
    env = site_environment(database_url, WORK)
    print(f"{name}: migrate, the history, {TALKS} generated talks …", flush=True)
    built = dict(line.split(" ", 1) for line in run_python(BUILD.format(talks=TALKS), env).splitlines())
    print(f"{name}: {ROUNDS} rounds of {len(QUERIES)} searches …", flush=True)
    measured = json.loads(run_python(MEASURE.format(queries=QUERIES, rounds=ROUNDS), env).splitlines()[-1])
    everything = [ms for timings in measured["timings"].values() for ms in timings]
    lines = [
        f"## {name}",
        "",
        f"{int(built['index_rows'])} indexed rows; generating and indexing {TALKS} talks took "
        f"{float(built['generate_s']):.1f} s. All searches: p50 {statistics.median(everything):.1f} ms, "
        f"p99 {percentile(everything, 0.99):.1f} ms ({len(everything)} renders).",
        "",
        "| query | p50 ms | p99 ms | queries | results |",
        "|---|---:|---:|---:|---:|",
    ]
    for query, timings in measured["timings"].items():
        queries, results = measured["counts"][query]
        lines.append(
            f"| {query} | {statistics.median(timings):.1f} | {percentile(timings, 0.99):.1f} | {queries} | {results} |"
        )
    return lines + [""]


def main() -> int:
    RESULTS.mkdir(parents=True, exist_ok=True)
    WORK.mkdir(parents=True, exist_ok=True)
    sqlite_file = WORK / "search.sqlite3"
    sqlite_file.unlink(missing_ok=True)
    lines = [
        f"# Search benchmark, {time.strftime('%Y-%m-%d %H:%M')}",
        "",
        f"The history plus {TALKS} generated talks (about 2,000 characters of slide text each); the search page "
        f"rendered in-process (view, queries, excerpts, template), {ROUNDS} rounds per query, on "
        f"{os.cpu_count()} CPUs.",
        "",
    ]
    lines += bench("SQLite (FTS5)", f"sqlite:///{sqlite_file}")
    postgres = postgres_database(POSTGRES, SCRATCH_DATABASE) if POSTGRES else None
    if postgres:
        try:
            lines += bench("PostgreSQL (full-text search, unaccent, GIN)", postgres)
        finally:
            drop_postgres_database(POSTGRES, SCRATCH_DATABASE)
    else:
        why = (
            "none answered at SEARCH_BENCH_POSTGRES"
            if POSTGRES
            else "left out (SEARCH_BENCH_POSTGRES is empty)"
        )
        lines += [f"PostgreSQL: {why}; not measured.", ""]
    report = "\n".join(lines)
    (RESULTS / "search.md").write_text(report)
    print("\n" + report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
