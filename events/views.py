from django.views.generic import DetailView, ListView, TemplateView

from events.models import Event, JobPost, Sponsor, Venue


class HomeView(TemplateView):
    template_name = "events/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        events = Event.objects.visible_to(self.request.user).select_related("venue")
        context["next_event"] = events.upcoming().first()
        context["latest_events"] = events.past()[:5]
        return context


class ArchiveView(ListView):
    template_name = "events/archive.html"
    context_object_name = "events"

    def get_queryset(self):
        return Event.objects.visible_to(self.request.user).select_related("venue")


class EventDetailView(DetailView):
    template_name = "events/event_detail.html"

    def get_queryset(self):
        return Event.objects.visible_to(self.request.user).select_related("venue")


class VenueDetailView(DetailView):
    model = Venue
    template_name = "events/venue_detail.html"


class SponsorListView(ListView):
    model = Sponsor
    template_name = "events/sponsor_list.html"


class JobListView(ListView):
    template_name = "events/job_list.html"

    def get_queryset(self):
        return JobPost.objects.open()
