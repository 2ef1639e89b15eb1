"""The normalisation behind the Q&A search: case, accents and Dutch word forms."""

import pytest

from qa import text


@pytest.mark.parametrize(
    ("forms", "expected"),
    [
        (["kaart", "kaarten", "kaartje", "kaartjes", "Kaart"], "kaart"),
        (["betalen", "betaal"], "betal"),
        (["pas", "passen", "pasje"], "pas"),
        (["cadeau", "cadeaus", "cadeautje", "Cadeautjes"], "cadeau"),
        (["museum", "museums"], "museum"),
        (["foto's", "foto"], "foto"),
        (["app", "apps", "app's"], "app"),
        (["verloren", "verloor"], "verlor"),
        (["reserveren", "reserveer"], "reserver"),
    ],
)
def test_word_forms_share_one_stem(forms, expected):
    assert {text.stem(text.fold(form)) for form in forms} == {expected}


def test_fold_drops_case_accents_and_punctuation():
    assert text.fold("Wordt er automatisch GEÏNCASSEERD?") == "wordt er automatisch geincasseerd"
    assert text.fold("Café-bezoek, €75!") == "cafe bezoek 75"


def test_query_terms_drop_stop_words_unless_nothing_is_left():
    assert text.query_terms("Hoe betaal ik per maand?") == ["betal", "per", "maand"]
    assert text.query_terms("wat is het") == ["wat", "is", "het"]
    assert text.query_terms("kaart kaarten") == ["kaart"]


def test_search_text_is_space_delimited_stems():
    assert text.search_text("Twee Kaartjes", "museums") == " twee kaart museum "


def test_normalise_query_keeps_words_readable():
    assert text.normalise_query("  Pás   KWIJT? ") == "pas kwijt"
