"""Seeding the database: demo content and scale data, through one registry and one context.

Each app seeds the database with a ``demo.py`` module (demo content, ``manage.py load_demo``;
translations may live beside it in ``demo_<language>.py``, e.g. ``demo_pap.py``) and, for the
benchmarks, a ``scale.py`` module (scale data, ``manage.py generate_scale``)::

    from core.seeding import seed_step

    @seed_step(kind="demo", order=30, label="museums")
    def load(ctx):
        index = ctx.get_or_create_page(ctx.home, MuseumIndexPage, slug="musea", defaults={...})
        for data in ctx.progress(MUSEUMS, "museums"):
            page = ctx.get_or_create_page(index, MuseumPage, slug=..., defaults={...})
            ctx.translate(page, "en", title=...)

    @seed_step(kind="scale", order=30, label="museums")
    def generate(ctx):
        for numbers in ctx.batches(ctx.scaled(5000), 250, "museums"):
            ctx.bulk_add_pages(index, [MuseumPage(slug=..., title=..., city=ctx.rng.choice(...))])

The commands import every app's module of their kind (and its modules per language, such as
``demo_en.py`` with the English demo texts: ``core/demo_en.py``), run its steps in order and print
progress (``label: n/total``). Demo steps are idempotent: a second ``load_demo`` changes
nothing, and editors' changes to demo pages survive it. Scale steps draw every random choice
from ``ctx.rng`` (seeded), so ``--seed`` reproduces the same data; ``--factor`` scales the
sizes the benchmarks are specified for (1.0). All demo text is written for this project and
marked as demo where it is not a public fact.
"""

import logging
import random
import time
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.conf import settings
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connections, router, transaction
from django.db.models import F
from django.db.models.signals import post_save
from django.utils import timezone
from django.utils.module_loading import autodiscover_modules
from modelsearch.index import get_indexed_models
from modelsearch.signal_handlers import post_save_signal_handler
from treebeard.exceptions import PathOverflow
from wagtail.actions.convert_alias import ConvertAliasPageAction
from wagtail.models import Locale, Page, Site
from wagtail.signal_handlers import disable_reference_index_auto_update

from core import invalidation

KINDS = ("demo", "scale")


class SeedError(Exception):
    """Seeding cannot go on (e.g. scale data asked for before the demo site exists)."""


@dataclass(order=True, frozen=True)
class SeedStep:
    order: int
    label: str = field(compare=False)
    func: object = field(compare=False)

    @property
    def app(self):
        """The app that registered the step (``--only`` accepts it as well as the label)."""
        return self.func.__module__.partition(".")[0]


_STEPS = {kind: {} for kind in KINDS}


def seed_step(*, kind, order, label):
    """Register a function taking a ``SeedContext`` as a step of ``kind`` ("demo" or "scale")."""
    if kind not in KINDS:
        raise ValueError(f"Unknown seeding kind {kind!r}; expected one of {', '.join(KINDS)}.")

    def decorator(func):
        # Keyed by the function's name, so a module imported twice registers its step once.
        _STEPS[kind][f"{func.__module__}.{func.__qualname__}"] = SeedStep(order, label, func)
        return func

    return decorator


def registered_steps(kind):
    """The steps of ``kind`` registered so far, in order."""
    return sorted(_STEPS[kind].values())


def discover_steps(kind, only=()):
    """Import every app's module of ``kind`` and return its steps in order.

    ``only`` keeps the steps whose app or label is listed; an unknown name is an error.
    """
    # ``demo.py`` and, per content language of the site, ``demo_<language>.py`` (``demo_en.py``,
    # ``demo_pap.py``): each app's texts in that language.
    autodiscover_modules(kind, *(f"{kind}_{code}" for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES))
    steps = registered_steps(kind)
    wanted = set(only)
    unknown = wanted - {step.app for step in steps} - {step.label for step in steps}
    if unknown:
        known = sorted({step.app for step in steps})
        raise SeedError(f"Unknown {kind} step(s): {', '.join(sorted(unknown))} (known: {', '.join(known)}).")
    return [step for step in steps if not wanted or {step.app, step.label} & wanted]


def run_steps(kind, ctx, only=()):
    """Run the steps of ``kind`` with ``ctx``, printing ``[n/total] label`` and each step's time."""
    steps = discover_steps(kind, only)
    # Wagtail logs every page action at INFO; the progress lines say enough here.
    wagtail_logger = logging.getLogger("wagtail")
    previous_level = wagtail_logger.level
    wagtail_logger.setLevel(logging.WARNING)
    try:
        # Bulk loads skip per-change invalidation; everything cached is stale afterwards.
        with invalidation.paused(), _indexes_deferred(ctx, kind == "demo"):
            for number, step in enumerate(steps, start=1):
                started = time.monotonic()
                ctx.log(f"[{number}/{len(steps)}] {step.label}")
                step.func(ctx)
                ctx.log(f"    done in {time.monotonic() - started:.1f}s")
    finally:
        wagtail_logger.setLevel(previous_level)
        invalidation.invalidate_everything()
    return steps


@contextmanager
def _indexes_deferred(ctx, defer):
    """Hold back the search index and Wagtail's reference index while the steps save, then
    rebuild both once (``update_index``, ``rebuild_references_index``).

    A demo load saves most objects several times (created, revised, published, translated):
    updating both indexes on every save was a third of the load's time; a rebuild at the end
    indexes each object once, in chunks. Scale steps write in bulk, without save signals, and
    leave the search index to ``update_index``."""
    if not defer:
        yield
        return
    models = [model for model in get_indexed_models() if getattr(model, "search_auto_update", True)]
    for model in models:
        post_save.disconnect(post_save_signal_handler, sender=model)
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        for model in models:
            post_save.connect(post_save_signal_handler, sender=model)
        started = time.monotonic()
        ctx.log("search index and reference index")
        call_command("update_index", verbosity=0)
        call_command("rebuild_references_index", verbosity=0)
        ctx.log(f"    rebuilt in {time.monotonic() - started:.1f}s")


class SeedContext:
    """What a step gets: output and progress, the seeded ``rng``, sections and page helpers.

    ``created`` counts what the steps created (a second demo run must leave it at 0).
    """

    def __init__(self, stdout, style=None, *, verbosity=1, factor=1.0, seed=42):
        self.stdout = stdout
        self.style = style or no_style()
        self.verbosity = verbosity
        self.factor = factor
        self.seed = seed
        self.rng = random.Random(seed)
        self.created = 0
        self.sections = {}

    # --- output -----------------------------------------------------------------------

    def log(self, message):
        if self.verbosity:
            self.stdout.write(message)

    def progress(self, items, label, every=None):
        """Iterate over ``items`` printing ``label: n/total`` as it goes (about ten times)."""
        items = list(items)
        total = len(items)
        step = every or max(1, total // 10)
        for number, item in enumerate(items, start=1):
            yield item
            if number % step == 0 or number == total:
                self.log(f"    {label}: {number}/{total}")

    def batches(self, total, size, label):
        """Yield ``range``s of at most ``size`` numbers up to ``total``, printing ``label: n/total``
        after each batch (for bulk steps that work a batch at a time)."""
        for start in range(0, total, size):
            numbers = range(start, min(start + size, total))
            yield numbers
            self.log(f"    {label}: {numbers.stop}/{total}")

    # --- scale ------------------------------------------------------------------------

    def scaled(self, full_size):
        """``full_size`` (the size the benchmarks are specified for) times ``--factor``, at least 1."""
        return max(1, round(full_size * self.factor))

    # --- locales, site and sections ---------------------------------------------------

    def locale(self, code):
        return Locale.objects.get(language_code=code)

    @property
    def home(self):
        """The home page: the section ``home`` once a step registered it, else the default
        site's root page (so a step, or a later run, finds it without knowing its type)."""
        if "home" in self.sections:
            return self.section("home")
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site is None or site.root_page.specific_class is Page:
            # No site, or only the placeholder page a fresh Wagtail database starts with.
            raise SeedError("There is no home page yet: run `manage.py load_demo` first.")
        return site.root_page.specific

    def section(self, key):
        """A page registered by an earlier step (e.g. ``museums``)."""
        return Page.objects.get(pk=self.sections[key]).specific

    def register_section(self, key, page):
        self.sections[key] = page.pk

    # --- demo pages -------------------------------------------------------------------

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

    # --- scale pages ------------------------------------------------------------------

    @transaction.atomic
    def bulk_add_pages(self, parent, pages):
        """Insert ``pages`` as the last children of ``parent`` in a few queries; return them all.

        ``pages`` holds unsaved page instances, each with its slug, or ``(page, children)``
        pairs whose ``children`` is such a list again: a museum and its exhibitions go in one
        call. Each page gets what ``parent.add_child(instance=page)`` would give it: path,
        depth, numchild (and the parent's), url_path, the parent's locale unless it has one,
        draft_title, and publication times when it is live (the default); its
        ``translation_key`` is its own (a new UUID). The instances get their ids, so the caller
        can ``bulk_create`` their inline rows and links next.

        Unlike ``add_child`` it does not validate, send signals, log, create revisions or
        index the pages for search (``manage.py update_index`` does), and it saves no inline
        children or many-to-many values held on the instances.
        """
        now = timezone.now()
        placed = []

        def place(under, items, first_step):
            slugs = [(item[0] if isinstance(item, tuple) else item).slug for item in items]
            if not all(slugs) or len(set(slugs)) != len(slugs):
                raise ValueError(f"Pages added under {under.url_path} need distinct slugs.")
            for step, item in enumerate(items, start=first_step):
                page, children = item if isinstance(item, tuple) else (item, ())
                page.depth = under.depth + 1
                # treebeard has no public way to number many new siblings at once; ``_get_path``
                # is the class method its own ``add_child`` and ``load_bulk`` use.
                page.path = Page._get_path(under.path, page.depth, step)
                if len(page.path) != page.depth * Page.steplen:
                    raise PathOverflow(f"No room for {len(items)} more children under {under.url_path}.")
                page.numchild = len(children)
                page.set_url_path(under)
                page.locale_id = page.locale_id or under.locale_id
                page.draft_title = page.draft_title or page.title
                if page.live:
                    page.first_published_at = page.first_published_at or now
                    page.last_published_at = page.last_published_at or now
                placed.append(page)
                place(page, list(children), 1)

        items = list(pages)
        if not items:
            return []
        slugs = [(item[0] if isinstance(item, tuple) else item).slug for item in items]
        taken = set()
        for start in range(0, len(slugs), 500):
            taken |= set(
                parent.get_children()
                .filter(slug__in=slugs[start : start + 500])
                .values_list("slug", flat=True)
            )
        if taken:
            raise ValueError(f"Slugs already in use under {parent.url_path}: {', '.join(sorted(taken)[:5])}.")
        last = parent.get_last_child()
        # The last step of the last child's path, read as treebeard reads it (``_str2int``).
        place(parent, items, Page._str2int(last.path[-Page.steplen :]) + 1 if last else 1)

        # The ``wagtailcore_page`` rows: Django's bulk_create works on Page itself.
        base_fields = [f for f in Page._meta.concrete_fields if not f.primary_key]
        rows = Page.objects.bulk_create(
            [Page(**{f.attname: getattr(page, f.attname) for f in base_fields}) for page in placed]
        )
        if any(row.pk is None for row in rows):  # backends that do not return ids on insert
            ids = dict(
                Page.objects.filter(path__startswith=parent.path, path__gte=placed[0].path).values_list(
                    "path", "pk"
                )
            )
            for row in rows:
                row.pk = ids[row.path]

        # The rows of each page type's own tables. ``bulk_create`` refuses models with
        # multi-table inheritance, so this is the one insert statement it would run per table
        # (``QuerySet._insert``), given the ids of the Page rows above, in the batches it uses.
        db = router.db_for_write(Page)
        connection = connections[db]
        by_model = {}
        for page, row in zip(placed, rows, strict=True):
            tables = [m for m in reversed(type(page)._meta.get_parent_list()) if m is not Page]
            for model in (Page, *tables, type(page)):
                setattr(page, model._meta.pk.attname, row.pk)
            page._state.adding, page._state.db = False, db
            by_model.setdefault(type(page), []).append(page)
        for model, objs in by_model.items():
            if model is Page:
                continue
            for table in (*(m for m in reversed(model._meta.get_parent_list()) if m is not Page), model):
                fields = table._meta.local_concrete_fields
                size = max(1, connection.ops.bulk_batch_size(fields, objs))
                for start in range(0, len(objs), size):
                    table._base_manager._insert(objs[start : start + size], fields=fields, using=db)

        Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(items))
        parent.refresh_from_db(fields=["numchild"])
        self.created += len(placed)
        return placed
