"""Every public page and endpoint runs the same number of queries, however much history there is."""

import pytest

pytestmark = pytest.mark.django_db

# (url, queries) for an anonymous visitor; the upcoming meetup is `meetup-900` (see conftest).
PAGES = [
    ("/", 8),
    ("/archive/", 3),
    ("/archive/2016/", 3),
    ("/meetups/meetup-900/", 7),
    ("/meetups/meetup-900/talks/attention/", 2),
    ("/meetups/meetup-900/calendar.ics", 4),
    ("/speakers/", 1),
    ("/speakers/grace-example/", 2),
    ("/venues/", 1),
    ("/venues/a1/", 3),
    ("/sponsors/", 2),
    ("/jobs/", 1),
    ("/feed/", 2),
    ("/calendar.ics", 4),
    # The page's meetups, their agenda (talks and speakers) and their sponsors (events.formats.api_rows).
    ("/api/events.json", 3),
    ("/api/events/page/2.json", 3),
    ("/api/meetups/meetup-900.json", 3),
    ("/api/schema.json", 0),
    ("/sitemap.xml", 9),
    ("/robots.txt", 0),
]


@pytest.mark.parametrize(("url", "queries"), PAGES)
def test_public_page_runs_a_fixed_number_of_queries_and_none_when_cached(
    client, site_data, url, queries, django_assert_num_queries
):
    with django_assert_num_queries(queries):
        response = client.get(url)
    assert response.status_code == 200

    with django_assert_num_queries(0):
        cached = client.get(url)
    assert cached.status_code == 200
    assert cached.headers["X-Page-Cache"] == "hit"


# Not page-cached (pictures): drawn once and then read from the cache, or from memory.
UNCACHED = [
    ("/meetups/meetup-900/card.png", 1),
    ("/social-card.png", 0),
    ("/favicon.ico", 0),
    ("/apple-touch-icon.png", 0),
    ("/manifest.webmanifest", 0),
]


@pytest.mark.parametrize(("url", "queries"), UNCACHED)
def test_site_pictures_run_a_fixed_number_of_queries(
    client, site_data, url, queries, django_assert_num_queries
):
    with django_assert_num_queries(queries):
        response = client.get(url)
    assert response.status_code == 200


# Searches are never cached (each query string is its own page). A search loads the speakers it found in a query
# of their own, so a search no speaker matches ("attention grace": no one person has both words) runs one less.
SEARCHES = [("/search/?q=learning", 7), ("/search/?q=attention+grace", 6)]


@pytest.mark.parametrize(("url", "queries"), SEARCHES)
def test_search_runs_a_fixed_number_of_queries(client, site_data, url, queries, django_assert_num_queries):
    with django_assert_num_queries(queries):
        response = client.get(url)
    assert response.status_code == 200
