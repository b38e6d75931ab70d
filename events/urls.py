from django.urls import path, register_converter

from events import views
from events.cache import cached_page
from events.feeds import EventsFeed

app_name = "events"


class YearConverter:
    """A year of four digits: /archive/2019/; anything else is no archive page (404, never an error)."""

    regex = "[1-9][0-9]{3}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return f"{value:04d}"


register_converter(YearConverter, "year")

urlpatterns = [
    path("", cached_page(views.HomeView.as_view()), name="home"),
    path("archive/", cached_page(views.ArchiveView.as_view()), name="archive"),
    path("archive/<year:year>/", cached_page(views.ArchiveView.as_view()), name="archive_year"),
    path("meetups/<slug:slug>/", cached_page(views.EventDetailView.as_view()), name="event_detail"),
    path("meetups/<slug:slug>/calendar.ics", cached_page(views.event_ics), name="event_ics"),
    path("meetups/<slug:slug>/intro-slides/", views.intro_slides, name="intro_slides"),
    path("venues/<slug:slug>/", cached_page(views.VenueDetailView.as_view()), name="venue_detail"),
    path("sponsors/", cached_page(views.SponsorListView.as_view()), name="sponsor_list"),
    path("jobs/", cached_page(views.JobListView.as_view()), name="job_list"),
    path("calendar.ics", cached_page(views.calendar_feed), name="calendar"),
    path("feed/", cached_page(EventsFeed()), name="feed"),
    path("api/events.json", cached_page(views.events_json), name="api_events"),
]
