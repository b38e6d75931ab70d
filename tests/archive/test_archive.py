"""The whole archive (fixtures/source/), merged from all sources with corrections.json applied."""

import datetime
import shutil
from pathlib import Path

import pytest

from archive.importers import ArchiveError, EventRecord, parse_archive, render_report_markdown
from common.text import fold
from tests.archive.parsed import archive

SOURCE = Path(__file__).parents[2] / "fixtures/source"
CHECKOUT = SOURCE / "vdlm-meetups"
BASE = "https://github.com/vdlm/meetups/raw/master/"


def event(key: str) -> EventRecord:
    return next(event for event in archive().events if event.key == key)


def report_messages(category: str) -> list[str]:
    return [entry.message for entry in archive().report if entry.category == category]


def test_archive_has_every_meetup_1_to_75_with_strictly_increasing_dates():
    meetups = [event for event in archive().events if event.kind == "meetup"]

    assert [event.number for event in meetups] == list(range(1, 76))
    dates = [event.date for event in meetups]
    assert all(earlier < later for earlier, later in zip(dates, dates[1:], strict=False))
    assert dates[0] == datetime.date(2016, 4, 7)
    assert dates[-1] == datetime.date(2026, 9, 23)


def test_archive_special_and_partner_events():
    summit = event("ai-summit-2017")
    congress = event("wearedevelopers-ai-congress-2018")

    assert (summit.kind, summit.number, summit.date) == ("special", None, datetime.date(2017, 9, 4))
    assert len(summit.talks) == 5
    assert (congress.kind, congress.number, congress.date) == ("partner", None, datetime.date(2018, 12, 4))
    assert congress.venue.name == "Hofburg Wien"
    assert len(archive().events) == 77
    assert archive().events == sorted(archive().events, key=lambda e: (e.date, e.number or 0, e.key))


def test_archive_talk_count_and_no_organiser_speakers():
    talks = [talk for event in archive().events for talk in event.talks]
    names = {speaker.name for talk in talks for speaker in talk.speakers}

    # 136 root-table talks (134 speaker rows, #45 and #47 split, #47's organisation row replaced by its
    # four README sub-talks) + talks only in READMEs (with #15's NIPS news segment, only in its agenda)
    # + 3 from corrections.json: counted by hand, see the report.
    assert len(talks) == 161
    assert not names & {"VDLM", "VLDM", ""}
    assert all(talk.speakers for talk in talks)
    assert {talk.kind for talk in talks} == {"talk", "lightning", "hot_topics", "panel"}


def test_archive_canonical_speakers_are_distinct_after_folding():
    names = sorted({s.name for e in archive().events for t in e.talks for s in t.speakers})
    folded = [fold(name) for name in names]

    assert len(names) == 123
    assert len(set(folded)) == len(folded)


def test_archive_speaker_variants_merged():
    assert archive().speaker_aliases == {
        "Alexander Schindler": ["Alex Schindler"],
        "Mathias Rose Bjare": ["Mathias Bjare"],
        "Michael Pieler": ["Michael M. Pieler"],
        "René Donner": ["Rene Donner"],
        "Thomas Lidy": ["Tom Lidy"],
    }
    donner_talks = [
        e.key for e in archive().events for t in e.talks if "René Donner" in [s.name for s in t.speakers]
    ]
    assert len(donner_talks) == 12
    assert "speaker 'Rene Donner' merged into 'René Donner': " in "".join(report_messages("merged_variant"))


def test_archive_venue_variants_merged_with_address():
    assert event("meetup-44").venue == event("meetup-14").venue
    assert event("meetup-44").venue.name == "A1 Telekom Austria"
    assert event("meetup-44").venue.address == "Lassallestraße 9, 1020 Wien"
    assert archive().venue_aliases["A1 Telekom Austria"] == ["A1", "A1 Telekom Group Austria"]
    assert archive().venue_aliases["Online (Zoom)"] == ["online", "online (on Zoom)", "online (via Zoom)"]
    assert {event(f"meetup-{n}").venue.name for n in (34, 35, 36, 37, 38, 43)} == {"Online (Zoom)"}


def test_archive_meetup_44_year_corrected_with_reason():
    meetup = event("meetup-44")

    assert meetup.date == datetime.date(2022, 5, 18)
    (message,) = [m for m in report_messages("correction") if m.startswith("meetup-44: date")]
    assert "Meetups/Meetup_44/README.md: 2021-05-18" in message
    assert "README.md: 2022-05-18" in message
    assert [talk.title for talk in meetup.talks] == [
        "ICLR 2022 - Trends & interesting highlights",
        "GPT-NeoX-20B - An Open-Source Autoregressive Language Model",  # the root row repeats #43's title
    ]
    assert meetup.talks[1].abstract.startswith("A high-level overview of the GPT-NeoX-20B setup")
    assert meetup.talks[0].slides_url == BASE + "Meetups/Meetup_44/slides/Donner_ICLR_Review.pdf"
    assert meetup.talks[1].speakers[0].affiliation == "EleutherAI"
    assert meetup.intro_slides_url == BASE + "Meetups/Meetup_44/slides/Intro.pdf"
    assert [slot.talk for slot in meetup.agenda] == [None, 0, None, None, 1, None]


def test_archive_disputed_dates_decided():
    assert event("meetup-29").date == datetime.date(2019, 9, 24)
    assert event("meetup-65").date == datetime.date(2025, 3, 19)
    assert event("meetup-75").date == datetime.date(2026, 9, 23)
    corrected = [m.split(":")[0] for m in report_messages("correction") if ": date set to" in m]
    assert corrected == ["meetup-29", "meetup-44", "meetup-65", "meetup-75"]


def test_archive_date_without_year_taken_from_root_table():
    assert event("meetup-61").date == datetime.date(2024, 9, 11)
    assert any(
        m.startswith("meetup-61: the README gives the date without a year")
        for m in report_messages("correction")
    )


def test_archive_meetup_35_stub_ignored_and_rebuilt_from_tables():
    meetup = event("meetup-35")

    assert meetup.date == datetime.date(2020, 10, 13)
    assert meetup.meetup_url == "https://www.meetup.com/vienna-deep-learning-meetup/events/273457215/"
    assert [(t.title, [s.name for s in t.speakers]) for t in meetup.talks] == [
        ("Introduction to Graph Neural Networks", ["Liad Magen"])
    ]
    ignored = [entry.source for entry in archive().report if entry.category == "duplicate_ignored"]
    assert ignored == ["19. Meetup/README.md", "Meetup_18/README.md", "Meetups/Meetup_35/README.md"]


def test_archive_missing_readmes_reported():
    missing = sorted(int(m.split()[0].removeprefix("meetup-")) for m in report_messages("missing_readme"))

    assert missing == [35, 39, 40, 41, 53, 58, 59, 60, 62, 63, 66]
    assert event("meetup-66").sources == [
        "README.md",
        "vdlm-meetups-history/Meetups/Meetup_67/README@10bbac7eb313006d8646a5e27387ee3353987cab.md",
    ]
    assert [t.title for t in event("meetup-66").talks][0] == "Learning to See in the Age of AI"


def test_archive_copy_paste_titles_fixed():
    assert event("meetup-5").title == "5th Deep Learning Meetup in Vienna"
    assert event("meetup-19").title == "19th Deep Learning Meetup in Vienna: Visual Computing"
    assert event("meetup-1").sources == ["1. Meetup/README.md", "README.md", "vdlm-github-site/index.md"]


def test_archive_slide_links_absolute_and_url_encoded():
    talk = next(t for t in event("meetup-54").talks if t.speakers[0].name == "Jan Schlüter")

    assert (
        talk.slides_url
        == BASE
        + "Meetups/Meetup_54/slides/54th%20VDLM%20-%20Schl%C3%BCter%20-%20Music%20Audio%20Generation.pdf"
    )
    assert event("meetup-30").intro_slides_url == (
        BASE
        + "Meetups/Meetup_30/slides/30th%20Deep%20Learning%20Meetup%20Intro%20-%20Announcements%20-%20Hot%20Topics.pdf"
    )


def test_archive_swapped_and_misplaced_slides_fixed():
    slides = {t.speakers[0].name: t.slides_url for t in event("meetup-16").talks}
    assert slides == {
        "Christoph Bonitz": BASE + "Meetups/Meetup_16/slides/andrew_ng_course_review.pdf",
        "Navid Rekabsaz": BASE + "Meetups/Meetup_16/slides/demystifying_word_embedding.pdf",
    }
    coordinate = next(
        t for t in event("meetup-38").talks if t.title == "Coordinate-based Neural Representations"
    )
    assert coordinate.slides_url == BASE + "Meetups/Coordinate-based%20Neural%20Represantations.pdf"
    hecker = next(t for t in event("meetup-19").talks if t.speakers[0].name == "Matthias Hecker")
    assert hecker.slides_url == BASE + "Meetups/Meetup_19/slides/4_Mon_Style_and_TUWien.pdf"


def test_archive_placeholder_and_broken_links_reported():
    assert report_messages("placeholder_link") == [
        "meetup-28: placeholder slide link './slides/TODO' dropped",
        "meetup-37: placeholder slide link './Meetups/Meetup_37/slides/TODO' dropped",
        "meetup-37: placeholder slide link './slides/TODO.pdf' dropped",
    ]
    assert event("meetup-37").talks[0].slides_url == ""
    broken = report_messages("broken_link")
    assert (
        "meetup-19: 'Meetups/Meetup_19/slides/3_Styria.pdf' is not in the repository's file listing (link kept)"
        in broken
    )
    assert len(broken) == 69


def test_archive_cancelled_talks():
    cancelled = sorted((e.key, t.speakers[0].name) for e in archive().events for t in e.talks if t.cancelled)

    assert cancelled == [
        ("meetup-15", "Alexander Schindler"),
        ("meetup-3", "Gregor Mitscha-Baude"),
        ("meetup-38", "René Donner"),
        ("meetup-67", "Julia Pardatscher"),
    ]


def test_archive_readme_only_talks_are_single_source():
    single = report_messages("single_source")
    speakers_42 = [t.speakers[0].name for t in event("meetup-42").talks]

    assert speakers_42 == ["Isabel Dregely", "Georg Fuerlinger", "Michael Pieler"]
    assert [t.speakers[0].name for t in event("meetup-74").talks] == ["Hilda Kosorus", "Riccardo Cadei"]
    assert [t.kind for t in event("meetup-33").talks] == ["talk", "talk", "lightning"]
    assert [t.kind for t in event("meetup-18").talks][-1] == "panel"
    assert len(single) == 26
    assert any(
        m.startswith("meetup-46: talk 'Research and teaching activities of the FH Technikum") for m in single
    )


def test_archive_video_and_photo_links():
    assert event("meetup-16").video_url == "https://youtu.be/tr1gs5CW4Rw"
    assert event("meetup-19").photos_url == "https://photos.app.goo.gl/hjgCkFfbeHkTyN1X6"
    clip = event("meetup-67").talks[0]
    assert clip.video_url == "https://youtu.be/26pSyyH0AIc?t=280"


def test_archive_parsing_is_deterministic():
    first = parse_archive(CHECKOUT)
    second = parse_archive(CHECKOUT)

    assert first == second
    assert render_report_markdown(first) == render_report_markdown(second)


def test_archive_report_markdown_groups_by_category():
    text = render_report_markdown(archive())

    assert text.startswith("# Import report: Vienna Deep Learning Meetup archive\n\n77 events, 161 talks, ")
    assert "\n## Corrections applied (" in text
    assert "\n## Meetups without a README (11)\n" in text
    assert text.index("## Conflicts") < text.index("## Corrections") if "## Conflicts" in text else True


def test_archive_non_checkout_raises(tmp_path: Path):
    (tmp_path / "README.md").write_text("# Something else\n\nNo table.\n", encoding="utf-8")

    with pytest.raises(ArchiveError, match="is not a checkout of vdlm/meetups"):
        parse_archive(tmp_path)


def test_archive_malformed_readme_warns_and_the_rest_parses(tmp_path: Path):
    checkout = tmp_path / "vdlm-meetups"
    shutil.copytree(CHECKOUT, checkout)
    (checkout / "Meetups/Meetup_12/README.md").write_text("<<<<<<< HEAD\n|||\n>>>>>>>\n", encoding="utf-8")

    result = parse_archive(
        checkout,
        website_index=SOURCE / "vdlm-github-site/index.md",
        history_dir=SOURCE / "vdlm-meetups-history",
        corrections_file=SOURCE / "corrections.json",
    )

    warnings = [entry for entry in result.report if entry.category == "warning"]
    assert ("Meetups/Meetup_12/README.md", 1) in [(entry.source, entry.line) for entry in warnings]
    meetup_12 = next(event for event in result.events if event.key == "meetup-12")
    assert meetup_12.date == datetime.date(2017, 6, 20)
    assert meetup_12.venue.name == "FH Technikum Wien"
    assert len(meetup_12.talks) == 2
    assert len([event for event in result.events if event.kind == "meetup"]) == 75


def test_archive_speakers_of_a_shared_talk_each_get_their_own_bio():
    # #64 writes both bios in one paragraph, each over several lines; #73 one line per speaker.
    genai = event("meetup-64").talks[1]
    speech = event("meetup-73").talks[1]

    assert [
        (speaker.name, speaker.bio.split("\n")[0][:40], speaker.bio.count("\n")) for speaker in genai.speakers
    ] == [
        ("Mouhannad Ali", "Mouhannad Ali, PhD, Senior ML Engineer a", 1),
        ("Julius Duin", "Julius Duin, ML Engineer at Crayon Austr", 2),
    ]
    assert genai.speakers[0].bio.endswith(
        "solving complex real-world challenges with advanced data science techniques."
    )
    assert genai.speakers[1].bio.endswith(
        "parallels between artificial systems and their neuroscience background."
    )
    assert [(speaker.name, speaker.bio[:40]) for speaker in speech.speakers] == [
        ("Christian Sobtzick", "Christian Sobtzick is Audio Expert at Fr"),
        ("Sahebeh Dadboud", "Sahebeh (Saba) Dadboud is an Expert Data"),
    ]
    shared = [
        talk
        for archived in archive().events
        for talk in archived.talks
        if len(talk.speakers) > 1 and any(speaker.bio for speaker in talk.speakers)
    ]
    assert shared == [genai, speech]
