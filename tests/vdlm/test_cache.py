"""The page cache: answered early for anonymous visitors, bypassed for staff, dropped on every organizer write."""

import gzip

import pytest
from django.contrib.auth.models import User

from talks.models import Talk
from tests import factories

pytestmark = pytest.mark.django_db

EVENT_URL = "/meetups/meetup-900/"


def test_page_cache_second_request_is_a_hit(client, upcoming_event):
    first = client.get(EVENT_URL)
    second = client.get(EVENT_URL)

    assert first.headers["X-Page-Cache"] == "miss"
    assert second.headers["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second.headers["Content-Type"] == "text/html; charset=utf-8"


def test_page_cache_leaves_out_requests_with_a_query_string(client, upcoming_event):
    client.get("/archive/")

    response = client.get("/archive/?utm_source=x")

    assert response.status_code == 200
    assert "X-Page-Cache" not in response.headers  # neither read nor stored: no copies per tracking parameter
    assert client.get("/archive/").headers["X-Page-Cache"] == "hit"


def test_page_cache_key_is_hashed_for_long_and_odd_paths(client, upcoming_event, settings):
    from django.core.cache.backends.base import memcache_key_warnings

    from vdlm.cache import _page_key

    request = client.get("/meetups/" + "a%20b" * 200 + "/").wsgi_request
    assert list(memcache_key_warnings(_page_key(request, 1))) == []


def test_page_cache_head_request_is_answered_from_the_cache_without_body(client, upcoming_event):
    client.get(EVENT_URL)

    response = client.head(EVENT_URL)

    assert response.headers["X-Page-Cache"] == "hit"
    assert response.content == b""


def test_page_cache_edited_talk_title_shows_at_once_on_event_archive_and_api(client, upcoming_event):
    urls = [EVENT_URL, "/archive/", "/api/events.json"]
    for url in urls:
        client.get(url)
    talk = Talk.objects.get(slug="attention")

    talk.title = "Attention, revisited"
    talk.save()

    for url in urls:
        response = client.get(url)
        assert response.headers["X-Page-Cache"] == "miss", url
        assert "Attention, revisited" in response.content.decode(), url


def test_page_cache_admin_edit_of_a_talk_shows_at_once(client, upcoming_event):
    talk = Talk.objects.get(slug="attention")
    urls = [EVENT_URL, "/archive/", "/api/events.json"]
    for url in urls:
        client.get(url)
    admin = User.objects.create_superuser("organizer", "o@example.org", "pw")
    staff_client = type(client)()
    staff_client.force_login(admin)
    change_page = staff_client.get(f"/admin/talks/talk/{talk.pk}/change/")
    form = change_page.context["adminform"].form
    data = {
        name: value for name, value in form.initial.items() if value is not None and name not in ("slides",)
    }
    data.update(
        {
            "title": "Edited in the admin",
            "speakers": [],
        }
    )
    # Inline management forms as rendered by the admin.
    for formset in change_page.context["inline_admin_formsets"]:
        management = formset.formset.management_form
        for name, field in management.fields.items():
            data[f"{management.prefix}-{name}"] = management.initial.get(name, field.initial)
        for index, inline_form in enumerate(formset.formset.forms):
            for name, value in inline_form.initial.items():
                if value is not None:
                    data[f"{formset.formset.prefix}-{index}-{name}"] = getattr(value, "pk", value)
            data[f"{formset.formset.prefix}-{index}-id"] = inline_form.instance.pk or ""
    response = staff_client.post(f"/admin/talks/talk/{talk.pk}/change/", data)
    assert response.status_code == 302, (
        response.context["adminform"].form.errors if response.context else response
    )

    for url in urls:
        assert "Edited in the admin" in client.get(url).content.decode(), url


def test_page_cache_speaker_change_through_m2m_invalidates(client, upcoming_event):
    client.get(EVENT_URL)
    talk = Talk.objects.get(slug="attention")

    talk.speakers.add(factories.make_speaker(name="Linus Newcomer"))

    assert "Linus Newcomer" in client.get(EVENT_URL).content.decode()


def test_page_cache_deleted_talk_disappears_at_once(client, upcoming_event):
    client.get(EVENT_URL)

    Talk.objects.get(slug="attention").delete()

    # The agenda slot stays (with its title), the link to the talk goes.
    assert "/meetups/meetup-900/talks/attention/" not in client.get(EVENT_URL).content.decode()


def test_page_cache_is_bypassed_for_logged_in_staff(client, upcoming_event):
    client.force_login(User.objects.create_user("staff", is_staff=True))

    client.get(EVENT_URL)
    response = client.get(EVENT_URL)

    assert "X-Page-Cache" not in response.headers


def test_page_cache_does_not_store_admin_pages(client, db):
    client.get("/admin/login/")

    assert "X-Page-Cache" not in client.get("/admin/login/").headers


def test_page_cache_does_not_store_not_found_pages(client, db):
    client.get("/meetups/nope/")

    response = client.get("/meetups/nope/")

    assert response.status_code == 404
    assert "X-Page-Cache" not in response.headers


def test_page_cache_does_not_store_slide_downloads(client, upcoming_event):
    Talk.objects.filter(slug="attention").update(slides_url="https://example.org/a.pdf")
    for _ in range(2):
        response = client.get("/meetups/meetup-900/talks/attention/slides/")
        assert "X-Page-Cache" not in response.headers

    assert Talk.objects.get(slug="attention").download_count == 2


def test_page_cache_hit_is_gzipped_for_clients_that_accept_it(client, upcoming_event):
    plain = client.get(EVENT_URL).content

    response = client.get(EVENT_URL, headers={"Accept-Encoding": "gzip, deflate, br"})

    assert response.headers["Content-Encoding"] == "gzip"
    assert response.headers["Vary"] == "Cookie, Accept-Encoding"
    assert gzip.decompress(response.content) == plain
    assert response.headers["Content-Length"] == str(len(response.content))


def test_page_cache_is_not_shared_across_releases(client, upcoming_event, monkeypatch):
    from vdlm import cache as page_cache

    monkeypatch.setattr(page_cache, "RELEASE", "previous-deploy")
    client.get(EVENT_URL)
    assert client.get(EVENT_URL).headers["X-Page-Cache"] == "hit"

    monkeypatch.setattr(page_cache, "RELEASE", "this-deploy")

    assert client.get(EVENT_URL).headers["X-Page-Cache"] == "miss"
