"""The hourly jobs: reminders the day before (once each, with the cancel link and the calendar file, read back with
icalendar), and the anonymising of old registrations that keeps the counts."""

import datetime
import email
import email.policy
from zoneinfo import ZoneInfo

import icalendar
import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse

from bench.load import free_port
from events.models import Event, Registration, RegistrationAttempt, RegistrationCounts
from events.services.registration_throttle import registration_throttled
from events.services.registrations import registration_cancel, registration_check_in
from tests.factories import make_event, make_registration

pytestmark = pytest.mark.django_db

VIENNA = ZoneInfo("Europe/Vienna")
SITE = "https://meetup.example.org"


def at(day: int, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime(2030, 5, day, hour, minute, tzinfo=VIENNA)


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.VDLM_SITE_URL = SITE


@pytest.fixture
def evening():
    """Meetup 90 on 10 May 2030 at 18:30 with two seats: Ada and Bob going, Cyd waiting, Dan pending, Eve gone."""
    with time_machine.travel(at(1, 12), tick=False):
        event = make_event(
            title="Meetup 90", date=datetime.date(2030, 5, 10), start_time=datetime.time(18, 30), capacity=2
        )
        for name in ("Ada", "Eve", "Bob", "Cyd"):
            make_registration(event=event, name=name, email=f"{name.lower()}@example.org")
        make_registration(event=event, name="Dan", email="dan@example.org", confirm=False)
        registration_cancel(registration=event.registrations.get(name="Eve"))
    return event


def reminders(capsys) -> str:
    call_command("send_reminders")
    return capsys.readouterr().out.strip()


def test_reminders_go_the_day_before_to_everybody_going_once(evening, mailoutbox, capsys):
    with time_machine.travel(at(9, 10), tick=False):  # 32½ hours before: not yet
        assert reminders(capsys) == "Sent 0 reminder(s)."
    with time_machine.travel(at(9, 19), tick=False):
        assert reminders(capsys) == "Sent 2 reminder(s)."
        assert reminders(capsys) == "Sent 0 reminder(s)."

    assert sorted(mail.to[0] for mail in mailoutbox) == ["ada@example.org", "bob@example.org"]
    mail = next(mail for mail in mailoutbox if mail.to == ["bob@example.org"])
    bob = evening.registrations.get(name="Bob")
    assert mail.subject == "See you tomorrow: Meetup 90"
    assert f"{SITE}{reverse('events:registration_status', args=[bob.status_token])}" in mail.body
    parsed = email.message_from_bytes(mail.message().as_bytes(), policy=email.policy.default)
    assert parsed.get_body(("html",)) is not None
    calendar = icalendar.Calendar.from_ical(mail.attachments[0][1])
    entry = next(iter(calendar.walk("VEVENT")))
    assert entry.decoded("dtstart") == at(10, 18, 30)
    assert str(entry["summary"]) == "Meetup 90"


def test_somebody_who_gets_a_seat_later_is_reminded_on_the_next_run(evening, mailoutbox, capsys):
    with time_machine.travel(at(9, 19), tick=False):
        reminders(capsys)
        registration_cancel(registration=evening.registrations.get(name="Bob"))
    with time_machine.travel(at(9, 20), tick=False):
        assert reminders(capsys) == "Sent 1 reminder(s)."

    assert (mailoutbox[-1].to, mailoutbox[-1].subject) == (["cyd@example.org"], "See you tomorrow: Meetup 90")
    reminded = Registration.objects.filter(reminder_sent_at__isnull=False)
    assert sorted(reminded.values_list("name", flat=True)) == ["Ada", "Bob", "Cyd"]


def test_a_reminder_claimed_by_another_run_is_not_sent_again(evening, mailoutbox, capsys):
    with time_machine.travel(at(9, 19), tick=False):
        Registration.objects.filter(name="Ada").update(reminder_sent_at=at(9, 19))
        assert reminders(capsys) == "Sent 1 reminder(s)."

    assert [mail.to for mail in mailoutbox] == [["bob@example.org"]]


def test_a_reminder_the_mail_server_refused_is_tried_again(evening, settings, mailoutbox, capsys):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", free_port(), 2
    with time_machine.travel(at(9, 19), tick=False):
        assert reminders(capsys) == "Sent 0 reminder(s)."
        assert not Registration.objects.filter(reminder_sent_at__isnull=False).exists()
        settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
        assert reminders(capsys) == "Sent 2 reminder(s)."


def test_anonymising_wipes_old_registrations_and_keeps_the_counts(evening, settings, capsys):
    registration_check_in(registration=evening.registrations.get(name="Ada"))
    newer = make_event(capacity=5, date=datetime.date(2030, 5, 20))
    with time_machine.travel(at(1, 12), tick=False):
        make_registration(event=newer, name="Fay", email="fay@example.org")
    counts = RegistrationCounts.of(evening)
    settings.VDLM_REGISTRATION_RETENTION_DAYS = 30

    with time_machine.travel(datetime.datetime(2030, 6, 10, 12, tzinfo=VIENNA), tick=False):
        call_command("anonymise_registrations")
        first = capsys.readouterr().out
        call_command("anonymise_registrations")
        second = capsys.readouterr().out

    assert first.startswith("Anonymised 5 registration(s) of meetups more than 30 days ago")
    assert second.startswith("Anonymised 0 registration(s)")
    old = Registration.objects.filter(event=evening)
    assert set(old.values_list("name", "email", "company")) == {("", "", "")}
    assert all(digest for digest in old.values_list("email_digest", flat=True))
    assert RegistrationCounts.of(Event.objects.get(pk=evening.pk)) == counts
    assert old.filter(checked_in_at__isnull=False).count() == 1
    assert Registration.objects.get(event=newer).name == "Fay"


def test_anonymising_forgets_throttling_counts_after_a_day(capsys):
    with time_machine.travel(at(1, 12), tick=False):
        registration_throttled(sender="203.0.113.5", email="ada@example.org")
    with time_machine.travel(at(2, 11), tick=False):
        registration_throttled(sender="203.0.113.5", email="bob@example.org")
    with time_machine.travel(at(2, 13), tick=False):
        call_command("anonymise_registrations")

    assert "forgot 2 throttling count(s)" in capsys.readouterr().out
    assert RegistrationAttempt.objects.count() == 2
    assert not RegistrationAttempt.objects.filter(digest__contains="203.0.113.5").exists()


def test_the_evening_is_as_its_docstring_says_on_each_persons_status_page(client, evening):
    """The tests above rely on who is going, waiting, pending and gone: each person's own page says so."""
    says = {
        "Ada": "You have a seat.",
        "Bob": "You have a seat.",
        "Cyd": "You are number 1 on the waitlist.",
        "Dan": "Please confirm your address",
        "Eve": "You cancelled this registration.",
    }
    assert sorted(evening.registrations.values_list("name", flat=True)) == sorted(says)
    for name, words in says.items():
        response = client.get(evening.registrations.get(name=name).status_url())
        assert response.status_code == 200, name
        assert f"<strong>{words}</strong>" in response.content.decode(), name
