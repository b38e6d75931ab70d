"""Generated meetups for load and query-count tests: realistic shape, bulk-created, never clashing with the history."""

import datetime

from events.enums import EventStatus, SlotKind
from events.models import AgendaSlot, Event, EventSponsor, JobPost, Sponsor, Venue
from talks.models import Speaker, Talk, TalkSpeaker

FIRST_NUMBER = 10_000


def generate_events(count: int, *, start=datetime.date(1990, 1, 3)) -> None:
    """`count` published meetups, weekly from `start`, each with a venue, two talks with a speaker each (slides,
    video), an agenda and a host; twenty carry an open job post. Bulk-created (one
    query per table).
    """
    venue = Venue.objects.create(name="Generated venue", slug="generated-venue", address="Bench 1, 1010 Wien")
    sponsor = Sponsor.objects.create(name="Generated sponsor", slug="generated-sponsor")
    events = Event.objects.bulk_create(
        Event(
            number=FIRST_NUMBER + i,
            title=f"Generated meetup {i}",
            slug=f"generated-{i}",
            date=start + datetime.timedelta(days=7 * i),
            start_time=datetime.time(18, 30),
            venue=venue,
            status=EventStatus.PUBLISHED,
            meetup_url=f"https://www.meetup.com/vdlm/events/{i}/",
        )
        for i in range(count)
    )
    speakers = Speaker.objects.bulk_create(
        Speaker(name=f"Generated speaker {i}", slug=f"generated-speaker-{i}") for i in range(count)
    )
    talks = Talk.objects.bulk_create(
        Talk(
            title=f"Generated talk {i}-{k}: on learning representations",
            slug=f"generated-talk-{i}-{k}",
            slides_url="https://example.org/slides.pdf",
            video_url="https://example.org/video" if k else "",
        )
        for i in range(count)
        for k in range(2)
    )
    TalkSpeaker.objects.bulk_create(
        TalkSpeaker(talk=talk, speaker=speakers[i // 2], affiliation="TU Wien")
        for i, talk in enumerate(talks)
    )
    AgendaSlot.objects.bulk_create(
        AgendaSlot(event=events[i // 2], talk=talk, kind=SlotKind.TALK, position=i % 2)
        for i, talk in enumerate(talks)
    )
    EventSponsor.objects.bulk_create(EventSponsor(event=event, sponsor=sponsor) for event in events)
    JobPost.objects.bulk_create(
        JobPost(title=f"Generated job {i}", company="Generated", event=events[i])
        for i in range(min(count, 20))
    )
