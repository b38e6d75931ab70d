"""The admin's busiest pages fit a 1280 px screen: nothing off to the side, the buttons above the title, not on it."""

import datetime

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from events.models import Event, JobPost, local_today
from tests.factories import make_registration, make_sponsor

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def busy_meetup(history):
    """The 75th meetup as the evening nears: seats taken here, a job post announced, people registered."""
    event = Event.objects.get(number=75)
    Event.objects.filter(pk=event.pk).update(date=local_today() + datetime.timedelta(days=7), capacity=60)
    event.refresh_from_db()
    JobPost.objects.create(
        title="Machine Learning Engineer (all genders), Computer Vision",
        company=make_sponsor(name="A Company With A Long Name GmbH").name,
        url="https://careers.example.org/jobs/2026/machine-learning-engineer-computer-vision-vienna",
        event=event,
    )
    for name in ("Ada Lovelace", "Grace Hopper", "Jürgen Schlüter-Österreicher"):
        make_registration(event=event, name=name, company="A very long company name GmbH & Co KG")
    return event


def log_in(page, url: str) -> None:
    page.goto(url)
    page.get_by_label("Username").fill("olga")
    page.get_by_label("Password").fill("pw-organizer-1")
    page.get_by_role("button", name="Log in").click()


def overflow(page) -> list[str]:
    """What reaches past the screen's right edge: the page itself, or a table inside a scrolled box."""
    return page.evaluate(
        """() => {
            const wide = [];
            if (document.documentElement.scrollWidth > window.innerWidth) wide.push("page " + document.documentElement.scrollWidth);
            for (const box of document.querySelectorAll(".results, .tabular, fieldset.module")) {
                if (box.scrollWidth > box.clientWidth + 1) wide.push((box.id || box.className) + " " + box.scrollWidth + ">" + box.clientWidth);
            }
            return wide;
        }"""
    )


def test_meetup_page_with_seats_fits_and_its_buttons_leave_the_title_readable(
    page, organizer, busy_meetup, screenshot
):
    log_in(page, reverse("admin:events_event_change", args=[busy_meetup.pk]))

    expect(page.locator(".object-tools")).to_be_visible()
    title = page.locator("#content h2").first.bounding_box()
    tools = page.locator(".object-tools").bounding_box()
    screenshot(page, "admin-meetup-with-seats")
    assert title["y"] + title["height"] <= tools["y"] or tools["y"] + tools["height"] <= title["y"]
    assert overflow(page) == []


def test_meetup_page_with_a_title_without_spaces_fits(page, organizer, busy_meetup):
    Event.objects.filter(pk=busy_meetup.pk).update(title="https://example.org/" + "a" * 280)
    log_in(page, reverse("admin:events_event_change", args=[busy_meetup.pk]))

    expect(page.locator(".object-tools")).to_be_visible()
    assert overflow(page) == []


@pytest.mark.parametrize(
    "url",
    [
        lambda event: reverse("admin:events_registration_changelist") + f"?event__id__exact={event.pk}",
        lambda event: reverse("admin:events_agendaslot_changelist"),
        lambda event: reverse("admin:events_jobpost_changelist"),
    ],
    ids=["registrations of a meetup", "agenda slots", "job posts"],
)
def test_admin_lists_fit_the_screen(page, organizer, busy_meetup, url, screenshot, request):
    log_in(page, url(busy_meetup))

    expect(page.locator("#result_list")).to_be_visible()
    screenshot(page, "admin-list-" + request.node.callspec.id.replace(" ", "-"))
    assert overflow(page) == []
