"""The archive as plain data: the stable schema of `export_meetups --format json`.

Kept as it is on purpose: the importer checksums `event_as_dict` to tell whether an organizer edited an imported
event (archive.services), so a change here would make every imported event look edited. The web API has its own,
paged schema with absolute links and UTC offsets (events.formats.api).
"""

from collections.abc import Iterable

from events.models import Event


def _hh_mm(time) -> str | None:
    return f"{time:%H:%M}" if time is not None else None


def event_as_dict(event: Event) -> dict:
    """One event; expects `selectors.with_program` prefetches (no further queries)."""
    venue = event.venue
    return {
        "number": event.number,
        "slug": event.slug,
        "title": event.title,
        "date": event.date.isoformat(),
        "start_time": _hh_mm(event.start_time),
        "status": event.status,
        "venue": {"name": venue.name, "address": venue.full_address} if venue else None,
        "meetup_url": event.meetup_url,
        "url": event.get_absolute_url(),
        "agenda": [
            {
                "time": _hh_mm(slot.start_time),
                "end_time": _hh_mm(slot.end_time),
                "title": slot.display_title,
                "kind": slot.kind,
            }
            for slot in event.program
        ],
        "talks": [
            {
                "title": talk.title,
                "kind": talk.kind,
                "cancelled": talk.is_cancelled,
                "speakers": [
                    {"name": link.speaker.name, "affiliation": link.affiliation}
                    for link in talk.talk_speakers.all()
                ],
                "abstract": talk.abstract,
                # An uploaded file is served (and counted) by the site; a link is given as it is.
                "slides_url": talk.get_slides_url() if talk.slides else talk.slides_url,
                "video_url": talk.video_url,
            }
            for talk in event.talks
        ],
        "sponsors": [{"name": link.sponsor.name, "role": link.role} for link in event.sponsorships.all()],
    }


def archive_as_dict(events: Iterable[Event]) -> dict:
    """Events sorted by date, oldest first."""
    return {"events": [event_as_dict(event) for event in sorted(events, key=lambda event: event.date)]}
