"""The evening's intro deck, assembled from the site's data: the slides the organizers used to build by hand before
every meetup (title, organizers, topics for today, the host, the talks, announcements, job offers, the next meetup).

A read, not a write: `deck_events(user)` is the queryset a deck's meetup is loaded from (its program, hosts,
announcements and job posts prefetched), `meetup_deck(event)` adds the organizers and the next meetup and lists
the slides in the order they are shown. Ten queries for any meetup, however much history there is.
"""

from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet

from common.visibility import PUBLIC
from events.enums import EventStatus, SponsorRole
from events.models import AgendaSlot, Announcement, Event, EventSponsor, JobPost, Organizer, Sponsor
from events.selectors import with_program


@dataclass(frozen=True)
class Slide:
    kind: str  # names its template, templates/events/deck/_<kind>.html
    label: str  # what the slide shows, in a few words: for screen readers and the browser's title
    item: object = None  # the talk's slot, the host, the announcement or the job post shown
    density: str = ""  # "", "dense" or "denser": smaller type for a slide with much to show (see `density`)

    @property
    def template(self) -> str:
        return f"events/deck/_{self.kind}.html"


@dataclass(frozen=True)
class Deck:
    event: Event
    organizers: list[Organizer]
    program: list[AgendaSlot]
    hosts: list[Sponsor]
    supporters: list[EventSponsor]  # sponsors, drinks and partners: thanked on the closing slide
    talk_slots: list[AgendaSlot]  # the program's talks that take place, in running order
    announcements: list[Announcement]
    job_posts: list[JobPost]
    next_event: Event | None
    slides: list[Slide] = field(default_factory=list)

    @property
    def program_is_timed(self) -> bool:
        """Whether the agenda gives times (the historic ones mostly do not): else the slide lists topics alone."""
        return any(slot.start_time is not None for slot in self.program)


def deck_events(user) -> QuerySet:
    """The meetups whose deck this user may open, each loaded with everything its slides show."""
    return with_program(Event.objects.visible_to(user)).prefetch_related(
        Prefetch("announcements", queryset=Announcement.objects.visible_to(user).order_by("order", "pk")),
        Prefetch(
            "job_posts",
            queryset=JobPost.objects.visible_to(user)
            .filter(is_active=True)
            .select_related("sponsor")
            .order_by("posted_on", "pk"),
        ),
    )


def next_published_event(event: Event) -> Event | None:
    """The first published meetup after this one's day (cancelled ones and drafts are not announced)."""
    later = Event.objects.visible_to(PUBLIC).filter(status=EventStatus.PUBLISHED, date__gt=event.date)
    return later.select_related("venue").order_by("date", "start_time", "pk").first()


def meetup_deck(event: Event) -> Deck:
    """The deck of a meetup loaded from `deck_events`: two more queries (organizers, the next meetup)."""
    sponsorships = list(event.sponsorships.all())
    program = event.program
    deck = Deck(
        event=event,
        organizers=list(Organizer.objects.visible_to(PUBLIC).select_related("speaker")),
        program=program,
        hosts=[link.sponsor for link in sponsorships if link.role == SponsorRole.HOST],
        supporters=[link for link in sponsorships if link.role != SponsorRole.HOST],
        talk_slots=[slot for slot in program if slot.talk_id is not None and not slot.is_called_off],
        announcements=list(event.announcements.all()),
        job_posts=list(event.job_posts.all()),
        next_event=next_published_event(event),
    )
    deck.slides.extend(deck_slides(deck))
    return deck


def deck_slides(deck: Deck) -> list[Slide]:
    """The slides in the order of the evening; a part with nothing to show has no slide."""
    slides = [Slide("title", deck.event.title)]
    if deck.organizers:
        slides.append(Slide("organizers", "The organizers", density=density(len(deck.organizers), 4, 8)))
    if deck.program:
        lines = sum(1 + agenda_length(slot) // LINE for slot in deck.program)
        slides.append(Slide("agenda", "Topics for today", density=density(lines, 9, 13)))
    for host in deck.hosts:
        weight = len(host.description) // LINE
        slides.append(Slide("host", f"Our host: {host.name}", host, density(weight, 8, 14)))
    for slot in deck.talk_slots:
        weight = max(len(slot.talk.title) // 25, len(slot.talk.talk_speakers.all()))
        slides.append(Slide("talk", slot.talk.title, slot, density(weight, 2, 4)))
    for item in deck.announcements:
        weight = (len(item.text) + (3 * LINE if item.image else 0)) // LINE
        slides.append(Slide("announcement", item.title, item, density(weight, 8, 14)))
    for post in deck.job_posts:
        weight = len(post.description) // LINE
        slides.append(
            Slide("job", f"Job offer: {post.title} at {post.company}", post, density(weight, 8, 14))
        )
    slides.append(Slide("next", "Next meetup"))
    slides.append(Slide("closing", "Stay in touch"))
    return slides


# About how many characters fill a line of slide text at the normal size: fewer than on a 16:9 slide, so that a
# slide printed on a narrower landscape sheet (A4, Letter) still fits.
LINE = 50


def density(weight: int, normal: int, dense: int) -> str:
    """The type size that lets a slide's content fit: normal up to `normal` (lines, people, …), then smaller."""
    if weight <= normal:
        return ""
    return "dense" if weight <= dense else "denser"


def agenda_length(slot: AgendaSlot) -> int:
    """About how many characters a slot takes on the agenda slide: its title, its speakers and affiliations."""
    if slot.talk_id is None:
        return len(slot.title)
    speakers = slot.talk.talk_speakers.all()
    return len(slot.talk.title) + sum(len(link.speaker.name) + len(link.affiliation) + 6 for link in speakers)
