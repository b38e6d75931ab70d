"""A search as the page shows it: talks, speakers, meetups and venues that match, best first, each with the marked
words and an excerpt saying why it matched. Seven queries whatever the archive's size: talks and speakers are
ranked on narrow rows first (a common word matches thousands), then only the shown ones are loaded."""

from dataclasses import dataclass, field

from django.db.models import Count, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils.safestring import SafeString

from common.markdown import plaintext
from events.models import Event, Venue
from events.search.query import query_words, ranked
from events.search.snippets import Highlighter
from talks.models import Speaker, Talk, TalkSpeaker
from talks.selectors import speakers_in_order

MAX_QUERY_CHARS = 100
LIMITS = {"talk": 20, "speaker": 12, "event": 8, "venue": 6}


@dataclass
class Hit:
    """One result: the object, its marked title, and where the words not in the title were found."""

    object: object
    title: SafeString
    detail: SafeString | None = None  # a speaker's affiliation, a venue's address, marked too
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
    hit = Hit(speaker, highlighter.mark(speaker.name), detail=highlighter.mark(speaker.affiliation))
    sources = [
        ("Also written", ", ".join(map(str, speaker.alternative_names or []))),
        ("About", plaintext(speaker.bio)),
    ]
    found = highlighter.found(f"{speaker.name} {speaker.affiliation}")
    return _explain(hit, highlighter, found, sources)


def _event_hit(event: Event, highlighter: Highlighter) -> Hit:
    hit = Hit(event, highlighter.mark(event.title))
    sources = [("About", plaintext(event.description)), ("Intro slides", event.intro_slides_text)]
    return _explain(hit, highlighter, highlighter.found(event.title), sources)


def _venue_hit(venue: Venue, highlighter: Highlighter) -> Hit:
    address = "" if venue.is_online else venue.full_address
    hit = Hit(venue, highlighter.mark(venue.name), detail=highlighter.mark(address))
    sources = [
        ("Also written", ", ".join(map(str, venue.alternative_names or []))),
        ("Getting there", plaintext(venue.directions)),
    ]
    return _explain(hit, highlighter, highlighter.found(f"{venue.name} {address}"), sources)


def _first(results: Results, kind: str, rows) -> list:
    rows = list(rows[: LIMITS[kind] + 1])
    if len(rows) > LIMITS[kind]:
        results.more.add(kind)
    return rows[: LIMITS[kind]]


def _count(rows: QuerySet, outer: str) -> Coalesce:
    """How many of `rows` point at the outer row through `outer`: a correlated count, so that only matched
    rows are counted (a joined Count would count for every row of the table first)."""
    counted = rows.filter(**{outer: OuterRef("pk")}).order_by().values(outer).annotate(n=Count("pk"))
    return Coalesce(Subquery(counted.values("n")[:1]), 0)


def _talks(results: Results, user, words: list[str]) -> list[Talk]:
    """Ranked on narrow rows (a common word matches thousands of talks), then the shown ones loaded whole."""
    order = ("-search_rank", "-slot__event__date", "-slot__event__pk", "pk")
    ranking = ranked(Talk.objects.visible_to(user), "talk", words).order_by(*order)
    pks = _first(results, "talk", ranking.values_list("pk", flat=True))
    talks = (
        Talk.objects.filter(pk__in=pks).select_related("slot__event").prefetch_related(speakers_in_order())
    )
    return sorted(talks, key=lambda talk: pks.index(talk.pk))


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
    ranking = ranked(Speaker.objects.visible_to(user), "speaker", words).order_by("-search_rank", "name")
    speaker_pks = _first(results, "speaker", ranking.values_list("pk", flat=True))
    visible_links = TalkSpeaker.objects.visible_to(user)
    speakers = sorted(
        Speaker.objects.filter(pk__in=speaker_pks).annotate(talk_count=_count(visible_links, "speaker")),
        key=lambda speaker: speaker_pks.index(speaker.pk),
    )
    events = (
        ranked(Event.objects.visible_to(user), "event", words)
        .select_related("venue")
        .order_by("-search_rank", "-date", "-pk")
    )
    venues = (
        ranked(Venue.objects.visible_to(user), "venue", words)
        .annotate(event_count=_count(Event.objects.visible_to(user), "venue"))
        .order_by("-search_rank", "name")
    )
    results.talks = [_talk_hit(talk, highlighter) for talk in _talks(results, user, words)]
    results.speakers = [_speaker_hit(speaker, highlighter) for speaker in speakers]
    results.events = [_event_hit(event, highlighter) for event in _first(results, "event", events)]
    results.venues = [_venue_hit(venue, highlighter) for venue in _first(results, "venue", venues)]
    return results
