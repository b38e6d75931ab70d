"""Splitting one "About the speakers" block between the speakers of a shared talk."""

import pytest

from archive.importers.readme.bios import split_bio

NAMES = ["Christian Sobtzick", "Sahebeh Dadboud"]


def test_split_bio_single_speaker_keeps_every_paragraph():
    assert split_bio(["Anna builds robots.", "Her lab is in Vienna."], ["Anna Muster"]) == {
        "Anna Muster": "Anna builds robots.\n\nHer lab is in Vienna."
    }


def test_split_bio_lines_of_one_paragraph_starting_with_a_name_are_split():
    paragraph = (
        "Sahebeh (Saba) Dadboud is a data scientist.\nChristian Sobtzick is an audio expert.\nHe plays."
    )

    assert split_bio([paragraph], NAMES) == {
        "Christian Sobtzick": "Christian Sobtzick is an audio expert.\nHe plays.",
        "Sahebeh Dadboud": "Sahebeh (Saba) Dadboud is a data scientist.",
    }


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        # first name, last name, accents ignored, mentioned first rather than at the start
        (
            ["Sobtzick leads audio.", "For years, Dadboud has built MLOps."],
            {
                "Christian Sobtzick": "Sobtzick leads audio.",
                "Sahebeh Dadboud": "For years, Dadboud has built MLOps.",
            },
        ),
        (
            ["**Christián** leads audio.", "Both are at Frequentis; Sahebeh joined Christian in 2020."],
            {
                "Christian Sobtzick": "**Christián** leads audio.",
                "Sahebeh Dadboud": "Both are at Frequentis; Sahebeh joined Christian in 2020.",
            },
        ),
        # an unnamed paragraph continues the bio before it; one before any name goes to the bio after it
        (
            ["They met at Frequentis.", "Sahebeh is a data scientist.", "She holds a master's degree."],
            {
                "Christian Sobtzick": "",
                "Sahebeh Dadboud": "They met at Frequentis.\n\nSahebeh is a data scientist.\n\n"
                "She holds a master's degree.",
            },
        ),
        # nothing names a speaker: both keep the whole block
        (
            ["Both work at Frequentis.", "They like audio."],
            {
                "Christian Sobtzick": "Both work at Frequentis.\n\nThey like audio.",
                "Sahebeh Dadboud": "Both work at Frequentis.\n\nThey like audio.",
            },
        ),
    ],
)
def test_split_bio_assigns_paragraphs_by_the_speaker_named_first(paragraphs, expected):
    assert split_bio(paragraphs, NAMES) == expected


def test_split_bio_a_first_name_two_speakers_share_names_neither():
    names = ["Thomas Lidy", "Thomas Example"]

    assert split_bio(["Thomas works on music.", "Lidy founded the meetup."], names) == {
        "Thomas Lidy": "Thomas works on music.\n\nLidy founded the meetup.",
        "Thomas Example": "",
    }


def test_split_bio_lowercase_word_is_not_a_first_name():
    names = ["Mark Coeckelbergh", "Sarah Spiekermann"]

    assert split_bio(["We mark the date: Sarah joins.", "Coeckelbergh is a philosopher."], names) == {
        "Mark Coeckelbergh": "Coeckelbergh is a philosopher.",
        "Sarah Spiekermann": "We mark the date: Sarah joins.",
    }
