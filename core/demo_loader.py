"""The demo content framework.

Each app adds its demo content by defining a ``demo.py`` module with one or more steps::

    from core.demo_loader import demo_step

    @demo_step(order=30, label="museums")
    def load(ctx):
        for data in ctx.progress(MUSEUMS, "museums"):
            ctx.get_or_create_page(ctx.section("museums"), MuseumPage, slug=..., defaults={...})

``manage.py load_demo`` imports every app's ``demo`` module, runs the steps in order and
prints progress. Steps must be idempotent: running the command twice changes nothing.
All demo text is written for this project and marked as demo where it is not a public fact.
"""

from dataclasses import dataclass, field

from django.db import transaction
from wagtail.models import Locale, Page

_STEPS = []


@dataclass(order=True)
class DemoStep:
    order: int
    label: str = field(compare=False)
    func: object = field(compare=False)


def demo_step(*, order, label):
    """Register a function taking a ``DemoContext`` as a demo step."""

    def decorator(func):
        if not any(step.func is func for step in _STEPS):
            _STEPS.append(DemoStep(order=order, label=label, func=func))
        return func

    return decorator


def registered_steps():
    return sorted(_STEPS)


class DemoContext:
    """What a step gets: output, progress, the home page, sections and page helpers."""

    def __init__(self, stdout, style, verbosity=1):
        self.stdout = stdout
        self.style = style
        self.verbosity = verbosity
        self.created = 0
        self.sections = {}

    # --- output -----------------------------------------------------------------------

    def log(self, message):
        if self.verbosity:
            self.stdout.write(message)

    def progress(self, items, label):
        """Iterate over ``items`` printing ``label: n/total`` as it goes."""
        items = list(items)
        total = len(items)
        step = max(1, total // 10)
        for number, item in enumerate(items, start=1):
            yield item
            if self.verbosity and (number % step == 0 or number == total):
                self.stdout.write(f"    {label}: {number}/{total}")

    # --- locales and tree -------------------------------------------------------------

    def locale(self, code):
        return Locale.objects.get(language_code=code)

    @property
    def home(self):
        from home.models import HomePage

        return HomePage.objects.get(locale=self.locale("nl"), depth=2)

    def section(self, key):
        """A section index page registered by an earlier step (e.g. ``museums``)."""
        return Page.objects.get(pk=self.sections[key]).specific

    def register_section(self, key, page):
        self.sections[key] = page.pk

    @transaction.atomic
    def get_or_create_page(self, parent, model, *, slug, defaults, publish=True):
        """Return the child of ``parent`` with ``slug``, creating and publishing it if absent.

        Existing pages are left as they are, so editors' changes to demo pages survive a
        second run.
        """
        existing = model.objects.child_of(parent).filter(slug=slug).first()
        if existing is not None:
            return existing
        page = model(slug=slug, **defaults)
        parent.add_child(instance=page)
        if publish:
            page.save_revision().publish()
        else:
            page.save_revision()
        self.created += 1
        return page

    @transaction.atomic
    def translate(self, page, language_code, **fields):
        """Give ``page`` a real translation in ``language_code`` with ``fields`` set.

        With "sync from" locales, wagtail-localize first creates an alias; an alias is
        converted into a page of its own. A translation that already exists is left alone.
        """
        from wagtail.actions.convert_alias import ConvertAliasPageAction

        locale = self.locale(language_code)
        translation = page.get_translation_or_none(locale)
        if translation is not None and translation.alias_of_id is None:
            return translation.specific
        if translation is None:
            translation = page.copy_for_translation(locale, copy_parents=True)
        else:
            ConvertAliasPageAction(translation.specific, log_action=None).execute(skip_permission_checks=True)
            translation = type(page.specific).objects.get(pk=translation.pk)
        translation = translation.specific
        for name, value in fields.items():
            setattr(translation, name, value)
        translation.save_revision().publish()
        self.created += 1
        return translation
