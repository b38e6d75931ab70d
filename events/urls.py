from django.urls import path

from events import views

app_name = "events"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("archive/", views.ArchiveView.as_view(), name="archive"),
    path("meetups/<slug:slug>/", views.EventDetailView.as_view(), name="event_detail"),
    path("venues/<slug:slug>/", views.VenueDetailView.as_view(), name="venue_detail"),
    path("sponsors/", views.SponsorListView.as_view(), name="sponsor_list"),
    path("jobs/", views.JobListView.as_view(), name="job_list"),
]
