from django.urls import path

from events.cache import cached_page
from talks import views

app_name = "talks"

urlpatterns = [
    path(
        "meetups/<slug:event_slug>/talks/<slug:slug>/",
        cached_page(views.TalkDetailView.as_view()),
        name="talk_detail",
    ),
    # Not cached: every download is counted.
    path("meetups/<slug:event_slug>/talks/<slug:slug>/slides/", views.talk_slides, name="talk_slides"),
    # Not cached: each query string would be a page of its own.
    path("search/", views.SearchView.as_view(), name="search"),
    path("speakers/", cached_page(views.SpeakerListView.as_view()), name="speaker_list"),
    path("speakers/<slug:slug>/", cached_page(views.SpeakerDetailView.as_view()), name="speaker_detail"),
]
