"""The Atom feed of published meetups, newest first."""

from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.urls import reverse_lazy
from django.utils.feedgenerator import Atom1Feed

from events.models import Event
from talks.models import Talk


class EventsFeed(Feed):
    feed_type = Atom1Feed
    title = "Vienna Deep Learning Meetup"
    subtitle = "New meetups of the Vienna Deep Learning Meetup: agenda, talks and speakers."
    link = reverse_lazy("events:archive")

    def items(self):
        talks = Talk.objects.only("id", "event_id", "title", "order").order_by("order", "pk")
        return (
            Event.objects.published()
            .select_related("venue")
            .prefetch_related(Prefetch("talks", queryset=talks))
            .order_by("-date", "-start_time")[:50]
        )

    def item_title(self, item):
        prefix = "Cancelled: " if item.is_cancelled else ""
        return f"{prefix}{item.title}, {item.date:%d %B %Y}"

    def item_description(self, item):
        talks = "; ".join(talk.title for talk in item.talks.all())
        venue = f" at {item.venue.name}" if item.venue else ""
        return f"{item.date:%A %d %B %Y}{venue}. {talks}".strip()

    def item_pubdate(self, item):
        return item.created_at

    def item_updateddate(self, item):
        return item.updated_at
