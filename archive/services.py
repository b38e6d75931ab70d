"""Writing the parsed historic archive (archive.importers) to the meetup models, all or nothing."""

import hashlib
import json
import re
from collections import Counter
from dataclasses import asdict, dataclass, field

from django.db import transaction

from archive.importers.records import ArchiveRecord, EventRecord, ReportEntry, VenueRecord
from common.text import fold, unique_slug
from events.enums import EventStatus, SlotKind, SponsorRole
from events.formats.json import event_as_dict
from events.models import AgendaSlot, Event, EventSponsor, Sponsor, Venue
from events.selectors import with_program
from events.services.program import SLOT_KIND_OF_TALK
from talks.models import Speaker, Talk, TalkSpeaker


@dataclass
class ImportSummary:
    """What an import did (or, in a dry run, would do), per kind of row."""

    counts: dict[str, Counter] = field(default_factory=dict)
    report: list[ReportEntry] = field(default_factory=list)

    def count(self, kind: str, outcome: str, n: int = 1) -> None:
        self.counts.setdefault(kind, Counter())[outcome] += n

    def lines(self) -> list[str]:
        outcomes = ("created", "updated", "unchanged", "skipped")
        return [
            f"{kind}: " + ", ".join(f"{self.counts[kind][outcome]} {outcome}" for outcome in outcomes)
            for kind in ("events", "talks", "speakers", "venues", "sponsors")
            if kind in self.counts
        ]


class _DryRunRollback(Exception):
    pass


def archive_import(*, archive: ArchiveRecord, dry_run: bool = False) -> ImportSummary:
    """Write the parsed archive to the database, all or nothing.

    Events are matched by number (or slug for special events). An event is rewritten only when its source changed
    AND nobody edited it in the admin since the last import (the stored checksum of what the import wrote tells);
    an event an organizer edited is kept as it is and reported. Speakers and venues are matched by name or any
    alternative spelling; existing ones only gain missing details and spellings.
    """
    summary = ImportSummary(report=list(archive.report))
    try:
        with transaction.atomic():
            _ArchiveWriter(archive, summary).write()
            if dry_run:
                raise _DryRunRollback
    except _DryRunRollback:
        pass
    return summary


# "Welcome by the host", "Host presentation: A1": the host's slot of the evening.
HOST = re.compile(r"\bby the host\b|^\W*host\b", re.I)


def _checksum(data) -> str:
    return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()[:32]


def _record_data(record: EventRecord) -> dict:
    """The source record as plain data, for the source half of the checksum."""
    return asdict(record) | {"sources": None}


def _written_data(event: Event) -> dict:
    """What the import writes, read back from the database (expects `with_program` prefetches)."""
    return event_as_dict(event) | {
        "kind": event.kind,
        "end_time": str(event.end_time),
        "description": event.description,
        "intro_slides_url": event.intro_slides_url,
        "video_url": event.video_url,
        "photos_url": event.photos_url,
        "slots": [(slot.talk_id is not None) for slot in event.program],
    }


class _ArchiveWriter:
    def __init__(self, archive: ArchiveRecord, summary: ImportSummary):
        self.archive = archive
        self.summary = summary
        self.speakers = self._index(Speaker.objects.all())
        self.venues = self._index(Venue.objects.all())
        self.sponsors = {fold(sponsor.name): sponsor for sponsor in Sponsor.objects.all()}
        self.speaker_slugs = set(Speaker.objects.values_list("slug", flat=True))
        self.venue_slugs = set(Venue.objects.values_list("slug", flat=True))
        self.sponsor_slugs = set(Sponsor.objects.values_list("slug", flat=True))
        self.talk_slugs = set(Talk.objects.values_list("slug", flat=True))
        self.touched_speakers: set[int] = set()
        self.touched_venues: set[int] = set()
        self.canonical_speaker_names = {
            fold(spelling): canonical
            for canonical, variants in archive.speaker_aliases.items()
            for spelling in [canonical, *variants]
        }
        self.latest_speaker_details = self._latest_speaker_details()

    @staticmethod
    def _index(rows) -> dict:
        index = {}
        for row in rows:
            for name in [row.name, *row.alternative_names]:
                index.setdefault(fold(name), row)
        return index

    def _latest_speaker_details(self) -> dict[str, tuple[str, str]]:
        """Per speaker, the affiliation of their latest talk and their latest bio: the speaker's current details."""
        details: dict[str, tuple[str, str]] = {}
        for event in sorted(self.archive.events, key=lambda e: e.date):
            for talk in event.talks:
                for speaker in talk.speakers:
                    name = self._canonical_speaker_name(speaker.name)
                    affiliation, bio = details.get(name, ("", ""))
                    details[name] = (speaker.affiliation or affiliation, speaker.bio or bio)
        return details

    def write(self) -> None:
        existing = {
            (event.number if event.number is not None else event.slug): event
            for event in with_program(Event.objects.all())
        }
        event_slugs = {event.slug for event in existing.values()}
        for record in self.archive.events:
            key = record.number if record.number is not None else record.key
            event = existing.get(key)
            if event is None and record.key in event_slugs:
                self._skip(record, "an event with this slug exists under another number; kept as it is")
                continue
            self._write_event(record, event)
        self._count_people_and_places()

    def _skip(self, record: EventRecord, why: str) -> None:
        self.summary.count("events", "skipped")
        self.summary.report.append(
            ReportEntry("kept_edit", f"{record.title} ({record.date}): {why}", ", ".join(record.sources))
        )

    def _write_event(self, record: EventRecord, event: Event | None) -> None:
        source_checksum = _checksum(_record_data(record))
        if event is not None:
            written_checksum = event.import_checksum[32:]
            if not event.import_checksum:
                return self._skip(record, "created in the admin, not by an import; kept as it is")
            if _checksum(_written_data(event)) != written_checksum:
                return self._skip(record, "edited by an organizer since the last import; kept as it is")
            if event.import_checksum[:32] == source_checksum:
                self.summary.count("events", "unchanged")
                self.summary.count("talks", "unchanged", len(record.talks))
                # Still match its people and place, so their counts and spellings are complete.
                self._venue(record.venue)
                for talk in record.talks:
                    for speaker in talk.speakers:
                        self._speaker(speaker.name)
                return None
            old_talks = Talk.objects.filter(slot__event=event)
            self.talk_slugs -= set(
                old_talks.values_list("slug", flat=True)
            )  # a rewrite keeps the talks' slugs
            old_talks.delete()  # their slots go with them
            event.agenda.all().delete()
            event.sponsorships.all().delete()
            outcome = "updated"
        else:
            event = Event(slug=record.key)
            outcome = "created"

        event.number = record.number
        event.kind = record.kind
        event.title = record.title
        event.date = record.date
        event.start_time = record.start_time
        event.end_time = record.end_time
        event.venue = self._venue(record.venue)
        event.meetup_url = record.meetup_url
        event.description = record.description
        event.status = EventStatus.PUBLISHED
        event.intro_slides_url = record.intro_slides_url
        event.video_url = record.video_url
        event.photos_url = record.photos_url
        event.save()
        self.summary.count("events", outcome)

        self._write_agenda(event, record, self._write_talks(record))
        self._write_sponsors(event, record)

        written = with_program(Event.objects.filter(pk=event.pk)).get()
        event.import_checksum = source_checksum + _checksum(_written_data(written))
        Event.objects.filter(pk=event.pk).update(import_checksum=event.import_checksum)
        return None

    def _write_agenda(self, event: Event, record: EventRecord, talks: list[Talk]) -> None:
        slots = [
            AgendaSlot(
                event=event,
                start_time=slot.start_time,
                end_time=slot.end_time,
                title="" if slot.talk is not None else slot.title,
                is_cancelled=slot.cancelled and slot.talk is None,
                kind=SlotKind.HOST
                if slot.kind == SlotKind.WELCOME and HOST.search(slot.title)
                else slot.kind,
                talk=talks[slot.talk] if slot.talk is not None else None,
            )
            for slot in record.agenda
            if slot.talk is not None or slot.title.strip()
        ]
        self._report_untitled_slots(record)
        # A talk no agenda line names still belongs to the program: untimed, after the agenda.
        slotted = {slot.talk for slot in record.agenda if slot.talk is not None}
        slots += [
            AgendaSlot(event=event, kind=SLOT_KIND_OF_TALK[talk.kind], talk=talk)
            for index, talk in enumerate(talks)
            if index not in slotted
        ]
        for position, slot in enumerate(slots):
            slot.position = position
        AgendaSlot.objects.bulk_create(slots)

    def _write_sponsors(self, event: Event, record: EventRecord) -> None:
        roles_seen = set()
        for order, (name, role) in enumerate(record.sponsors):
            sponsor = self._sponsor(name)
            if (sponsor.pk, role) not in roles_seen:
                roles_seen.add((sponsor.pk, role))
                EventSponsor.objects.create(event=event, sponsor=sponsor, role=role, order=order)
        # The first meetup at a venue with one host names the venue's host (organizers may change it).
        hosts = {sponsor_pk for sponsor_pk, role in roles_seen if role == SponsorRole.HOST}
        venue = event.venue
        if venue is not None and venue.host_id is None and len(hosts) == 1:
            venue.host_id = hosts.pop()
            venue.save(update_fields=["host"])

    def _report_untitled_slots(self, record: EventRecord) -> None:
        for slot in record.agenda:
            if slot.talk is None and not slot.title.strip():
                time = f"{slot.start_time:%H:%M}" if slot.start_time else "untimed"
                self.summary.report.append(
                    ReportEntry("warning", f"{record.key}: agenda line at {time} has no title; not imported")
                )

    def _write_talks(self, record: EventRecord) -> list[Talk]:
        talks = []
        for talk_record in record.talks:
            talk = Talk.objects.create(
                title=talk_record.title,
                slug=unique_slug(talk_record.title, self.talk_slugs),
                kind=talk_record.kind,
                abstract=talk_record.abstract,
                is_cancelled=talk_record.cancelled,
                slides_url=talk_record.slides_url,
                video_url=talk_record.video_url,
            )
            seen = set()
            for position, speaker_record in enumerate(talk_record.speakers):
                speaker = self._speaker(speaker_record.name)
                if speaker.pk in seen:
                    continue
                seen.add(speaker.pk)
                TalkSpeaker.objects.create(
                    talk=talk, speaker=speaker, affiliation=speaker_record.affiliation, order=position
                )
            talks.append(talk)
            self.summary.count("talks", "created")
        return talks

    def _canonical_speaker_name(self, name: str) -> str:
        return self.canonical_speaker_names.get(fold(name), name)

    def _speaker(self, name: str) -> Speaker:
        name = self._canonical_speaker_name(name)
        aliases = self.archive.speaker_aliases.get(name, [])
        speaker = next((self.speakers[fold(n)] for n in [name, *aliases] if fold(n) in self.speakers), None)
        affiliation, bio = self.latest_speaker_details.get(name, ("", ""))
        if speaker is None:
            speaker = Speaker.objects.create(
                name=name,
                slug=unique_slug(name, self.speaker_slugs),
                affiliation=affiliation,
                bio=bio,
                alternative_names=sorted(set(aliases) - {name}),
            )
            self.summary.count("speakers", "created")
        elif speaker.pk not in self.touched_speakers:
            changed = self._fill_in(speaker, affiliation=affiliation, bio=bio, names=[name, *aliases])
            self.summary.count("speakers", "updated" if changed else "unchanged")
        self.touched_speakers.add(speaker.pk)
        for spelling in [name, *aliases, *speaker.alternative_names]:
            self.speakers[fold(spelling)] = speaker
        return speaker

    def _venue(self, record: VenueRecord | None) -> Venue | None:
        if record is None:
            return None
        aliases = self.archive.venue_aliases.get(record.name, [])
        venue = next((self.venues[fold(n)] for n in [record.name, *aliases] if fold(n) in self.venues), None)
        if venue is None:
            venue = Venue.objects.create(
                name=record.name,
                slug=unique_slug(record.name, self.venue_slugs),
                address=record.address,
                city=record.city,
                is_online=record.name.lower().startswith("online"),
                alternative_names=sorted(set(aliases) - {record.name}),
            )
            self.summary.count("venues", "created")
        elif venue.pk not in self.touched_venues:
            changed = self._fill_in(venue, address=record.address, names=[record.name, *aliases])
            self.summary.count("venues", "updated" if changed else "unchanged")
        self.touched_venues.add(venue.pk)
        for spelling in [record.name, *aliases, *venue.alternative_names]:
            self.venues[fold(spelling)] = venue
        return venue

    @staticmethod
    def _fill_in(row, *, names: list[str], **details: str) -> bool:
        """Give an existing speaker or venue what it lacks (blank details, new spellings); never overwrite."""
        changed = []
        for field_name, value in details.items():
            if value and not getattr(row, field_name):
                setattr(row, field_name, value)
                changed.append(field_name)
        known = {fold(row.name), *map(fold, row.alternative_names)}
        new_names = sorted({n for n in names if fold(n) not in known})
        if new_names:
            row.alternative_names = [*row.alternative_names, *new_names]
            changed.append("alternative_names")
        if changed:
            row.save(update_fields=changed)
        return bool(changed)

    def _sponsor(self, name: str) -> Sponsor:
        sponsor = self.sponsors.get(fold(name))
        if sponsor is None:
            sponsor = Sponsor.objects.create(name=name, slug=unique_slug(name, self.sponsor_slugs))
            self.sponsors[fold(name)] = sponsor
            self.summary.count("sponsors", "created")
        return sponsor

    def _count_people_and_places(self) -> None:
        for kind in ("speakers", "venues", "sponsors"):
            self.summary.counts.setdefault(kind, Counter())
