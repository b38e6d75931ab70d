"""Venues, sponsors and job posts."""

from django.db.models import Count, Prefetch, Q, prefetch_related_objects
from django.views.generic import DetailView, ListView

from common.text import reading_order_key
from events.listing import event_rows, render_rows
from events.models import Event, EventSponsor, Venue
from events.views.meetups import open_job_posts, sponsors_in_reading_order


class VenueListView(ListView):
    """Every venue, in reading order, with how many meetups it hosted (one query)."""

    template_name = "events/venue_list.html"
    context_object_name = "venues"

    def get_queryset(self):
        visible_events = Q(events__in=Event.objects.visible_to(self.request.user))
        venues = Venue.objects.visible_to(self.request.user).annotate(
            event_count=Count("events", filter=visible_events, distinct=True)
        )
        return sorted(venues, key=lambda venue: reading_order_key(venue.name))


class VenueDetailView(DetailView):
    template_name = "events/venue_detail.html"
    context_object_name = "venue"

    def get_queryset(self):
        return Venue.objects.visible_to(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        events = Event.objects.visible_to(self.request.user).filter(venue=self.object)
        rows = event_rows(events.order_by("-date", "-start_time", "-pk"))
        context["event_rows"] = render_rows(rows)
        context["event_count"] = len(rows)
        return context


class SponsorListView(ListView):
    """Hosts and sponsors in reading order, each with the meetups they hosted or sponsored (two queries)."""

    template_name = "events/sponsor_list.html"
    context_object_name = "sponsors"

    def get_queryset(self):
        sponsorships = (
            EventSponsor.objects.visible_to(self.request.user)
            .select_related("event")
            .order_by("-event__date")
        )
        sponsors = sponsors_in_reading_order(self.request.user)
        prefetch_related_objects(sponsors, Prefetch("sponsorships", queryset=sponsorships))
        return sponsors


class JobListView(ListView):
    template_name = "events/job_list.html"
    context_object_name = "job_posts"

    def get_queryset(self):
        return open_job_posts(self.request.user)
