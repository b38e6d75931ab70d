import datetime
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from archive.importers import parse_meetup_readme
from common.visibility import PUBLIC
from events.enums import EventStatus
from events.formats.json import archive_as_dict
from events.formats.readme import event_as_readme
from events.models import Event
from events.selectors import with_program
from events.services.slides import event_attach_intro_slides
from talks.services import talk_attach_slides
from tests.factories import make_event, make_slot, make_speaker, make_sponsorship, make_talk, make_venue
from tests.files import pdf_upload

pytestmark = pytest.mark.django_db

SHARED_README_74 = Path("/work/shared/data/vdlm-meetups/Meetups/Meetup_74/README.md")


@pytest.fixture
def meetup_74(settings):
    settings.VDLM_SITE_URL = "https://vdlm.example.org"
    event = make_event(
        number=74,
        title="74th Deep Learning Meetup: Agentic AI & Causal Inference",
        slug="74th-deep-learning-meetup",
        date=datetime.date(2026, 6, 10),
        start_time=datetime.time(18, 15),
        venue=make_venue(name="ÖBB Innovation Factory"),
        meetup_url="https://www.meetup.com/vienna-deep-learning-meetup/events/314862292/",
        description="Hi Deep Learners,\n\nWe are happy to announce one more meetup before the summer break.",
        intro_slides_url="https://example.org/74-intro.pdf",
    )
    kosorus = make_speaker(name="Hilda Kosorus", bio="We are Onefold AI — Tobi, Csenge, and Hilda.")
    fiala = make_speaker(name="Tobias Fiala", bio="Tobi builds agents.")
    cadei = make_speaker(name="Riccardo Cadei", bio="Riccardo Cadei is an ELLIS PhD student at ISTA.")
    talks = {
        "agents": {
            "title": "Agentic AI Systems in Production: Best Practices, Challenges & Lessons Learned",
            "slug": "agentic-ai",
            "abstract": "Building agentic AI systems that work in production is harder than the demos suggest.\n"
            "In this talk, we share what we've learned.",
        },
        "causal": {
            "title": "Scaling Empiricism in Artificial Causal Inference",
            "slug": "causal",
            "abstract": "Randomized trials are the gold standard.\n\nIn this talk, I will present two algorithms.",
            "slides_url": "https://example.org/causal.pdf",
        },
    }
    slots = [
        (datetime.time(18, 15), "Arrival", "other"),
        (datetime.time(18, 30), "Introduction by the meetup organizers", "welcome"),
        (None, "Welcome by the host: ÖBB", "welcome"),
        (datetime.time(18, 45), "agents", "talk"),
        (datetime.time(19, 30), "Announcements", "announcements"),
        (None, "Networking Break", "break"),
        (datetime.time(20, 0), "causal", "talk"),
        (datetime.time(20, 30), "Networking", "networking"),
        (datetime.time(21, 30), "Wrap up & End", "other"),
    ]
    for time, title, kind in slots:
        if kind == "talk":
            talks[title] = make_talk(event=event, start_time=time, **talks[title])
        else:
            make_slot(event=event, start_time=time, title=title, kind=kind)
    talks["agents"].talk_speakers.create(speaker=kosorus, affiliation="Onefold AI", order=0)
    talks["agents"].talk_speakers.create(speaker=fiala, affiliation="Onefold AI", order=1)
    talks["causal"].talk_speakers.create(speaker=cadei, affiliation="ISTA")
    talk_attach_slides(talk=talks["agents"], file=pdf_upload(["Agents"]))
    make_sponsorship(event=event, role="host")
    return event


def exported(event: Event) -> str:
    return event_as_readme(with_program(Event.objects.filter(pk=event.pk)).get())


def test_event_as_readme_writes_the_groups_format(meetup_74):
    text = exported(meetup_74)
    assert text.startswith(
        "# 74th Deep Learning Meetup: Agentic AI & Causal Inference\n\n"
        "10 June 2026 @ ÖBB Innovation Factory\n\n"
        "https://www.meetup.com/vienna-deep-learning-meetup/events/314862292/\n\n"
        "Slides:\n* [[PDF - Intro / Events / Jobs](https://example.org/74-intro.pdf)]\n\n"
        "Hi Deep Learners,\n\n"
    )
    assert (
        "## Agenda:\n\n"
        "* 18:15 Arrival\n"
        "* 18:30 Introduction by the meetup organizers\n"
        "* Welcome by the host: ÖBB\n"
        "* 18:45 Talk 1: Agentic AI Systems in Production: Best Practices, Challenges & Lessons Learned by "
        "Hilda Kosorus (Onefold AI), Tobias Fiala (Onefold AI)\n"
        "* 19:30 Announcements\n"
        "* Networking Break\n"
        "* 20:00 Talk 2: Scaling Empiricism in Artificial Causal Inference by Riccardo Cadei (ISTA)\n"
        "* 20:30 Networking\n"
        "* 21:30 Wrap up & End\n\n"
        "## Talk Details:\n\n"
        "### Talk 1: Agentic AI Systems in Production: Best Practices, Challenges & Lessons Learned\n\n"
        "[[Slides](https://vdlm.example.org/meetups/74th-deep-learning-meetup/talks/agentic-ai/slides/)]\n\n"
    ) in text
    assert (
        "**About the speakers:**\n\nWe are Onefold AI — Tobi, Csenge, and Hilda.\n\nTobi builds agents.\n"
        in text
    )
    assert text.endswith("Your VDLM organizer team.\n")


def test_event_as_readme_links_an_uploaded_intro_deck_through_the_site(meetup_74):
    meetup_74.intro_slides_url = ""
    meetup_74.save()
    event_attach_intro_slides(event=meetup_74, file=pdf_upload(["Welcome"]))

    record, _ = parse_meetup_readme(exported(meetup_74), source="Meetups/Meetup_74/README.md")

    # The site serves the deck (slide files are not public under /media/), and the importer reads the link back.
    assert (
        record.intro_slides_url == "https://vdlm.example.org/meetups/74th-deep-learning-meetup/intro-slides/"
    )


def test_event_as_readme_round_trips_through_the_importer(meetup_74):
    record, report = parse_meetup_readme(exported(meetup_74), source="Meetups/Meetup_74/README.md")

    assert report == []
    assert (record.number, record.title, record.date, record.start_time) == (
        74,
        meetup_74.title,
        meetup_74.date,
        datetime.time(18, 15),
    )
    assert record.venue.name == "ÖBB Innovation Factory"
    assert record.meetup_url == meetup_74.meetup_url
    assert record.description == meetup_74.description
    assert record.intro_slides_url == "https://example.org/74-intro.pdf"
    assert [(slot.start_time, slot.title, slot.talk) for slot in record.agenda] == [
        (datetime.time(18, 15), "Arrival", None),
        (datetime.time(18, 30), "Introduction by the meetup organizers", None),
        (None, "Welcome by the host: ÖBB", None),
        (
            datetime.time(18, 45),
            "Agentic AI Systems in Production: Best Practices, Challenges & Lessons Learned",
            0,
        ),
        (datetime.time(19, 30), "Announcements", None),
        (None, "Networking Break", None),
        (datetime.time(20, 0), "Scaling Empiricism in Artificial Causal Inference", 1),
        (datetime.time(20, 30), "Networking", None),
        (datetime.time(21, 30), "Wrap up & End", None),
    ]
    assert [talk.title for talk in record.talks] == [
        "Agentic AI Systems in Production: Best Practices, Challenges & Lessons Learned",
        "Scaling Empiricism in Artificial Causal Inference",
    ]
    assert [[(s.name, s.affiliation) for s in talk.speakers] for talk in record.talks] == [
        [("Hilda Kosorus", "Onefold AI"), ("Tobias Fiala", "Onefold AI")],
        [("Riccardo Cadei", "ISTA")],
    ]
    assert [talk.abstract for talk in record.talks] == [
        "Building agentic AI systems that work in production is harder than the demos suggest.\n"
        "In this talk, we share what we've learned.",
        "Randomized trials are the gold standard.\n\nIn this talk, I will present two algorithms.",
    ]
    assert record.talks[1].speakers[0].bio == "Riccardo Cadei is an ELLIS PhD student at ISTA."
    assert [talk.slides_url for talk in record.talks] == [
        "https://vdlm.example.org/meetups/74th-deep-learning-meetup/talks/agentic-ai/slides/",
        "https://example.org/causal.pdf",
    ]


@pytest.mark.skipif(not SHARED_README_74.exists(), reason="the shared data checkout is not here")
def test_event_as_readme_parses_like_the_groups_own_readme(meetup_74):
    """The export and the README the group wrote for #74 read back the same program."""
    ours, _ = parse_meetup_readme(exported(meetup_74), source="Meetups/Meetup_74/README.md")
    theirs, _ = parse_meetup_readme(SHARED_README_74.read_text(), source="Meetups/Meetup_74/README.md")
    assert (ours.number, ours.title, ours.date, ours.meetup_url) == (
        theirs.number,
        theirs.title,
        theirs.date,
        theirs.meetup_url,
    )
    assert [(s.start_time, s.title, s.kind) for s in ours.agenda] == [
        (s.start_time, s.title, s.kind) for s in theirs.agenda
    ]
    assert [t.title for t in ours.talks] == [t.title for t in theirs.talks]


def test_export_meetups_markdown_command_prints_the_readme(meetup_74, capsys):
    call_command("export_meetups", "--format", "markdown", "--number", "74")
    assert capsys.readouterr().out == exported(meetup_74)


def test_export_meetups_markdown_includes_drafts(capsys):
    make_event(
        number=90,
        title="90th Deep Learning Meetup",
        status=EventStatus.DRAFT,
        date=datetime.date(2027, 3, 3),
    )
    call_command("export_meetups", "--format", "markdown", "--number", "90")
    assert (
        capsys.readouterr().out
        == "# 90th Deep Learning Meetup\n\n3 March 2027\n\nYour VDLM organizer team.\n"
    )


def test_export_meetups_markdown_unknown_number_is_an_error():
    with pytest.raises(CommandError, match="There is no meetup number 404."):
        call_command("export_meetups", "--format", "markdown", "--number", "404")


def test_export_meetups_markdown_needs_number():
    with pytest.raises(CommandError, match="--format markdown needs --number N"):
        call_command("export_meetups", "--format", "markdown")


def test_export_meetups_json_unchanged(meetup_74, capsys):
    make_event(status=EventStatus.DRAFT)
    call_command("export_meetups")
    expected = json.dumps(
        archive_as_dict(with_program(Event.objects.visible_to(PUBLIC).order_by("date", "start_time"))),
        ensure_ascii=False,
        indent=2,
    )
    assert capsys.readouterr().out == expected + "\n"


def test_admin_download_readme_action(organizer_client, meetup_74):
    from django.urls import reverse

    response = organizer_client.post(
        reverse("admin:events_event_changelist"),
        {"action": "download_readme", "_selected_action": [meetup_74.pk]},
    )
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="Meetup_74_README.md"'
    assert response["Content-Type"] == "text/markdown; charset=utf-8"
    assert response.content.decode() == exported(meetup_74)
