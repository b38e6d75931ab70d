"""The Atom feed of published meetups, newest first, valid for the W3C feed validator.

Atom asks for an author (the site: the organizers write every entry) and ids that never change: an entry's id is a
tag URI (RFC 4151) of the site's domain, the event's creation date and its primary key, so renaming an event (its
slug, hence its link) does not make readers show it as new. Every link names the site as configured
(common.links), never the requesting host.
"""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from common.http import add_validators
from common.links import absolute_url, home_url, site_host
from common.text import long_date
from common.visibility import PUBLIC
from events.models import AgendaSlot, Event

FEED_MAX_AGE = 60 * 60
FEED_LENGTH = 50


def entry_id(event: Event) -> str:
    return f"tag:{site_host()},{event.created_at:%Y-%m-%d}:event-{event.pk}"


class EventsFeed(Feed):
    feed_type = Atom1Feed

    def __call__(self, request, *args, **kwargs):
        return add_validators(super().__call__(request, *args, **kwargs), max_age=FEED_MAX_AGE)

    def title(self):
        return settings.VDLM_SITE_NAME

    def subtitle(self):
        return f"New meetups of the {settings.VDLM_SITE_NAME}: agenda, talks and speakers."

    def link(self):
        return absolute_url(reverse("events:archive"))

    def feed_url(self):
        return absolute_url(reverse("events:feed"))

    def feed_guid(self):
        return self.feed_url()

    def author_name(self):
        return settings.VDLM_SITE_NAME

    def author_link(self):
        return home_url()

    def items(self):
        talk_slots = AgendaSlot.objects.filter(talk__isnull=False).select_related("talk")
        return (
            Event.objects.visible_to(PUBLIC)
            .select_related("venue")
            .prefetch_related(Prefetch("agenda", queryset=talk_slots))
            .order_by("-date", "-start_time")[:FEED_LENGTH]
        )

    def item_title(self, item):
        prefix = "Cancelled: " if item.is_cancelled else ""
        return f"{prefix}{item.title}, {item.date.day} {item.date:%B %Y}"

    def item_description(self, item):
        talks = "; ".join(talk.title for talk in item.talks)
        venue = f" at {item.venue.name}" if item.venue else ""
        return f"{long_date(item.date)}{venue}. {talks}".strip()

    def item_link(self, item):
        return absolute_url(item.get_absolute_url())

    def item_guid(self, item):
        return entry_id(item)

    def item_guid_is_permalink(self, item):
        return False

    def item_pubdate(self, item):
        return item.created_at

    def item_updateddate(self, item):
        return item.updated_at
