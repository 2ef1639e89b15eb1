"""Query expansion (``search.expansion``): word forms, synonyms, phrases, compounds from the
site's vocabulary, corrections and accents; no database needed."""

import pytest

from search.expansion import (
    COMPOUND,
    CORRECTION,
    FORM,
    SYNONYM,
    TYPED,
    Vocabulary,
    expand,
    fold,
    forms,
    query_words,
    synonyms,
)

VOCABULARY = Vocabulary.from_texts(
    [
        "Klimaatbeheersing met bredere marges",
        "Duurzaamheid",
        "Rijksmuseum",
        "Curaçao Museum",
        "Collectieveiligheid",
        "Van Gogh Museum",
    ]
)


def weights(query, vocabulary=VOCABULARY, found=None):
    return [term.weights for term in expand(query, vocabulary, found=found)]


def test_fold_lowers_case_and_drops_accents_and_punctuation():
    assert fold("Kòrsou, Curaçao & Kröller-Müller!") == "korsou curacao kroller muller"
    assert fold("foto's") == "fotos"


@pytest.mark.parametrize(
    "word, expected",
    [
        ("prijzen", "prijs"),
        ("prijs", "prijzen"),
        ("pas", "passen"),
        ("passen", "pas"),
        ("duurzaam", "duurzame"),
        ("duurzame", "duurzaam"),
        ("musea", "museum"),
        ("museum", "musea"),
        ("tabel", "tabellen"),
        ("betalen", "betaal"),
        ("registraties", "registratie"),
        ("caribische", "caribisch"),
    ],
)
def test_word_forms_go_both_ways(word, expected):
    assert expected in forms(word)


def test_synonyms_are_one_step_not_transitive():
    assert "museumkaart" in synonyms("mk")
    assert {"award", "kosten"} <= synonyms("prijs")  # a prize and a price
    assert "tarief" not in synonyms("award")  # a prize is not a fee
    assert "curacao" in synonyms("korsou")


def test_phrases_and_stop_words():
    assert query_words("Den Bosch") == ["hertogenbosch"]
    assert query_words("kas di kultura") == ["museo"]
    assert query_words("wat kost een museumkaart") == ["kost", "museumkaart"]
    assert query_words("de het") == ["de", "het"]  # nothing but stop words: kept


def test_the_word_as_typed_weighs_most():
    [term] = expand("prijzen", VOCABULARY)
    assert term.weights["prijzen"] == TYPED
    assert term.weights["prijs"] == FORM
    assert term.weights["award"] == SYNONYM
    assert term.alternatives[0] == "prijzen"


def test_compounds_come_from_the_vocabulary():
    assert weights("klimaat")[0]["klimaatbeheersing"] == COMPOUND
    assert weights("veiligheid")[0]["collectieveiligheid"] == COMPOUND
    assert "duurzaamheid" in weights("duurzaam")[0]
    assert "gogh" in weights("gog")[0]  # a short word finds the words it starts
    assert "klimaatbeheersing" not in weights("klimaat", Vocabulary({}))[0]


def test_a_word_the_site_does_not_know_is_corrected_unless_the_search_finds_it():
    assert weights("rijksmusem")[0]["rijksmuseum"] == CORRECTION
    assert "rijksmuseum" not in weights("rijksmusem", found=lambda words: True)[0]
    assert "rijksmuseum" in weights("rijksmusem", found=lambda words: False)[0]
    assert weights("rijksmuseum")[0]["rijksmuseum"] == TYPED  # a known word is not corrected


def test_accented_spellings_of_the_site_are_added():
    [term] = expand("curacao", VOCABULARY)
    assert term.weights["curaçao"] == TYPED  # PostgreSQL's Dutch configuration keeps accents
    [korsou] = expand("Kòrsou", VOCABULARY)
    assert {"korsou", "curacao", "curaçao"} <= set(korsou.weights)


def test_as_typed_keeps_the_word_and_its_forms_only():
    [term] = expand("prijzen", VOCABULARY)
    assert set(term.as_typed().weights) == {w for w, weight in term.weights.items() if weight >= FORM}
    assert "award" not in term.as_typed().weights
