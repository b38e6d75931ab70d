"""The attendee's whole path in Chromium, with every mail really sent through an SMTP server on loopback (aiosmtpd)
and its links followed: register from the meetup's (cached) page, confirm from the received mail, see the status,
cancel, and the next person on the waitlist is promoted and mailed. And check-in at the door on a 360 px phone.
"""

import email
import email.policy
import re
import threading
import time

import icalendar
import pytest
from aiosmtpd.controller import Controller
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse
from playwright.sync_api import expect

from bench.load import free_port
from events.enums import RegistrationStatus
from events.models import Registration
from tests.e2e.colours import contrast
from tests.factories import make_event, make_registration

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


class Inbox:
    """An SMTP server's mailbox: the messages it received, parsed as a mail client does."""

    def __init__(self):
        self.messages = []
        self.arrived = threading.Condition()

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self.arrived:
            self.messages.append(message)
            self.arrived.notify_all()
        return "250 Message accepted for delivery"

    def wait_for(self, to: str, subject: str, timeout: float = 15):
        deadline = time.monotonic() + timeout
        with self.arrived:
            while True:
                for message in self.messages:
                    if message["To"] == to and message["Subject"].startswith(subject):
                        return message
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    got = [(m["To"], m["Subject"]) for m in self.messages]
                    raise AssertionError(f"no mail “{subject}” to {to}; got {got}")
                self.arrived.wait(remaining)


@pytest.fixture
def inbox(settings, live_server):
    """The site sends through a real SMTP server on 127.0.0.1; links in mails name the live server."""
    mailbox = Inbox()
    controller = Controller(mailbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = controller.hostname, controller.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.VDLM_SITE_URL = live_server.url
    yield mailbox
    controller.stop()


@pytest.fixture
def visitor(browser, live_server):
    """A new browser (cookies of its own) for each attendee."""
    contexts = []

    def open_page():
        contexts.append(
            browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
        )
        return contexts[-1].new_page()

    yield open_page
    for context in contexts:
        context.close()


def text_part(message) -> str:
    assert message.get_body(("html",)) is not None, "the mail has no HTML part"
    return message.get_body(("plain",)).get_content()


def link(message, path: str) -> str:
    """The first link in the mail's text part to `path`."""
    return re.search(rf"https?://\S+{re.escape(path)}\S+/", text_part(message)).group(0)


def register(page, event, *, name: str, address: str, button: str, screenshot=None) -> None:
    response = page.goto(event.get_absolute_url())
    assert response.status == 200
    page.get_by_role("link", name=re.compile(f"^{button}")).click()
    page.get_by_label("Your name as on your ID").fill(name)
    page.get_by_label("Email address").fill(address)
    page.get_by_label("Company or organisation (optional)").fill("Analytical Engines")
    page.get_by_label(re.compile("I agree that the organizers keep these details")).check()
    if screenshot:
        screenshot(page, "registration-form")
    page.get_by_role("button", name=button).click()
    expect(page.get_by_role("heading", name="Check your inbox")).to_be_visible()


def confirm_from_mail(page, inbox, address: str) -> None:
    message = inbox.wait_for(address, "Please confirm your registration")
    page.goto(link(message, "/registrations/confirm/"))
    page.get_by_role("button", name="Confirm my registration").click()
    expect(page.get_by_role("heading", name="Your registration")).to_be_visible()


def test_attendee_registers_confirms_cancels_and_the_next_person_is_promoted(visitor, inbox, screenshot):
    event = make_event(title="Meetup 90", slug="meetup-90", capacity=1)
    ada, bob = visitor(), visitor()

    # The meetup's page comes from the page cache, and still lets people register.
    ada.goto(event.get_absolute_url())
    assert ada.goto(event.get_absolute_url()).headers["x-page-cache"] == "hit"
    expect(ada.locator("#registration")).to_contain_text("0 going, 1 of 1 seats left")

    screenshot(ada, "registration-event-page")
    register(
        ada, event, name="Ada Lovelace", address="ada@example.org", button="Register", screenshot=screenshot
    )
    confirm_from_mail(ada, inbox, "ada@example.org")
    expect(ada.get_by_role("status")).to_contain_text("You have a seat.")
    seat_mail = inbox.wait_for("ada@example.org", "You have a seat")
    screenshot(ada, "registration-status")

    # Full now: the next person joins the waitlist.
    register(bob, event, name="Bob Babbage", address="bob@example.org", button="Join the waitlist")
    confirm_from_mail(bob, inbox, "bob@example.org")
    expect(bob.get_by_role("status")).to_contain_text("You are number 1 on the waitlist.")

    # Ada cannot come: the link in her mail, then cancel, and yes.
    ada.goto(link(seat_mail, "/registrations/"))
    ada.get_by_role("link", name="Cancel my registration…").click()
    expect(ada.get_by_role("heading", name="Cancel your registration?")).to_be_visible()
    ada.get_by_role("button", name="Yes, cancel my registration").click()
    expect(ada.get_by_role("status")).to_contain_text("You cancelled this registration.")
    inbox.wait_for("ada@example.org", "Registration cancelled")

    # Bob is promoted at once, and mailed, with the calendar file.
    promoted = inbox.wait_for("bob@example.org", "A seat opened up for you")
    attachment = next(
        part for part in promoted.iter_attachments() if part.get_content_type() == "text/calendar"
    )
    entry = next(iter(icalendar.Calendar.from_ical(attachment.get_content()).walk("VEVENT")))
    assert str(entry["summary"]) == "Meetup 90"
    bob.goto(link(promoted, "/registrations/"))
    expect(bob.get_by_role("status")).to_contain_text("You have a seat.")
    assert dict(Registration.objects.values_list("email", "status")) == {
        "ada@example.org": RegistrationStatus.CANCELLED,
        "bob@example.org": RegistrationStatus.GOING,
    }

    # The status page's calendar link is the meetup's calendar file.
    calendar = bob.request.get(bob.get_by_role("link", name="Add to calendar").get_attribute("href"))
    assert calendar.status == 200
    assert icalendar.Calendar.from_ical(calendar.body()).walk("VEVENT")[0]["summary"] == "Meetup 90"


def test_registration_pages_have_no_accessibility_violations(page, phone_page):
    event = make_event(title="Meetup 90", slug="meetup-90", capacity=5)
    registration = make_registration(event=event)
    axe = Axe()
    for url in [
        reverse("events:register", args=[event.slug]),
        reverse("events:registration_status", args=[registration.status_token]),
        reverse("events:registration_privacy"),
        event.get_absolute_url(),
    ]:
        for viewport in (page, phone_page):
            assert viewport.goto(url).status == 200, url
            results = axe.run(viewport)
            assert results.violations_count == 0, results.generate_report()
            assert (
                viewport.evaluate("document.documentElement.scrollWidth") <= viewport.viewport_size["width"]
            )


def test_check_in_at_the_door_works_on_a_phone(phone_page, organizer, screenshot):
    event = make_event(title="Meetup 90", slug="meetup-90", capacity=3)
    for name in ("Jürgen Schlüter", "Ada Lovelace", "Grace Hopper", "Wendy Waiting"):
        make_registration(event=event, name=name, company="A very long company name GmbH & Co KG")
    phone = phone_page

    phone.goto(reverse("events:check_in", args=[event.slug]))  # to the login page first
    phone.get_by_label("Username").fill("olga")
    phone.get_by_label("Password").fill("pw-organizer-1")
    phone.get_by_role("button", name="Log in").click()
    expect(phone.get_by_role("heading", name="Check-in")).to_be_visible()
    assert [phone.locator(f"#count-{name}").inner_text() for name in ("going", "checked-in", "waiting")] == [
        "3",
        "0",
        "1",
    ]

    phone.get_by_label("Find by name or company").fill("schlu")  # filters while typing
    expect(phone.locator("li.person:visible")).to_have_count(1)
    phone.get_by_role("button", name="Check in Jürgen Schlüter").tap()

    expect(phone.get_by_role("status")).to_contain_text("Jürgen Schlüter is checked in.")
    assert phone.locator("#count-checked-in").inner_text() == "1"
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot(phone, "check-in-phone")
    assert Registration.objects.get(name="Jürgen Schlüter").checked_in_at is not None

    phone.get_by_role("button", name="Undo", exact=True).tap()
    expect(phone.get_by_role("status")).to_contain_text("Jürgen Schlüter is no longer checked in.")
    assert phone.locator("#count-checked-in").inner_text() == "0"


def test_erase_button_of_a_persons_data_is_plainly_visible(page, organizer, screenshot):
    event = make_event(title="Meetup 91", slug="meetup-91", capacity=3)
    make_registration(event=event, name="Ada Lovelace", email="ada@example.org")

    page.goto(
        reverse("admin:events_registration_person") + "?email=ada@example.org"
    )  # to the login page first
    page.get_by_label("Username").fill("olga")
    page.get_by_label("Password").fill("pw-organizer-1")
    page.get_by_role("button", name="Log in").click()
    button = page.get_by_role("button", name="Erase this person’s data")
    expect(button).to_be_visible()
    screenshot(page, "admin-erase-person")
    colours = button.evaluate("b => { const s = getComputedStyle(b); return [s.color, s.backgroundColor]; }")
    assert colours[1] not in ("rgba(0, 0, 0, 0)", "transparent")
    assert contrast(*colours) >= 4.5
