from django.urls import path

from talks import views

app_name = "talks"

urlpatterns = [
    path("meetups/<slug:event_slug>/talks/<slug:slug>/", views.TalkDetailView.as_view(), name="talk_detail"),
    path("meetups/<slug:event_slug>/talks/<slug:slug>/slides/", views.talk_slides, name="talk_slides"),
    path("speakers/", views.SpeakerListView.as_view(), name="speaker_list"),
    path("speakers/<slug:slug>/", views.SpeakerDetailView.as_view(), name="speaker_detail"),
]
