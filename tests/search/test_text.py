import pytest

from search.catalogue import WordTrie
from search.query import normalise_query
from search.text import stem, surface_variants, words


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
        (["allergy", "allergies"], "allergy"),
        (["tingle", "tingling"], "tingl"),
        (["parkinson", "parkinsons"], "parkinson"),
        (["rash", "rashes"], "rash"),
    ],
)
def test_plurals_and_verb_forms_share_a_stem(forms, root):
    assert {stem(form) for form in forms} == {root}


@pytest.mark.parametrize("word", ["ms", "ibs", "als", "sclerosis", "stress"])
def test_abbreviations_and_words_ending_in_s_keep_their_s(word):
    assert stem(word).endswith("s")


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
    found = WordTrie([b]).search(a, max_edits=2)
    assert found.get(b, 3) == distance


def test_prefix_search_finds_words_that_start_within_the_edits():
    trie = WordTrie(["fibromyalgia", "fibrosis", "migraine"])
    assert set(trie.search("fibromia", 1, prefix=True)) == {"fibromyalgia"}
    assert set(trie.search("fibro", 0, prefix=True)) == {"fibromyalgia", "fibrosis"}


def test_surface_variants_cover_what_an_unstemmed_index_holds():
    assert {"cramp", "cramps", "cramping"} <= set(surface_variants("cramping"))


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
