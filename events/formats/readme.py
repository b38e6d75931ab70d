"""An event as the README the group keeps on GitHub, in the format of meetups 69-75.

The importer (archive.importers.parse_meetup_readme) reads this text back into the same event; the round-trip test
holds the two together.
"""

from django.conf import settings

from common.links import absolute_url as absolute  # links to the site: the README lives on GitHub
from events.models import AgendaSlot, Event
from talks.models import Talk


def talk_slides_link(talk: Talk) -> str:
    """The site's counted download for an uploaded file (drafts stay private, downloads are counted), or the link."""
    return absolute(talk.get_slides_url()) if talk.slides else talk.slides_url


def speaker_list(talk: Talk) -> str:
    """ "Sebastian Böck (NXAI GmbH), Ada Lovelace (Analytical Engines)" """
    return ", ".join(
        f"{link.speaker.name} ({link.affiliation})" if link.affiliation else link.speaker.name
        for link in talk.talk_speakers.all()
    )


def agenda_line(slot: AgendaSlot, talks: dict[int, tuple[int, Talk]]) -> str:
    """ "* 18:45 Talk 1: <title> by <Speaker> (<Affiliation>)", or "* 19:30 Announcements"."""
    time = f"{slot.start_time:%H:%M} " if slot.start_time is not None else ""
    if slot.talk_id in talks:
        number, talk = talks[slot.talk_id]
        speakers = speaker_list(talk)
        by = f" by {speakers}" if speakers else ""
        return f"* {time}Talk {number}: {talk.title}{by}"
    return f"* {time}{slot.display_title}"


def talk_section(talk: Talk, number: int) -> list[str]:
    lines = [f"### Talk {number}: {talk.title}", ""]
    if slides := talk_slides_link(talk):
        lines += [f"[[Slides]({slides})]", ""]
    if talk.abstract.strip():
        lines += [talk.abstract.strip(), ""]
    bios = [link.speaker.bio.strip() for link in talk.talk_speakers.all() if link.speaker.bio.strip()]
    if bios:
        lines += ["**About the speakers:**" if len(bios) > 1 else "**About the speaker:**", ""]
        for bio in bios:
            lines += [bio, ""]
    return lines


def event_as_readme(event: Event) -> str:
    """The README's markdown; expects `selectors.with_program` prefetches (no further queries)."""
    talks = [talk for talk in event.talks if not talk.is_cancelled]
    numbered = {talk.pk: (number, talk) for number, talk in enumerate(talks, start=1)}
    where = f" @ {event.venue.name}" if event.venue else ""
    lines = [f"# {event.title}", "", f"{event.date.day} {event.date:%B %Y}{where}", ""]
    if event.meetup_url:
        lines += [event.meetup_url, ""]
    if intro := absolute(event.get_intro_slides_url()) if event.intro_slides else event.intro_slides_url:
        lines += ["Slides:", f"* [[PDF - Intro / Events / Jobs]({intro})]", ""]
    if event.description.strip():
        lines += [event.description.strip(), ""]
    agenda = event.program
    if agenda:
        lines += ["## Agenda:", ""]
        lines += [agenda_line(slot, numbered) for slot in agenda]
        lines += [""]
    if talks:
        lines += ["## Talk Details:", ""]
        for talk in talks:
            lines += talk_section(talk, numbered[talk.pk][0])
    lines += [f"Your {settings.VDLM_SITE_SHORT_NAME} organizer team."]
    return "\n".join(lines) + "\n"
