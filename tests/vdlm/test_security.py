"""Safe defaults against an attacker: security headers on every page, and login throttling."""

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import Client, RequestFactory
from django.urls import reverse

from common.addresses import client_ip
from tests.factories import make_event

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"


def directives(header: str) -> dict[str, list[str]]:
    parsed = {}
    for part in header.split(";"):
        name, *values = part.split()
        parsed[name] = values
    return parsed


@pytest.mark.parametrize("url", ["/", "/archive/", "/meetups/meetup-900/", "/speakers/"])
def test_public_pages_carry_a_strict_content_security_policy(client, upcoming_event, url):
    for attempt in ("miss", "hit"):
        response = client.get(url)
        assert response.status_code == 200
        assert response.headers["X-Page-Cache"] == attempt
        policy = directives(response.headers["Content-Security-Policy"])
        assert policy["default-src"] == ["'none'"]
        assert policy["script-src"] == ["'self'"]
        assert policy["style-src"] == ["'self'"]
        assert policy["frame-ancestors"] == ["'none'"]
        assert "'unsafe-inline'" not in response.headers["Content-Security-Policy"]
        assert "camera=()" in response.headers["Permissions-Policy"]
        assert "geolocation=()" in response.headers["Permissions-Policy"]


def test_admin_has_its_own_policy_with_inline_styles_but_no_inline_scripts(client):
    response = client.get(LOGIN)

    assert response.status_code == 200
    policy = directives(response.headers["Content-Security-Policy"])
    assert policy["style-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["script-src"] == ["'self'"]


def test_public_templates_have_no_inline_scripts_or_styles(client, upcoming_event):
    response = client.get("/meetups/meetup-900/")

    assert response.status_code == 200
    html = response.content.decode()
    assert " style=" not in html
    assert "<style" not in html
    for script in html.split("<script")[1:]:
        opening = script.split(">", 1)[0]
        # Only data (JSON-LD), which browsers never run, or files from this site.
        assert 'type="application/ld+json"' in opening or "src=" in opening, opening


def log_in(client, username, password, address="10.0.0.1"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def test_login_is_locked_after_ten_failures_for_an_account(client, organizer):
    for _ in range(9):
        assert log_in(client, "olga", "wrong").status_code == 200  # the form again, with its error
    assert log_in(client, "olga", "wrong").status_code == 429  # the tenth failure locks

    locked = log_in(client, "olga", "pw-organizer-1", address="10.0.0.2")

    assert locked.status_code == 429
    assert "Too many failed logins" in locked.content.decode()
    assert "axes_reset_username" in locked.content.decode()
    assert "_auth_user_id" not in client.session


def test_login_is_locked_after_ten_failures_from_an_address(client, organizer):
    for number in range(10):
        log_in(client, f"guess-{number}", "wrong", address="10.0.0.9")

    assert log_in(client, "olga", "pw-organizer-1", address="10.0.0.9").status_code == 429
    assert log_in(client, "olga", "pw-organizer-1", address="10.0.0.10").status_code == 302


def test_login_nine_failures_do_not_lock(client, organizer):
    for _ in range(9):
        log_in(client, "olga", "wrong")

    response = log_in(client, "olga", "pw-organizer-1")

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(organizer.pk)


def test_login_lock_is_lifted_by_the_documented_command(client, organizer):
    for _ in range(10):
        log_in(client, "olga", "wrong")
    assert log_in(client, "olga", "pw-organizer-1", address="10.0.0.2").status_code == 429

    call_command("axes_reset_username", "olga", verbosity=0)
    call_command("axes_reset_ip", "10.0.0.1", verbosity=0)

    assert log_in(client, "olga", "pw-organizer-1", address="10.0.0.2").status_code == 302


def test_login_lock_expires_after_the_cool_off(client, organizer, settings):
    from datetime import timedelta

    from axes.models import AccessAttempt

    for _ in range(10):
        log_in(client, "olga", "wrong")
    AccessAttempt.objects.update(attempt_time=AccessAttempt.objects.get().attempt_time - timedelta(hours=2))

    assert log_in(client, "olga", "pw-organizer-1").status_code == 302


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "6.6.6.6", "192.0.2.1"),  # no proxy: X-Forwarded-For is whatever the client wrote
        (1, "6.6.6.6, 203.0.113.5", "203.0.113.5"),  # the proxy appended the address it saw
        (2, "6.6.6.6, 203.0.113.5, 10.0.0.3", "203.0.113.5"),
        (1, "", "192.0.2.1"),
    ],
)
def test_client_address_trusts_only_the_configured_proxies(settings, proxies, forwarded, expected):
    settings.VDLM_TRUSTED_PROXIES = proxies
    request = RequestFactory().get("/", REMOTE_ADDR="192.0.2.1", HTTP_X_FORWARDED_FOR=forwarded)

    assert client_ip(request) == expected


def test_superuser_login_still_works_without_failures(client):
    User.objects.create_superuser("root", "r@example.org", "pw-root-1")

    assert log_in(client, "root", "pw-root-1").status_code == 302


def test_login_without_a_request_is_not_throttled(organizer):
    # The shell and management commands authenticate without a request: no attempt from outside.
    from django.contrib.auth import authenticate

    assert authenticate(username="olga", password="pw-organizer-1") == organizer
    assert authenticate(username="olga", password="wrong") is None


def test_a_form_sent_without_its_security_token_gets_a_plain_page_that_says_what_to_do(db):
    event = make_event(capacity=10)
    browser = Client(enforce_csrf_checks=True)

    response = browser.post(
        reverse("events:register", args=[event.slug]),
        {"name": "Ada", "email": "ada@example.org", "consent": "on"},
    )

    assert response.status_code == 403
    page = response.content.decode()
    assert "<h1>Please send the form again</h1>" in page
    assert "Nothing was changed." in page
    assert "CSRF verification failed" not in page
    assert 'rel="stylesheet"' in page  # the site's page, with its style sheet
    assert event.registrations.count() == 0
