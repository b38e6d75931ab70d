"""Text helpers: comparison keys for the importer, the admin and search, reading order, initials, file sizes."""

import pytest

from common.text import (
    family_name,
    fold,
    human_size,
    index_letter,
    initials,
    ordinal,
    reading_order_key,
    search_key,
    spell_out,
    unique_slug,
    word_key,
)


@pytest.mark.parametrize(
    ("word", "key", "spelled_key"),
    [
        ("Schlüter", "schluter", "schlueter"),
        ("SCHLÜTER", "schluter", "schlueter"),
        ("schlueter", "schlueter", "schlueter"),
        ("Überbacher", "uberbacher", "ueberbacher"),
        ("Dvořák", "dvorak", "dvorak"),
        ("Søren", "soren", "soren"),
        ("Straße", "strasse", "strasse"),
        ("Łukasz", "lukasz", "lukasz"),
        ("日本語", "日本語", "日本語"),
    ],
)
def test_word_key_ignores_case_and_accents_and_spelled_out_key_writes_umlauts_out(word, key, spelled_key):
    assert word_key(word) == key
    assert word_key(spell_out(word)) == spelled_key


def test_spell_out_keeps_case_and_other_letters():
    assert spell_out("Jan Schlüter, ÖBB, Straße") == "Jan Schlueter, OeBB, Strasse"


def test_fold_is_unchanged_for_the_importer():
    assert fold("René Donner") == "rene donner"
    assert fold("Schlüter") == "schluter"


def test_reading_order_puts_accented_and_lowercase_names_among_their_letter():
    names = ["Zühlke", "bwin.party", "ÖBB", "A1 Telekom Austria", "Bosch", "Magenta Telekom"]

    assert sorted(names, key=reading_order_key) == [
        "A1 Telekom Austria",
        "Bosch",
        "bwin.party",
        "Magenta Telekom",
        "ÖBB",
        "Zühlke",
    ]


@pytest.mark.parametrize(
    ("name", "family", "letter"),
    [
        ("Jan Schlüter", "Schlüter", "S"),
        ("Jonas Aaron Vander", "Vander", "V"),
        ("Sarah Spiekermann-Hoff", "Spiekermann-Hoff", "S"),
        ("Michael Hödlmoser", "Hödlmoser", "H"),
        ("Ömer Özdemir", "Özdemir", "O"),
        ("Plato", "Plato", "P"),
        ("李 小龍", "小龍", "#"),
    ],
)
def test_family_name_and_its_index_letter(name, family, letter):
    assert family_name(name) == family
    assert index_letter(family) == letter


@pytest.mark.parametrize(
    ("name", "person", "letters"),
    [
        ("Jan Schlüter", True, "JS"),
        ("Jonas Aaron Vander", True, "JV"),
        ("Plato", True, "P"),
        ("TU Wien", False, "TU"),
        ("ÖBB", False, "ÖBB"),
        ("42 Vienna", False, "42"),
        ("University of Vienna", False, "UV"),
        ("bwin.party", False, "B"),
        ("", True, "?"),
    ],
)
def test_initials_of_people_and_organisations(name, person, letters):
    assert initials(name, person=person) == letters


@pytest.mark.parametrize(
    ("size", "text"),
    [(10, "10 bytes"), (902, "0.9 KB"), (12_345, "12 KB"), (1_500_000, "1.4 MB"), (52_428_800, "50 MB")],
)
def test_human_size_reads_as_people_write_sizes(size, text):
    assert human_size(size) == text


@pytest.mark.parametrize("typed", ["Schlüter", "SCHLÜTER", "schluter", "Schlueter", "schlüter "])
def test_search_key_matches_every_spelling_of_an_umlaut(typed):
    assert search_key(typed) == search_key("Schlüter") == "schluter"


def test_search_key_folds_accents_and_case_like_fold():
    assert search_key("Dvořák") == search_key("dvorak") == "dvorak"
    assert search_key("Überbacher") == search_key("Uberbacher")


def test_fold_keeps_umlaut_transliterations_apart_for_the_importer():
    assert fold("Schlüter") == "schluter"
    assert fold("Schlueter") == "schlueter"


def test_ordinal_and_unique_slug():
    taken = {"hot-topics"}
    assert (ordinal(1), ordinal(12), ordinal(22), ordinal(113)) == ("1st", "12th", "22nd", "113th")
    assert unique_slug("Hot Topics", taken) == "hot-topics-2"
    assert unique_slug("Hot Topics", taken) == "hot-topics-3"
