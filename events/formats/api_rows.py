"""The API's reads as plain rows: three queries for a page of meetups or for one, whatever the data size.

The meetups themselves come from the ORM (`Event.objects.visible_to(PUBLIC)`, so drafts stay out by the one rule);
their agenda with talks and speakers, and their sponsors, from two SQL statements over those meetups' ids. Why SQL
there: the API is rendered afresh after every organizer's write, and for a page of twelve meetups the ORM spent
about 1.5 ms building the SQL of those two queries and 0.1 ms running them (SQLite, history plus 2,000 meetups).
The statements are plain SQL that SQLite and PostgreSQL both run (the suite runs on both); they read talks,
speakers and sponsors only through meetups already known to be public.
"""

import datetime
import functools

from django.db import connection

from common.visibility import PUBLIC
from events.models import Event, running_order

EVENT_FIELDS = (
    "id", "number", "slug", "title", "kind", "status", "date", "start_time", "end_time", "description",
    "meetup_url", "video_url", "photos_url", "updated_at", "venue_id", "venue__name", "venue__slug",
    "venue__address", "venue__city", "venue__is_online", "venue__latitude", "venue__longitude",
)  # fmt: skip

# A row per slot and speaker of its talk (one, without speaker, for a slot without any), in stored order.
SLOTS = """
SELECT s.id, s.event_id, s.position, s.start_time, s.end_time, s.kind, s.title, s.is_cancelled, s.talk_id,
       t.title AS talk__title, t.slug AS talk__slug, t.kind AS talk__kind, t.is_cancelled AS talk__is_cancelled,
       t.abstract AS talk__abstract, t.slides AS talk__slides, t.slides_url AS talk__slides_url,
       t.video_url AS talk__video_url, ts.affiliation AS speaker__affiliation, sp.name AS speaker__name,
       sp.slug AS speaker__slug
FROM events_agendaslot s
LEFT JOIN talks_talk t ON t.id = s.talk_id
LEFT JOIN talks_talkspeaker ts ON ts.talk_id = t.id
LEFT JOIN talks_speaker sp ON sp.id = ts.speaker_id
WHERE s.event_id IN ({ids})
ORDER BY s.event_id, s.position, s.id, ts."order", ts.id
"""

SPONSORS = """
SELECT es.event_id, es.role, so.name
FROM events_eventsponsor es JOIN events_sponsor so ON so.id = es.sponsor_id
WHERE es.event_id IN ({ids})
ORDER BY es.event_id, es."order", es.id
"""


def _fetch(cursor, sql: str, params) -> list[dict]:
    cursor.execute(sql, params)
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


# Stands for the slug asked for, in the SQL compiled once (a value no slug can have).
SLUG_PARAMETER = "\x00slug"


@functools.cache
def _events_sql(by_slug: bool) -> tuple[str, tuple]:
    """The ORM's SQL for public meetups, newest first, with venue: compiled once per process, since building it
    cost more than running it. `visible_to(PUBLIC)` stays the one rule for what is public."""
    events = Event.objects.visible_to(PUBLIC).order_by("-date", "-pk")
    if by_slug:
        events = events.filter(slug=SLUG_PARAMETER)
    query = events.values(*EVENT_FIELDS).query
    assert list(query.values_select) == list(EVENT_FIELDS)  # the columns come in this order
    sql, params = query.sql_with_params()
    return f"{sql} LIMIT %s OFFSET %s", params


def _aware(moment: datetime.datetime) -> datetime.datetime:
    """SQLite gives the stored UTC time without its zone, PostgreSQL with it."""
    return moment if moment.tzinfo else moment.replace(tzinfo=datetime.UTC)


def public_events(*, limit: int, offset: int = 0, slug: str | None = None) -> list[dict]:
    """Public meetups newest first, each with venue, agenda in running order (talks with their speakers in order)
    and sponsors."""
    sql, params = _events_sql(by_slug=slug is not None)
    params = [slug if value == SLUG_PARAMETER else value for value in params]
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, limit, offset])
        rows = [dict(zip(EVENT_FIELDS, row, strict=True)) for row in cursor.fetchall()]
    if not rows:
        return []
    for row in rows:
        row["updated_at"] = _aware(row["updated_at"])
    ids = [row["id"] for row in rows]
    placeholders = ", ".join(["%s"] * len(ids))
    with connection.cursor() as cursor:
        lines = _fetch(cursor, SLOTS.format(ids=placeholders), ids)
        cursor.execute(SPONSORS.format(ids=placeholders), ids)
        sponsorships = cursor.fetchall()
    slots: dict[int, dict] = {row["id"]: {} for row in rows}
    for line in lines:
        slot = slots[line["event_id"]].setdefault(line["id"], {**line, "speakers": []})
        if line["speaker__name"] is not None:
            slot["speakers"].append(
                {
                    "name": line["speaker__name"],
                    "affiliation": line["speaker__affiliation"],
                    "slug": line["speaker__slug"],
                }
            )
    sponsors: dict[int, list] = {row["id"]: [] for row in rows}
    for event_id, role, name in sponsorships:
        sponsors[event_id].append({"name": name, "role": role})
    for row in rows:
        stored = list(slots[row["id"]].values())
        row["slots"] = [
            stored[index] for index in running_order([(s["position"], s["start_time"]) for s in stored])
        ]
        row["sponsors"] = sponsors[row["id"]]
    return rows
