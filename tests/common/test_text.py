import pytest

from common.text import fold, ordinal, search_key, unique_slug


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
