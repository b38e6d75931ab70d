"""The Atom feed of published meetups, newest first."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.urls import reverse_lazy
from django.utils.feedgenerator import Atom1Feed

from common.visibility import PUBLIC
from events.models import AgendaSlot, Event


class EventsFeed(Feed):
    feed_type = Atom1Feed
    link = reverse_lazy("events:archive")

    def title(self):
        return settings.VDLM_SITE_NAME

    def subtitle(self):
        return f"New meetups of the {settings.VDLM_SITE_NAME}: agenda, talks and speakers."

    def items(self):
        talk_slots = AgendaSlot.objects.filter(talk__isnull=False).select_related("talk")
        return (
            Event.objects.visible_to(PUBLIC)
            .select_related("venue")
            .prefetch_related(Prefetch("agenda", queryset=talk_slots))
            .order_by("-date", "-start_time")[:50]
        )

    def item_title(self, item):
        prefix = "Cancelled: " if item.is_cancelled else ""
        return f"{prefix}{item.title}, {item.date:%d %B %Y}"

    def item_description(self, item):
        talks = "; ".join(talk.title for talk in item.talks)
        venue = f" at {item.venue.name}" if item.venue else ""
        return f"{item.date:%A %d %B %Y}{venue}. {talks}".strip()

    def item_pubdate(self, item):
        return item.created_at

    def item_updateddate(self, item):
        return item.updated_at
