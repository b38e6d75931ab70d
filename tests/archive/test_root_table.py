"""The root README's talk table."""

import datetime
from pathlib import Path

from archive.importers.root_table import read_root_talks, split_people

ROOT_README = Path(__file__).parents[2] / "fixtures/source/vdlm-meetups/README.md"


def root_talks():
    return read_root_talks(ROOT_README.read_text(encoding="utf-8"))


def test_root_table_reads_every_dated_row_and_splits_two_talk_rows():
    talks = root_talks()

    # 156 dated rows (160 minus 4 "| ... | 42 |" placeholders); #45 and #47 rows each hold two talks.
    assert len(talks) == 158
    assert len({talk.line for talk in talks}) == 156
    assert {talk.event_label for talk in talks} >= {"1", "75", "AI"}
    assert not {"39", "40", "41", "42", "4"} & {talk.event_label for talk in talks}


def test_root_table_organiser_rows_are_intro_decks_not_talks():
    talks = root_talks()
    decks = [talk for talk in talks if talk.organiser_deck]

    assert len(decks) == 22  # 20 VDLM + 1 VLDM + #44's row with an empty speaker ("Intro slides")
    assert all(talk.people == [] for talk in decks)
    assert not any(name in ("VDLM", "VLDM") for talk in talks for name, _ in talk.people)
    deck_75 = next(talk for talk in decks if talk.event_label == "75")
    assert deck_75.slides == ["./Meetups/Meetup_75/2026-09-23 75th VDLM.pdf"]


def test_root_table_two_talk_row_meetup_45():
    talks = [talk for talk in root_talks() if talk.event_label == "45"]

    assert [(talk.title, talk.people) for talk in talks] == [
        ("Neural Radiance Fields", [("Lukas Zimmermann", "")]),
        ("Stable Diffusion", [("Michael Pieler", "")]),
    ]


def test_root_table_double_slash_row_meetup_47():
    talks = [talk for talk in root_talks() if talk.event_label == "47"]

    assert [(talk.title, talk.people) for talk in talks] == [
        ("Synthetic Data", [("Paul Tiwald", "mostly.ai")]),
        ("AI in BioMedicine", [("MUW AI Institute", "")]),
    ]


def test_root_table_multi_speaker_cells_split():
    by_title = {talk.title: talk.people for talk in root_talks()}

    assert by_title["Deep Learning Hardware Overview: What and where to buy or rent"] == [
        ("Jan Schlüter", ""),
        ("René Donner", ""),
        ("Thomas Lidy", ""),
    ]
    assert by_title["Deep Learning for Object Detection in Video Surveillance"] == [
        ("Michelangelo Fiore", ""),
        ("Florian Matusek", ""),
    ]
    assert by_title["GenAI for Images 2025"] == [("Mouhannad Ali", ""), ("Julius Duin", "")]
    assert by_title["Physics Inspired Neural Networks"] == [("Sebastian Schaffer", ""), ("Lukas Exl", "")]


def test_split_people_name_with_affiliation_is_one_person():
    assert split_people("Gabriele Libardi, Pompeu Fabra University / Trayport") == [
        ("Gabriele Libardi", "Pompeu Fabra University / Trayport")
    ]
    assert split_people("Michael Pieler, OpenBioML.org & Stability.AI") == [
        ("Michael Pieler", "OpenBioML.org & Stability.AI")
    ]
    assert split_people("Christian Sobtzick, Sahebeh Dadboud") == [
        ("Christian Sobtzick", ""),
        ("Sahebeh Dadboud", ""),
    ]
    assert split_people("Liad Magen, TU-INSO") == [("Liad Magen", "TU-INSO")]


def test_root_table_videos_and_slides_cells():
    talk = next(talk for talk in root_talks() if talk.title == "A Deep Dive into CLIP Embeddings")

    assert talk.date == datetime.date(2025, 6, 16)
    assert talk.videos == ["https://youtu.be/26pSyyH0AIc&t=280s"]
    assert talk.slides == [
        "./Meetups/Meetup_67/2025-06-16 67th VDLM Damian Stewart A Deep Dive into CLIP Embeddings.pdf"
    ]
