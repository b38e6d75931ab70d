"""The sitemap: fixed pages, every published meetup, its talks, the speakers and the venues."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from common.visibility import PUBLIC
from events.models import Event, Venue
from talks.models import Speaker, Talk


class PagesSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return [
            "events:home",
            "events:archive",
            "talks:speaker_list",
            "events:sponsor_list",
            "events:job_list",
        ]

    def location(self, item):
        return reverse(item)


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
    "events": EventSitemap,
    "talks": TalkSitemap,
    "speakers": SpeakerSitemap,
    "venues": VenueSitemap,
}
