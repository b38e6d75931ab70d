"""Named prefetches of talks, so that every page loads in a fixed number of queries."""

from django.db.models import Prefetch

from talks.models import TalkSpeaker


def speakers_in_order() -> Prefetch:
    """A talk's speakers with their affiliation at the time, in the order the talk names them."""
    return Prefetch(
        "talk_speakers", queryset=TalkSpeaker.objects.select_related("speaker").order_by("order", "pk")
    )
