"""Registration on the site, through its service functions: confirmed registrations take seats in order, then wait;
a freed seat goes to the first in line at once; the same address twice changes nothing; the mails say so."""

import datetime
import email
import email.policy

import icalendar
import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from bench.load import free_port
from events.enums import EventStatus, RegistrationStatus
from events.models import Registration
from events.services.registrations import (
    event_add_host_guest,
    event_promote_waiting,
    event_set_capacity,
    register,
    registration_cancel,
    registration_check_in,
    registration_confirm,
)
from tests.factories import make_event, make_registration

pytestmark = pytest.mark.django_db

SITE = "https://meetup.example.org"


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.VDLM_SITE_URL = SITE


@pytest.fixture
def event():
    return make_event(title="Meetup 90", slug="meetup-90", capacity=2)


@pytest.fixture
def sent(mailoutbox, django_capture_on_commit_callbacks):
    """Runs a service as a request does (its mails go once the transaction commits); returns the new mails."""

    def run(service, **kwargs):
        before = len(mailoutbox)
        with django_capture_on_commit_callbacks(execute=True):
            result = service(**kwargs)
        return result, mailoutbox[before:]

    return run


def statuses(event) -> list[tuple[str, str]]:
    return list(event.registrations.order_by("queue_number", "pk").values_list("name", "status"))


def link_in(message, start: str) -> str:
    return next(word for word in message.body.split() if word.startswith(start))


def test_register_keeps_a_pending_registration_that_counts_once_confirmed(event, sent):
    result, mails = sent(
        register, event=event, name="Ada Lovelace", email=" Ada@Example.org ", company="Engines"
    )

    registration = result.registration
    assert (result.is_new, result.mail_sent) == (True, True)
    assert (registration.status, registration.email) == (RegistrationStatus.PENDING, "ada@example.org")
    assert event.registrations.seated().count() == 0
    assert [mail.to for mail in mails] == [["ada@example.org"]]
    assert mails[0].subject == "Please confirm your registration: Meetup 90"
    assert link_in(mails[0], f"{SITE}/registrations/confirm/") == (
        f"{SITE}/registrations/confirm/{registration.confirm_token}/"
    )
    assert "seat goes" not in mails[0].body  # nobody has a seat before confirming

    confirmed, mails = sent(registration_confirm, registration=registration)

    assert confirmed.status == RegistrationStatus.GOING
    assert event.registrations.seated().count() == 1
    assert [mail.subject for mail in mails] == ["You have a seat: Meetup 90"]


def test_confirmed_registrations_take_the_seats_in_order_then_wait(event):
    for name in ("First", "Second", "Third", "Fourth"):
        make_registration(event=event, name=name)

    assert statuses(event) == [
        ("First", RegistrationStatus.GOING),
        ("Second", RegistrationStatus.GOING),
        ("Third", RegistrationStatus.WAITING),
        ("Fourth", RegistrationStatus.WAITING),
    ]
    fourth = event.registrations.get(name="Fourth")
    assert fourth.waitlist_place() == 2


def test_somebody_registering_when_the_meetup_is_full_is_mailed_their_place_on_the_waitlist(event, sent):
    for name in ("Ada", "Bob", "Cyd"):
        make_registration(event=event, name=name)
    result, _confirm_mail = sent(register, event=event, name="Dan", email="dan@example.org")
    dan = result.registration

    confirmed, mails = sent(registration_confirm, registration=dan)

    assert confirmed.status == RegistrationStatus.WAITING
    assert [(mail.to, mail.subject) for mail in mails] == [
        (["dan@example.org"], "You are on the waitlist: Meetup 90")
    ]
    parsed = email.message_from_bytes(mails[0].message().as_bytes(), policy=email.policy.default)
    text = parsed.get_body(("plain",)).get_content()
    assert "All seats are taken, so you are number 2 on the waitlist." in " ".join(text.split())
    assert f"{SITE}/registrations/{dan.status_token}/" in text
    html = " ".join(parsed.get_body(("html",)).get_content().split())
    assert "number 2 on the waitlist" in html
    assert [part.get_content_type() for part in parsed.iter_attachments()] == []  # no seat, no calendar file


def test_order_in_line_is_the_order_of_confirmation_not_of_registration(event):
    early = make_registration(event=event, name="Registered first", confirm=False)
    make_registration(event=event, name="Confirmed first")
    make_registration(event=event, name="Confirmed second")
    registration_confirm(registration=early)

    assert statuses(event) == [
        ("Confirmed first", RegistrationStatus.GOING),
        ("Confirmed second", RegistrationStatus.GOING),
        ("Registered first", RegistrationStatus.WAITING),
    ]


def test_confirming_again_changes_nothing(event, sent):
    registration = make_registration(event=event)

    again, mails = sent(registration_confirm, registration=registration)

    assert again.status == RegistrationStatus.GOING
    assert mails == []
    assert event.registrations.count() == 1


def test_same_address_again_changes_nothing_and_its_mail_says_where_it_stands(event, sent):
    make_registration(event=event, name="Somebody")
    make_registration(event=event, name="Someone else")
    first = make_registration(event=event, name="Ada Lovelace", email="ada@example.org")
    assert first.status == RegistrationStatus.WAITING

    result, mails = sent(register, event=event, name="Mallory", email="ADA@example.org", company="Evil Corp")

    assert result.is_new is False
    assert result.registration.pk == first.pk
    first.refresh_from_db()
    assert (first.name, first.company, first.status) == ("Ada Lovelace", "", RegistrationStatus.WAITING)
    assert event.registrations.count() == 3
    assert [mail.to for mail in mails] == [["ada@example.org"]]
    assert mails[0].subject == "You are already registered: Meetup 90"
    assert "nothing changed" in mails[0].body
    assert "You are number 1 on the waitlist" in mails[0].body


def test_same_pending_address_again_gets_the_confirmation_link_again(event, sent):
    pending = make_registration(event=event, email="ada@example.org", confirm=False)

    result, mails = sent(register, event=event, name="Ada", email="ada@example.org")

    assert (result.is_new, result.registration.status) == (False, RegistrationStatus.PENDING)
    assert f"/registrations/confirm/{pending.confirm_token}/" in mails[0].body


def test_registering_again_after_cancelling_starts_at_the_end_of_the_line(event):
    ada = make_registration(event=event, name="Ada", email="ada@example.org")
    make_registration(event=event, name="Bob")
    registration_cancel(registration=ada)
    make_registration(event=event, name="Cyd")

    again = make_registration(event=event, name="Ada L.", email="ada@example.org")

    assert again.pk == ada.pk
    assert statuses(event) == [
        ("Bob", RegistrationStatus.GOING),
        ("Cyd", RegistrationStatus.GOING),
        ("Ada L.", RegistrationStatus.WAITING),
    ]


def test_cancelling_a_seat_promotes_the_first_in_line_at_once_and_mails_them(event, sent):
    ada = make_registration(event=event, name="Ada", email="ada@example.org")
    make_registration(event=event, name="Bob")
    make_registration(event=event, name="Cyd", email="cyd@example.org")
    make_registration(event=event, name="Dan")

    _, mails = sent(registration_cancel, registration=ada)

    assert statuses(event) == [
        ("Ada", RegistrationStatus.CANCELLED),
        ("Bob", RegistrationStatus.GOING),
        ("Cyd", RegistrationStatus.GOING),
        ("Dan", RegistrationStatus.WAITING),
    ]
    assert event.registrations.get(name="Dan").waitlist_place() == 1
    assert [(mail.to, mail.subject) for mail in mails] == [
        (["ada@example.org"], "Registration cancelled: Meetup 90"),
        (["cyd@example.org"], "A seat opened up for you: Meetup 90"),
    ]
    calendar = icalendar.Calendar.from_ical(mails[1].attachments[0][1])
    assert [str(entry["summary"]) for entry in calendar.walk("VEVENT")] == ["Meetup 90"]


def test_cancelling_twice_or_a_place_on_the_waitlist_promotes_nobody(event, sent):
    make_registration(event=event, name="Ada")
    make_registration(event=event, name="Bob")
    cyd = make_registration(event=event, name="Cyd")
    make_registration(event=event, name="Dan")

    registration_cancel(registration=cyd)
    _, mails = sent(registration_cancel, registration=cyd)

    assert mails == []
    assert statuses(event)[-1] == ("Dan", RegistrationStatus.WAITING)
    assert event.registrations.get(name="Dan").waitlist_place() == 1


def test_raising_the_capacity_gives_the_new_seats_in_order(event, sent):
    for name in ("Ada", "Bob", "Cyd", "Dan", "Eve"):
        make_registration(event=event, name=name)

    promoted, mails = sent(event_set_capacity, event=event, capacity=4)

    assert [registration.name for registration in promoted] == ["Cyd", "Dan"]
    assert len(mails) == 2
    assert statuses(event)[-1] == ("Eve", RegistrationStatus.WAITING)
    event.refresh_from_db()
    assert event.capacity == 4


def test_capacity_never_drops_below_the_seats_taken(event):
    make_registration(event=event)
    make_registration(event=event)

    with pytest.raises(ValidationError, match="2 people already have a seat"):
        event_set_capacity(event=event, capacity=1)
    event.capacity = 1
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert error.value.message_dict["capacity"] == [
        "2 people already have a seat: the meetup needs at least 2 seats (cancel registrations first to go lower)."
    ]


def test_promote_waiting_fills_seats_freed_without_a_cancellation(event):
    for name in ("Ada", "Bob", "Cyd"):
        make_registration(event=event, name=name)
    type(event).objects.filter(pk=event.pk).update(capacity=3)

    promoted = event_promote_waiting(event=event)

    assert [registration.name for registration in promoted] == ["Cyd"]


def test_host_guests_go_on_top_of_the_seats(event):
    make_registration(event=event, name="Ada")
    guest = event_add_host_guest(event=event, name="  Hanna Host ", company="Host AG")
    make_registration(event=event, name="Bob")
    make_registration(event=event, name="Cyd")

    assert (guest.status, guest.is_host_guest, guest.name) == (RegistrationStatus.GOING, True, "Hanna Host")
    counts = type(event).objects.get(pk=event.pk).registration_counts
    assert (counts.seated, counts.host_guests, counts.going, counts.waiting) == (2, 1, 3, 1)
    assert [person.name for person in event.registrations.guest_list()] == ["Ada", "Bob", "Hanna Host"]


def test_a_cancelled_host_guest_frees_no_seat(event):
    guest = event_add_host_guest(event=event, name="Hanna Host")
    make_registration(event=event, name="Ada")
    make_registration(event=event, name="Bob")
    make_registration(event=event, name="Cyd")

    registration_cancel(registration=guest)

    assert event.registrations.get(name="Cyd").status == RegistrationStatus.WAITING


def test_check_in_marks_people_going_and_can_be_undone(event):
    ada = make_registration(event=event)
    make_registration(event=event)
    waiting = make_registration(event=event)

    registration_check_in(registration=ada)
    assert Registration.objects.get(pk=ada.pk).checked_in_at is not None
    with pytest.raises(ValidationError, match="Only people going can be checked in"):
        registration_check_in(registration=waiting)
    with pytest.raises(ValidationError, match="Already checked in"):
        registration_cancel(registration=ada)

    registration_check_in(registration=ada, undo=True)
    assert Registration.objects.get(pk=ada.pk).checked_in_at is None


@pytest.mark.parametrize(
    "change",
    [
        {"status": EventStatus.DRAFT},
        {"status": EventStatus.CANCELLED},
        {"capacity": None},
        {"registration_closes_at": datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)},
        {"date": datetime.date(2020, 1, 1)},
    ],
    ids=["draft", "cancelled", "no-seats", "closing-time-passed", "past"],
)
def test_register_refuses_a_meetup_that_is_not_open(change):
    event = make_event(**{"capacity": 10, **change})

    with pytest.raises(ValidationError, match="Registration for this meetup is closed"):
        register(event=event, name="Ada", email="ada@example.org")
    assert not Registration.objects.exists()


def test_confirming_after_registration_closed_is_refused(event):
    pending = make_registration(event=event, confirm=False)
    type(event).objects.filter(pk=event.pk).update(registration_closes_at=timezone.now())

    with pytest.raises(ValidationError, match="Registration closed before the address was confirmed"):
        registration_confirm(registration=pending)
    pending.refresh_from_db()
    assert pending.status == RegistrationStatus.PENDING


def test_registration_closes_at_the_start_by_default():
    now = timezone.localtime()
    started = make_event(
        capacity=10, date=now.date(), start_time=(now - datetime.timedelta(minutes=1)).time()
    )
    later = make_event(capacity=10, date=now.date() + datetime.timedelta(days=1), start_time=now.time())

    assert (started.registration_is_open, later.registration_is_open) == (False, True)


@pytest.mark.parametrize(
    "fields",
    [
        {"email": "ada@example.org"},  # the same address twice
        {"email": "Ada@example.org"},  # not in lower case
        {"email": ""},  # no address, not a host guest
        {"email": "new@example.org", "consented_at": None},  # no consent
        {"email": "new@example.org", "name": ""},  # no name
        {"email": "new@example.org", "status": RegistrationStatus.WAITING},  # in line without a place
    ],
)
def test_database_refuses_registrations_that_break_its_rules(event, fields):
    make_registration(event=event, email="ada@example.org")
    row = {"event": event, "name": "X", "consented_at": timezone.now(), **fields}

    with pytest.raises(IntegrityError), transaction.atomic():
        Registration.objects.create(**row)


def test_database_refuses_a_negative_capacity(event):
    with pytest.raises(IntegrityError), transaction.atomic():
        type(event).objects.filter(pk=event.pk).update(capacity=-1)


def test_every_mail_has_a_text_and_an_html_part_and_links_the_status_page(event, sent):
    ada = make_registration(event=event, name="Ada & Co", email="ada@example.org", confirm=False)
    mails = []
    for service, kwargs in [
        (register, {"event": event, "name": "Ada", "email": "ada@example.org"}),
        (registration_confirm, {"registration": ada}),
        (register, {"event": event, "name": "Ada", "email": "ada@example.org"}),
    ]:
        mails += sent(service, **kwargs)[1]
    status_link = f"{SITE}/registrations/{ada.status_token}/"

    assert [mail.subject.split(":")[0] for mail in mails] == [
        "Please confirm your registration",
        "You have a seat",
        "You are already registered",
    ]
    for mail in mails:
        parsed = email.message_from_bytes(mail.message().as_bytes(), policy=email.policy.default)
        text = parsed.get_body(("plain",)).get_content()
        html = parsed.get_body(("html",)).get_content()
        assert "Hello Ada & Co," in text  # text is not HTML-escaped
        assert "Hello Ada &amp; Co," in html
        assert status_link in text and f'href="{status_link}"' in html


def test_a_mail_that_cannot_be_sent_is_reported_and_the_registration_kept(event, settings, sent):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", free_port(), 2

    result, _ = sent(register, event=event, name="Ada", email="ada@example.org")

    assert result.mail_sent is False
    assert Registration.objects.filter(email="ada@example.org", status=RegistrationStatus.PENDING).exists()
