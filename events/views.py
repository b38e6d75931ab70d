"""Public pages of meetups, venues, sponsors and jobs; each loads in a fixed number of queries.

Staff preview drafts: every `get_queryset` starts from `Event.objects.visible_to(user)`; templates only show the
"draft" banner. Anonymous pages are cached by `events.cache` (see the wrappers in `events/urls.py`).
"""

import json

from django.db.models import Exists, OuterRef, Prefetch, Q
from django.http import Http404, HttpResponse, JsonResponse
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.views.generic import DetailView, ListView, TemplateView

from events.calendars import events_calendar
from events.exports import archive_as_dict
from events.listing import event_rows, render_rows, rows_by_year
from events.models import Event, EventSponsor, JobPost, Sponsor, Venue
from events.selectors import with_program
from events.templatetags.markdown import plaintext
from talks.downloads import serve_slides


def with_event_page(events):
    """The event page's reads: the program plus the job posts announced there (six queries)."""
    return with_program(events).prefetch_related(
        Prefetch("job_posts", queryset=JobPost.objects.open().select_related("sponsor"))
    )


def program(event: Event) -> list[dict]:
    """The agenda as the page shows it: each slot with its talk; talks without a slot follow (no queries)."""
    talks = {talk.pk: talk for talk in event.talks.all()}
    items = []
    for slot in event.agenda.all():
        talk = talks.pop(slot.talk_id, None)
        items.append({"time": slot.time_range, "title": slot.title, "kind": slot.kind, "talk": talk})
    items += [{"time": "", "title": talk.title, "kind": "talk", "talk": talk} for talk in talks.values()]
    return items


def open_job_posts(user, limit: int | None = None) -> list[JobPost]:
    """Open posts; `announced_at` names the meetup where one was announced, when this user may see it."""
    posts = list(JobPost.objects.open().select_related("sponsor", "event")[:limit])
    for post in posts:
        post.announced_at = post.event if post.event and (user.is_staff or not post.event.is_draft) else None
    return posts


class HomeView(TemplateView):
    template_name = "events/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        events = Event.objects.visible_to(self.request.user)
        next_event = with_program(events.upcoming()).first()
        latest = event_rows(events.past()[:6])
        context["next_event"] = next_event
        # Without an announced meetup, the most recent one is shown in full instead.
        featured = next_event or (with_program(events.past()).first() if latest else None)
        context["featured_event"] = featured
        context["featured_program"] = program(featured) if featured else []
        context["latest_rows"] = render_rows(latest)
        context["sponsors"] = Sponsor.objects.filter(
            Exists(EventSponsor.objects.filter(sponsor=OuterRef("pk"), event__in=events))
        )
        context["job_posts"] = open_job_posts(self.request.user, limit=5)
        return context


class ArchiveView(TemplateView):
    """Every meetup, newest first, grouped by year; `/archive/<year>/` shows one year (three queries)."""

    template_name = "events/archive.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        events = Event.objects.visible_to(self.request.user).order_by("-date", "-start_time", "-pk")
        year = self.kwargs.get("year")
        if year is not None:
            events = events.filter(date__year=year)
        rows = event_rows(events)
        if year is not None and not rows:
            raise Http404("No meetups in that year.")
        context["year"] = year
        context["years"] = [
            date.year
            for date in Event.objects.visible_to(self.request.user).dates("date", "year", order="DESC")
        ]
        context["groups"] = rows_by_year(rows)
        return context


class EventDetailView(DetailView):
    template_name = "events/event_detail.html"
    context_object_name = "event"

    def get_queryset(self):
        return with_event_page(Event.objects.visible_to(self.request.user))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        event = self.object
        events = Event.objects.visible_to(self.request.user).only("title", "slug", "number", "date")
        earlier = Q(date__lt=event.date) | Q(date=event.date, pk__lt=event.pk)
        later = Q(date__gt=event.date) | Q(date=event.date, pk__gt=event.pk)
        context["previous_event"] = events.filter(earlier).order_by("-date", "-pk").first()
        context["next_event"] = events.filter(later).order_by("date", "pk").first()
        context["program"] = program(event)
        context["json_ld"] = event_json_ld(event, self.request)
        context["description"] = event_description(event)
        return context


def event_description(event: Event) -> str:
    """For search results and link previews: when, where, and what the evening is about."""
    when = f"{event.date:%A}, {event.date.day} {event.date:%B %Y}"
    where = f" at {event.venue.name}" if event.venue else ""
    about = plaintext(event.description) or "; ".join(talk.title for talk in event.talks.all())
    return f"{when}{where}. {about}".strip()


# Characters that could end a <script> block early, as Django's json_script escapes them.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def event_json_ld(event: Event, request) -> str:
    """schema.org Event, serialised so that no `</script>` can close the block early."""
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "url": request.build_absolute_uri(event.get_absolute_url()),
        "startDate": event.starts_at.isoformat() if event.starts_at else event.date.isoformat(),
        "eventStatus": "https://schema.org/EventCancelled"
        if event.is_cancelled
        else "https://schema.org/EventScheduled",
        "organizer": {"@type": "Organization", "name": "Vienna Deep Learning Meetup"},
        "performer": [
            {"@type": "Person", "name": link.speaker.name}
            for talk in event.talks.all()
            if not talk.is_cancelled
            for link in talk.talk_speakers.all()
        ],
    }
    if event.ends_at:
        data["endDate"] = event.ends_at.isoformat()
    if event.description:
        data["description"] = plaintext(event.description)[:300]
    if venue := event.venue:
        if venue.is_online:
            data["eventAttendanceMode"] = "https://schema.org/OnlineEventAttendanceMode"
            data["location"] = {"@type": "VirtualLocation", "url": event.meetup_url or data["url"]}
        else:
            data["eventAttendanceMode"] = "https://schema.org/OfflineEventAttendanceMode"
            data["location"] = {
                "@type": "Place",
                "name": venue.name,
                "address": {
                    "@type": "PostalAddress",
                    "streetAddress": venue.full_address,
                    "addressCountry": "AT",
                },
            }
    serialised = json.dumps(data, ensure_ascii=False).translate(JSON_SCRIPT_ESCAPES)
    return mark_safe(serialised)  # noqa: S308 - <, > and & are escaped as \u003C etc.


class VenueDetailView(DetailView):
    template_name = "events/venue_detail.html"
    context_object_name = "venue"

    def get_queryset(self):
        return Venue.objects.visible_to(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        events = Event.objects.visible_to(self.request.user).filter(venue=self.object)
        context["event_rows"] = render_rows(event_rows(events.order_by("-date", "-start_time", "-pk")))
        return context


class SponsorListView(ListView):
    template_name = "events/sponsor_list.html"
    context_object_name = "sponsors"

    def get_queryset(self):
        events = Event.objects.visible_to(self.request.user)
        sponsorships = (
            EventSponsor.objects.filter(event__in=events).select_related("event").order_by("-event__date")
        )
        return (
            Sponsor.objects.filter(Exists(sponsorships.filter(sponsor=OuterRef("pk"))))
            .prefetch_related(Prefetch("sponsorships", queryset=sponsorships))
            .order_by("name")
        )


class JobListView(ListView):
    template_name = "events/job_list.html"
    context_object_name = "job_posts"

    def get_queryset(self):
        return open_job_posts(self.request.user)


def events_json(request):
    """The archive in the export schema, for other sites to embed (CORS open for reads)."""
    events = with_program(Event.objects.published())
    response = JsonResponse(archive_as_dict(events), json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
    return response


def event_ics(request, slug):
    event = with_program(Event.objects.visible_to(request.user)).filter(slug=slug).first()
    if event is None:
        raise Http404("No such meetup.")
    return calendar_response(events_calendar([event], request), f"{event.slug}.ics")


def calendar_feed(request):
    """All published meetups, for calendar subscriptions."""
    return calendar_response(events_calendar(with_program(Event.objects.published()), request), "vdlm.ics")


def calendar_response(calendar, filename: str) -> HttpResponse:
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def intro_slides(request, slug):
    event = Event.objects.visible_to(request.user).filter(slug=slug).first()
    if event is None or not (event.intro_slides or event.intro_slides_url):
        raise Http404("No intro slides for this meetup.")
    return serve_slides(
        request,
        file=event.intro_slides,
        link=event.intro_slides_url,
        filename_stem=f"vdlm-{event.folder}-intro",
        public=not event.is_draft,
    )


def robots_txt(request):
    sitemap = request.build_absolute_uri(reverse("sitemap"))
    lines = ["User-agent: *", "Disallow: /admin/", f"Sitemap: {sitemap}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
