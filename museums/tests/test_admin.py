"""Editors create museums in the admin; bad opening hours are errors on the field."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from museums.models import ExhibitionPage, MuseumCategory, MuseumPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("redacteur", "redactie@example.org", "wachtwoord-123")
    client.force_login(user)
    return client


def museum_data(weekly=(), exceptions=(), **extra):
    art = MuseumCategory.objects.get(code="art")
    data = nested_form_data(
        {
            "title": "Nieuw museum (demo)",
            "slug": "nieuw-museum",
            "intro": "",
            "city": "Utrecht",
            "province": "NL-UT",
            "latitude": "52.09",
            "longitude": "5.12",
            "coordinates_precision": "approximate",
            "timezone": "",
            "museumkaart_accepted": "on",
            "weekly_hours": inline_formset(list(weekly)),
            "hours_exceptions": inline_formset(list(exceptions)),
            "gallery_images": inline_formset([]),
            "body": streamfield([]),
            "action-publish": "action-publish",
            **extra,
        }
    )
    data["categories"] = [art.pk]  # a multiple choice: one key, several values
    return data


def post(admin_client, index, data, model="museumpage"):
    return admin_client.post(reverse("wagtailadmin_pages:add", args=("museums", model, index.pk)), data)


def weekly(day, opens, closes, next_day=False):
    row = {"weekday": day, "opens": opens, "closes": closes}
    if next_day:
        row["closes_next_day"] = "on"
    return row


def test_a_museum_with_hours_can_be_created(admin_client, museum_index):
    data = museum_data(
        weekly=[weekly(1, "10:00", "12:30"), weekly(1, "13:30", "17:00"), weekly(5, "20:00", "01:00", True)],
        exceptions=[{"start_date": "2026-12-25", "end_date": "", "closed": "on", "label": "Kerst"}],
    )
    response = post(admin_client, museum_index, data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    page = MuseumPage.objects.get(slug="nieuw-museum", locale__language_code="nl")
    assert page.live and page.timezone == "Europe/Amsterdam"
    assert page.weekly_hours.count() == 3
    exception = page.hours_exceptions.get()
    assert exception.end_date == exception.start_date and exception.span_days == 0
    assert list(page.categories.values_list("code", flat=True)) == ["art"]


def child_errors(response, formset):
    return [form.errors for form in response.context["form"].formsets[formset].forms]


def test_closing_before_opening_is_an_error_on_the_field(admin_client, museum_index):
    response = post(admin_client, museum_index, museum_data(weekly=[weekly(1, "17:00", "10:00")]))
    assert response.status_code == 200
    assert "closes" in child_errors(response, "weekly_hours")[0]
    assert not MuseumPage.objects.filter(slug="nieuw-museum").exists()


def test_overlapping_ranges_are_an_error_on_the_field(admin_client, museum_index):
    response = post(
        admin_client,
        museum_index,
        museum_data(weekly=[weekly(2, "10:00", "14:00"), weekly(2, "13:00", "17:00")]),
    )
    assert response.status_code == 200
    errors = child_errors(response, "weekly_hours")
    assert (
        "opens" in errors[1]
        and "13:00" not in str(errors[1]["opens"])
        and "10:00–14:00" in str(errors[1]["opens"])
    )


def test_overlap_past_midnight_into_the_next_day(admin_client, museum_index):
    response = post(
        admin_client,
        museum_index,
        museum_data(weekly=[weekly(5, "20:00", "02:00", True), weekly(6, "01:00", "17:00")]),
    )
    assert response.status_code == 200
    assert "opens" in child_errors(response, "weekly_hours")[1]


@pytest.mark.parametrize(
    ("row", "field"),
    [
        ({"start_date": "2026-12-25", "end_date": "2026-12-20", "closed": "on"}, "end_date"),
        ({"start_date": "2026-12-25", "end_date": "", "opens": "10:00"}, "closes"),
        ({"start_date": "2026-12-25", "end_date": "", "opens": "17:00", "closes": "10:00"}, "closes"),
        ({"start_date": "2026-12-25", "end_date": "", "closed": "on", "opens": "10:00"}, "opens"),
    ],
)
def test_bad_exceptions(admin_client, museum_index, row, field):
    response = post(admin_client, museum_index, museum_data(exceptions=[row]))
    assert response.status_code == 200
    assert field in child_errors(response, "hours_exceptions")[0]


def test_overlapping_exception_ranges_on_the_same_dates(admin_client, museum_index):
    rows = [
        {"start_date": "2026-12-24", "end_date": "", "opens": "10:00", "closes": "14:00"},
        {"start_date": "2026-12-24", "end_date": "", "opens": "12:00", "closes": "16:00"},
    ]
    response = post(admin_client, museum_index, museum_data(exceptions=rows))
    assert response.status_code == 200
    assert "opens" in child_errors(response, "hours_exceptions")[1]


@pytest.mark.parametrize(
    ("extra", "field"),
    [
        ({"latitude": "95"}, "latitude"),
        ({"longitude": "40"}, "longitude"),
        ({"longitude": ""}, "longitude"),
        ({"latitude": "-30", "longitude": "5"}, "latitude"),
    ],
)
def test_coordinates_are_checked(admin_client, museum_index, extra, field):
    response = post(admin_client, museum_index, museum_data(**extra))
    assert response.status_code == 200
    assert field in response.context["form"].errors


def test_exhibition_dates_are_checked(admin_client, museum):
    data = nested_form_data(
        {
            "title": "Expo (demo)",
            "slug": "expo",
            "start_date": "2026-05-01",
            "end_date": "2026-04-01",
            "body": streamfield([]),
            "action-publish": "action-publish",
        }
    )
    response = post(admin_client, museum, data, model="exhibitionpage")
    assert response.status_code == 200
    assert "end_date" in response.context["form"].errors
    data["end_date"] = "2026-06-01"
    data["extended_until"] = "2026-08-01"
    assert post(admin_client, museum, data, model="exhibitionpage").status_code == 302
    assert (
        ExhibitionPage.objects.get(slug="expo", locale__language_code="nl").last_day.isoformat()
        == "2026-08-01"
    )


def test_page_tree_rules():
    from museums.models import MuseumIndexPage

    # Museums do not import home (same layer): the home page model is named by its label.
    assert [m._meta.label for m in MuseumIndexPage.allowed_parent_page_models()] == ["home.HomePage"]
    assert MuseumPage.allowed_parent_page_models() == [MuseumIndexPage]
    assert ExhibitionPage.allowed_parent_page_models() == [MuseumPage]


def test_hours_report_lists_unchecked_museums(admin_client, museum_index):
    import datetime

    from museums.factories import MuseumPageFactory

    MuseumPageFactory(parent=museum_index, title="Nooit gecontroleerd (demo)")
    MuseumPageFactory(
        parent=museum_index, title="Net gecontroleerd (demo)", hours_verified_at=datetime.date.today()
    )
    MuseumPageFactory(
        parent=museum_index, title="Zonder uren (demo)", hours=[], hours_verified_at=datetime.date.today()
    )
    body = admin_client.get(reverse("museums_hours_report")).content.decode()
    assert "Nooit gecontroleerd (demo)" in body and "Zonder uren (demo)" in body
    assert "Net gecontroleerd (demo)" not in body
    export = admin_client.get(reverse("museums_hours_report") + "?export=csv")
    assert export.status_code == 200 and b"Nooit gecontroleerd" in b"".join(export.streaming_content)
