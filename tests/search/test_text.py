import pytest

from search.catalogue import Catalogue
from search.query import normalise_query
from search.text import snowball_language, stem, words


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Parkinson's", ["parkinson"]),
        ("Crohn’s disease", ["crohn", "disease"]),
        ("Migraña", ["migrana"]),
        ("long-term pain", ["long", "term", "pain"]),
        ("🙂 <b>", ["b"]),
    ],
)
def test_words_fold_case_accents_and_possessives(typed, expected):
    assert words(typed) == expected


@pytest.mark.parametrize(
    ("forms", "root"),
    [
        (["cramp", "cramps", "cramping", "cramped"], "cramp"),
        (["migraine", "migraines"], "migrain"),
        (["allergy", "allergies"], "allergi"),
        (["tingle", "tingling"], "tingl"),
        (["parkinson", "parkinsons"], "parkinson"),
        (["rash", "rashes"], "rash"),
    ],
)
def test_english_plurals_and_verb_forms_share_a_stem(forms, root):
    assert {stem(form, "english") for form in forms} == {root}


@pytest.mark.parametrize(
    ("forms", "root"),
    [
        (["migraña", "migrañas", "migrana"], "migran"),
        (["crónico", "crónica", "crónicos"], "cronic"),
        (["convulsión", "convulsiones"], "convulsion"),
        (["dolor", "dolores"], "dolor"),
    ],
)
def test_spanish_words_get_spanish_stems_with_or_without_accents(forms, root):
    assert {stem(word, "spanish") for form in forms for word in words(form)} == {root}


def test_the_locale_picks_the_stemmer():
    assert snowball_language("es") == "spanish"
    assert snowball_language("es-mx") == "spanish"
    assert snowball_language("en") == "english"
    assert snowball_language("") == "english"
    # The English stemmer would leave Spanish plurals apart.
    assert stem("cronica", "english") != stem("cronico", "english")


@pytest.mark.parametrize("word", ["ms", "ibs", "als", "gad"])
def test_abbreviations_are_not_stemmed(word):
    assert stem(word, "english") == word


def vocabulary(*names):
    catalogue = Catalogue()
    for number, name in enumerate(names):
        catalogue.word_counts[name] = number + 1
    catalogue.finish()
    return catalogue


@pytest.mark.parametrize(
    ("a", "b", "distance"),
    [
        ("migrane", "migraine", 1),
        ("fibromialgia", "fibromyalgia", 1),
        ("epilpesy", "epilepsy", 1),  # adjacent letters swapped
        ("parkinsns", "parkinson", 2),
        ("insomina", "insomnia", 1),
        ("insomia", "insomnia", 1),
        ("glaucoma", "migraine", 3),  # more than the limit
    ],
)
def test_typo_distance_counts_adjacent_swaps_as_one_edit(a, b, distance):
    found = vocabulary(b).near_words(a, max_edits=2)
    assert found.get(b, 3) == distance


def test_words_that_begin_within_the_edits_are_found():
    catalogue = vocabulary("fibromyalgia", "fibrosis", "migraine")
    assert catalogue.near_beginnings("fibromia", 1) == {"fibromyalgia"}
    assert catalogue.near_beginnings("fibro", 0) == {"fibromyalgia", "fibrosis"}
    assert catalogue.near_beginnings("migarin", 1) == {"migraine"}


def test_the_closest_and_most_used_name_word_corrects_a_typo():
    catalogue = vocabulary("migraine", "migrainous", "epilepsy")
    assert catalogue.correct("migrane") == "migraine"
    assert catalogue.correct("epilepsey") == "epilepsy"
    assert catalogue.correct("xylophone") is None
    assert catalogue.correct("epilepsy") is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ('"migraine" AND (epilepsy', "migraine AND epilepsy"),
        ("  migr*  -x ", "migr x"),
        ("a\x00b", "a b"),
        ("x" * 500, "x" * 200),
    ],
)
def test_normalise_query_drops_operator_syntax(raw, expected):
    assert normalise_query(raw) == expected
