"""The home page, the archive, a meetup's page and its intro slides."""

from django.db.models import Prefetch, Q, Subquery
from django.http import Http404
from django.views.generic import DetailView, TemplateView

from common.cacheable import expire_page_at
from common.downloads import serve_slides
from common.text import long_date, reading_order_key
from events.enums import EventStatus
from events.formats.jsonld import event_json_ld, event_summary
from events.formats.social_card import card_alt, card_url
from events.listing import event_rows, render_rows, render_year_links
from events.models import Event, JobPost, Sponsor
from events.selectors import with_program

LATEST_ON_HOME = 6


def open_job_posts(user, limit: int | None = None) -> list[JobPost]:
    """Open posts this user may see, with the meetup each was announced at."""
    return list(JobPost.objects.visible_to(user).open().select_related("sponsor", "event")[:limit])


def sponsors_in_reading_order(user) -> list[Sponsor]:
    """Sorted as people read names ("ÖBB" among the O, "bwin.party" among the B), not by code points."""
    return sorted(Sponsor.objects.visible_to(user), key=lambda sponsor: reading_order_key(sponsor.name))


class HomeView(TemplateView):
    """The next meetup first; without one, a plain "not announced yet" and how to hear of it. Then the latest
    meetups (all in the past), sponsors and jobs."""

    template_name = "events/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        events = Event.objects.visible_to(user)
        upcoming = events.upcoming().exclude(status=EventStatus.CANCELLED)
        context["next_event"] = with_program(upcoming).first()
        context["latest_rows"] = render_rows(event_rows(events.past()[:LATEST_ON_HOME]))
        context["sponsors"] = sponsors_in_reading_order(user)
        context["job_posts"] = open_job_posts(user, limit=5)
        return context

    def render_to_response(self, context, **kwargs):
        response = super().render_to_response(context, **kwargs)
        if context["next_event"] is not None:
            expire_page_at(response, context["next_event"].changes_by_itself_at)
        return response


class ArchiveView(TemplateView):
    """A year per page, with every year in a jump list: `/archive/` shows the latest year, `/archive/<year>/` any
    other. Three queries (years, meetups, talks with their speakers) whatever the archive's size."""

    template_name = "events/archive.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        visible = Event.objects.visible_to(self.request.user)
        years = visible.count_by_year()
        counts = dict(years)
        year = self.kwargs.get("year")
        if year is None:
            year = years[0][0] if years else None
        elif year not in counts:
            raise Http404("No meetups in that year.")
        rows = (
            event_rows(visible.filter(date__year=year).order_by("-date", "-start_time", "-pk"))
            if year
            else []
        )
        older = [y for y, _ in years if year and y < year]
        newer = [y for y, _ in years if year and y > year]
        context.update(
            year=year,
            is_year_page="year" in self.kwargs,
            years=years,
            year_links=render_year_links(years, current=year),
            total=sum(counts.values()),
            first_year=years[-1][0] if years else None,
            rows=render_rows(rows),
            count=len(rows),
            older_year=older[0] if older else None,
            newer_year=newer[-1] if newer else None,
        )
        return context


class EventDetailView(DetailView):
    """A meetup: what, when and where; for a meetup in the past, that it took place (no "add to calendar");
    for a record without venue or agenda, what is not known. Seven queries (with the intro deck's)."""

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
        context["previous_event"], context["next_event"] = neighbours(event, self.request.user)
        context["json_ld"] = event_json_ld(event)
        context["card_url"], context["card_alt"] = card_url(event), card_alt(event)
        context["description"] = event_description(event)
        return context

    def render_to_response(self, context, **kwargs):
        response = super().render_to_response(context, **kwargs)
        expire_page_at(response, self.object.changes_by_itself_at)
        return response


def neighbours(event: Event, user) -> tuple[dict | None, dict | None]:
    """The meetups just before and after `event` that `user` may see, as {"slug", "title"}, in one query."""
    visible = Event.objects.visible_to(user)
    earlier = Q(date__lt=event.date) | Q(date=event.date, pk__lt=event.pk)
    later = Q(date__gt=event.date) | Q(date=event.date, pk__gt=event.pk)
    previous_pk = visible.filter(earlier).order_by("-date", "-pk").values("pk")[:1]
    next_pk = visible.filter(later).order_by("date", "pk").values("pk")[:1]
    rows = Event.objects.filter(Q(pk=Subquery(previous_pk)) | Q(pk=Subquery(next_pk))).values(
        "slug", "title", "date", "pk"
    )
    found = {"previous": None, "next": None}
    for row in rows:
        found["previous" if (row["date"], row["pk"]) < (event.date, event.pk) else "next"] = row
    return found["previous"], found["next"]


def event_description(event: Event) -> str:
    """For search results and link previews: when, where, and what the evening is about."""
    when = long_date(event.date)
    where = f" at {event.venue.name}" if event.venue else ""
    return f"{when}{where}. {event_summary(event)}".strip()


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
