"""The public side of registration: the meetup's page (cached) says how to register, the registration pages
(never cached) carry the form with a fresh CSRF token, refuse bad input in plain words, throttle floods, and
never reveal who registered; the private status page shows the place, the calendar and the cancel button."""

import datetime
import re
import zoneinfo

import pytest
import time_machine
import vobject
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from events.enums import EventStatus, RegistrationStatus
from events.models import Event, Registration
from events.services.publishing import event_cancel
from events.services.registration_privacy import person_erase
from events.services.registrations import MEETUP_CANCELLED
from tests.factories import make_event, make_registration

pytestmark = pytest.mark.django_db

FORM = {"name": "Ada Lovelace", "email": "ada@example.org", "company": "Engines", "consent": "on"}


@pytest.fixture
def event():
    return make_event(title="Meetup 90", slug="meetup-90", capacity=3)


def register_url(event) -> str:
    return reverse("events:register", args=[event.slug])


def status_url(registration) -> str:
    return reverse("events:registration_status", args=[registration.status_token])


def text(response) -> str:
    """The page's visible words, tags dropped and spaces folded."""
    words = " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())
    return re.sub(r" ([,.;:])", r"\1", words)


def test_event_page_offers_registration_with_the_seats_left_and_stays_cached(client, event):
    make_registration(event=event)

    first = client.get(event.get_absolute_url())
    second = client.get(event.get_absolute_url())

    assert first.status_code == second.status_code == 200
    assert "1 going, 2 of 3 seats left." in text(first)
    assert f'href="{register_url(event)}"' in first.content.decode()
    assert "csrfmiddlewaretoken" not in first.content.decode() and not first.cookies
    assert second.headers["X-Page-Cache"] == "hit"


def test_cached_pages_offering_registration_expire_when_it_closes(client, event):
    """Closing is no edit, yet the event page, its calendar file and the subscription say "closed" from then on."""
    vienna = zoneinfo.ZoneInfo("Europe/Vienna")
    morning = datetime.datetime.combine(event.date, datetime.time(9, 0), tzinfo=vienna)
    closes = morning + datetime.timedelta(hours=2)
    Event.objects.filter(pk=event.pk).update(registration_closes_at=closes)
    pages = [
        event.get_absolute_url(),
        reverse("events:event_ics", args=[event.slug]),
        reverse("events:calendar"),
    ]
    sign_up = f"/meetups/{event.slug}/register/"

    with time_machine.travel(morning, tick=False):
        open_pages = [client.get(url) for url in pages]
        again = [client.get(url) for url in pages]
    with time_machine.travel(closes + datetime.timedelta(seconds=1), tick=False):
        after = [client.get(url) for url in pages]

    assert [r.status_code for r in open_pages + again + after] == [200] * 9
    assert [r.headers["X-Page-Cache"] for r in again] == ["hit"] * 3
    assert [r.headers["X-Page-Cache"] for r in after] == ["miss"] * 3
    assert f'href="{register_url(event)}"' in open_pages[0].content.decode()
    assert f'href="{register_url(event)}"' not in after[0].content.decode()
    assert "Registration closed." in text(after[0])
    for before_closing, after_closing in zip(open_pages[1:], after[1:], strict=True):
        assert sign_up in vobject.readOne(before_closing.content.decode()).vevent.description.value
        assert sign_up not in vobject.readOne(after_closing.content.decode()).vevent.description.value


def test_home_page_next_meetup_offers_registration_while_it_is_open(client, event):
    vienna = zoneinfo.ZoneInfo("Europe/Vienna")
    morning = datetime.datetime.combine(event.date, datetime.time(9, 0), tzinfo=vienna)
    Event.objects.filter(pk=event.pk).update(registration_closes_at=morning + datetime.timedelta(hours=2))

    with time_machine.travel(morning - datetime.timedelta(days=3), tick=False):
        open_home = client.get("/")
    with time_machine.travel(morning + datetime.timedelta(hours=3), tick=False):
        closed_home = client.get("/")

    assert open_home.status_code == closed_home.status_code == 200
    assert f'href="{register_url(event)}"' in open_home.content.decode()
    assert f"Register for {event.title} Free; registration closes" in text(open_home)
    assert f'href="{register_url(event)}"' not in closed_home.content.decode()


def test_event_page_says_full_join_the_waitlist(client, event):
    for _ in range(4):
        make_registration(event=event)

    response = client.get(event.get_absolute_url())

    assert response.status_code == 200
    assert "Full — join the waitlist. 3 going, 1 waiting." in text(response)
    assert "Join the waitlist for Meetup 90" in text(response)


def test_event_page_of_a_full_meetup_still_says_when_registration_closes(client, event):
    for _ in range(4):
        make_registration(event=event)
    closes = event.starts_at  # by default, at the start

    response = client.get(event.get_absolute_url())

    assert response.status_code == 200
    assert f"Registration closes {closes:%A}, {closes.day} {closes:%B}, {closes:%H:%M}." in text(response)


def test_event_page_says_registration_closed(client, event):
    make_registration(event=event)
    type(event).objects.filter(pk=event.pk).update(registration_closes_at=timezone.now())

    response = client.get(event.get_absolute_url())

    assert response.status_code == 200
    assert "Registration closed. 1 going." in text(response)
    assert register_url(event) not in response.content.decode()


def test_event_page_without_seats_has_no_registration(client):
    event = make_event(meetup_url="https://www.meetup.com/vdlm/events/1/")

    response = client.get(event.get_absolute_url())

    assert response.status_code == 200
    assert 'id="registration"' not in response.content.decode()
    assert "Sign up on meetup.com" in text(response)


def test_a_visitor_of_the_cached_page_registers_with_a_fresh_csrf_token(event):
    browser = Client(enforce_csrf_checks=True)
    assert browser.get(event.get_absolute_url()).status_code == 200
    cached = browser.get(event.get_absolute_url())
    assert cached.status_code == 200
    assert cached.headers["X-Page-Cache"] == "hit"

    form_page = browser.get(register_url(event))
    assert form_page.status_code == 200
    assert "no-store" in form_page.headers["Cache-Control"] and "X-Page-Cache" not in form_page.headers
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form_page.content.decode()).group(1)
    response = browser.post(register_url(event), {**FORM, "csrfmiddlewaretoken": token})

    assert response.status_code == 302
    assert response.headers["Location"] == reverse("events:registration_sent", args=[event.slug])
    assert Registration.objects.get().email == "ada@example.org"


def test_register_without_a_csrf_token_is_refused(event):
    response = Client(enforce_csrf_checks=True).post(register_url(event), FORM)

    assert response.status_code == 403
    assert not Registration.objects.exists()


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"email": "ada@example"}, "email", "This is not an email address we can write to"),
        ({"email": "ada at example.org"}, "email", "This is not an email address we can write to"),
        ({"email": ""}, "email", "Please give your email address"),
        ({"name": "   "}, "name", "Please write your name as on your ID"),
        ({"consent": ""}, "consent", "Please agree to the privacy note"),
        ({"name": "x" * 201}, "name", "Please shorten your name to 200 characters."),
    ],
)
def test_register_refuses_bad_input_in_plain_words_and_keeps_what_was_typed(
    client, event, change, field, message
):
    response = client.post(register_url(event), {**FORM, **change})

    assert response.status_code == 200
    assert message in response.context["form"].errors[field][0]
    assert message in text(response)
    assert 'value="Engines"' in response.content.decode()
    assert not Registration.objects.exists()


def test_sent_page_is_the_same_for_a_new_and_a_known_address(client, event, mailoutbox):
    make_registration(event=event, email="ada@example.org")

    known = client.post(register_url(event), FORM, follow=True)
    new = client.post(register_url(event), {**FORM, "email": "bob@example.org"}, follow=True)

    assert known.status_code == new.status_code == 200
    assert known.content == new.content
    assert "Check your inbox" in text(new)
    assert Registration.objects.count() == 2


def test_register_is_throttled_per_address(client, event, settings):
    settings.VDLM_REGISTRATION_LIMIT_PER_EMAIL = 2
    for _ in range(2):
        assert client.post(register_url(event), FORM).status_code == 302

    refused = client.post(register_url(event), FORM)

    assert refused.status_code == 429
    assert "This address was sent too often in the last hour" in text(refused)
    assert 'value="Ada Lovelace"' in refused.content.decode()


def test_register_is_throttled_per_ip_address_behind_the_proxies_trusted(client, event, settings):
    settings.VDLM_REGISTRATION_LIMIT_PER_IP = 2
    settings.VDLM_TRUSTED_PROXIES = 1

    def post(n, ip, forged=""):
        forwarded = f"{forged}, {ip}" if forged else ip
        data = {**FORM, "email": f"person{n}@example.org"}
        return client.post(register_url(event), data, HTTP_X_FORWARDED_FOR=forwarded).status_code

    assert [post(1, "203.0.113.5"), post(2, "203.0.113.5")] == [302, 302]
    assert post(3, "203.0.113.5", forged="198.51.100.1") == 429  # what the client adds is not trusted
    assert post(4, "203.0.113.6") == 302
    assert Registration.objects.count() == 3


def test_register_page_of_a_closed_meetup_says_so_and_takes_nothing(client, event):
    type(event).objects.filter(pk=event.pk).update(registration_closes_at=timezone.now())

    page = client.get(register_url(event))
    post = client.post(register_url(event), FORM)

    assert page.status_code == 200
    assert "Registration closed." in text(page) and "<form" not in page.content.decode()
    assert post.status_code == 200
    assert "Registration closed." in text(post)
    assert not Registration.objects.exists()


def test_register_pages_of_drafts_and_meetups_without_seats_are_not_found(client):
    draft = make_event(capacity=10, status=EventStatus.DRAFT)
    elsewhere = make_event()

    assert client.get(register_url(draft)).status_code == 404
    assert client.get(register_url(elsewhere)).status_code == 404


def test_confirm_link_shows_a_button_and_confirms_on_post_only(client, event):
    pending = make_registration(event=event, name="Ada", confirm=False)
    url = reverse("events:registration_confirm", args=[pending.confirm_token])

    page = client.get(url)
    pending.refresh_from_db()
    assert page.status_code == 200 and pending.status == RegistrationStatus.PENDING
    assert "Confirm my registration" in text(page)

    confirmed = client.post(url)
    again = client.get(url)

    assert confirmed.status_code == 302 and confirmed.headers["Location"] == status_url(pending)
    assert again.status_code == 302 and again.headers["Location"] == status_url(pending)
    pending.refresh_from_db()
    assert pending.status == RegistrationStatus.GOING


def test_status_page_shows_the_place_the_calendar_and_the_cancel_button(client, event):
    going = make_registration(event=event, name="Ada")
    for _ in range(4):
        waiting = make_registration(event=event)

    seat = client.get(status_url(going))
    line = client.get(status_url(waiting))

    assert seat.status_code == line.status_code == 200
    assert "You have a seat." in text(seat)
    assert "You are number 2 on the waitlist." in text(line)
    assert reverse("events:event_ics", kwargs={"slug": event.slug}) in seat.content.decode()
    assert reverse("events:registration_cancel", args=[going.status_token]) in seat.content.decode()
    assert "Cancel my registration…" in text(seat)


def test_status_page_says_what_cancelling_does_for_a_seat_a_waitlist_place_and_an_unconfirmed_registration(
    client, event
):
    going = make_registration(event=event)
    for _ in range(3):
        waiting = make_registration(event=event)
    unconfirmed = make_registration(event=event, confirm=False)

    pages = {person: client.get(status_url(person)) for person in (going, waiting, unconfirmed)}

    assert [page.status_code for page in pages.values()] == [200, 200, 200]
    assert "Cancel, and your seat goes to the next person at once." in text(pages[going])
    assert "Cancel, and you leave the waitlist." in text(pages[waiting])
    assert "Cancel, and the registration never counts." in text(pages[unconfirmed])
    assert "seat goes" not in text(pages[unconfirmed]) + text(pages[waiting])


def test_cancel_button_frees_the_seat_for_the_first_in_line(client, event):
    ada = make_registration(event=event, name="Ada")
    for _ in range(3):
        make_registration(event=event)
    first_waiting = event.registrations.waiting().first()

    response = client.post(reverse("events:registration_cancel", args=[ada.status_token]))
    assert response.status_code == 302 and response.headers["Location"] == status_url(ada)
    page = client.get(status_url(ada))

    assert page.status_code == 200
    assert "You cancelled this registration." in text(page)
    assert "Cancel my registration" not in text(page)
    first_waiting.refresh_from_db()
    assert first_waiting.status == RegistrationStatus.GOING


def test_cancel_link_asks_once_more_and_cancels_nothing_until_the_button_is_pressed(client, event):
    ada = make_registration(event=event)
    cancel_url = reverse("events:registration_cancel", args=[ada.status_token])

    status = client.get(status_url(ada))
    question = client.get(cancel_url)

    assert (status.status_code, question.status_code) == (200, 200)
    assert f'href="{cancel_url}"' in status.content.decode()
    assert "Cancel your registration?" in text(question)
    assert "Your seat goes to the next person on the waitlist at once" in text(question)
    assert f'href="{status_url(ada)}"' in question.content.decode()  # "No, keep it"
    assert question.headers["X-Robots-Tag"] == "noindex, nofollow"
    ada.refresh_from_db()
    assert ada.status == RegistrationStatus.GOING


def test_cancel_page_of_a_registration_already_cancelled_leads_back_to_the_status_page(client, event):
    ada = make_registration(event=event)
    client.post(reverse("events:registration_cancel", args=[ada.status_token]))

    response = client.get(reverse("events:registration_cancel", args=[ada.status_token]))

    assert response.status_code == 302
    assert response.headers["Location"] == status_url(ada)


def test_after_the_meetup_is_cancelled_the_links_say_so_and_offer_nothing_to_do(client, event):
    going = make_registration(event=event, name="Ada")
    unconfirmed = make_registration(event=event, name="Bo", confirm=False)
    event_cancel(event=event)
    confirm_url = reverse("events:registration_confirm", args=[unconfirmed.confirm_token])

    status = client.get(status_url(going))
    confirm = client.get(confirm_url)
    pressed = client.post(confirm_url)
    cancel = client.post(reverse("events:registration_cancel", args=[going.status_token]))

    assert (status.status_code, confirm.status_code, pressed.status_code, cancel.status_code) == (
        200,
        200,
        200,
        409,
    )
    assert "This meetup is cancelled." in text(status)
    assert "Cancel my registration" not in text(status)
    assert reverse("events:event_ics", kwargs={"slug": event.slug}) not in status.content.decode()
    for page in (confirm, pressed):
        assert MEETUP_CANCELLED in text(page)
        assert "Confirm my registration" not in text(page)
    assert MEETUP_CANCELLED in text(cancel)
    assert list(event.registrations.order_by("pk").values_list("status", flat=True)) == [
        RegistrationStatus.GOING,
        RegistrationStatus.PENDING,
    ]


def test_confirm_link_after_registration_closed_says_so_without_a_button(client, event):
    unconfirmed = make_registration(event=event, confirm=False)
    Event.objects.filter(pk=event.pk).update(
        registration_closes_at=timezone.now() - datetime.timedelta(minutes=1)
    )

    page = client.get(reverse("events:registration_confirm", args=[unconfirmed.confirm_token]))

    assert page.status_code == 200
    assert "Registration closed before the address was confirmed." in text(page)
    assert "Confirm my registration" not in text(page)


def test_unknown_and_erased_links_lead_nowhere(client, event):
    ada = make_registration(event=event, email="ada@example.org")
    old_status, old_confirm = (
        status_url(ada),
        reverse("events:registration_confirm", args=[ada.confirm_token]),
    )
    person_erase(email="ada@example.org")

    assert client.get("/registrations/not-a-token-of-anybody/").status_code == 404
    assert client.get(old_status).status_code == 404
    assert client.get(old_confirm).status_code == 404


def test_private_pages_are_never_cached_nor_indexed(client, event):
    ada = make_registration(event=event)

    for url in (register_url(event), status_url(ada)):
        response = client.get(url)
        assert response.status_code == 200
        assert "no-store" in response.headers["Cache-Control"]
        assert response.headers["X-Robots-Tag"] == "noindex, nofollow"
        assert "X-Page-Cache" not in response.headers


def test_privacy_note_says_what_is_kept_for_how_long_and_who_sees_it(client, settings):
    settings.VDLM_REGISTRATION_RETENTION_DAYS = 45

    response = client.get(reverse("events:registration_privacy"))

    assert response.status_code == 200
    words = text(response)
    assert "45 days after the meetup we delete your name, email address and company." in words
    assert "names and companies of the people going, never email addresses" in words
    assert "Datenschutzbehörde" in words


def test_register_form_links_the_privacy_note_beside_the_consent_checkbox(client, event):
    response = client.get(register_url(event))

    assert response.status_code == 200
    page = response.content.decode()
    assert 'type="checkbox" name="consent"' in page
    assert reverse("events:registration_privacy") in page


def test_event_page_with_registration_runs_one_more_query_at_every_data_size(
    client, site_data, upcoming_event, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = upcoming_event.get_absolute_url()
    with CaptureQueriesContext(connection) as without:
        assert client.get(url).status_code == 200
    type(upcoming_event).objects.filter(pk=upcoming_event.pk).update(capacity=50)
    upcoming_event.refresh_from_db()
    make_registration(event=upcoming_event)

    with django_assert_num_queries(len(without) + 1):
        response = client.get(url)

    assert response.status_code == 200
    assert "1 going" in text(response)


@pytest.mark.django_db(transaction=True)  # as in production: the mail goes when the registration is committed
def test_register_says_plainly_when_the_mail_could_not_be_sent_and_keeps_the_registration(
    client, event, settings
):
    from bench.load import free_port

    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", free_port(), 2

    response = client.post(register_url(event), FORM)

    assert response.status_code == 503
    assert "Your registration is saved, but our email to you could not be sent just now." in text(response)
    assert Registration.objects.get().email == "ada@example.org"
