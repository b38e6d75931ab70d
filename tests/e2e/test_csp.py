"""The Content-Security-Policy in a real browser: no violation on the public pages (JSON-LD included) nor on an
organizer's round trip through the admin (log in, edit, save), and a violation is reported when one happens."""

import pytest
from playwright.sync_api import expect

from talks.models import Talk

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PUBLIC_PAGES = [
    "/",
    "/archive/",
    "/meetups/meetup-900/",
    "/meetups/meetup-900/talks/attention/",
    "/speakers/",
    "/speakers/grace-example/",
    "/venues/a1/",
    "/sponsors/",
    "/jobs/",
    "/search/?q=attention",
]

# Collects the browser's own CSP reports for the page; Playwright's init script is not subject to the policy.
LISTEN = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"}`);
});
"""


@pytest.fixture
def watched(page):
    """The page, with the CSP errors the browser writes to its console (besides the reported violations)."""
    problems = []
    page.add_init_script(LISTEN)

    def on_console(message):
        if message.type == "error" and (
            "Content Security Policy" in message.text or "Refused to" in message.text
        ):
            problems.append(message.text)

    page.on("console", on_console)
    return page, problems


def violations(page) -> list[str]:
    return page.evaluate("window.cspViolations")


def test_public_pages_run_under_the_policy_without_a_violation(watched, upcoming_event):
    page, console_errors = watched
    for url in PUBLIC_PAGES:
        response = page.goto(url)
        assert response.status == 200, url
        assert "script-src 'self'" in response.headers["content-security-policy"], url
        assert violations(page) == [], url
    assert console_errors == []


def test_event_page_json_ld_is_readable_under_the_policy(watched, upcoming_event):
    page, console_errors = watched
    assert page.goto("/meetups/meetup-900/").status == 200

    blocks = page.evaluate(
        "[...document.querySelectorAll('script[type=\"application/ld+json\"]')].map(s => JSON.parse(s.textContent))"
    )

    assert any(block.get("@type") == "Event" or "Event" in str(block.get("@type")) for block in blocks)
    assert violations(page) == []
    assert console_errors == []


def test_inline_script_is_blocked_and_reported(watched, upcoming_event):
    """The listener above is real: an injected inline script is refused and reported."""
    page, console_errors = watched
    assert page.goto("/").status == 200

    page.evaluate(
        "() => { const s = document.createElement('script'); s.textContent = 'window.ran = 1'; "
        "document.body.appendChild(s); }"
    )

    assert page.evaluate("window.ran") is None
    reported = violations(page)
    assert reported and reported[0].startswith("script-src")
    assert any("Content Security Policy" in error for error in console_errors)


def test_admin_round_trip_runs_under_its_policy_without_a_violation(watched, upcoming_event, organizer):
    page, console_errors = watched
    talk = Talk.objects.get(slug="attention")

    login = page.goto("/admin/")
    assert login.status == 200
    page.get_by_label("Username").fill("olga")
    page.get_by_label("Password").fill("pw-organizer-1")
    with page.expect_navigation() as logged_in:
        page.get_by_role("button", name="Log in").click()
    assert logged_in.value.status == 200
    assert page.get_by_role("heading", name="Prepare meetups").is_visible()
    assert violations(page) == []

    event_form = page.goto(f"/admin/events/event/{upcoming_event.pk}/change/")
    assert event_form.status == 200
    assert violations(page) == []
    page.locator("#id_title").fill("Meetup 900: edited under the policy")
    with page.expect_navigation() as saved:
        page.get_by_role("button", name="Save and continue editing").click()
    assert saved.value.status == 200
    expect(page.locator("ul.messagelist li.success").first).to_contain_text("was changed successfully")
    assert violations(page) == []

    talk_form = page.goto(f"/admin/talks/talk/{talk.pk}/change/")
    assert talk_form.status == 200
    assert violations(page) == []
    assert console_errors == []
