"""Test factories for the Q&A pages (test-only)."""

import factory

from core.factories import PageFactory
from qa.models import QACategoryPage, QAIndexPage, QuestionPage


class QAIndexPageFactory(PageFactory):
    title = "Vragen"
    slug = "vragen"
    intro = "Antwoorden op je vragen."

    class Meta:
        model = QAIndexPage


class QACategoryPageFactory(PageFactory):
    title = factory.Sequence(lambda n: f"Categorie {n}")
    icon = "question"
    intro = "Vragen over dit onderwerp."

    class Meta:
        model = QACategoryPage


class QuestionPageFactory(PageFactory):
    title = factory.Sequence(lambda n: f"Vraag nummer {n}?")
    answer = "<p>Het antwoord.</p>"
    audience = "public"

    class Meta:
        model = QuestionPage
