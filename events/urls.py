from django.urls import path

from events import views
from events.cache import cached_page
from events.feeds import EventsFeed

app_name = "events"

urlpatterns = [
    path("", cached_page(views.HomeView.as_view()), name="home"),
    path("archive/", cached_page(views.ArchiveView.as_view()), name="archive"),
    path("archive/<int:year>/", cached_page(views.ArchiveView.as_view()), name="archive_year"),
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
