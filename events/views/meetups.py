"""The home page, the archive, a meetup's page and its intro slides."""

from django.db.models import Prefetch, Q
from django.http import Http404
from django.views.generic import DetailView, TemplateView

from common.downloads import serve_slides
from common.markdown import plaintext
from events.formats.jsonld import event_json_ld
from events.formats.social_card import card_alt, card_url
from events.listing import event_rows, render_rows, rows_by_year
from events.models import Event, JobPost, Sponsor
from events.selectors import with_program


def open_job_posts(user, limit: int | None = None) -> list[JobPost]:
    """Open posts this user may see, with the meetup each was announced at."""
    return list(JobPost.objects.visible_to(user).open().select_related("sponsor", "event")[:limit])


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
        context["latest_rows"] = render_rows(latest)
        context["sponsors"] = Sponsor.objects.visible_to(self.request.user)
        context["job_posts"] = open_job_posts(self.request.user, limit=5)
        return context


class ArchiveView(TemplateView):
    """Every meetup, newest first, grouped by year; `/archive/<year>/` shows one year (three queries)."""

    template_name = "events/archive.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        visible = Event.objects.visible_to(self.request.user)
        events = visible.order_by("-date", "-start_time", "-pk")
        year = self.kwargs.get("year")
        if year is not None:
            events = events.filter(date__year=year)
        rows = event_rows(events)
        if year is not None and not rows:
            raise Http404("No meetups in that year.")
        context["year"] = year
        context["years"] = [date.year for date in visible.dates("date", "year", order="DESC")]
        context["groups"] = rows_by_year(rows)
        return context


class EventDetailView(DetailView):
    template_name = "events/event_detail.html"
    context_object_name = "event"

    def get_queryset(self):
        user = self.request.user
        job_posts = JobPost.objects.visible_to(user).open().select_related("sponsor")
        return with_program(Event.objects.visible_to(user)).prefetch_related(
            Prefetch("job_posts", queryset=job_posts)
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        event = self.object
        events = Event.objects.visible_to(self.request.user).only("title", "slug", "number", "date")
        earlier = Q(date__lt=event.date) | Q(date=event.date, pk__lt=event.pk)
        later = Q(date__gt=event.date) | Q(date=event.date, pk__gt=event.pk)
        context["previous_event"] = events.filter(earlier).order_by("-date", "-pk").first()
        context["next_event"] = events.filter(later).order_by("date", "pk").first()
        context["json_ld"] = event_json_ld(event)
        context["card_url"], context["card_alt"] = card_url(event), card_alt(event)
        context["description"] = event_description(event)
        return context


def event_description(event: Event) -> str:
    """For search results and link previews: when, where, and what the evening is about."""
    when = f"{event.date:%A}, {event.date.day} {event.date:%B %Y}"
    where = f" at {event.venue.name}" if event.venue else ""
    about = plaintext(event.description) or "; ".join(talk.title for talk in event.talks)
    return f"{when}{where}. {about}".strip()


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
