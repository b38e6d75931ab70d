import functools

from django.conf import settings
from django.urls import get_script_prefix, reverse

from events.formats.calendar_links import google_subscription_url, webcal_url

# The links every page's header, footer and meta tags carry, by URL name.
CHROME_URLS = {
    "home": "events:home",
    "archive": "events:archive",
    "speakers": "talks:speaker_list",
    "sponsors": "events:sponsor_list",
    "jobs": "events:job_list",
    "search": "events:search",
    "venues": "events:venue_list",
    "about": "events:about",
    "feed": "events:feed",
    "calendar": "events:calendar",
    "api": "events:api_events",
    "site_card": "site_card",
    "favicon": "favicon",
    "apple_touch_icon": "apple_touch_icon",
    "web_manifest": "web_manifest",
}


@functools.cache
def _chrome_links(script_prefix: str, site_url: str, urlconf: str) -> dict[str, str]:
    """Reversed once per process (per prefix, site address and URL configuration): about twenty links on every page
    would otherwise be reversed again on every render."""
    links = {name: reverse(url_name) for name, url_name in CHROME_URLS.items()}
    return links | {"webcal": webcal_url(), "google_subscription": google_subscription_url()}


def site(request):
    """The site's names and links for every template: `{{ site.name }}`, `{{ site.group_url }}`,
    `{{ site.links.archive }}`…"""
    return {
        "site": {
            "name": settings.VDLM_SITE_NAME,
            "short_name": settings.VDLM_SITE_SHORT_NAME,
            "city": settings.VDLM_CITY,
            "contact_email": settings.VDLM_CONTACT_EMAIL,
            "group_url": settings.VDLM_GROUP_URL,
            "links": _chrome_links(get_script_prefix(), settings.VDLM_SITE_URL, settings.ROOT_URLCONF),
        }
    }
