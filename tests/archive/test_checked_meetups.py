"""Meetups checked by hand against their raw sources (README, root talk table, website table), across all README
generations: what each states about its talks, speakers' organisations and roles, and its agenda, exactly.

Issue 14. Generation A: #5, #9, #15, #19, #22, #29, #31; B: #38, #43, #49, #52; C: #55, #56, #68, #70.
The notes in ARCHIVE_NOTES.md say what each check found.
"""

import datetime
from pathlib import Path

from archive.importers import EventRecord
from tests.archive.parsed import archive

CHECKOUT = Path(__file__).parents[2] / "fixtures/source/vdlm-meetups"
BASE = "https://github.com/vdlm/meetups/raw/master/"


def meetup(number: int) -> EventRecord:
    return next(event for event in archive().events if event.number == number)


def time(text: str) -> datetime.time | None:
    return datetime.time.fromisoformat(text) if text else None


def agenda(number: int) -> list[tuple]:
    """(start, end, title or the talk's title, kind, cancelled) per slot."""
    event = meetup(number)
    return [
        (
            f"{slot.start_time:%H:%M}" if slot.start_time else "",
            f"{slot.end_time:%H:%M}" if slot.end_time else "",
            event.talks[slot.talk].title if slot.talk is not None else slot.title,
            slot.kind,
            slot.cancelled,
        )
        for slot in meetup(number).agenda
    ]


def talks(number: int) -> list[tuple]:
    """(title, kind, [(name, organisation, role)]) per talk, in the evening's order."""
    return [
        (talk.title, talk.kind, [(s.name, s.affiliation, s.role) for s in talk.speakers])
        for talk in meetup(number).talks
    ]


def report(number: int, category: str) -> list[str]:
    prefix = f"meetup-{number}: "
    return [e.message for e in archive().report if e.category == category and e.message.startswith(prefix)]


def test_meetup_5_bullet_program_is_the_untimed_agenda():
    # "We will have the following program:" + "•" bullets; "brief Automic Intro:" only labels Puchinger's talk.
    assert agenda(5) == [
        ("", "", "Deep Learning & The Future of Automation", "talk", False),
        ("", "", "Going Deeper with GoogLeNet and CaffeJS", "talk", False),
        ("", "", "Latest News / Hot topics", "hot_topics", False),
        ("", "", "Open discussions", "networking", False),
    ]
    assert [title for title, _, _ in talks(5)] == [
        "Deep Learning & The Future of Automation",
        "Going Deeper with GoogLeNet and CaffeJS",
    ]
    assert meetup(5).title == "5th Deep Learning Meetup in Vienna"  # the README's copied "First …" corrected


def test_meetup_9_whole_agenda_and_affiliations_from_the_prose():
    assert agenda(9) == [
        ("", "", "Welcome", "welcome", False),
        ("", "", "Visionlabs: Face Recognition for Businesses", "talk", False),
        ("", "", "Latest News and Hot Topics", "hot_topics", False),
        ("", "", "Coding in Keras: Hard-Disk Failure Prediction with SMART data using RNNs", "talk", False),
        ("", "", "Questions & Discussion", "networking", False),
    ]
    assert talks(9) == [
        (
            "Visionlabs: Face Recognition for Businesses",
            "talk",
            [
                ("Philipp Omenitsch", "VisionLabs", "Research Scientist")
            ],  # "Philipp Omenitsch, Research Scientist at VisionLabs (…), will show"
        ),
        ("Latest News and Hot Topics", "hot_topics", [("Thomas Lidy", "", ""), ("Jan Schlüter", "", "")]),
        (
            "Coding in Keras: Hard-Disk Failure Prediction with SMART data using RNNs",
            "talk",
            [("Alexander Schindler", "TU Wien and AIT", "Research Scientist")],
        ),
    ]
    # The talk's text ends before "This meetup is thankfully hosted at BWin …".
    assert meetup(9).talks[2].abstract == ""


def test_meetup_15_cancelled_slot_and_organisation_after_a_title():
    assert agenda(15) == [
        ("", "", "Welcome & Introduction", "welcome", False),
        (
            "",
            "",
            "Computer Vision - then and now",
            "talk",
            True,
        ),  # "… (Alexander Schindler, AIT & TU Wien) - CANCELLED"
        ("", "", "Transfer Learning for fun and profit", "talk", False),
        ("", "", "Deep Learning on 3D Medical Image Data at Contextflow", "talk", False),
        ("", "", "Latest news and trends from NIPS, the world's largest AI conference", "hot_topics", False),
    ]
    assert talks(15) == [
        ("Computer Vision - then and now", "talk", [("Alexander Schindler", "AIT & TU Wien", "")]),
        ("Transfer Learning for fun and profit", "talk", [("Alexander Hirner", "MoonVision", "")]),
        (
            "Deep Learning on 3D Medical Image Data at Contextflow",
            "talk",
            [("René Donner", "Contextflow", "")],
        ),
        (
            "Latest news and trends from NIPS, the world's largest AI conference",
            "hot_topics",
            [
                ("René Donner", "Contextflow", ""),
                ("Jan Schlüter", "OFAI", ""),
            ],  # "(Rene Donner, Contextflow; Jan Schlüter, OFAI)"
        ),
    ]
    assert meetup(15).talks[0].cancelled
    # The swapped decks of the talk table stay on the root rows' talks, not on Donner's news segment.
    assert (
        meetup(15).talks[2].slides_url
        == BASE + "Meetups/Meetup_15/slides/20180109_DL_meetup_contextflow-1_to_share.pdf"
    )
    assert meetup(15).talks[3].slides_url == ""


def test_meetup_19_roles_and_organisations_from_the_talk_paragraphs():
    assert talks(19) == [
        (
            "Fast, Accurate And Customized Visual Similarity Search On Real-world Images",
            "talk",
            [
                ("Enes Deumić", "Styria.ai", "Senior Data Scientist"),
                ("Vedran Vekić", "Styria.ai", "Data Scientist"),
            ],
        ),
        (
            "Mon Style - Machine Learning in the Fashion Domain",
            "talk",
            [("Matthias Hecker", "Mon Style", "CTO")],
        ),
        (
            "Visual Computing: then and now",
            "talk",
            [("Alexander Schindler", "", "")],
        ),  # no organisation stated
    ]
    assert meetup(19).agenda == []  # the README has no agenda
    assert meetup(19).talks[1].abstract.endswith("visual recognition tasks in the fashion domain.")


def test_meetup_22_shared_organisation_and_panel_as_written():
    assert talks(22) == [
        (
            "Deep Learning for Object Detection in Video Surveillance",
            "talk",
            # "Michelangelo Fiore, Computer Vision Developer & Florian Matusek, CCO, KiwiSecurity"
            [
                ("Michelangelo Fiore", "KiwiSecurity", "Computer Vision Developer"),
                ("Florian Matusek", "KiwiSecurity", "CCO"),
            ],
        ),
        ("AI Strategy for Austria", "talk", [("Stephanie Cox", "", "parliamentarian")]),
        (
            "Panel & Plenary Q&A: AI in the government and how we can have an influence",
            "panel",
            [
                ("Stephanie Cox", "", "parliamentarian"),
                ("Florian Matusek", "KiwiSecurity", "CCO"),
                ("Clemens Wasner", "enlite.ai", "CEO and founder of enlite.ai and creator of AIAustria.com"),
                (
                    "Allan Hanbury",
                    "TU Wien",
                    "Professor for Data Intelligence, Co-founder of Data Market Austria",
                ),
            ],
        ),
    ]


def test_meetup_29_each_root_row_gets_its_own_readme_talk():
    assert talks(29) == [
        (
            "Deep Learning for Recommender Systems",
            "talk",
            [("Jakub Mačina", "Exponea", "Machine Learning Engineer")],
        ),
        (
            "The Fastai Deep Learning Library",
            "talk",
            [("Michael Pieler", "", "Data Scientist")],
        ),  # "Michael M. Pieler, Data Scientist"
        ("RecSys2019 Review", "talk", [("Jakub Mačina", "Exponea", "Machine Learning Engineer")]),
    ]
    recommender, _, review = meetup(29).talks
    assert recommender.abstract.startswith("Recommender systems are driving business value")
    assert recommender.speakers[0].bio.startswith("Jakub Mačina is the Machine Learning Engineer at Exponea")
    assert review.abstract == ""


def test_meetup_31_conference_review_not_part_of_the_talk_before():
    assert talks(31) == [
        (
            "Taming Horses in Singing Voice Detection",
            "talk",
            [
                (
                    "Jan Schlüter",
                    "Austrian Research Institute for Artificial Intelligence (OFAI) and contextflow",
                    "Researcher",
                )
            ],
        ),
        (
            "How to do ML if you have lots of Google’s GPUs",
            "talk",
            [("Vladimir Macko", "", "Freelancer - Machine Learning Consulting, ex Google AI resident")],
        ),
        (
            "ISMIR 2019 Review",
            "talk",
            [("Sebastian Böck", "OFAI", "researchers"), ("Katharina Prinz", "OFAI", "researchers")],
        ),
    ]
    assert meetup(31).talks[1].abstract.endswith("the best indicator for getting into the AI residency?")


def test_meetup_38_postponed_slot_and_the_talk_tables_deck():
    assert agenda(38) == [
        ("18:30", "18:40", "Welcome & Announcements", "welcome", False),
        ("18:40", "19:00", "OpenAI: CLIP & DALL·E", "talk", False),
        ("19:10", "19:30", "Coordinate-based Neural Representations", "talk", False),
        ("", "", "Neural Architecture Search / AutoML", "talk", True),  # ~~19:40 - 20:00 …~~ *postponed*
        ("20:00", "20:20", "Networking: individual discussions in breakout rooms", "networking", False),
    ]
    assert (meetup(38).start_time, meetup(38).end_time) == (time("18:30"), time("20:20"))
    clip = meetup(38).talks[0]
    # The talk table gives the CLIP talk the intro and announcements deck; it is attached, and reported.
    assert (
        clip.slides_url == meetup(38).intro_slides_url == BASE + "Meetups/38th%20Deep%20Learning%20Meetup.pdf"
    )
    assert report(38, "slides") == [
        "meetup-38: the intro deck '38th Deep Learning Meetup.pdf' is also the slides of 'OpenAI: CLIP & DALL·E'"
    ]
    assert [s.affiliation for t in meetup(38).talks for s in t.speakers] == [
        "contextflow",
        "JKU",
        "contextflow",
    ]


def test_meetup_43_main_and_short_talk_lines_and_prose_start_time():
    assert talks(43) == [
        (
            "Introduction to Transformers with a focus on Computer Vision",
            "talk",
            [("Michael Pieler", "contextflow", "")],
        ),
        ("Transformers follow-up: What about audio?", "lightning", [("Jan Schlüter", "JKU", "")]),
    ]
    assert meetup(43).start_time == time("18:30")  # "Our next one takes place on December 1st, 18:30 CET."
    assert [title for _, _, title, _, _ in agenda(43)] == [
        "Welcome & Introduction",
        "Introduction to Transformers with a focus on Computer Vision",
        "Announcements",
        "Transformers follow-up: What about audio?",
        "Networking (in Zoom breakout rooms)",
    ]
    assert meetup(43).talks[1].abstract.endswith("applying the Transformer architecture in the audio domain.")


def test_meetup_49_shared_affiliation_line_and_hot_papers():
    assert agenda(49) == [
        ("18:30", "", "Welcome & Intro", "welcome", False),
        ("18:40", "", "Physics Inspired Neural Networks", "talk", False),
        ("", "", "Announcements & Job Openings", "announcements", False),
        ("", "", "Break & Networking", "break", False),
        ("20:10", "", "Truth or Dare - How LLMs disregard truth", "talk", False),
        ("", "", "VDLM, Survey, Jobs, Events, Hot Papers", "hot_topics", False),
        ("", "", "Networking", "networking", False),
        ("21:30", "", "Wrap up & End", "other", False),
    ]
    pinn = "Wolfgang Pauli Institute // Research Platform Mathematics-Magnetism-Materials & Faculty of Mathematics, University of Vienna"
    assert talks(49) == [
        (
            "Physics Inspired Neural Networks",
            "talk",
            [("Sebastian Schaffer", pinn, ""), ("Lukas Exl", pinn, "")],
        ),
        (
            "Truth or Dare - How LLMs disregard truth",
            "talk",
            [("Jason Hoelscher-Obermaier", "", "independent researcher")],
        ),
        (
            "VDLM, Survey, Jobs, Events, Hot Papers",
            "hot_topics",
            [("René Donner", "mva.ai", ""), ("Aaron Kaplan", "", "")],
        ),
    ]


def test_meetup_52_whole_agenda_after_the_first_block():
    assert agenda(52) == [
        ("18:30", "", "Introduction by the VDLM organizers", "welcome", False),
        ("", "", "Welcome by the host", "welcome", False),
        ("18:40", "", "From Transformers to Large Language Models", "talk", False),
        ("", "", "Announcements & Job Openings", "announcements", False),
        ("19:30", "", "Networking Break", "break", False),
        ("20:00", "", "LLM Application Development", "talk", False),
        ("20:30", "", "Networking & Discussions", "networking", False),
        ("21:30", "", "Wrap up & End", "other", False),
    ]
    assert all(slot.title for slot in meetup(52).agenda)  # no empty-titled slots any more
    assert (meetup(52).start_time, meetup(52).end_time) == (time("18:30"), time("21:30"))
    assert talks(52) == [
        (
            "From Transformers to Large Language Models",
            "talk",
            [("Adrian Braşoveanu", "Modul University Vienna", "")],
        ),
        ("LLM Application Development", "talk", [("Bogdan Pirvu", "Novomatic", "Head of Data Science")]),
    ]
    assert meetup(52).talks[0].abstract.endswith("for the 3rd generation – relation extraction evaluation")


def test_meetup_55_en_dash_affiliation_and_a_speaker_line_without_one():
    assert talks(55) == [
        (
            "Countering fake news with deep learning - a retrospective summary of five years of research",
            "talk",
            [("Alexander Schindler", "Austrian Institute of Technology", ""), ("Mina Schütz", "", "")],
        ),
        (
            "From Development to Deployment: Leveraging 'fal' for Efficient AI Model Serving",
            "talk",
            [("Meder Kamalov", "", "")],
        ),
    ]
    titles = [title for _, _, title, _, _ in agenda(55)]
    assert (
        "Alexander Schindler – Austrian Institute of Technology" not in titles
        and "Meder Kamalov -." not in titles
    )
    assert len(titles) == 8


def test_meetup_56_role_and_organisations_from_a_dash_line():
    assert talks(56) == [
        (
            "Differential Privacy for Machine Learning",
            "talk",
            [("Anastasia Pustozerova", "SBA Research and TU Wien", "Researcher")],
        )
    ]
    assert agenda(56)[2:5] == [
        ("18:40", "", "Differential Privacy for Machine Learning", "talk", False),
        ("", "", "Announcements & Job Openings", "announcements", False),
        ("", "", "(optional) Hot Topics & Latest News", "hot_topics", False),
    ]


def test_meetup_68_approximate_time_and_no_description_slot():
    assert agenda(68) == [
        ("18:30", "", "Introduction & Welcome by the meetup organizers & hosts", "welcome", False),
        ("18:45", "", "CommentSense", "talk", False),
        ("19:10", "", "Hot Topics", "hot_topics", False),
        ("", "", "Announcements", "announcements", False),
        ("19:30", "", "Networking & Discussion: Extra Long Edition", "networking", False),
        ("22:00", "", "Wrap up & End", "other", False),  # "~ 22:00 Wrap up & End"
    ]
    assert meetup(68).end_time == time("22:00")
    assert report(68, "agenda") == ["meetup-68: approximate time '~ 22:00' read as 22:00"]
    assert talks(68) == [("CommentSense", "talk", [("Marc Kroll", "", "")])]  # no organisation stated


def test_meetup_70_short_talk_and_bios_without_the_thanks():
    assert talks(70) == [
        (
            "An Introduction to Federated Learning and Approaches to Personalization",
            "talk",
            [("Jonathan Scott", "Institute of Science and Technology Austria", "")],
        ),
        (
            "The Security of MCP in Agentic AI Systems: Risks, Attacks, and Defenses",
            "talk",
            [("Muhamed Loshi", "Raiffeisen Bank International", "")],
        ),
        (
            "Managing High Performance Scientific Computing Infrastructure",
            "talk",
            [("Kristina Kapanova", "Institute of Science and Technology Austria", "")],
        ),
        (
            "Hydrating Supercomputers: Making HPC accessible by combining industry grade orchestration with the power of supercomputers",
            "lightning",
            [("Georg Heiler", "Magenta Telekom", "")],
        ),
    ]
    assert meetup(70).talks[3].speakers[0].bio == (
        "Georg Heiler is a Research software engineer at Complexity Science Hub and a Senior Data Expert at Magenta."
    )
    assert [slot.kind for slot in meetup(70).agenda if slot.talk is not None] == ["talk"] * 4
