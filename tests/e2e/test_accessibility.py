"""axe-core (the engine behind browser accessibility checkers) finds no violations on the public pages."""

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PAGES = {
    "home": "/",
    "archive": "/archive/",
    "event": "/meetups/meetup-44/",
    "talk": "/meetups/meetup-44/talks/gpt-neox-20b-an-open-source-autoregressive-language-model/",
    "speaker": "/speakers/michael-pieler/",
    "speakers": "/speakers/",
    "venue": "/venues/a1-telekom-austria/",
    "sponsors": "/sponsors/",
    "jobs": "/jobs/",
    "search": "/search/?q=transformer",
    "not found": "/meetups/no-such-meetup/",
}


@pytest.fixture(scope="module")
def axe():
    return Axe()


@pytest.mark.parametrize("name", PAGES)
def test_public_page_has_no_accessibility_violations(page, phone_page, history, axe, name):
    expected_status = 404 if name == "not found" else 200
    for viewport in (page, phone_page):
        assert viewport.goto(PAGES[name]).status == expected_status, PAGES[name]
        results = axe.run(viewport)
        assert results.violations_count == 0, results.generate_report()
