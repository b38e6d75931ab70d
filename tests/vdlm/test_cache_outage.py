"""A cache outage is not a site outage: with the shared cache (Redis) down or hanging, pages render uncached, the
admin works, and once the cache answers again no page from before the outage's writes is served.

The tests run their own redis-server (Debian's package), stopped, paused and resumed for real."""

import logging
import signal

import pytest

from tests import factories
from vdlm import cache as page_cache

pytestmark = pytest.mark.django_db
EVENT_URL = "/meetups/meetup-900/"


@pytest.fixture
def redis_cache(settings, redis_server):
    server, port = redis_server
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    page_cache._Health.down_until, page_cache._Health.bump_owed = 0.0, False
    yield server
    page_cache._Health.down_until, page_cache._Health.bump_owed = 0.0, False


def test_cache_down_pages_and_admin_still_answer(client, settings, upcoming_event, organizer, caplog):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
        }
    }
    page_cache._Health.down_until = 0.0
    caplog.set_level(logging.WARNING, logger="vdlm.cache")

    for url in ("/", "/archive/", EVENT_URL, "/admin/login/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "X-Page-Cache" not in response.headers, url
    assert "Page cache unavailable" in caplog.text

    login = client.post("/admin/login/", {"username": "olga", "password": "pw-organizer-1"})
    assert login.status_code == 302
    assert client.get("/admin/").status_code == 200
    page_cache._Health.down_until = 0.0


def test_cache_paused_then_back_serves_the_edit_another_machine_made_meanwhile(
    client, settings, redis_cache, tmp_path, caplog
):
    """Two machines share Redis; each has its own generation file. The edit is made on the other machine while
    Redis hangs, so only the shared generation can tell this machine's visitors that the stored page is old."""
    server = redis_cache
    caplog.set_level(logging.WARNING, logger="vdlm.cache")
    this_machine, other_machine = tmp_path / "this.page-generation", tmp_path / "other.page-generation"
    settings.VDLM_PAGE_GENERATION_FILE = str(this_machine)
    event = factories.make_event(slug="meetup-900", title="Meetup 900")
    talk = factories.make_talk(event=event, title="Before the outage", slug="before")
    assert client.get(EVENT_URL).headers["X-Page-Cache"] == "miss"
    assert client.get(EVENT_URL).headers["X-Page-Cache"] == "hit"

    server.send_signal(signal.SIGSTOP)  # Redis hangs: connections open, nothing answers
    settings.VDLM_PAGE_GENERATION_FILE = str(other_machine)
    talk.title = "Edited during the outage"
    talk.save()
    assert "Page cache unavailable" in caplog.text
    settings.VDLM_PAGE_GENERATION_FILE = str(this_machine)
    server.send_signal(signal.SIGCONT)
    page_cache._Health.down_until = 0.0  # the retry delay has passed

    after = client.get(EVENT_URL)

    assert after.status_code == 200
    assert "Edited during the outage" in after.content.decode()
    assert client.get(EVENT_URL).headers["X-Page-Cache"] == "hit"


def test_unwritable_generation_file_turns_the_page_cache_off_not_the_site(client, settings, tmp_path, caplog):
    settings.VDLM_PAGE_GENERATION_FILE = str(tmp_path / "missing-folder" / "page-generation")
    page_cache._Health.down_until = 0.0
    caplog.set_level(logging.WARNING, logger="vdlm.cache")
    event = factories.make_event(slug="meetup-900", title="Meetup 900")

    event.title = "Saved without a generation file"
    event.save()
    responses = [client.get(EVENT_URL) for _ in range(2)]

    assert [response.status_code for response in responses] == [200, 200]
    assert all("X-Page-Cache" not in response.headers for response in responses)
    assert "Saved without a generation file" in responses[1].content.decode()
    assert "Page generation file unusable" in caplog.text
    page_cache._Health.down_until = 0.0
