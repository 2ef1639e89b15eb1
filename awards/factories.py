"""Test factories for the awards app (test-only: factory_boy is a dev extra)."""

import factory

from core.factories import PageFactory

from .choices import Cycle, Stage
from .models import AwardEditionPage, AwardPage, AwardsIndexPage, JuryMember, Nomination


class AwardsIndexPageFactory(PageFactory):
    title = "Prijzen"
    slug = "prijzen"
    intro = "Prijzen voor musea."

    class Meta:
        model = AwardsIndexPage


class AwardPageFactory(PageFactory):
    title = factory.Sequence(lambda n: f"Museumprijs {n}")
    intro = "Een prijs voor musea."
    cycle = Cycle.YEARLY

    class Meta:
        model = AwardPage


class AwardEditionPageFactory(PageFactory):
    """``AwardEditionPageFactory(parent=award, year=2024, nominations=[(museum, "winner", votes), ...])``."""

    year = factory.Sequence(lambda n: 2000 + n % 100)
    title = factory.LazyAttribute(lambda o: f"Editie {o.year}")
    slug = factory.LazyAttribute(lambda o: str(o.year))
    theme = "Thema"

    class Meta:
        model = AwardEditionPage

    @classmethod
    def _create(cls, model_class, *args, nominations=(), jury=(), **kwargs):
        kwargs["nominations"] = [
            Nomination(
                museum=row[0],
                stage=row[1],
                votes=row[2] if len(row) > 2 else None,
                vote_share=row[3] if len(row) > 3 else None,
            )
            for row in nominations
        ]
        kwargs["jury_members"] = [JuryMember(name=name, role=role) for name, role in jury]
        return super()._create(model_class, *args, **kwargs)


__all__ = ["AwardEditionPageFactory", "AwardPageFactory", "AwardsIndexPageFactory", "Stage"]
