"""Seeding: one registry for demo content and scale data, one context, one bulk page insert
that leaves a valid tree, and ``generate_scale`` end to end on a small factor."""

import io

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.core.management.base import OutputWrapper
from wagtail.models import Page

from core.demo import taxonomy as demo_taxonomy
from core.seeding import SeedContext, SeedError, discover_steps, seed_step

StandardPage = apps.get_model("home", "StandardPage")


def _tree_problems():
    """treebeard's own check of paths, depths and child counts, as lists of ids."""
    return [list(problem) for problem in Page.find_problems()]


# --- registry ---------------------------------------------------------------------------


def test_one_registry_serves_both_commands_in_order():
    demo = discover_steps("demo")
    assert [step.app for step in demo][:2] == ["home", "core"]  # locales, site, home page; taxonomy
    # Last, every language that syncs from Dutch gets its aliases (English, then Papiamentu),
    # and the English aliases become wagtail-localize translations; then every page of its own,
    # translations included, gets its picture.
    assert [step.label for step in demo[-4:]] == [
        "synchronise the English tree",
        "synchronise the Papiamentu tree",
        "English translations",
        "demo illustrations",
    ]
    assert [step.order for step in demo] == sorted(step.order for step in demo)
    assert {"museums", "agenda", "knowledge", "awards", "qa"} <= {step.app for step in demo}
    assert [step.label for step in discover_steps("scale")] == ["museums", "agenda"]


def test_only_picks_steps_by_app_or_label_and_refuses_unknown_names():
    assert [step.label for step in discover_steps("demo", ["museums"])] == [
        "museums",
        "museums in Papiamentu",
    ]
    assert [step.label for step in discover_steps("demo", ["standard pages", "qa"])] == [
        "standard pages",
        "questions and answers",
        "questions and answers in Papiamentu",  # qa/demo_pap.py
    ]
    with pytest.raises(SeedError, match="Unknown scale step"):
        discover_steps("scale", ["museum"])


def test_a_step_registers_once_and_only_for_a_known_kind():
    before = len(discover_steps("demo"))
    step = discover_steps("demo", ["museums"])[0]
    seed_step(kind="demo", order=step.order, label=step.label)(step.func)  # a second import
    assert len(discover_steps("demo")) == before
    with pytest.raises(ValueError, match="Unknown seeding kind"):
        seed_step(kind="fixtures", order=1, label="x")


# --- context ----------------------------------------------------------------------------


def test_progress_and_batches_report_label_n_of_total():
    out = io.StringIO()
    ctx = SeedContext(OutputWrapper(out))  # as a command's ``self.stdout``: one line per message
    assert list(ctx.progress(range(25), "items")) == list(range(25))
    assert list(ctx.batches(5, 2, "rows")) == [range(0, 2), range(2, 4), range(4, 5)]
    lines = out.getvalue().split()
    assert "20/25" in lines and "25/25" in lines and lines.count("items:") == 13
    assert out.getvalue().endswith("    rows: 2/5\n    rows: 4/5\n    rows: 5/5\n")

    quiet = io.StringIO()
    list(SeedContext(quiet, verbosity=0).progress(range(3), "items"))
    assert quiet.getvalue() == ""


def test_scaled_sizes_and_the_seeded_random_source():
    assert SeedContext(io.StringIO(), factor=0.01).scaled(5000) == 50
    assert SeedContext(io.StringIO(), factor=0.00001).scaled(5000) == 1
    first, second = SeedContext(io.StringIO(), seed=7), SeedContext(io.StringIO(), seed=7)
    assert [first.rng.random() for _ in range(3)] == [second.rng.random() for _ in range(3)]


@pytest.mark.django_db
def test_home_is_the_default_sites_root_once_the_site_exists(site_root):
    assert SeedContext(io.StringIO()).home == site_root


@pytest.mark.django_db
def test_home_before_the_demo_site_exists_is_an_error():
    # A fresh database has only Wagtail's placeholder page as the site root.
    with pytest.raises(SeedError, match="load_demo"):
        SeedContext(io.StringIO()).home  # noqa: B018


# --- bulk_add_pages ---------------------------------------------------------------------


def _standard(slug, **fields):
    return StandardPage(slug=slug, title=slug.replace("-", " ").capitalize(), **fields)


@pytest.mark.django_db
def test_bulk_add_pages_builds_the_tree_add_child_would(client, site_root):
    existing = site_root.add_child(instance=_standard("bestaand"))
    ctx = SeedContext(io.StringIO())
    pages = ctx.bulk_add_pages(
        site_root,
        [
            (
                _standard("bulk-1", intro="Een."),
                [_standard("kind-a"), (_standard("kind-b"), [_standard("klein")])],
            ),
            _standard("bulk-2", live=False),
        ],
    )
    assert [p.slug for p in pages] == ["bulk-1", "kind-a", "kind-b", "klein", "bulk-2"]
    assert ctx.created == 5
    assert _tree_problems() == [[], [], [], [], []]
    site_root.refresh_from_db()
    assert site_root.numchild == 3
    assert [p.slug for p in site_root.get_children()] == ["bestaand", "bulk-1", "bulk-2"]

    bulk_1 = StandardPage.objects.get(pk=pages[0].pk)
    assert bulk_1.path > existing.path and bulk_1.depth == site_root.depth + 1
    assert (bulk_1.intro, bulk_1.numchild, bulk_1.draft_title) == ("Een.", 2, "Bulk 1")
    assert bulk_1.live and bulk_1.first_published_at and bulk_1.last_published_at
    small = StandardPage.objects.get(slug="klein")
    assert small.url_path == f"{site_root.url_path}bulk-1/kind-b/klein/"
    assert small.get_parent().slug == "kind-b" and small.depth == site_root.depth + 3
    for page in StandardPage.objects.filter(pk__in=[p.pk for p in pages]):
        assert page.locale_id == site_root.locale_id
        assert page.url_path == page.set_url_path(page.get_parent())
    assert len({p.translation_key for p in pages} | {site_root.translation_key}) == 6
    assert not StandardPage.objects.get(slug="bulk-2").live

    # Served through the URL stack, and Wagtail's own add_child goes on after the bulk pages.
    assert client.get("/bulk-1/kind-b/klein/").status_code == 200
    assert client.get("/bulk-2/").status_code == 404
    later = site_root.add_child(instance=_standard("later"))
    assert later.path > pages[-1].path and _tree_problems() == [[], [], [], [], []]


@pytest.mark.django_db
def test_bulk_add_pages_refuses_slugs_in_use_or_repeated(site_root):
    site_root.add_child(instance=_standard("bestaand"))
    ctx = SeedContext(io.StringIO())
    with pytest.raises(ValueError, match="already in use"):
        ctx.bulk_add_pages(site_root, [_standard("nieuw"), _standard("bestaand")])
    with pytest.raises(ValueError, match="distinct slugs"):
        ctx.bulk_add_pages(site_root, [(_standard("nieuw"), [_standard("dubbel"), _standard("dubbel")])])
    assert not StandardPage.objects.filter(slug="nieuw").exists()


# --- the commands -----------------------------------------------------------------------


@pytest.fixture
def taxonomy(site_root):
    demo_taxonomy(SeedContext(io.StringIO(), verbosity=0))


@pytest.mark.django_db
def test_generate_scale_fills_a_valid_tree_with_progress_and_is_repeatable(client, taxonomy):
    MuseumPage = apps.get_model("museums", "MuseumPage")
    ExhibitionPage = apps.get_model("museums", "ExhibitionPage")
    EventPage = apps.get_model("agenda", "EventPage")
    out = io.StringIO()
    call_command("generate_scale", factor=0.002, seed=3, stdout=out)
    output = out.getvalue()
    assert "[1/2] museums" in output and "[2/2] agenda" in output
    assert "museums, 10 exhibitions each: 10/10" in output and "events: 100/100" in output
    assert "Scale data ready: 212 pages created" in output  # two index pages, 10 + 100 + 100

    assert _tree_problems() == [[], [], [], [], []]
    museums = MuseumPage.objects.filter(slug__startswith="schaal-3-")
    assert museums.count() == 10 and ExhibitionPage.objects.child_of(museums.first()).count() == 10
    assert all(m.weekly_hours.exists() and m.categories.exists() for m in museums)
    events = EventPage.objects.filter(slug__startswith="schaal-3-")
    assert events.count() == 100 and not events.filter(occurrences__isnull=True).exists()
    museum = museums.first()
    assert client.get(museum.url).status_code == 200
    assert client.get(museum.get_parent().url).status_code == 200
    assert client.get(events.last().url).status_code == 200

    again = io.StringIO()
    call_command("generate_scale", factor=0.002, seed=3, only="agenda", stdout=again)
    assert "museums" not in again.getvalue() and "exist already" in again.getvalue()
    assert EventPage.objects.count() == 100


@pytest.mark.django_db
def test_generate_scale_needs_the_demo_site_and_local_mode(settings):
    with pytest.raises(CommandError, match="load_demo"):
        call_command("generate_scale", factor=0.001, stdout=io.StringIO())
    with pytest.raises(CommandError, match="Unknown scale step"):
        call_command("generate_scale", only="nothing", stdout=io.StringIO())
    settings.LOCAL = False
    with pytest.raises(CommandError, match="local mode"):
        call_command("generate_scale", stdout=io.StringIO())
