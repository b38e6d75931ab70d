"""A server error: the visitor gets the site's page saying what happened, the organizers get the details."""

import pytest
from django.core import mail

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.vdlm.error_urls")]


@pytest.fixture
def failing_client(client):
    client.raise_request_exception = False
    return client


def test_server_error_mails_the_admins_and_says_so(failing_client, settings):
    settings.ADMINS = [("Olga Organizer", "olga@example.org")]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

    response = failing_client.get("/fail/")

    assert response.status_code == 500
    page = response.content.decode()
    assert "the organizers have been sent its details" in page
    assert "Vienna Deep Learning Meetup" in page
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["olga@example.org"]
    assert "the database ran out of disk" in mail.outbox[0].body


def test_server_error_without_admins_says_it_was_logged(failing_client, settings, caplog):
    settings.ADMINS = []

    response = failing_client.get("/fail/")

    assert response.status_code == 500
    page = response.content.decode()
    assert "written to the server’s log" in page
    assert "organizers have been sent" not in page
    assert "the database ran out of disk" in caplog.text


def test_admins_and_email_come_from_the_environment():
    import os
    import subprocess
    import sys
    from pathlib import Path

    script = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.ADMINS, s.EMAIL_BACKEND, s.EMAIL_HOST, s.EMAIL_PORT, s.EMAIL_USE_TLS)"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "vdlm.settings",
        "DJANGO_DEBUG": "1",
        "DJANGO_ADMINS": "Olga Organizer <olga@example.org>,ops@example.org",
        "EMAIL_URL": "smtp+tls://mailer:secret@smtp.example.org:587",
    }
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=Path(__file__).resolve().parents[2],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )

    assert (
        done.stdout.split(" django.core")[0]
        == "[('Olga Organizer', 'olga@example.org'), ('', 'ops@example.org')]"
    )
    assert "django.core.mail.backends.smtp.EmailBackend smtp.example.org 587 True" in done.stdout
