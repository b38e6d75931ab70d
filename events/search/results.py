"""A search as the page shows it: talks, speakers, meetups and venues that match, best first, each with the marked
words and an excerpt saying why it matched. Five queries whatever the archive's size."""

from dataclasses import dataclass, field

from django.db.models import Count, Max, Q
from django.utils.safestring import SafeString

from common.markdown import plaintext
from events.models import Event, Venue
from events.search.query import query_words, ranked
from events.search.snippets import Highlighter
from talks.models import Speaker, Talk
from talks.selectors import speakers_in_order

MAX_QUERY_CHARS = 100
LIMITS = {"talk": 30, "speaker": 20, "event": 10, "venue": 10}


@dataclass
class Hit:
    """One result: the object, its marked title, and where the words not in the title were found."""

    object: object
    title: SafeString
    excerpt: SafeString | None = None
    excerpt_label: str = ""
    people: list = field(default_factory=list)  # talks: (TalkSpeaker, marked name)


@dataclass
class Results:
    query: str
    words: list[str] = field(default_factory=list)
    error: str = ""
    talks: list[Hit] = field(default_factory=list)
    speakers: list[Hit] = field(default_factory=list)
    events: list[Hit] = field(default_factory=list)
    venues: list[Hit] = field(default_factory=list)
    more: set[str] = field(default_factory=set)  # kinds with more results than shown

    @property
    def count(self) -> int:
        return len(self.talks) + len(self.speakers) + len(self.events) + len(self.venues)


def _explain(hit: Hit, highlighter: Highlighter, found: set[int], sources: list[tuple[str, str]]) -> Hit:
    """Adds an excerpt from the first source holding a query word not `found` in the title (or names) yet."""
    missing = set(range(len(highlighter.terms))) - found
    if missing:
        for label, text in sources:
            if text and (excerpt := highlighter.excerpt(text, missing)) is not None:
                hit.excerpt, hit.excerpt_label = excerpt, label
                break
    return hit


def _talk_hit(talk: Talk, highlighter: Highlighter) -> Hit:
    hit = Hit(talk, highlighter.mark(talk.title))
    found = highlighter.found(talk.title)
    for link in talk.talk_speakers.all():
        hit.people.append((link, highlighter.mark(link.speaker.name)))
        found |= highlighter.found(f"{link.speaker.name} {link.affiliation}")
    sources = [("Abstract", plaintext(talk.abstract)), ("Slides", talk.slides_text)]
    sources += [("Affiliation", link.affiliation) for link in talk.talk_speakers.all()]
    return _explain(hit, highlighter, found, sources)


def _speaker_hit(speaker: Speaker, highlighter: Highlighter) -> Hit:
    hit = Hit(speaker, highlighter.mark(speaker.name))
    sources = [
        ("Also written", ", ".join(map(str, speaker.alternative_names or []))),
        ("Affiliation", speaker.affiliation),
        ("About", plaintext(speaker.bio)),
    ]
    return _explain(hit, highlighter, highlighter.found(speaker.name), sources)


def _event_hit(event: Event, highlighter: Highlighter) -> Hit:
    hit = Hit(event, highlighter.mark(event.title))
    sources = [("About", plaintext(event.description)), ("Intro slides", event.intro_slides_text)]
    return _explain(hit, highlighter, highlighter.found(event.title), sources)


def _venue_hit(venue: Venue, highlighter: Highlighter) -> Hit:
    hit = Hit(venue, highlighter.mark(venue.name))
    sources = [
        ("Also written", ", ".join(map(str, venue.alternative_names or []))),
        ("Address", venue.full_address),
        ("Getting there", plaintext(venue.directions)),
    ]
    return _explain(hit, highlighter, highlighter.found(venue.name), sources)


def _first(results: Results, kind: str, rows) -> list:
    rows = list(rows[: LIMITS[kind] + 1])
    if len(rows) > LIMITS[kind]:
        results.more.add(kind)
    return rows[: LIMITS[kind]]


def search(query: str, user) -> Results:
    """What `user` may see that matches every word of `query` (drafts only for staff, through `visible_to`)."""
    query = query.strip()
    results = Results(query=query)
    if len(query) > MAX_QUERY_CHARS:
        results.error = f"Please search for at most {MAX_QUERY_CHARS} characters."
        return results
    results.words = words = query_words(query)
    if not words:
        return results
    highlighter = Highlighter(words)
    visible_talks = Q(talks__in=Talk.objects.visible_to(user))
    talks = (
        ranked(Talk.objects.visible_to(user), "talk", words)
        .select_related("slot__event")
        .prefetch_related(speakers_in_order())
        .order_by("-search_rank", "-slot__event__date", "-slot__event__pk", "pk")
    )
    speakers = (
        ranked(Speaker.objects.visible_to(user), "speaker", words)
        .annotate(
            talk_count=Count("talks", filter=visible_talks, distinct=True),
            latest=Max("talks__slot__event__date", filter=visible_talks),
        )
        .order_by("-search_rank", "-latest", "name")
    )
    events = (
        ranked(Event.objects.visible_to(user), "event", words)
        .select_related("venue")
        .order_by("-search_rank", "-date", "-pk")
    )
    visible_events = Q(events__in=Event.objects.visible_to(user))
    venues = (
        ranked(Venue.objects.visible_to(user), "venue", words)
        .annotate(event_count=Count("events", filter=visible_events, distinct=True))
        .order_by("-search_rank", "name")
    )
    results.talks = [_talk_hit(talk, highlighter) for talk in _first(results, "talk", talks)]
    results.speakers = [_speaker_hit(row, highlighter) for row in _first(results, "speaker", speakers)]
    results.events = [_event_hit(event, highlighter) for event in _first(results, "event", events)]
    results.venues = [_venue_hit(venue, highlighter) for venue in _first(results, "venue", venues)]
    return results
