import datetime
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import User
from django.db import IntegrityError, transaction

from common.visibility import PUBLIC
from events.enums import EventStatus, SlotKind
from events.models import Event, JobPost
from events.selectors import with_program
from talks.models import Talk
from tests.factories import make_event, make_job_post, make_slot, make_talk, make_venue

pytestmark = pytest.mark.django_db


def test_event_number_is_unique():
    make_event(number=44)
    with pytest.raises(IntegrityError), transaction.atomic():
        make_event(number=44)


def test_event_without_number_may_repeat_for_special_events():
    make_event(number=None, slug="ai-summit-2017")
    make_event(number=None, slug="wearedevelopers-ai-congress-2018")
    assert Event.objects.filter(number__isnull=True).count() == 2


def test_event_slug_is_unique():
    make_event(slug="meetup-1")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_event(slug="meetup-1")


def test_event_end_before_start_is_rejected():
    with pytest.raises(IntegrityError), transaction.atomic():
        make_event(start_time=datetime.time(18, 30), end_time=datetime.time(18, 0))


def test_event_end_without_start_is_rejected():
    with pytest.raises(IntegrityError), transaction.atomic():
        make_event(start_time=None, end_time=datetime.time(21, 0))


def test_event_intro_slides_file_and_link_together_are_rejected():
    with pytest.raises(IntegrityError), transaction.atomic():
        make_event(intro_slides="slides/intro/deck.pdf", intro_slides_url="https://example.org/deck.pdf")


def test_talk_slides_file_and_link_together_are_rejected():
    with pytest.raises(IntegrityError), transaction.atomic():
        Talk.objects.create(
            title="T", slug="t", slides="slides/x.pdf", slides_url="https://example.org/x.pdf"
        )


def test_talk_slug_is_unique_across_meetups():
    make_talk(event=make_event(), slug="hot-topics")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_talk(event=make_event(), slug="hot-topics")


def test_talk_is_on_one_agenda_only():
    talk = make_talk(event=make_event())
    with pytest.raises(IntegrityError), transaction.atomic():
        make_slot(event=make_event(), talk=talk, title="")


def test_agenda_slot_of_a_talk_needs_no_title_but_any_other_slot_does():
    event = make_event()
    talk = make_talk(event=event, title="Attention")
    assert talk.slot.title == ""
    assert str(talk.slot) == "Attention"
    with pytest.raises(IntegrityError), transaction.atomic():
        make_slot(event=event, title="")


def test_agenda_slot_end_before_start_is_rejected():
    event = make_event()
    with pytest.raises(IntegrityError), transaction.atomic():
        make_slot(event=event, start_time=datetime.time(19, 45), end_time=datetime.time(19, 0))


def test_job_post_expiring_before_posting_is_rejected():
    with pytest.raises(IntegrityError), transaction.atomic():
        make_job_post(posted_on=datetime.date(2026, 5, 1), expires_on=datetime.date(2026, 4, 1))


def test_venue_needs_both_coordinates_or_none():
    with pytest.raises(IntegrityError), transaction.atomic():
        make_venue(latitude="48.2", longitude=None)


def test_seed_agenda_is_represented_exactly():
    event = make_event()
    rows = [
        ((18, 30), (18, 40), "Welcome & Introduction", SlotKind.WELCOME),
        ((19, 45), (20, 15), "Break", SlotKind.BREAK),
        ((21, 0), None, "Networking", SlotKind.NETWORKING),
    ]
    for start, end, title, kind in rows:
        make_slot(
            event=event,
            start_time=datetime.time(*start),
            end_time=datetime.time(*end) if end else None,
            title=title,
            kind=kind,
        )
    assert [str(slot) for slot in event.agenda.all()] == [
        "18:30–18:40 Welcome & Introduction",
        "19:45–20:15 Break",
        "21:00 Networking",
    ]


def test_event_start_and_end_are_aware_vienna_datetimes():
    event = make_event(
        date=datetime.date(2022, 5, 18), start_time=datetime.time(18, 30), end_time=datetime.time(21)
    )
    assert event.starts_at == datetime.datetime(2022, 5, 18, 18, 30, tzinfo=ZoneInfo("Europe/Vienna"))
    assert event.starts_at.utcoffset() == datetime.timedelta(hours=2)  # summer time
    assert event.ends_at - event.starts_at == datetime.timedelta(hours=2, minutes=30)


def test_event_without_known_time_has_no_start():
    assert make_event(start_time=None).starts_at is None


def test_visible_to_the_public_hides_drafts_but_keeps_cancelled_events():
    published = make_event(status=EventStatus.PUBLISHED)
    cancelled = make_event(status=EventStatus.CANCELLED)
    draft = make_event(status=EventStatus.DRAFT)
    assert set(Event.objects.visible_to(PUBLIC)) == {published, cancelled}
    assert set(Event.objects.visible_to(User(is_staff=True))) == {published, cancelled, draft}


def test_agenda_shows_in_time_order_whatever_order_rows_were_stored_in():
    event = make_event()
    for start, title in [(None, "Arrival"), ((18, 15), "Welcome"), ((18, 30), "Talk 1"), (None, "Break")]:
        make_slot(event=event, title=title, start_time=datetime.time(*start) if start else None)
    # Added later, each last: a late talk, an untimed slot, then a slot earlier than the late talk.
    make_slot(event=event, title="Late talk", start_time=datetime.time(21, 30))
    make_slot(event=event, title="Networking")
    make_slot(event=event, title="Drinks", start_time=datetime.time(21, 0))
    make_slot(event=event, title="Raffle", start_time=datetime.time(18, 20), position=0)  # typed 0 by hand
    event = with_program(Event.objects.filter(pk=event.pk)).get()
    # Timed slots go by their time; an untimed one follows the latest time stored before it.
    assert [slot.display_title for slot in event.program] == [
        "Arrival",
        "Welcome",
        "Raffle",
        "Talk 1",
        "Break",
        "Drinks",
        "Late talk",
        "Networking",
    ]


def test_upcoming_and_past_split_at_today_in_vienna():
    today = datetime.date.today()
    past = make_event(date=today - datetime.timedelta(days=30))
    upcoming = make_event(date=today + datetime.timedelta(days=30))
    assert list(Event.objects.upcoming()) == [upcoming]
    assert list(Event.objects.past()) == [past]


def test_open_job_posts_exclude_expired_and_inactive():
    today = datetime.date.today()
    open_post = make_job_post(expires_on=today)
    make_job_post(
        posted_on=today - datetime.timedelta(days=60), expires_on=today - datetime.timedelta(days=1)
    )
    make_job_post(is_active=False)
    assert list(JobPost.objects.open()) == [open_post]


def test_public_models_have_readable_str_and_urls():
    venue = make_venue(name="A1", slug="a1")
    event = make_event(
        number=44,
        title="44th Vienna Deep Learning Meetup",
        slug="meetup-44",
        venue=venue,
        date=datetime.date(2022, 5, 18),
    )
    talk = make_talk(event=event, title="GPT-NeoX-20B", slug="gpt-neox-20b")
    assert str(event) == "44th Vienna Deep Learning Meetup (2022-05-18)"
    assert str(venue) == "A1"
    assert str(talk) == "GPT-NeoX-20B"
    assert event.get_absolute_url() == "/meetups/meetup-44/"
    assert talk.get_absolute_url() == "/meetups/meetup-44/talks/gpt-neox-20b/"
    assert venue.get_absolute_url() == "/venues/a1/"


def test_venue_full_address_does_not_repeat_the_city():
    assert (
        make_venue(address="Lassallestraße 9, 1020 Wien", city="Vienna").full_address
        == "Lassallestraße 9, 1020 Wien"
    )
    assert make_venue(address="Karlsplatz 13", city="Vienna").full_address == "Karlsplatz 13, Vienna"
