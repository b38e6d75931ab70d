"""The sitemap: fixed pages, every published meetup, its talks, the speakers and the venues.

Addresses name the site as configured (VDLM_SITE_URL), never the requesting host; the response carries validators
(common.http) so a crawler that has it gets a 304.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap as DjangoSitemap
from django.contrib.sitemaps.views import sitemap as django_sitemap
from django.urls import reverse

from common.http import add_validators
from common.visibility import PUBLIC
from events.models import Event, Venue
from talks.models import Speaker, Talk

SITEMAP_MAX_AGE = 60 * 60


class Sitemap(DjangoSitemap):
    """On the configured site address: its scheme and host (with port), whatever the request's."""

    def get_protocol(self, protocol=None):
        return urlsplit(settings.VDLM_SITE_URL).scheme

    def get_domain(self, site=None):
        return urlsplit(settings.VDLM_SITE_URL).netloc


class PagesSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return [
            "events:home",
            "events:archive",
            "talks:speaker_list",
            "events:sponsor_list",
            "events:job_list",
            "events:venue_list",
            "events:about",
        ]

    def location(self, item):
        return reverse(item)


class ArchiveYearSitemap(Sitemap):
    """A page per year of the archive (`/archive/` shows only the latest)."""

    def items(self):
        return [year for year, _ in Event.objects.visible_to(PUBLIC).count_by_year()]

    def location(self, item):
        return reverse("events:archive_year", kwargs={"year": item})


class EventSitemap(Sitemap):
    def items(self):
        return Event.objects.visible_to(PUBLIC).only("slug", "updated_at").order_by("-date", "pk")

    def lastmod(self, item):
        return item.updated_at


class TalkSitemap(Sitemap):
    def items(self):
        return (
            Talk.objects.visible_to(PUBLIC)
            .select_related("slot__event")
            .only("slug", "slot__event__slug")
            .order_by("pk")
        )


class SpeakerSitemap(Sitemap):
    def items(self):
        return Speaker.objects.visible_to(PUBLIC).only("slug").order_by("pk")


class VenueSitemap(Sitemap):
    def items(self):
        return Venue.objects.visible_to(PUBLIC).only("slug").order_by("pk")


sitemaps = {
    "pages": PagesSitemap,
    "years": ArchiveYearSitemap,
    "events": EventSitemap,
    "talks": TalkSitemap,
    "speakers": SpeakerSitemap,
    "venues": VenueSitemap,
}


def sitemap_xml(request):
    response = django_sitemap(request, sitemaps)
    response.render()
    return add_validators(response, max_age=SITEMAP_MAX_AGE)
