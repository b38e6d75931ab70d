from django.urls import path, register_converter

from common.cacheable import cached_page
from events.formats.feed import EventsFeed
from events.views import (
    about,
    api,
    cards,
    check_in,
    deck,
    meetups,
    outputs,
    places,
    registrations,
    search,
    speaker_links,
)

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
    path("", cached_page(meetups.HomeView.as_view()), name="home"),
    path("archive/", cached_page(meetups.ArchiveView.as_view()), name="archive"),
    path("archive/<year:year>/", cached_page(meetups.ArchiveView.as_view()), name="archive_year"),
    path("meetups/<slug:slug>/", cached_page(meetups.EventDetailView.as_view()), name="event_detail"),
    path("meetups/<slug:slug>/calendar.ics", cached_page(outputs.event_ics), name="event_ics"),
    path("meetups/<slug:slug>/intro-slides/", meetups.intro_slides, name="intro_slides"),
    # Drawn once per version of its text and kept in the cache (not the page cache: a picture is no page).
    path("meetups/<slug:slug>/card.png", cards.event_card, name="event_card"),
    path("meetups/<slug:slug>/deck/", cached_page(deck.DeckView.as_view()), name="event_deck"),
    path("about/", cached_page(about.AboutView.as_view()), name="about"),
    path("venues/", cached_page(places.VenueListView.as_view()), name="venue_list"),
    path("venues/<slug:slug>/", cached_page(places.VenueDetailView.as_view()), name="venue_detail"),
    path("sponsors/", cached_page(places.SponsorListView.as_view()), name="sponsor_list"),
    path("jobs/", cached_page(places.JobListView.as_view()), name="job_list"),
    # Not cached: each query string would be a page of its own.
    path("search/", search.SearchView.as_view(), name="search"),
    # Private to a talk's speakers (a signed token), never cached.
    path("speaker-link/<str:token>/", speaker_links.SpeakerLinkView.as_view(), name="speaker_link"),
    path("calendar.ics", cached_page(outputs.calendar_feed), name="calendar"),
    path("feed/", cached_page(EventsFeed()), name="feed"),
    path("api/events.json", cached_page(api.events_list), name="api_events"),
    path("api/events/page/<int:page>.json", cached_page(api.events_list), name="api_events_page"),
    path("api/meetups/<slug:slug>.json", cached_page(api.event_detail), name="api_event"),
    path("api/schema.json", cached_page(api.schema), name="api_schema"),
    # Registration on the site (never cached but the privacy note: each page has its own form or person).
    path("meetups/<slug:slug>/register/", registrations.RegisterView.as_view(), name="register"),
    path(
        "meetups/<slug:slug>/register/sent/",
        registrations.RegistrationSentView.as_view(),
        name="registration_sent",
    ),
    path("meetups/<slug:slug>/check-in/", check_in.CheckInView.as_view(), name="check_in"),
    path("registrations/<slug:token>/", registrations.StatusView.as_view(), name="registration_status"),
    path(
        "registrations/<slug:token>/cancel/", registrations.CancelView.as_view(), name="registration_cancel"
    ),
    path(
        "registrations/confirm/<slug:token>/",
        registrations.ConfirmView.as_view(),
        name="registration_confirm",
    ),
    path(
        "privacy/registrations/",
        cached_page(registrations.PrivacyView.as_view()),
        name="registration_privacy",
    ),
]
