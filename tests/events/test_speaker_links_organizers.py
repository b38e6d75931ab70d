"""What organizers do with speaker links: copy one from a talk's admin page, print a meetup's from the terminal,
mail them to the speakers, replace them."""

import datetime
import email
import email.policy
import io
from urllib.parse import urlsplit

import pytest
from aiosmtpd.controller import Controller
from django.core import mail
from django.core.management import CommandError, call_command
from django.urls import reverse

from bench.load import free_port
from events.models import local_today
from events.services.speaker_links import speaker_link_url
from talks.models import Talk
from tests.events.speaker_link_pages import elements, link_path
from tests.factories import make_event, make_speaker, make_talk

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:talks_talk_changelist")


@pytest.fixture
def meetup():
    event = make_event(
        number=76, title="76th Deep Learning Meetup", date=local_today() + datetime.timedelta(days=9)
    )
    grace = make_speaker(name="Grace Example", email="grace@example.org")
    alan = make_speaker(name="Alan Example", email="alan@example.org")
    nobody = make_speaker(name="Nora Noaddress")
    make_talk(
        event=event, title="Second: a talk", slug="second", speakers=[nobody], start_time=datetime.time(19)
    )
    make_talk(
        event=event,
        title="First talk",
        slug="first",
        speakers=[grace, alan],
        start_time=datetime.time(18, 40),
    )
    return event


def test_speaker_links_command_prints_each_talk_with_its_absolute_link(client, settings, meetup):
    settings.VDLM_SITE_URL = "https://meetup.example.org/"
    out, err = io.StringIO(), io.StringIO()

    call_command("speaker_links", "--number", "76", stdout=out, stderr=err)

    lines = [line.split("\t") for line in out.getvalue().splitlines()]
    assert [title for title, _ in lines] == ["First talk", "Second: a talk"]  # the running order
    for title, url in lines:
        address = urlsplit(url)
        assert (address.scheme, address.netloc) == ("https", "meetup.example.org")
        response = client.get(address.path)
        assert response.status_code == 200
        assert response.context["talk"].title == title
    assert err.getvalue() == ""


def test_speaker_links_command_unknown_meetup_is_an_error():
    with pytest.raises(CommandError, match="There is no meetup number 999."):
        call_command("speaker_links", "--number", "999")


def test_speaker_links_command_says_when_the_links_have_closed(meetup):
    meetup.date = local_today() - datetime.timedelta(days=45)
    meetup.save(update_fields=["date"])
    err = io.StringIO()

    call_command("speaker_links", "--number", "76", stdout=io.StringIO(), stderr=err)

    assert "they no longer work" in err.getvalue()


def test_speaker_links_command_emails_with_email_option(meetup):
    err = io.StringIO()

    call_command("speaker_links", "--number", "76", "--email", stdout=io.StringIO(), stderr=err)

    assert sorted(message.to[0] for message in mail.outbox) == ["alan@example.org", "grace@example.org"]
    assert "No email address: Nora Noaddress" in err.getvalue()


def test_admin_talk_page_shows_the_link_with_a_copy_button(organizer_client, settings, meetup):
    settings.VDLM_SITE_URL = "https://meetup.example.org"
    talk = Talk.objects.get(slug="first")

    response = organizer_client.get(reverse("admin:talks_talk_change", args=[talk.pk]))

    assert response.status_code == 200
    [field] = [attrs for attrs, _ in elements(response.content, "input") if attrs.get("id") == "speaker-link"]
    assert "readonly" in field
    assert field["value"] == speaker_link_url(talk)
    buttons = [text for attrs, text in elements(response.content, "button") if attrs.get("data-copy")]
    assert buttons == ["Copy link"]
    scripts = elements(response.content, "script")
    assert any(attrs.get("src", "").endswith("js/copy-link.js") for attrs, _ in scripts)
    assert not [
        text for attrs, text in scripts if "src" not in attrs and text.strip()
    ]  # no inline script (CSP)
    assert "30 days after the meetup" in response.content.decode()


def test_admin_add_talk_page_explains_the_link_comes_after_saving(organizer_client):
    response = organizer_client.get(reverse("admin:talks_talk_add"))

    assert response.status_code == 200
    assert "Appears once the talk is saved on a meetup’s program." in response.content.decode()


def admin_action(client, action: str, talks) -> list[str]:
    response = client.post(
        CHANGELIST, {"action": action, "_selected_action": [talk.pk for talk in talks]}, follow=True
    )
    assert response.status_code == 200
    return [str(message) for message in response.context["messages"]]


def test_admin_action_emails_each_speaker_their_link(organizer_client, settings, meetup):
    settings.VDLM_SITE_URL = "https://meetup.example.org"
    settings.VDLM_CONTACT_EMAIL = "hello@vdlm.example"
    talks = list(Talk.objects.all())

    notes = admin_action(organizer_client, "email_speaker_links", talks)

    assert notes == [
        "Mailed the speaker link to Grace Example <grace@example.org>, Alan Example <alan@example.org>.",
        "No email address for Nora Noaddress: add it on their speaker page, or copy the link from the talk’s page "
        "and send it yourself.",
    ]
    assert [message.to for message in mail.outbox] == [["grace@example.org"], ["alan@example.org"]]
    first = Talk.objects.get(slug="first")
    for message in mail.outbox:
        assert message.reply_to == ["hello@vdlm.example"]
        assert message.subject == (
            "Your talk at the 76th Deep Learning Meetup: your private link for slides, abstract and bio"
        )
        assert speaker_link_url(first) in message.body
        html_body, mimetype = message.alternatives[0]
        assert mimetype == "text/html"
        assert speaker_link_url(first) in [attrs["href"] for attrs, _ in elements(html_body, "a")]
    assert "Your co-speaker Alan Example has the same link." in mail.outbox[0].body


def test_admin_action_does_not_mail_closed_links(organizer_client, meetup):
    meetup.date = local_today() - datetime.timedelta(days=31)
    meetup.save(update_fields=["date"])

    notes = admin_action(organizer_client, "email_speaker_links", Talk.objects.all())

    assert mail.outbox == []
    assert notes == [
        "Not mailed, as their link has closed or they are on no meetup’s program: First talk, Second: a talk."
    ]


def test_admin_action_makes_new_links_and_the_old_stop_working(client, organizer_client, meetup):
    talk = Talk.objects.get(slug="first")
    old = link_path(talk)

    notes = admin_action(organizer_client, "renew_speaker_links", [talk])

    assert notes == [
        "Made new speaker links for 1 talk; the old links stop working now. Send the new ones with “Email the "
        "speakers their private links”."
    ]
    assert client.get(old).status_code == 404
    assert client.get(link_path(talk)).status_code == 200
    assert client.get(link_path(Talk.objects.get(slug="second"))).status_code == 200


class Recorder:
    def __init__(self):
        self.envelopes = []

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append(envelope)
        return "250 OK"


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server on the loopback interface (aiosmtpd), and Django's SMTP backend pointed at it."""
    recorder = Recorder()
    port = free_port()
    controller = Controller(recorder, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    yield recorder
    controller.stop()


def test_admin_action_mail_goes_through_a_real_smtp_server(organizer_client, settings, meetup, smtp_server):
    settings.VDLM_SITE_URL = "https://meetup.example.org"
    first = Talk.objects.get(slug="first")

    notes = admin_action(organizer_client, "email_speaker_links", [first])

    assert notes[0].startswith("Mailed the speaker link to Grace Example")
    assert sorted(envelope.rcpt_tos[0] for envelope in smtp_server.envelopes) == [
        "alan@example.org",
        "grace@example.org",
    ]
    message = email.message_from_bytes(smtp_server.envelopes[0].content, policy=email.policy.default)
    assert message.get_content_type() == "multipart/alternative"
    text = message.get_body(preferencelist=("plain",)).get_content()
    page = message.get_body(preferencelist=("html",)).get_content()
    assert speaker_link_url(first) in text
    assert speaker_link_url(first) in [attrs["href"] for attrs, _ in elements(page, "a")]


def test_admin_action_reports_a_refused_address(organizer_client, meetup, smtp_server):
    async def refuse(server, session, envelope, address, rcpt_options):
        if address.startswith("alan"):
            return "550 no such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    smtp_server.handle_RCPT = refuse

    notes = admin_action(organizer_client, "email_speaker_links", [Talk.objects.get(slug="first")])

    assert notes[0] == "Mailed the speaker link to Grace Example <grace@example.org>."
    assert notes[-1].startswith("Could not send: alan@example.org:")
    assert "no such mailbox" in notes[-1]
