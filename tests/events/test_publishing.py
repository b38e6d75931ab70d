import datetime

import pytest
import time_machine
from django.urls import reverse

from common.text import ordinal_suffix
from common.visibility import PUBLIC
from events.enums import EventStatus, SponsorRole
from events.models import AgendaSlot, Event
from events.services.publishing import event_checklist, event_duplicate_as_next, next_title
from talks.models import Talk
from tests.factories import (
    make_event,
    make_job_post,
    make_slot,
    make_speaker,
    make_sponsor,
    make_sponsorship,
    make_talk,
    make_venue,
)

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:events_event_changelist")


@pytest.fixture
def meetup_75():
    venue = make_venue(name="42 Vienna")
    event = make_event(
        number=75,
        title="75th Deep Learning Meetup: AI Manipulation / Scaling LLM Infrastructure",
        slug="75th-deep-learning-meetup",
        date=datetime.date(2026, 9, 23),
        start_time=datetime.time(18, 15),
        end_time=datetime.time(22, 0),
        venue=venue,
        meetup_url="https://www.meetup.com/vienna-deep-learning-meetup/events/316293951/",
        description="Hi Deep Learners, ...",
        intro_slides_url="https://example.org/intro.pdf",
        video_url="https://youtube.com/watch?v=1",
        status=EventStatus.PUBLISHED,
    )
    make_slot(event=event, start_time=datetime.time(18, 15), title="Arrival", kind="welcome")
    make_slot(
        event=event, start_time=datetime.time(18, 30), title="Welcome by the organizers", kind="welcome"
    )
    make_slot(event=event, start_time=datetime.time(18, 40), title="Welcome by the host: 42", kind="host")
    make_talk(
        event=event,
        title="Misaligned AI agents are here",
        speakers=[make_speaker()],
        start_time=datetime.time(18, 45),
    )
    make_slot(event=event, start_time=datetime.time(19, 30), title="Announcements", kind="announcements")
    make_slot(event=event, title="Networking Break", kind="break")
    make_sponsorship(event=event, sponsor=make_sponsor(name="42 Vienna"), role=SponsorRole.HOST)
    make_sponsorship(event=event, sponsor=make_sponsor(name="Drinks AG"), role=SponsorRole.DRINKS)
    make_job_post(event=event)
    return event


@time_machine.travel(datetime.date(2026, 10, 1))
def test_event_duplicate_as_next_copies_what_it_should_and_nothing_else(meetup_75):
    make_event(number=76, date=datetime.date(2026, 10, 21), slug="76th-deep-learning-meetup")

    copy = event_duplicate_as_next(event=meetup_75)

    copy = Event.objects.get(pk=copy.pk)
    assert (copy.number, copy.title, copy.slug) == (
        77,
        "77th Deep Learning Meetup",
        "77th-deep-learning-meetup",
    )
    assert copy.status == EventStatus.DRAFT
    assert copy.date == datetime.date(2026, 11, 18)  # four weeks after the last meetup (#76), a Wednesday
    assert (copy.start_time, copy.end_time, copy.venue) == (
        datetime.time(18, 15),
        datetime.time(22, 0),
        meetup_75.venue,
    )
    assert [(s.start_time, s.title, s.kind, s.position, s.talk) for s in copy.agenda.all()] == [
        (datetime.time(18, 15), "Arrival", "welcome", 0, None),
        (datetime.time(18, 30), "Welcome by the organizers", "welcome", 1, None),
        (datetime.time(18, 40), "Welcome by the host: 42", "host", 2, None),
        (datetime.time(19, 30), "Announcements", "announcements", 4, None),
        (None, "Networking Break", "break", 5, None),
    ]
    assert [(s.sponsor.name, s.role) for s in copy.sponsorships.order_by("pk")] == [
        ("42 Vienna", "host"),
        ("Drinks AG", "drinks"),
    ]
    assert list(Talk.objects.filter(slot__event=copy)) == []
    assert list(copy.job_posts.all()) == []
    assert (copy.description, copy.meetup_url, copy.intro_slides_url, copy.video_url, copy.photos_url) == (
        "",
        "",
        "",
        "",
        "",
    )
    # The original is untouched.
    assert meetup_75.agenda.count() == 6
    assert Talk.objects.filter(slot__event=meetup_75).count() == 1
    assert AgendaSlot.objects.count() == 11


def test_event_duplicate_as_next_at_another_venue_leaves_the_host_behind(meetup_75):
    elsewhere = make_venue(name="TU Wien")

    copy = event_duplicate_as_next(event=meetup_75, venue=elsewhere)

    assert copy.venue == elsewhere
    assert [slot.title for slot in copy.agenda.all()] == [
        "Arrival",
        "Welcome by the organizers",
        "Announcements",
        "Networking Break",
    ]
    assert [(s.sponsor.name, s.role) for s in copy.sponsorships.all()] == [("Drinks AG", "drinks")]


@time_machine.travel(datetime.date(2027, 3, 1))
def test_event_duplicate_as_next_is_dated_after_today_when_the_last_meetup_is_long_past(meetup_75):
    copy = event_duplicate_as_next(event=meetup_75)

    # Four weeks after today (Monday 1 March 2027) is Monday 29 March; the group meets on Wednesdays.
    assert copy.date == datetime.date(2027, 3, 31)


def test_event_duplicate_as_next_twice_gets_fresh_numbers_and_slugs(meetup_75):
    first = event_duplicate_as_next(event=meetup_75)
    second = event_duplicate_as_next(event=meetup_75)
    assert [(first.number, first.slug), (second.number, second.slug)] == [
        (76, "76th-deep-learning-meetup"),
        (77, "77th-deep-learning-meetup"),
    ]


def test_event_duplicate_as_next_slug_taken_gets_suffix(meetup_75):
    make_event(number=None, slug="76th-deep-learning-meetup")
    copy = event_duplicate_as_next(event=meetup_75)
    assert copy.slug == "76th-deep-learning-meetup-2"


@pytest.mark.parametrize(
    ("number", "expected"),
    [(1, "1st"), (2, "2nd"), (3, "3rd"), (11, "11th"), (12, "12th"), (21, "21st"), (112, "112th")],
)
def test_ordinal_english_suffixes(number, expected):
    assert f"{number}{ordinal_suffix(number)}" == expected


def test_next_title_without_ordinal_gets_a_meetup_title():
    event = Event(number=None, title="AI Summit Vienna")
    assert next_title(event, 80) == "80th Deep Learning Meetup"


def test_event_checklist_names_what_is_missing():
    event = make_event(venue=None, start_time=None, status=EventStatus.DRAFT)
    make_talk(
        event=event,
        title="Ready talk",
        abstract="About it.",
        speakers=[make_speaker()],
        slides_url="https://example.org/s.pdf",
        start_time=datetime.time(19),
    )
    make_talk(event=event, title="Lonely talk")
    make_slot(event=event, title="Networking")
    make_slot(event=event, title="Lightning talks", is_cancelled=True)  # called off: needs no time

    assert event_checklist(event) == [
        "No venue yet.",
        "No start time.",
        "No meetup.com link (or set seats to take registrations on this site).",
        "Talk “Lonely talk” has no speaker.",
        "Talk “Lonely talk” has no abstract.",
        "Talk “Lonely talk” has no slides.",
        "Agenda slot “Lonely talk” has no time.",
        "Agenda slot “Networking” has no time.",
    ]


def test_event_checklist_empty_for_complete_event():
    event = make_event(venue=make_venue(), meetup_url="https://www.meetup.com/x/events/1/")
    make_talk(
        event=event,
        abstract="A.",
        speakers=[make_speaker()],
        slides_url="https://example.org/s.pdf",
        start_time=datetime.time(18, 45),
    )
    assert event_checklist(event) == []


def test_event_checklist_asks_for_one_place_to_sign_up_meetup_com_or_seats_here():
    talk_kwargs = {
        "abstract": "A.",
        "slides_url": "https://example.org/s.pdf",
        "start_time": datetime.time(18, 45),
    }
    here = make_event(venue=make_venue(), capacity=60)
    both = make_event(venue=make_venue(), capacity=60, meetup_url="https://www.meetup.com/x/events/1/")
    for event in (here, both):
        make_talk(event=event, speakers=[make_speaker()], **talk_kwargs)

    assert event_checklist(here) == []
    assert event_checklist(both) == [
        "People register on this site, yet the page also links meetup.com to sign up: clear the meetup.com link."
    ]


def test_admin_event_change_page_shows_checklist_and_preview_link(organizer_client):
    event = make_event(venue=None, status=EventStatus.DRAFT, slug="next-one")
    response = organizer_client.get(reverse("admin:events_event_change", args=[event.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Before publishing (this event is a draft: only organizers see its page)" in page
    assert '<li class="warning">No venue yet.</li>' in page
    assert f'href="{event.get_absolute_url()}"' in page
    assert "Preview draft on site" in page


def test_admin_new_event_form_starts_as_draft(organizer_client):
    response = organizer_client.get(reverse("admin:events_event_add"))
    assert response.status_code == 200
    # The status is shown, not edited: the page's buttons publish and cancel.
    assert '<div class="readonly">Draft</div>' in response.content.decode()
    assert Event().status == EventStatus.DRAFT


def test_admin_publish_action_publishes_selected(organizer_client):
    drafts = [make_event(status=EventStatus.DRAFT) for _ in range(2)]
    other = make_event(status=EventStatus.DRAFT)
    response = organizer_client.post(
        CHANGELIST, {"action": "publish", "_selected_action": [e.pk for e in drafts]}, follow=True
    )
    assert response.status_code == 200
    statuses = dict(Event.objects.values_list("pk", "status"))
    assert statuses == {drafts[0].pk: "published", drafts[1].pk: "published", other.pk: "draft"}
    # The changelist's order: newest first.
    assert [str(m) for m in response.context["messages"]] == [
        f"Published: {drafts[1].title}, {drafts[0].title}."
    ]


def test_admin_cancel_action_keeps_event_public_as_cancelled(organizer_client):
    event = make_event(status=EventStatus.PUBLISHED)
    organizer_client.post(CHANGELIST, {"action": "cancel", "_selected_action": [event.pk]})
    event.refresh_from_db()
    assert event.status == EventStatus.CANCELLED
    assert list(Event.objects.visible_to(PUBLIC)) == [event]


def test_admin_duplicate_action_asks_date_and_venue_then_opens_the_copy(organizer_client, meetup_75):
    response = organizer_client.post(
        CHANGELIST, {"action": "duplicate_as_next", "_selected_action": [meetup_75.pk]}
    )
    assert response.status_code == 302
    assert response.url == reverse("admin:events_event_duplicate", args=[meetup_75.pk])

    created = organizer_client.post(response.url, {"date": "2031-01-15", "venue": meetup_75.venue_id})

    copy = Event.objects.get(number=76)
    assert created.status_code == 302
    assert created.url == reverse("admin:events_event_change", args=[copy.pk])
    assert (copy.status, copy.date, copy.venue) == (
        EventStatus.DRAFT,
        datetime.date(2031, 1, 15),
        meetup_75.venue,
    )


def test_admin_duplicate_action_needs_exactly_one(organizer_client):
    events = [make_event(number=n) for n in (1, 2)]
    response = organizer_client.post(
        CHANGELIST, {"action": "duplicate_as_next", "_selected_action": [e.pk for e in events]}, follow=True
    )
    assert [str(m) for m in response.context["messages"]] == ["Select exactly one event to duplicate."]
    assert Event.objects.count() == 2


def test_admin_cancel_action_public_page_shows_notice(organizer_client, client):
    event = make_event(status=EventStatus.PUBLISHED)
    organizer_client.post(CHANGELIST, {"action": "cancel", "_selected_action": [event.pk]})
    organizer_client.logout()
    page = client.get(event.get_absolute_url())
    assert page.status_code == 200
    assert "This meetup is cancelled." in page.content.decode()
