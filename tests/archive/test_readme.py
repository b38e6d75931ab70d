"""Per-meetup README parsing, one real sample of each generation (tests/archive/samples/ are unchanged copies)."""

import datetime
from pathlib import Path

from archive.importers import ReportEntry, SlotRecord, SpeakerRecord, VenueRecord, parse_meetup_readme

SAMPLES = Path(__file__).parent / "samples"
BASE = "https://github.com/vdlm/meetups/raw/master/"


def read_sample(name: str) -> str:
    return (SAMPLES / name).read_text(encoding="utf-8")


def test_readme_generation_a_bullets_with_bios_meetup_7():
    event, report = parse_meetup_readme(read_sample("meetup_07.md"), source="Meetups/Meetup_7/README.md")

    assert report == []
    assert event.key == "meetup-7"
    assert event.number == 7
    assert event.title == "7th Deep Learning Meetup in Vienna"
    assert event.date == datetime.date(2016, 12, 1)
    assert event.venue == VenueRecord("Agentur Virtual Identity")
    assert event.meetup_url == "https://www.meetup.com/vienna-deep-learning-meetup/events/235236383/"
    assert event.sponsors == [("Virtual Identity", "host")]
    assert [talk.title for talk in event.talks] == [
        "How can we learn from Neuroscience?",
        "Convolutional Neural Networks: Applications and a short timeline",
    ]
    assert event.talks[0].speakers == [
        SpeakerRecord(
            "Sabria Lagoun",
            "",
            "Sabria is a PhD candidate in Cognitive Neurobiology in the center of Brain Research at the Med Uni Vienna.",
        )
    ]
    assert event.talks[1].speakers[0].bio == (
        "Kornél is an MSc student and researcher working on the applications of deep learning in speech technology."
    )
    assert event.talks[0].abstract.startswith("Biological systems are equipped with light")
    assert event.description.startswith("Hi Deep Learners!")
    assert event.sources == ["Meetups/Meetup_7/README.md"]


def test_readme_generation_a_bold_talk_blocks_meetup_23():
    event, report = parse_meetup_readme(read_sample("meetup_23.md"), source="Meetups/Meetup_23/README.md")

    assert report == []
    assert event.date == datetime.date(2019, 1, 31)
    assert event.intro_slides_url == BASE + "Meetups/Meetup_23/slides/NeurIPS_Report_and_Announcements.pdf"
    first, second = event.talks
    assert first.title == "Explainable Neural Symbolic Learning"
    assert first.speakers == [
        SpeakerRecord("Ahmad Haj Mosa", "PwC Austria", role="AI Researcher"),
        SpeakerRecord("Fabian Schneider", "PwC Austria", role="PoC-Engineer & Researcher"),
    ]
    assert first.slides_url == BASE + "Meetups/Meetup_23/slides/Explainable_Neural_Symbolic_Learning.pdf"
    assert first.abstract.startswith("Explainable Deep Learning is getting more and more important.")
    assert second.title == "Report from NeurIPS conference"
    assert second.speakers == [
        SpeakerRecord("Rene Donner", "Contextflow", role="Head of Machine Learning & Engineering")
    ]


def test_readme_generation_b_timed_agenda_meetup_44():
    event, report = parse_meetup_readme(read_sample("meetup_44.md"), source="Meetups/Meetup_44/README.md")

    assert report == []
    # Alone, the README's own (wrong) year is all there is; the archive corrects it to 2022.
    assert event.date == datetime.date(2021, 5, 18)
    assert event.start_time == datetime.time(18, 30)
    assert event.venue == VenueRecord("A1")
    assert event.agenda == [
        SlotRecord(datetime.time(18, 30), datetime.time(18, 40), "Welcome & Introduction", "welcome"),
        SlotRecord(
            datetime.time(18, 40),
            datetime.time(19, 45),
            "ICLR 2022 - Trends & interesting highlights",
            "talk",
            0,
        ),
        SlotRecord(datetime.time(19, 45), datetime.time(20, 15), "Break", "break"),
        SlotRecord(datetime.time(20, 15), datetime.time(20, 25), "Announcements", "announcements"),
        SlotRecord(
            datetime.time(20, 25),
            datetime.time(21, 0),
            "GPT-NeoX-20B - An Open-Source Autoregressive Language Model",
            "talk",
            1,
        ),
        SlotRecord(datetime.time(21, 0), None, "Networking", "networking"),
    ]
    assert [(talk.title, talk.speakers) for talk in event.talks] == [
        (
            "ICLR 2022 - Trends & interesting highlights",
            [SpeakerRecord("Rene Donner", "Medical Volume Annotator mva.ai & contextflow")],
        ),
        (
            "GPT-NeoX-20B - An Open-Source Autoregressive Language Model",
            [SpeakerRecord("Michael Pieler", "EleutherAI")],
        ),
    ]
    assert event.talks[0].slides_url == BASE + "Meetups/Meetup_44/slides/Donner_ICLR_Review.pdf"
    assert event.talks[0].abstract.startswith("We will present a distilled overview")
    assert event.intro_slides_url == BASE + "Meetups/Meetup_44/slides/Intro.pdf"


def test_readme_generation_b_indented_schedule_meetup_50():
    event, report = parse_meetup_readme(read_sample("meetup_50.md"), source="Meetups/Meetup_50/README.md")

    assert report == []
    assert event.title == "50th Vienna Deep Learning Meetup"
    assert [(slot.start_time, slot.title, slot.kind, slot.talk) for slot in event.agenda] == [
        (datetime.time(18, 30), "Welcome & Intro", "welcome", None),
        (datetime.time(18, 40), "Security of Machine Learning Systems - (How) Can We Get There?", "talk", 0),
        (None, "Announcements & Job Openings", "announcements", None),
        (None, "Break & Networking", "break", None),
        (datetime.time(20, 10), "Intro to (deep) reinforcement learning", "talk", 1),
        (None, "Latest Developments in Large Language Models", "hot_topics", 2),
        (None, "Networking", "networking", None),
        (datetime.time(21, 30), "Wrap up & End", "other", None),
    ]
    assert [(talk.kind, talk.speakers) for talk in event.talks] == [
        ("talk", [SpeakerRecord("Rudolf Mayer", "SBA Research & TU Wien", role="Lecturer")]),
        ("talk", [SpeakerRecord("Sharwin Rezagholi", "FH Technikum Wien")]),
        ("hot_topics", [SpeakerRecord("Michael Pieler", "OpenBioML.org & Stability.AI")]),
    ]
    assert event.talks[1].abstract.startswith("Reinforcement learning (RL) empowers")
    assert event.intro_slides_url == (
        BASE
        + "Meetups/Meetup_50/slides/50th%20Deep%20Learning%20Meetup%20Intro%20-%20Announcements%20-%20Hot%20Topics.pdf"
    )


def test_readme_generation_c_prose_date_without_year_meetup_57():
    text = read_sample("meetup_57.md")

    alone, report = parse_meetup_readme(text, source="Meetups/Meetup_57/README.md")
    assert alone is None
    assert report == [
        ReportEntry(
            "warning", "does not look like a meetup README (no date found)", "Meetups/Meetup_57/README.md", 3
        )
    ]

    event, report = parse_meetup_readme(
        text, source="Meetups/Meetup_57/README.md", fallback_date=datetime.date(2024, 3, 1)
    )
    assert report == []
    assert event.date == datetime.date(2024, 3, 19)
    assert event.title == "57th Vienna Deep Learning Meetup"
    assert event.venue == VenueRecord("Magenta Telekom")
    assert event.sponsors == [("Magenta Telekom", "host")]
    assert [(slot.start_time, slot.title, slot.kind) for slot in event.agenda] == [
        (datetime.time(18, 30), "Introduction by the VDLM organizers", "welcome"),
        (None, "Welcome by the host", "welcome"),
        (datetime.time(18, 45), 'Artificial Intelligence for the Pen-and-Paper Game "SIM"', "talk"),
        (datetime.time(19, 45), "Announcements: Events & Job Openings", "announcements"),
        (datetime.time(20, 0), "Networking & Discussions", "networking"),
        (datetime.time(21, 30), "Wrap up & End", "other"),
    ]
    (talk,) = event.talks
    assert talk.speakers == [SpeakerRecord("Paul Puntschart", "cloudflight")]
    assert talk.abstract.startswith("Paul has loved math and games since childhood.")


def test_readme_current_format_meetup_72():
    event, report = parse_meetup_readme(
        read_sample("meetup_72.md"),
        source="Meetups/Meetup_72/README.md",
        fallback_date=datetime.date(2026, 1, 1),
    )

    # "* ~21:30 Wrap up & End": an approximate time, read and reported.
    assert report == [
        ReportEntry(
            "agenda", "meetup-72: approximate time '~ 21:30' read as 21:30", "Meetups/Meetup_72/README.md", 18
        )
    ]
    assert event.title == "72nd Deep Learning Meetup: TiRex + Responsible Annotation"
    assert event.date == datetime.date(2026, 4, 28)
    assert event.meetup_url == "https://www.meetup.com/vienna-deep-learning-meetup/events/314176478/"
    assert event.start_time == datetime.time(18, 15)
    assert event.venue == VenueRecord("Frequentis")
    assert [(slot.start_time, slot.kind, slot.talk) for slot in event.agenda] == [
        (datetime.time(18, 15), "other", None),
        (datetime.time(18, 30), "welcome", None),
        (None, "welcome", None),
        (datetime.time(18, 45), "talk", 0),
        (datetime.time(19, 30), "announcements", None),
        (None, "break", None),
        (datetime.time(20, 0), "talk", 1),
        (datetime.time(20, 45), "networking", None),
        (datetime.time(21, 30), "other", None),
    ]
    tirex, annotation = event.talks
    assert (
        tirex.title
        == "TiRex: Zero-Shot Forecasting Across Long and Short Horizons with Enhanced In-Context Learning"
    )
    assert tirex.speakers[0].name == "Sebastian Böck"
    assert tirex.speakers[0].affiliation == "NXAI"  # "NXAI GmbH": the legal form is not shown
    assert tirex.speakers[0].bio.startswith("Sebastian Böck is Lead Researcher at NXAI")
    assert tirex.abstract.startswith("TiRex is a compact pre-trained forecasting model")
    assert annotation.speakers[0].name == "Andreas Schachl"
    assert annotation.speakers[0].affiliation == "Responsible Annotation Services"
    assert annotation.speakers[0].bio.startswith("Andreas Schachl is a seasoned tech leader")
    assert "About the" not in annotation.abstract


def test_readme_date_at_venue_line_gives_date_and_venue():
    text = "# 74th Deep Learning Meetup: X\n\n10 June 2026 @ ÖBB Innovation Factory\n\nHi Deep Learners,\n"

    event, report = parse_meetup_readme(text, source="Meetups/Meetup_74/README.md")

    assert report == []
    assert event.date == datetime.date(2026, 6, 10)
    assert event.venue == VenueRecord("ÖBB Innovation Factory")


def test_readme_strikethrough_agenda_line_is_a_cancelled_talk():
    text = (
        "# 38th Deep Learning Meetup in Vienna\n\n* Date: 2021-02-17\n\n## Details\n\n"
        "Our Agenda for this meetup:\n"
        '18:40 - 19:00 "OpenAI: CLIP & DALL·E" by Michael Pieler, contextflow\n'
        '~~19:40 - 20:00 "Neural Architecture Search / AutoML" by René Donner, contextflow~~ *postponed*\n'
    )

    event, _ = parse_meetup_readme(text, source="Meetups/Meetup_38/README.md")

    assert [(talk.title, talk.cancelled) for talk in event.talks] == [
        ("OpenAI: CLIP & DALL·E", False),
        ("Neural Architecture Search / AutoML", True),
    ]
    assert event.talks[1].speakers == [SpeakerRecord("René Donner", "contextflow")]


def test_readme_placeholder_slide_link_is_dropped():
    text = (
        "# 28th Deep Learning Meetup in Vienna\n\n* Date: 2019-06-24\n\n## Details\n\n"
        "**Talk 1:\nSome Title**\nby Jane Doe, ACME\n[[Slides](./slides/TODO)]\n\nAbstract text.\n"
    )

    event, _ = parse_meetup_readme(text, source="Meetups/Meetup_28/README.md")

    assert event.talks[0].speakers == [SpeakerRecord("Jane Doe", "ACME")]
    assert event.talks[0].slides_url == ""


def test_readme_not_a_meetup_gives_a_warning_with_file_and_line():
    event, report = parse_meetup_readme("Just some notes.\n\nNothing here.\n", source="notes/README.md")

    assert event is None
    assert report == [
        ReportEntry("warning", "does not look like a meetup README (no meetup number)", "notes/README.md", 1)
    ]


def test_readme_current_format_numbered_details_without_titles():
    # #69 writes "### Talk 1:" with the title only in the agenda bullet.
    text = (
        "# 69th Vienna Deep Learning Meetup: Video\n\n"
        "https://www.meetup.com/vienna-deep-learning-meetup/events/311235827\n\n"
        "Hi Deep Learners, see you on October 23, 2025!\n\n"
        "## Agenda:\n\n"
        "* 19:00  Talk 1: Real-time Video Generation with Diffusion Models\nby Rahim Entezari (Stability AI)\n"
        "* 19:45 Talk 2: Cleared for Takeoff by Christian Sobtzick & Sahebeh Dadboud (Frequentis)\n\n"
        "## Talk Details:\n\n### Talk 1:\n\nVideo abstract.\n\n**About the Speaker:**\nRahim bio.\n\n"
        "### Talk 2:\n\nSpeech abstract.\n"
    )

    event, report = parse_meetup_readme(text, source="Meetups/Meetup_69/README.md")

    assert report == []
    assert event.date == datetime.date(2025, 10, 23)
    assert event.meetup_url == "https://www.meetup.com/vienna-deep-learning-meetup/events/311235827/"
    assert [(t.title, t.speakers, t.abstract) for t in event.talks] == [
        (
            "Real-time Video Generation with Diffusion Models",
            [SpeakerRecord("Rahim Entezari", "Stability AI", "Rahim bio.")],
            "Video abstract.",
        ),
        (
            "Cleared for Takeoff",
            [
                SpeakerRecord("Christian Sobtzick", "Frequentis"),
                SpeakerRecord("Sahebeh Dadboud", "Frequentis"),
            ],
            "Speech abstract.",
        ),
    ]
    assert [(slot.start_time, slot.talk) for slot in event.agenda] == [
        (datetime.time(19, 0), 0),
        (datetime.time(19, 45), 1),
    ]


def test_readme_shared_talk_bio_is_split_per_speaker_meetup_73():
    # One "About the speakers" paragraph, one line per speaker, in the other order than the agenda names them.
    event, report = parse_meetup_readme(
        read_sample("meetup_73.md"),
        source="Meetups/Meetup_73/README.md",
        fallback_date=datetime.date(2026, 1, 1),
    )

    assert [entry.category for entry in report] == ["agenda"]  # "~21:30 Wrap up & End"
    assert event.date == datetime.date(2026, 5, 19)
    single, shared = event.talks
    assert single.speakers == [
        SpeakerRecord(
            "Ionut-Vlad Modoranu",
            "ISTA",
            "Ionut-Vlad Modoranu is a PhD student at the Institute of Science and Technology Austria (ISTA), "
            "specializing in efficient optimization for Deep Learning. His research focuses on reducing the "
            "memory usage and computational cost while maintaining the performance, including the development of "
            "practical optimizers for large-scale models, with publications at top tier international "
            "conferences.",
        )
    ]
    assert shared.title == "Cleared for Takeoff: Automatic Speech Recognition in Air Traffic Management"
    assert shared.speakers == [
        SpeakerRecord(
            "Christian Sobtzick",
            "Frequentis",
            "Christian Sobtzick is Audio Expert at Frequentis, leading the HET Audio Competence Centre. He is "
            "responsible for improving audio quality across all Frequentis voice communication products, drawing "
            "on more than 15 years of professional experience. In addition, he supports product development "
            "related to automatic speech recognition and contributes to research projects, such as the FFG “Next "
            "Generation Safety” project, which aimed to enable AI\u2011based automation in Air Traffic Management. "
            "His background is the field of acoustics, including electroacoustic transducers, acoustic "
            "measurements, and signal processing. He holds an MSc in Electrical Engineering and Audio Engineering "
            "from Graz University of Technology and the University of Music and Performing Arts Graz.",
        ),
        SpeakerRecord(
            "Sahebeh Dadboud",
            "Frequentis",
            "Sahebeh (Saba) Dadboud is an Expert Data Scientist at the Frequentis AI Competence Centre. With over "
            "eight years of experience in the tech industry, she specializes in bridging Deep Learning, MLOps, "
            "and product development to build trustworthy AI for safety-critical systems. At Frequentis, she "
            "plays a pivotal role in driving company-wide AI initiatives, supporting the adoption of advanced "
            "technologies in domains where reliability, safety, and strict regulatory constraints are absolutely "
            "critical. She holds a Master’s degree in Computational Science from the University of Vienna.",
        ),
    ]


def test_readme_shared_talk_bio_paragraphs_go_to_the_speaker_they_name():
    # Speakers only in the details header (no agenda), bios as paragraphs naming first or last names.
    text = (
        "# 76th Deep Learning Meetup: Bios\n\n10 June 2026 @ ÖBB Innovation Factory\n\n"
        "## Talk Details:\n\n### Talk 1: Shared Work\n\nAnna Muster & Ben Beispiel (Example AG)\n\n"
        "Abstract.\n\n**About the speakers:**\n\nMuster builds robots.\n\nShe also teaches.\n\n"
        "Before his PhD, Ben studied physics.\n"
    )

    event, report = parse_meetup_readme(text, source="Meetups/Meetup_76/README.md")

    assert report == []
    assert event.talks[0].speakers == [
        SpeakerRecord("Anna Muster", "Example", "Muster builds robots.\n\nShe also teaches."),
        SpeakerRecord("Ben Beispiel", "Example", "Before his PhD, Ben studied physics."),
    ]


CURRENT_FORMAT_WITH_SITE_SLIDES = """# 76th Deep Learning Meetup: Exported

https://www.meetup.com/vienna-deep-learning-meetup/events/315000000/

10 June 2026 @ ÖBB Innovation Factory

## Agenda:

* 18:30 Introduction by the meetup organizers
* 18:45 Talk 1: My Talk by Anna Muster (Example AG)
* 19:45 Talk 2: Other Talk by Ben Beispiel (TU Wien)
* 20:30 Talk 3: Third Talk by Cleo Probe (ISTA)

## Talk Details:

### Talk 1: My Talk
[[Slides](https://meetup.example.org/meetups/meetup-76/talks/my-talk/slides/)]

Anna's abstract, with [our lab's slides](https://lab.example.org/slides/) in it.

**About the speaker:**
Anna Muster works at Example AG.

### Talk 2: Other Talk
Ben's abstract.

[Slides](https://meetup.example.org/meetups/meetup-76/talks/other-talk/slides/)

### Talk 3: Third Talk
Cleo's abstract, see the [code](https://example.org/cleo/slides/) and [the deck](./slides/overview/).
"""


def test_readme_slides_link_to_the_sites_download_view_is_the_talks_slides():
    event, report = parse_meetup_readme(CURRENT_FORMAT_WITH_SITE_SLIDES, source="Meetups/Meetup_76/README.md")

    assert report == []
    assert [(talk.title, talk.slides_url, talk.abstract) for talk in event.talks] == [
        (
            "My Talk",
            "https://meetup.example.org/meetups/meetup-76/talks/my-talk/slides/",
            "Anna's abstract, with [our lab's slides](https://lab.example.org/slides/) in it.",
        ),
        (
            "Other Talk",
            "https://meetup.example.org/meetups/meetup-76/talks/other-talk/slides/",
            "Ben's abstract.",
        ),
        (
            "Third Talk",
            "",
            "Cleo's abstract, see the [code](https://example.org/cleo/slides/) and [the deck](./slides/overview/).",
        ),
    ]
    assert event.talks[0].speakers == [
        SpeakerRecord("Anna Muster", "Example", "Anna Muster works at Example AG.")
    ]
