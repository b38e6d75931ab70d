"""Rows of meetups for long lists (an archive year, a venue's meetups, the home page's latest), rendered in Python.

Why not a template: a list repeats the same markup for every meetup and every talk, and Django's template engine
and model instances cost several times more than three `values_list` queries and escaped string building. The
markup stays small and is styled by `.event-row` in site.css.

A row names the meetup (its number only when the title does not already say it), date, venue and any badge, then
its talks in running order — title linked, speakers named, slides and video as links — and the evening's video.
"""

import datetime
import itertools
from dataclasses import dataclass, field
from html import escape

from django.db.models import QuerySet
from django.utils.safestring import SafeString, mark_safe

from common.links import path_pattern
from events.enums import EventStatus
from events.models import AgendaSlot, local_today, running_order
from talks.enums import TalkKind

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
EVENT_FIELDS = ("pk", "number", "title", "slug", "date", "status", "meetup_url", "video_url", "venue__name")
SLOT_FIELDS = (
    *("event_id", "position", "start_time", "talk_id"),
    *("talk__title", "talk__slug", "talk__kind", "talk__is_cancelled"),
    *("talk__slides", "talk__slides_url", "talk__video_url"),
)


@dataclass
class TalkRow:
    title: str
    slug: str
    kind: str
    is_cancelled: bool
    slides: str
    slides_url: str
    video_url: str
    speakers: list[str] = field(default_factory=list)


@dataclass
class Row:
    pk: int
    number: int | None
    title: str
    slug: str
    date: datetime.date
    status: str
    meetup_url: str
    video_url: str
    venue: str | None
    talks: list[TalkRow] = field(default_factory=list)


def event_rows(events: QuerySet) -> list[Row]:
    """The events' list data in two queries (events; their talks with speakers), in the queryset's order; intro
    decks (the organizers' announcements) are left out.

    The talks are selected with the events' query as a subquery rather than a list of their ids: the ORM prepares
    every value of a long `IN (…)` list one by one, which cost more than both queries."""
    rows = [Row(*values) for values in events.values_list(*EVENT_FIELDS)]
    by_pk = {row.pk: row for row in rows}
    slots = (
        AgendaSlot.objects.filter(event__in=events.values("pk"), talk__isnull=False)
        .exclude(talk__kind=TalkKind.INTRO)
        .order_by("event_id", "position", "pk", "talk__talk_speakers__order", "talk__talk_speakers__pk")
        .values_list(*SLOT_FIELDS, "talk__talk_speakers__speaker__name")
    )
    for event_id, event_slots in itertools.groupby(slots, key=lambda values: values[0]):
        talks = []  # one per talk, each row of the join adding a speaker
        for _, talk_rows in itertools.groupby(event_slots, key=lambda values: values[3]):
            talk_rows = list(talk_rows)
            _, position, start, _, *talk_values, _ = talk_rows[0]
            talk = TalkRow(
                *talk_values, speakers=[values[-1] for values in talk_rows if values[-1] is not None]
            )
            talks.append((position, start, talk))
        by_pk[event_id].talks = [talks[index][2] for index in running_order([talk[:2] for talk in talks])]
    return rows


def _talk_item(talk: TalkRow, url: str, slides_url: str) -> str:
    title = escape(talk.title)
    parts = [f'<li><a href="{url}">{title}</a>']
    if talk.is_cancelled:
        parts.append(' <span class="badge badge--cancelled">Cancelled</span>')
    if talk.speakers:
        parts.append(f'<span class="by"> · {escape(", ".join(talk.speakers))}</span>')
    if talk.slides or talk.slides_url:
        parts.append(
            f' <a class="chip chip--small" href="{slides_url}">Slides'
            f'<span class="visually-hidden"> for “{title}”</span></a>'
        )
    if talk.video_url:
        parts.append(
            f' <a class="chip chip--small" href="{escape(talk.video_url)}">Video'
            f'<span class="visually-hidden"> of “{title}”</span></a>'
        )
    parts.append("</li>")
    return "".join(parts)


def _badge(row: Row, today: datetime.date) -> str:
    if row.status == EventStatus.CANCELLED:
        return ' <span class="badge badge--cancelled">Cancelled</span>'
    if row.status == EventStatus.DRAFT:
        return ' <span class="badge badge--draft">Draft</span>'
    if row.date >= today:
        return ' <span class="badge badge--upcoming">Upcoming</span>'
    return ""


def render_year_links(years: list[tuple[int, int]], *, current: int | None) -> SafeString:
    """The archive's jump list: each year with its number of meetups, the shown year marked as the current page."""
    year_url = path_pattern("events:archive_year", year=9999)
    parts = []
    for year, count in years:
        current_page = ' aria-current="page"' if year == current else ""
        plural = "" if count == 1 else "s"
        parts.append(
            f'<li><a href="{year_url.format(year=year)}"{current_page}>{year} <span class="count">{count}</span>'
            f'<span class="visually-hidden"> meetup{plural}</span></a></li>'
        )
    return mark_safe("".join(parts))  # noqa: S308 - integers only


def render_rows(rows: list[Row], *, level: int = 3) -> SafeString:
    event_url_pattern = path_pattern("events:event_detail", slug="zzslugzz")
    talk_url_pattern = path_pattern("talks:talk_detail", event_slug="zzeventzz", slug="zzslugzz")
    slides_url_pattern = path_pattern("talks:talk_slides", event_slug="zzeventzz", slug="zzslugzz")
    today = local_today()
    parts = []
    for row in rows:
        date = row.date
        title = escape(row.title)
        event_slug = escape(row.slug)
        event_url = event_url_pattern.format(slug=event_slug)
        # "#75 · 75th Deep Learning Meetup" says it twice: the number only when the title lacks it.
        number = f"#{row.number} · " if row.number is not None and str(row.number) not in row.title else ""
        venue = f'<p class="event-row__venue">{escape(row.venue)}</p>' if row.venue else ""
        talks = "".join(
            _talk_item(
                talk,
                talk_url_pattern.format(event_slug=event_slug, slug=escape(talk.slug)),
                slides_url_pattern.format(event_slug=event_slug, slug=escape(talk.slug)),
            )
            for talk in row.talks
        )
        links = ""
        if row.video_url:
            links += f'<a href="{escape(row.video_url)}">Video of the evening<span class="visually-hidden">: {title}</span></a>'
        if row.meetup_url:
            links += f'<a href="{escape(row.meetup_url)}">meetup.com<span class="visually-hidden"> page of {title}</span></a>'
        parts.append(
            f'<li class="event-row"><p class="event-row__date"><time datetime="{date.isoformat()}">'
            f'{date.day} {MONTHS[date.month - 1]} {date.year}</time></p><div class="event-row__body">'
            f'<h{level} class="event-row__title"><a href="{event_url}">{number}{title}</a>{_badge(row, today)}</h{level}>'
            f"{venue}"
            + (f'<ul class="event-row__talks">{talks}</ul>' if talks else "")
            + (f'<p class="event-row__links">{links}</p>' if links else "")
            + "</div></li>\n"
        )
    return mark_safe("".join(parts))  # noqa: S308 - every value above is escaped
