"""Test factories for core models and a base factory for pages (test-only: factory_boy is a dev extra)."""

import factory
from django.utils.text import slugify
from wagtail.models import Locale

from .models import Dossier, Organisation, Theme


class PageFactory(factory.django.DjangoModelFactory):
    """Base for page factories: ``SomePageFactory(parent=page, publish=True, **fields)``.

    Pages are added under ``parent`` with treebeard; ``publish=False`` leaves a draft
    (never live), ``publish=True`` (the default) publishes a revision.
    """

    title = factory.Sequence(lambda n: f"Pagina {n}")

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, parent=None, publish=True, **kwargs):
        if parent is None:
            raise ValueError(f"{cls.__name__} needs parent=<page>")
        kwargs.setdefault("slug", slugify(kwargs.get("title", "")) or None)
        page = model_class(*args, **kwargs)
        if not publish:
            page.live = False
        parent.add_child(instance=page)
        revision = page.save_revision()
        if publish:
            revision.publish()
            page.refresh_from_db()
        return page


def _nl():
    return Locale.objects.get_or_create(language_code="nl")[0]


class ThemeFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Thema {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    locale = factory.LazyFunction(_nl)

    class Meta:
        model = Theme


class DossierFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Dossier {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    locale = factory.LazyFunction(_nl)

    class Meta:
        model = Dossier


class OrganisationFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Organisatie {n}")
    kind = Organisation.Kind.PARTNER

    class Meta:
        model = Organisation
