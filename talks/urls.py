from django.urls import path

from common.cacheable import cached_page
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
    path("speakers/", cached_page(views.SpeakerListView.as_view()), name="speaker_list"),
    path("speakers/<slug:slug>/", cached_page(views.SpeakerDetailView.as_view()), name="speaker_detail"),
]
