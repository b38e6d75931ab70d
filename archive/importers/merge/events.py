"""One EventRecord per meetup, weighed from its README(s), the root talk table and the old website table.

Each fact comes from the source that states it best: date by vote (dates.py), title and description from the
README, venue from the README's header, the website table or the prose host, talks from the root table enriched
by the README (talks.py), the agenda from the README linked to the merged talks.
"""

import datetime
from dataclasses import replace

from common.text import ORDINAL_TITLE, fold

from ..links import normalise_meetup_url
from ..readme import ReadmeFacts
from ..readme.agenda import plain_slot_kind
from ..readme.header import default_meetup_title
from ..readme.program import link_slots_to_talks
from ..records import EventRecord, ReportEntry, SlotRecord, TalkRecord, VenueRecord
from ..root_table import RootTalk
from ..website import WebsiteMeetup
from .dates import decide_date
from .sources import ROOT_README, WEBSITE_SOURCE, Sources, is_history_source
from .speakers import fill_affiliations, state_affiliations
from .talks import merge_talks
from .urls import choose_intro_deck, event_photos_url, event_video_url, report_shared_slides

PARTNER_KEYS = {"WA": ("wearedevelopers-ai-congress-2018", "WeAreDevelopers AI Congress 2018")}


def merged_event(
    sources: Sources,
    key: str,
    number: int | None,
    label: str,
    readmes: list[ReadmeFacts],
    root_talks: list[RootTalk],
    website: list[WebsiteMeetup],
) -> EventRecord | None:
    """The event `label` ("7", "AI") from all sources; None (reported) when no source dates it."""
    rows = [talk for talk in root_talks if talk.event_label == label]
    site = next((meetup for meetup in website if meetup.label == label), None)
    readme = choose_readme(sources, key, readmes, rows, site)
    date = decide_date(sources, key, readme, rows, site)
    description = event_description(sources, key, readme, date)
    if date is None:
        sources.report.append(
            ReportEntry("warning", f"{key}: no date in any source, event skipped", ROOT_README)
        )
        return None
    title = event_title(sources, key, number, readme, site)
    venue_name = choose_venue_name(sources, key, readme, site)
    meetup_url = choose_meetup_url(sources, key, readme, site)
    talks, slot_map = merge_talks(sources, key, rows, readme)
    state_affiliations(sources, key, talks, readme.source if readme else ROOT_README)
    agenda = merged_agenda(readme, talks, slot_map)
    talks = in_agenda_order(talks, agenda)
    fill_affiliations(sources, key, talks, agenda, readme)
    timed = [slot for slot in agenda if slot.start_time is not None]
    intro = choose_intro_deck(sources, key, rows, readme)
    report_shared_slides(sources, key, talks, intro)
    video = event_video_url(sources, key, rows, site)
    event_sources = sorted(
        {facts.source for facts in readmes}
        | ({ROOT_README} if rows else set())
        | ({WEBSITE_SOURCE} if site else set())
    )
    return EventRecord(
        key=key,
        number=number,
        kind="meetup" if number is not None else "special",
        title=title,
        date=date,
        start_time=timed[0].start_time if timed else prose_start_time(sources, key, readme),
        end_time=(timed[-1].end_time or timed[-1].start_time) if len(timed) > 1 else None,
        venue=VenueRecord(venue_name) if venue_name else None,
        meetup_url=meetup_url,
        description=description,
        intro_slides_url=intro,
        video_url=video,
        photos_url=event_photos_url(sources, number, site),
        talks=talks,
        agenda=agenda,
        sponsors=canonical_sponsors(sources, readme.sponsors) if readme else [],
        sources=event_sources,
    )


def choose_readme(
    sources: Sources, key: str, readmes: list[ReadmeFacts], rows: list[RootTalk], site: WebsiteMeetup | None
) -> ReadmeFacts | None:
    """The checkout's README, else a superseded one from history; a meetup with neither is reported."""
    readme = next((facts for facts in readmes if not is_history_source(facts.source)), None)
    history = next((facts for facts in readmes if is_history_source(facts.source)), None)
    if readme is None and history is None:
        where = "the root table" + (" and the website table" if site else "")
        sources.report.append(
            ReportEntry(
                "missing_readme",
                f"{key} has no README; built from {where}",
                ROOT_README,
                rows[0].line if rows else None,
            )
        )
    elif readme is None and history is not None:
        sources.report.append(
            ReportEntry(
                "missing_readme",
                f"{key} has no README; built from the root table and a superseded file",
                history.source,
                1,
            )
        )
    return readme or history


def event_description(
    sources: Sources, key: str, readme: ReadmeFacts | None, date: datetime.date | None
) -> str:
    """The README's prose; for a meetup no source records, corrections.json's sentence saying so (reported)."""
    corrections = sources.corrections.events.get(key, {})
    if not corrections.get("date_is_estimate"):
        return readme.description if readme else ""
    sources.report.append(
        ReportEntry(
            "warning",
            f"{key}: no source records this meetup; the date {date} is an estimate from corrections.json. {corrections['reason']}",
            ROOT_README,
        )
    )
    return corrections.get("description", "")


def choose_venue_name(
    sources: Sources, key: str, readme: ReadmeFacts | None, site: WebsiteMeetup | None
) -> str:
    """corrections.json, else the README's venue line, else the website table, else the prose host."""
    corrections = sources.corrections.events.get(key, {})
    hosts = [name for name, role in readme.sponsors if role == "host"] if readme else []
    if corrections.get("venue") and readme is not None and not readme.venue_text:
        sources.report.append(
            ReportEntry(
                "correction",
                f"{key}: venue {corrections['venue']!r} from corrections.json. {corrections['reason']}",
                readme.source,
            )
        )
    return (
        corrections.get("venue")
        or (readme.venue_text if readme else "")
        or (site.venue if site else "")
        or (hosts[0] if hosts else "")
    )


def choose_meetup_url(
    sources: Sources, key: str, readme: ReadmeFacts | None, site: WebsiteMeetup | None
) -> str:
    """The README's meetup.com page, else the website table's; a disagreement is reported."""
    meetup_url = readme.meetup_url if readme and readme.meetup_url else ""
    if site is None or not site.meetup_url or "meetup.com" not in site.meetup_url:
        return meetup_url
    site_url = normalise_meetup_url(site.meetup_url)
    if meetup_url and meetup_url != site_url:
        sources.report.append(
            ReportEntry(
                "conflict",
                f"{key}: README meetup page {meetup_url} differs from the website's {site_url}; kept the README's",
                readme.source if readme else "",
            )
        )
    return meetup_url or site_url


def merged_agenda(
    readme: ReadmeFacts | None, talks: list[TalkRecord], slot_map: dict[int, int]
) -> list[SlotRecord]:
    """The README's agenda, its talk slots pointing at the merged talks."""
    agenda = [merged_slot(slot, slot_map) for slot in (readme.agenda if readme else [])]
    # The root table may bring talks the README's own matching did not know.
    link_slots_to_talks(agenda, talks)
    return agenda


def prose_start_time(sources: Sources, key: str, readme: ReadmeFacts | None) -> datetime.time | None:
    """Without agenda times, the start time the prose gives ("Begin Time: 18:30", #14), reported."""
    if readme is None or readme.start_time is None:
        return None
    message = f"{key}: start time {readme.start_time:%H:%M} read from the prose {readme.start_time_words!r}"
    sources.report.append(ReportEntry("agenda", message, readme.source, readme.start_time_line))
    return readme.start_time


def in_agenda_order(talks: list[TalkRecord], agenda: list[SlotRecord]) -> list[TalkRecord]:
    """The talks in the order of their agenda slots (the evening's running order), the others after them as
    they were; the slots follow their talks' new places."""
    first_slot: dict[int, int] = {}
    for position, slot in enumerate(agenda):
        if slot.talk is not None:
            first_slot.setdefault(slot.talk, position)
    order = sorted(range(len(talks)), key=lambda index: (first_slot.get(index, len(agenda)), index))
    new_index = {old: new for new, old in enumerate(order)}
    for slot in agenda:
        slot.talk = new_index[slot.talk] if slot.talk is not None else None
    return [talks[index] for index in order]


def merged_slot(slot: SlotRecord, slot_map: dict[int, int]) -> SlotRecord:
    """The slot pointing at its merged talk; a README talk the merge left out (a welcome by a person, #11) leaves
    a plain slot."""
    if slot.talk is None:
        return replace(slot)
    if slot.talk not in slot_map:
        return replace(slot, talk=None, kind=plain_slot_kind(slot.title))
    return replace(slot, talk=slot_map[slot.talk])


def canonical_sponsors(sources: Sources, sponsors: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Hosts and sponsors under one name per organisation ("A1", "A1 Telekom" -> "A1 Telekom Austria")."""
    canonical: list[tuple[str, str]] = []
    for name, role in sponsors:
        entry = (sources.corrections.organisations.get(fold(name), name), role)
        if entry not in canonical:
            canonical.append(entry)
    return canonical


def event_title(
    sources: Sources, key: str, number: int | None, readme: ReadmeFacts | None, site: WebsiteMeetup | None
) -> str:
    corrections = sources.corrections.events.get(key, {})
    if corrections.get("title"):
        if readme is not None and readme.title != corrections["title"]:
            sources.report.append(
                ReportEntry(
                    "correction",
                    f"{key}: title {readme.title!r} replaced by {corrections['title']!r}. {corrections['reason']}",
                    readme.source,
                    1,
                )
            )
        return corrections["title"]
    if readme is not None and readme.title:
        title_number = ORDINAL_TITLE.search(readme.title)
        if number is not None and title_number and int(title_number[1]) != number:
            sources.report.append(
                ReportEntry(
                    "conflict",
                    f"{key}: README title {readme.title!r} names another meetup; kept the folder's number",
                    readme.source,
                    1,
                )
            )
            return default_meetup_title(number)
        return readme.title
    if number is None:
        return site.topic if site else key
    title = default_meetup_title(number)
    return f"{title}: {site.topic}" if site and site.topic else title


def partner_event(meetup: WebsiteMeetup) -> EventRecord:
    key, title = PARTNER_KEYS[meetup.label]
    return EventRecord(
        key=key,
        number=None,
        kind="partner",
        title=title,
        date=meetup.date,
        venue=VenueRecord(meetup.venue),
        meetup_url=meetup.meetup_url,
        description=f"Partner event: {meetup.topic} ({meetup.more_url}).",
        sources=[WEBSITE_SOURCE],
    )
