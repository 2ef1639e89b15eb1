from types import SimpleNamespace

import pytest

from qa.factories import QACategoryPageFactory, QAIndexPageFactory, QuestionPageFactory


@pytest.fixture
def qa_tree(site_root):
    """A small Q&A: two categories with questions, one draft among them."""
    index = QAIndexPageFactory(parent=site_root)
    lost = QACategoryPageFactory(parent=index, title="Kaart kwijt", slug="kwijt", icon="lost")
    pay = QACategoryPageFactory(parent=index, title="Betalen", slug="betalen", icon="payment")
    q_lost = QuestionPageFactory(
        parent=lost,
        title="Ik ben mijn Museumkaart kwijt. Wat nu?",
        slug="kaart-kwijt",
        answer="<p>Vraag een duplicaat aan in Mijn Museumkaart.</p>",
        alternative_phrasings="pas verloren\nvervangende kaart",
    )
    q_stolen = QuestionPageFactory(
        parent=lost,
        title="Mijn kaart is gestolen",
        slug="gestolen",
        answer="<p>Blokkeer de kaart via een duplicaat.</p>",
        alternative_phrasings="diefstal",
    )
    q_monthly = QuestionPageFactory(
        parent=pay,
        title="Kan ik per maand betalen?",
        slug="per-maand",
        answer="<p>Nee, je betaalt <b>per jaar</b> &amp; in één keer.</p><ul><li>€75</li><li>€39</li></ul>",
        alternative_phrasings="termijnen\nmaandelijks",
    )
    q_debit = QuestionPageFactory(
        parent=pay,
        title="Wordt er automatisch geïncasseerd?",
        slug="incasso",
        answer="<p>Ja, bij verlenging.</p>",
        audience="members",
    )
    draft = QuestionPageFactory(
        parent=pay,
        title="Geheime conceptvraag over betalen",
        slug="concept",
        answer="<p>Nog niet af.</p>",
        alternative_phrasings="termijnen",
        publish=False,
    )
    return SimpleNamespace(
        index=index,
        lost=lost,
        pay=pay,
        q_lost=q_lost,
        q_stolen=q_stolen,
        q_monthly=q_monthly,
        q_debit=q_debit,
        draft=draft,
    )
