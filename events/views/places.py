"""Venues, sponsors and job posts."""

from django.db.models import Prefetch
from django.views.generic import DetailView, ListView

from events.listing import event_rows, render_rows
from events.models import Event, EventSponsor, Sponsor, Venue
from events.views.meetups import open_job_posts


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
        sponsorships = (
            EventSponsor.objects.visible_to(self.request.user)
            .select_related("event")
            .order_by("-event__date")
        )
        return (
            Sponsor.objects.visible_to(self.request.user)
            .prefetch_related(Prefetch("sponsorships", queryset=sponsorships))
            .order_by("name")
        )


class JobListView(ListView):
    template_name = "events/job_list.html"
    context_object_name = "job_posts"

    def get_queryset(self):
        return open_job_posts(self.request.user)
