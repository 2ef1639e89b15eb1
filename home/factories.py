import factory

from core.factories import PageFactory

from .models import HomePage, StandardPage


class HomePageFactory(PageFactory):
    hero_title = "Welkom"

    class Meta:
        model = HomePage


class StandardPageFactory(PageFactory):
    intro = factory.Faker("sentence", locale="nl_NL")

    class Meta:
        model = StandardPage
