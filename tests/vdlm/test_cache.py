"""The page cache: answered early for anonymous visitors, bypassed for staff, dropped on every organizer write."""

import gzip

import pytest
from django.contrib.auth.models import User

from events.enums import EventStatus
from talks.models import Talk
from tests import factories
from tests.admin_pages import change_page_data

pytestmark = pytest.mark.django_db

EVENT_URL = "/meetups/meetup-900/"


def test_page_cache_second_request_is_a_hit(client, upcoming_event):
    first = client.get(EVENT_URL)
    second = client.get(EVENT_URL)

    assert (first.status_code, second.status_code) == (200, 200)
    assert first.headers["X-Page-Cache"] == "miss"
    assert second.headers["X-Page-Cache"] == "hit"
    assert "Attention in practice" in first.content.decode()
    assert second.content == first.content
    assert second.headers["Content-Type"] == "text/html; charset=utf-8"


@pytest.mark.parametrize(
    "query",
    ["utm_source=newsletter&utm_medium=email", "fbclid=IwAR0abc", "gclid=xyz", "mc_cid=1a2b", "ref=hn"],
)
def test_page_cache_serves_links_with_tracking_parameters_from_the_cache(client, upcoming_event, query):
    plain = client.get("/archive/")

    response = client.get(f"/archive/?{query}")

    assert (plain.status_code, response.status_code) == (200, 200)
    assert response.headers["X-Page-Cache"] == "hit"
    assert response.content == plain.content


def test_page_cache_first_visit_with_tracking_parameters_fills_the_cache_for_the_plain_address(
    client, upcoming_event
):
    first = client.get("/archive/?utm_source=x")

    assert first.status_code == 200
    assert first.headers["X-Page-Cache"] == "miss"
    assert client.get("/archive/").headers["X-Page-Cache"] == "hit"


def test_page_cache_leaves_other_query_strings_to_the_view(client, upcoming_event):
    client.get("/archive/")

    for query in ("page=2", "utm_source=x&page=2", "q=attention"):
        response = client.get(f"/archive/?{query}")
        assert response.status_code == 200, query
        assert "X-Page-Cache" not in response.headers, query  # neither read nor stored
    assert client.get("/archive/").headers["X-Page-Cache"] == "hit"


def test_page_cache_key_is_hashed_for_long_and_odd_paths(client, upcoming_event, settings):
    from django.core.cache.backends.base import memcache_key_warnings

    from vdlm.cache import page_key

    request = client.get("/meetups/" + "a%20b" * 200 + "/").wsgi_request
    assert list(memcache_key_warnings(page_key(request, "gzip"))) == []


def test_page_cache_head_request_is_answered_from_the_cache_without_body(client, upcoming_event):
    client.get(EVENT_URL)

    response = client.head(EVENT_URL)

    assert response.status_code == 200
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
        assert response.status_code == 200, url
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
    assert change_page.status_code == 200
    data = change_page_data(change_page) | {"title": "Edited in the admin"}
    response = staff_client.post(f"/admin/talks/talk/{talk.pk}/change/", data)
    assert response.status_code == 302, (
        response.context["adminform"].form.errors if response.context else response
    )

    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "Edited in the admin" in response.content.decode(), url


def test_page_cache_speaker_change_through_m2m_invalidates(client, upcoming_event):
    client.get(EVENT_URL)
    talk = Talk.objects.get(slug="attention")

    talk.speakers.add(factories.make_speaker(name="Linus Newcomer"))

    response = client.get(EVENT_URL)
    assert response.status_code == 200
    assert "Linus Newcomer" in response.content.decode()


def test_page_cache_deleted_talk_disappears_at_once(client, upcoming_event):
    client.get(EVENT_URL)

    Talk.objects.get(slug="attention").delete()

    # Its agenda slot goes with it, and so does the link.
    response = client.get(EVENT_URL)
    assert response.status_code == 200
    assert "/meetups/meetup-900/talks/attention/" not in response.content.decode()


def test_page_cache_is_bypassed_for_logged_in_staff_and_keeps_their_drafts_out(client, upcoming_event):
    factories.make_talk(event=upcoming_event, title="Secret draft talk")
    upcoming_event.status = EventStatus.DRAFT
    upcoming_event.save()
    staff = type(client)()
    staff.force_login(User.objects.create_user("staff", is_staff=True))

    for _ in range(2):
        response = staff.get(EVENT_URL)
        assert response.status_code == 200
        assert "Secret draft talk" in response.content.decode()
        assert "X-Page-Cache" not in response.headers

    assert client.get(EVENT_URL).status_code == 404  # the staff's rendering was never stored


def test_page_cache_does_not_store_admin_pages(client, db):
    first = client.get("/admin/login/")
    second = client.get("/admin/login/")

    assert (first.status_code, second.status_code) == (200, 200)
    assert "X-Page-Cache" not in second.headers
    # Each rendering carries its own CSRF token; a stored page would repeat one.
    assert first.context["csrf_token"] != second.context["csrf_token"]


def test_page_cache_does_not_store_not_found_pages(client, db):
    from django.core.cache import cache

    from vdlm.cache import page_key

    for _ in range(2):
        response = client.get("/meetups/soon/")
        assert response.status_code == 404
        assert "X-Page-Cache" not in response.headers

    keys = [page_key(response.wsgi_request, variant) for variant in ("identity", "gzip")]
    assert cache.get_many(keys) == {}


def test_page_cache_serves_a_page_that_was_not_found_once_it_is_published(client, upcoming_event):
    upcoming_event.status = EventStatus.DRAFT
    upcoming_event.save()
    assert client.get(EVENT_URL).status_code == 404

    upcoming_event.status = EventStatus.PUBLISHED
    upcoming_event.save()

    first, second = client.get(EVENT_URL), client.get(EVENT_URL)
    assert (first.status_code, second.status_code) == (200, 200)
    assert (first.headers["X-Page-Cache"], second.headers["X-Page-Cache"]) == ("miss", "hit")


def test_page_cache_does_not_store_slide_downloads(client, upcoming_event):
    Talk.objects.filter(slug="attention").update(slides_url="https://example.org/a.pdf")
    for _ in range(2):
        response = client.get("/meetups/meetup-900/talks/attention/slides/")
        assert "X-Page-Cache" not in response.headers

    assert Talk.objects.get(slug="attention").download_count == 2


def test_page_cache_hit_is_gzipped_for_clients_that_accept_it(client, upcoming_event):
    first = client.get(EVENT_URL)
    assert first.status_code == 200
    plain = first.content

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


def _increment(path, times):
    from vdlm.generation import SharedCounter

    counter = SharedCounter(path)
    for _ in range(times):
        counter.increment()


def test_page_generation_file_counts_every_increment_of_every_process(tmp_path):
    import multiprocessing

    from vdlm.generation import SharedCounter

    path = tmp_path / "db.sqlite3.page-generation"
    reader = SharedCounter(path)
    start = reader.value()
    processes = [multiprocessing.Process(target=_increment, args=(path, 250)) for _ in range(4)]
    for process in processes:
        process.start()
    for process in processes:
        process.join(timeout=60)

    assert [process.exitcode for process in processes] == [0] * 4
    assert (
        reader.value() == start + 1000
    )  # seen by a process that mapped the file before, without reopening it


@pytest.mark.parametrize(
    ("engine", "name", "expected"),
    [
        ("django.db.backends.sqlite3", "/srv/vdlm/db.sqlite3", "/srv/vdlm/db.sqlite3.page-generation"),
        ("django.db.backends.sqlite3", "file:memorydb_default?mode=memory&cache=shared", None),
        ("django.db.backends.sqlite3", ":memory:", None),
    ],
)
def test_page_generation_file_belongs_to_the_sqlite_database(settings, engine, name, expected):
    from pathlib import Path

    from vdlm.generation import generation_file

    settings.VDLM_PAGE_GENERATION_FILE = ""

    found = generation_file({"ENGINE": engine, "NAME": name})

    assert found == (Path(expected) if expected else None)


def test_page_generation_file_of_another_database_is_in_the_project_folder_per_database(settings):
    from vdlm.generation import generation_file

    settings.VDLM_PAGE_GENERATION_FILE = ""
    first = {"ENGINE": "django.db.backends.postgresql", "NAME": "vdlm", "HOST": "db", "PORT": 5432}

    path = generation_file(first)

    assert path.parent == settings.BASE_DIR
    assert path.name.startswith(".page-generation-")
    assert generation_file({**first, "NAME": "staging"}) != path
    settings.VDLM_PAGE_GENERATION_FILE = "/srv/vdlm/generation"
    assert str(generation_file(first)) == "/srv/vdlm/generation"
