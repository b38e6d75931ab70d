"""The sitemap: fixed pages, every published meetup, its talks, the speakers and the venues."""

from django.contrib.sitemaps import Sitemap
from django.db.models import Exists, OuterRef
from django.urls import reverse

from events.models import Event, Venue
from talks.models import Speaker, Talk, TalkSpeaker


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
        return Event.objects.published().only("slug", "updated_at").order_by("-date", "pk")

    def lastmod(self, item):
        return item.updated_at


class TalkSitemap(Sitemap):
    def items(self):
        return Talk.objects.public().select_related("event").only("slug", "event__slug").order_by("pk")


class SpeakerSitemap(Sitemap):
    def items(self):
        public = TalkSpeaker.objects.filter(speaker=OuterRef("pk"), talk__in=Talk.objects.public())
        return Speaker.objects.filter(Exists(public)).only("slug").order_by("pk")


class VenueSitemap(Sitemap):
    def items(self):
        return Venue.objects.public().only("slug").order_by("pk")


sitemaps = {
    "pages": PagesSitemap,
    "events": EventSitemap,
    "talks": TalkSitemap,
    "speakers": SpeakerSitemap,
    "venues": VenueSitemap,
}
