"""Nomination rules: one winner, stage consistency, votes and shares; in the model and the admin."""

import datetime
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail.users.models import UserProfile

from awards.choices import Stage
from awards.factories import AwardEditionPageFactory, AwardPageFactory, AwardsIndexPageFactory
from awards.models import AwardEditionPage, AwardPage, AwardsIndexPage, Nomination
from awards.validation import NominationData, nomination_issues
from museums.factories import MuseumIndexPageFactory, MuseumPageFactory


def N(museum_id, stage, votes=None, share=None):
    return NominationData(
        museum_id=museum_id,
        stage=stage,
        votes=votes,
        vote_share=Decimal(share) if share is not None else None,
    )


def _messages(issues):
    return [issue.message for issue in issues]


def test_a_consistent_edition_has_no_issues():
    items = [
        N(1, Stage.WINNER, 24448, "44.57"),
        N(2, Stage.NOMINEE, 19536, "35.61"),
        N(3, Stage.NOMINEE, 10874, "19.82"),
        N(4, Stage.LONGLIST),
        N(5, Stage.APPLICANT),
    ]
    assert nomination_issues(items, longlist_size=7) == []


def test_at_most_one_winner():
    issues = nomination_issues([N(1, Stage.WINNER), N(2, Stage.WINNER), N(3, Stage.NOMINEE)])
    assert [(i.index, i.field) for i in issues] == [(1, "stage")]
    assert "at most one winner" in issues[0].message


def test_a_museum_is_nominated_once():
    issues = nomination_issues([N(1, Stage.NOMINEE), N(1, Stage.LONGLIST)])
    assert [(i.index, i.field) for i in issues] == [(1, "museum")]


def test_nominees_and_the_winner_must_fit_on_the_longlist():
    items = [
        N(1, Stage.WINNER),
        N(2, Stage.NOMINEE),
        N(3, Stage.NOMINEE),
        N(4, Stage.LONGLIST),
        N(5, Stage.APPLICANT),
    ]
    assert nomination_issues(items, longlist_size=4) == []
    (issue,) = nomination_issues(items, longlist_size=3)
    assert issue.index is None
    assert "3 places but 4 museums" in issue.message


def test_only_nominees_get_votes_and_shares():
    issues = nomination_issues([N(1, Stage.LONGLIST, 100, "10"), N(2, Stage.APPLICANT, 5)])
    assert [(i.index, i.field) for i in issues] == [(0, "votes"), (0, "vote_share"), (1, "votes")]


def test_vote_shares_must_add_up_and_match_the_votes():
    too_much = nomination_issues([N(1, Stage.WINNER, None, "60"), N(2, Stage.NOMINEE, None, "50")])
    assert any("more than 100" in m for m in _messages(too_much))
    mismatch = nomination_issues([N(1, Stage.WINNER, 600, "50"), N(2, Stage.NOMINEE, 400, "50")])
    assert [(i.index, i.field) for i in mismatch] == [(0, "vote_share"), (1, "vote_share")]
    rounding = nomination_issues([N(1, Stage.WINNER, 2, "66.7"), N(2, Stage.NOMINEE, 1, "33.3")])
    assert rounding == []


def test_the_winner_of_a_public_vote_has_the_most_votes():
    (issue,) = nomination_issues([N(1, Stage.WINNER, 10), N(2, Stage.NOMINEE, 20)])
    assert (issue.index, issue.field) == (0, "votes")


@pytest.mark.django_db
def test_model_clean_rejects_two_winners_and_dates_out_of_order(site_root):
    museum_index = MuseumIndexPageFactory(parent=site_root)
    a, b = (MuseumPageFactory(parent=museum_index) for _ in range(2))
    award = AwardPageFactory(parent=AwardsIndexPageFactory(parent=site_root))
    edition = AwardEditionPageFactory(
        parent=award, year=2024, nominations=[(a, Stage.WINNER), (b, Stage.NOMINEE)]
    )
    edition.nominations.add(Nomination(museum=b, stage=Stage.WINNER))
    edition.applications_open = datetime.date(2024, 5, 1)
    edition.applications_close = datetime.date(2024, 4, 1)
    with pytest.raises(ValidationError) as raised:
        edition.full_clean()
    errors = raised.value.message_dict
    assert "applications_close" in errors
    assert any("at most one winner" in m for m in errors["__all__"])
    assert any("already nominated" in m for m in errors["__all__"])


class AdminEditionFormTests(WagtailPageTestCase):
    def setUp(self):
        import io

        from django.core.management.color import no_style

        from core.seeding import SeedContext
        from home.demo import site

        ctx = SeedContext(io.StringIO(), no_style(), verbosity=0)
        site(ctx)
        home = ctx.home
        museum_index = MuseumIndexPageFactory(parent=home)
        self.a = MuseumPageFactory(parent=museum_index, title="Museum A")
        self.b = MuseumPageFactory(parent=museum_index, title="Museum B")
        self.index = AwardsIndexPageFactory(parent=home)
        self.award = AwardPageFactory(parent=self.index)
        self.user = user = self.login()
        # The admin speaks each editor's chosen language; these tests read its English messages.
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = "en"
        profile.save()

    def _data(self, nominations, ids=(), **extra):
        """Form data of an edition; ``ids`` are those of saved nominations, in order."""
        return nested_form_data(
            {
                "title": "Museumprijs 2030",
                "slug": "2030",
                "year": 2030,
                "theme": "Proef",
                "jury_report": rich_text(""),
                "body": streamfield([]),
                "nominations": inline_formset(
                    [
                        {
                            **({"id": ids[index]} if index < len(ids) else {}),
                            "museum": museum.pk,
                            "stage": stage,
                            "votes": votes if votes is not None else "",
                            "vote_share": "",
                            "project_title": "",
                            "motivation": "",
                        }
                        for index, (museum, stage, votes) in enumerate(nominations)
                    ],
                    initial=len(ids),
                ),
                "jury_members": inline_formset([{"name": "Jurylid", "role": "voorzitter", "is_chair": True}]),
                **extra,
            }
        )

    def test_tree_rules(self):
        self.assertAllowedParentPageTypes(AwardEditionPage, {AwardPage})
        self.assertAllowedParentPageTypes(AwardPage, {AwardsIndexPage})
        self.assertAllowedSubpageTypes(AwardEditionPage, set())

    def test_a_valid_edition_can_be_created(self):
        data = self._data([(self.a, Stage.WINNER, 30), (self.b, Stage.NOMINEE, 20)])
        self.assertCanCreate(self.award, AwardEditionPage, data)
        edition = AwardEditionPage.objects.get(slug="2030", locale__language_code="nl")
        self.assertEqual(edition.nominations.count(), 2)
        self.assertEqual(edition.jury_members.count(), 1)
        self.assertPageIsRenderable(edition)

    def test_index_and_award_pages_can_be_created(self):
        from wagtail.models import Page

        home = Page.objects.get(pk=self.index.get_parent().pk).specific
        self.assertCanCreate(
            home,
            AwardsIndexPage,
            nested_form_data(
                {
                    "title": "Onderscheidingen",
                    "slug": "onderscheidingen",
                    "intro": "Alle prijzen.",
                    "body": streamfield([]),
                }
            ),
        )
        self.assertCanCreate(
            self.index,
            AwardPage,
            nested_form_data(
                {
                    "title": "Vrijwilligersprijs",
                    "slug": "vrijwilligersprijs",
                    "intro": "Voor vrijwilligers.",
                    "cycle": "biennial",
                    "first_year": "",
                    "prize_description": "",
                    "website": "",
                    "criteria": rich_text("<p>Voor vrijwilligers.</p>"),
                    "body": streamfield([]),
                }
            ),
        )
        award = AwardPage.objects.get(slug="vrijwilligersprijs", locale__language_code="nl")
        self.assertEqual(award.cycle, "biennial")
        self.assertPageIsRenderable(award)

    def test_edition_preview_shows_unsaved_nominations(self):
        data = self._data([(self.a, Stage.WINNER, 30), (self.b, Stage.NOMINEE, 20)])
        self.assertCanCreate(self.award, AwardEditionPage, data)
        edition = AwardEditionPage.objects.get(slug="2030", locale__language_code="nl")
        ids = list(edition.nominations.order_by("sort_order").values_list("pk", flat=True))
        preview = self._data([(self.a, Stage.NOMINEE, 20), (self.b, Stage.WINNER, 30)], ids=ids)
        self.assertPageIsPreviewable(edition, post_data=preview)
        self.client.force_login(self.user)
        preview_path = reverse("wagtailadmin_pages:preview_on_edit", kwargs={"page_id": edition.pk})
        self.assertEqual(self.client.post(preview_path, data=preview).json()["is_valid"], True)
        soup = BeautifulSoup(self.client.get(preview_path).content, "html.parser")
        self.assertIn("Museum B", soup.find("section", class_="award-winner").text)  # as edited
        self.client.logout()
        live = BeautifulSoup(self.client.get(edition.url).content, "html.parser")
        self.assertIn("Museum A", live.find("section", class_="award-winner").text)  # as saved

    def test_two_winners_are_refused_with_a_message(self):
        url = f"/admin/pages/add/awards/awardeditionpage/{self.award.pk}/"
        response = self.client.post(
            url, self._data([(self.a, Stage.WINNER, None), (self.b, Stage.WINNER, None)])
        )
        self.assertEqual(response.status_code, 200)  # the form comes back with errors
        self.assertContains(response, "at most one winner")
        self.assertFalse(AwardEditionPage.objects.filter(slug="2030").exists())

    def test_winner_with_fewer_votes_and_dates_out_of_order_are_refused(self):
        url = f"/admin/pages/add/awards/awardeditionpage/{self.award.pk}/"
        data = self._data(
            [(self.a, Stage.WINNER, 10), (self.b, Stage.NOMINEE, 20)],
            applications_open="2030-05-01",
            applications_close="2030-04-01",
        )
        response = self.client.post(url, data)
        self.assertContains(response, "most votes")
        self.assertContains(response, "cannot be before")
        self.assertFalse(AwardEditionPage.objects.filter(slug="2030").exists())


class NominationReportTests(WagtailPageTestCase):
    def setUp(self):
        import io

        from django.core.management.color import no_style

        from core.seeding import SeedContext
        from home.demo import site

        ctx = SeedContext(io.StringIO(), no_style(), verbosity=0)
        site(ctx)
        museum_index = MuseumIndexPageFactory(parent=ctx.home)
        self.museum = MuseumPageFactory(parent=museum_index, title="Rapportmuseum")
        award = AwardPageFactory(parent=AwardsIndexPageFactory(parent=ctx.home))
        AwardEditionPageFactory(
            parent=award, year=2024, title="Rapporteditie 2024", nominations=[(self.museum, Stage.WINNER, 10)]
        )
        AwardEditionPageFactory(
            parent=award, year=2023, title="Rapporteditie 2023", nominations=[(self.museum, Stage.LONGLIST)]
        )
        self.login()

    def test_report_lists_and_filters_nominations(self):
        response = self.client.get("/admin/reports/award-nominations/")
        self.assertContains(response, "Rapporteditie 2024")
        self.assertContains(response, "Rapporteditie 2023")
        response = self.client.get("/admin/reports/award-nominations/?stage=winner")
        self.assertContains(response, "Rapporteditie 2024")
        self.assertNotContains(response, "Rapporteditie 2023")

    def test_report_exports_csv(self):
        response = self.client.get("/admin/reports/award-nominations/?export=csv")
        self.assertEqual(response.status_code, 200)
        content = (
            b"".join(response.streaming_content).decode() if response.streaming else response.content.decode()
        )
        self.assertIn("Rapportmuseum,Rapporteditie 2024,2024,winner,10", content)
