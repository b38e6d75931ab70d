import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_home_page_opens_in_a_real_browser(page, screenshot):
    page.goto("/")
    assert "Vienna Deep Learning Meetup" in page.title()
    screenshot(page, "smoke-home")
