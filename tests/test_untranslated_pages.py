"""A page not translated yet: the English site shows the Dutch page (an alias) as Dutch text,
says so, and points search engines at the Dutch page; translated pages name the Dutch one as
``x-default``."""

import io
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from wagtail.models import Locale, Page, PageViewRestriction
from wagtail_localize.models import StringSegment, Translation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from agenda.factories import AgendaIndexPageFactory, EventPageFactory
from core import demo_en
from core.models import Dossier, Theme
from core.seeding import SeedContext
from home.demo import standard_pages
from home.factories import StandardPageFactory

BASE = settings.PUBLIC_BASE_URL


@pytest.fixture
def untranslated(site_root, en_home):
    page = StandardPageFactory(parent=site_root, title="Jaarplan", slug="jaarplan")
    page.copy_for_translation(en_home.locale, alias=True)
    return page


def _soup(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.django_db
def test_an_alias_shows_dutch_content_marked_as_dutch(client, untranslated):
    soup = _soup(client, "/en/jaarplan/")
    assert soup.html["lang"] == "en"  # the site around it is English
    main = soup.find("main")
    assert main["lang"] == "nl"  # what it shows is Dutch
    notice = main.find(class_="language-notice")
    assert notice["lang"] == "en"
    assert "Dutch" in notice.get_text()
    assert soup.find("link", rel="canonical")["href"] == f"{BASE}/jaarplan/"
    assert soup.find("meta", property="og:url")["content"] == f"{BASE}/jaarplan/"
    assert not soup.find_all("link", rel="alternate", hreflang=True)


@pytest.mark.django_db
def test_the_dutch_original_is_neither_marked_nor_redirected(client, untranslated):
    soup = _soup(client, "/jaarplan/")
    assert soup.html["lang"] == "nl"
    assert not soup.find("main").has_attr("lang")
    assert soup.find(class_="language-notice") is None
    assert soup.find("link", rel="canonical")["href"] == f"{BASE}/jaarplan/"


@pytest.mark.django_db
def test_translated_pages_name_every_language_and_the_default(client, site_root, en_home):
    page = StandardPageFactory(parent=site_root, title="Over ons", slug="over-ons")
    translation = page.copy_for_translation(en_home.locale)
    translation.title, translation.slug = "About us", "about-us"
    translation.save_revision().publish()
    for url in ("/over-ons/", "/en/about-us/"):
        soup = _soup(client, url)
        alternates = {link["hreflang"]: link["href"] for link in soup.find_all("link", rel="alternate")}
        assert alternates == {
            "nl": f"{BASE}/over-ons/",
            "en": f"{BASE}/en/about-us/",
            "x-default": f"{BASE}/over-ons/",
        }
        assert soup.find(class_="language-notice") is None


@pytest.mark.django_db
def test_english_readers_still_find_what_is_only_in_dutch(client, demo):
    home = Page.objects.get(depth=2, locale__language_code="nl")
    article = Page.objects.get(
        url_path=f"{home.url_path}kennisbank/duurzaamheid/klimaatbeheersing-met-bredere-marges/"
    )
    only_dutch = article.specific.copy(
        update_attrs={"title": "Alleen in het Nederlands", "slug": "alleen-in-het-nederlands"},
        keep_live=True,
        reset_translation_key=True,
    )
    only_dutch.copy_for_translation(Locale.objects.get(language_code="en"), alias=True)

    english = client.get("/api/v1/articles/", {"locale": "en", "limit": 100}).json()
    dutch = client.get("/api/v1/articles/", {"locale": "nl", "limit": 100}).json()
    assert english["count"] == dutch["count"]
    translated = set(
        Page.objects.filter(locale__language_code="en", alias_of__isnull=True).values_list(
            "translation_key", flat=True
        )
    )
    for item in english["items"]:
        page = Page.objects.get(pk=item["id"])
        assert item["locale"] in ("en", "nl")
        if item["locale"] == "nl":  # shown in Dutch only while no English translation exists
            assert page.translation_key not in translated
    assert [i["id"] for i in english["items"] if i["locale"] == "nl"] == [only_dutch.pk]

    soup = _soup(client, "/en/knowledge-base/")
    titles = soup.select(".knowledge-card .card__title")
    marked = [title for title in titles if title.get("lang") == "nl"]  # Dutch titles, marked as Dutch
    assert [title.get_text(strip=True) for title in marked] == ["Alleen in het Nederlands"]
    assert len(titles) > len(marked)


# --- The demo's English translations (wagtail-localize) ----------------------------------------


def _source_segments(source):
    return {
        (segment.context.path, segment.string.data)
        for segment in StringSegment.objects.filter(source=source).select_related("context", "string")
    }


def _live_segments(instance):
    return {
        (segment.path, segment.string.data)
        for segment in extract_segments(instance)
        if isinstance(segment, StringSegmentValue)
    }


@pytest.mark.django_db
def test_every_demo_page_and_snippet_is_translated_through_wagtail_localize(demo):
    en = Locale.objects.get(language_code="en")
    assert not Page.objects.filter(locale=en, alias_of__isnull=False).exists()  # no "only in Dutch"
    originals = [
        *Page.objects.filter(locale__language_code="nl", depth__gt=1).specific().order_by("path"),
        *Theme.objects.filter(locale__language_code="nl"),
        *Dossier.objects.filter(locale__language_code="nl"),
    ]
    assert len(originals) > 300
    for original in originals:
        source = TranslationSource.objects.get(object_id=original.translation_key, locale=original.locale)
        translation = Translation.objects.get(source=source, target_locale=en)
        total, translated = translation.get_progress()
        assert total == translated > 0, original  # no untranslated segment
        # The source is in step with the Dutch original as it is now.
        assert _source_segments(source) == _live_segments(original), original
        english = original.get_translation(en)
        if isinstance(english, Page):
            assert english.live and english.alias_of_id is None


ENGLISH_PAGES = {
    # English address -> what the page says in English (and the Dutch original does not).
    "/en/": "Stronger together for museums",
    "/en/about-us/": "What we do",
    "/en/privacy-statement/": "We keep data no longer than necessary.",
    "/en/events/": "Museum congress",
    "/en/events/museum-congress-2024/": "where the VriendenLoterij Museumprijs 2024 is presented",
    "/en/museums/": "Which museum can you visit",
    "/en/museums/rijksmuseum/": "Opening hours, accessibility and exhibitions on this page are demo data.",
    "/en/knowledge-base/sustainability/climate-control-with-wider-margins/": "What is it about?",
    "/en/knowledge-base/museum-figures/museum-figures-2023/": "The figures on museum visits in 2023.",
    "/en/awards/museum-prize/2015/": "per cent of the public vote",
    "/en/questions/ordering/how-long-does-it-take-before-i-have-my-card/": "within 5 to 8 working days",
    "/en/questions/my-museumkaart/what-can-i-do-in-my-museumkaart/": "change your address;",
}


@pytest.mark.django_db
def test_english_pages_show_english_text(client, demo):
    for url, text in ENGLISH_PAGES.items():
        response = client.get(url)
        assert response.status_code == 200, url
        soup = BeautifulSoup(response.content, "html.parser")
        assert text in soup.find("main").get_text(" "), url
        assert soup.html["lang"] == "en" and not soup.find("main").has_attr("lang"), url
        assert soup.find(class_="language-notice") is None, url


@pytest.fixture
def ctx():
    return SeedContext(io.StringIO())


@pytest.mark.django_db
def test_the_step_translates_once_and_leaves_a_page_without_english_text_in_dutch(ctx, site_root, en_home):
    standard_pages(ctx)  # two with the loader's earlier English copy, one without
    unknown = StandardPageFactory(parent=site_root, title="Jaarplan zonder vertaling", slug="jaarplan")
    demo_en.translate(ctx)
    en = en_home.locale
    privacy = Page.objects.get(locale=en, url_path__endswith="/privacy-statement/")
    assert privacy.title == "Privacy statement" and privacy.alias_of_id is None
    assert Page.objects.get(locale=en, url_path__endswith="/about-us/").title == "About us"
    assert unknown.get_translation_or_none(en) is None  # left to the English tree's alias
    assert "left in Dutch (no English text yet): 1" in ctx.stdout.getvalue()
    assert "Jaarplan zonder vertaling" in ctx.stdout.getvalue()

    created = ctx.created
    demo_en.translate(ctx)  # a second run changes nothing
    assert ctx.created == created


# --- The English agenda --------------------------------------------------------------------------


@pytest.fixture
def agendas(site_root, en_home):
    agenda = AgendaIndexPageFactory(parent=site_root, show_in_menus=True)
    english = agenda.copy_for_translation(en_home.locale)
    english.title, english.slug = "Events", "events"
    english.save_revision().publish()
    return agenda, english


@pytest.mark.django_db
def test_the_english_agenda_lists_untranslated_events_marked_as_dutch_and_never_a_hidden_one(
    client, agendas, en_home
):
    agenda, english_agenda = agendas
    translated = EventPageFactory(parent=agenda, title="Vertaald seminar")
    english = translated.copy_for_translation(en_home.locale)
    english.title = "Translated seminar"
    english.save_revision().publish()
    EventPageFactory(parent=agenda, title="Alleen Nederlands seminar")
    private = EventPageFactory(parent=agenda, title="Besloten ledenbijeenkomst")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    EventPageFactory(parent=agenda, title="Ingetrokken webinar").unpublish()
    EventPageFactory(parent=agenda, title="Concept netwerkdag", publish=False)

    soup = _soup(client, "/en/events/")
    titles = {card.get_text(strip=True): card for card in soup.select(".event-card__title")}
    assert set(titles) == {"Translated seminar", "Alleen Nederlands seminar"}
    assert not titles["Translated seminar"].has_attr("lang")
    dutch = titles["Alleen Nederlands seminar"]
    assert dutch["lang"] == "nl"
    assert "in Dutch" in dutch.find_parent("article").get_text()

    assert dutch.a["hreflang"] == "nl"

    rss = client.get("/en/events/rss/").content.decode()
    assert "Alleen Nederlands seminar" in rss and "Translated seminar" in rss
    # The Dutch-only item says its language (Dublin Core); the feed's own items need not.
    feed = ElementTree.fromstring(rss)
    languages = {
        item.findtext("title").split(" (")[0]: item.findtext("{http://purl.org/dc/elements/1.1/}language")
        for item in feed.iter("item")
    }
    assert languages == {"Translated seminar": None, "Alleen Nederlands seminar": "nl"}
    assert feed.findtext("channel/language") == "en"
    for hidden in ("Besloten", "Ingetrokken", "Concept", "Vertaald seminar"):
        assert hidden not in rss and hidden not in soup.get_text()

    items = client.get("/api/v1/events/", {"locale": "en"}).json()["items"]
    assert {(item["title"], item["locale"]) for item in items} == {
        ("Translated seminar", "en"),
        ("Alleen Nederlands seminar", "nl"),
    }
    # The Dutch agenda is as it was: Dutch events only.
    dutch_items = client.get("/api/v1/events/", {"locale": "nl"}).json()["items"]
    assert {item["title"] for item in dutch_items} == {"Vertaald seminar", "Alleen Nederlands seminar"}


# --- Search ---------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_english_search_marks_results_only_in_dutch(client, site_root, en_home):
    only_dutch = StandardPageFactory(parent=site_root, title="Zeldzame zoekterm jaarplan", slug="jaarplan")
    only_dutch.copy_for_translation(en_home.locale, alias=True)
    hidden = StandardPageFactory(parent=site_root, title="Zeldzame zoekterm besloten", slug="besloten")
    hidden.copy_for_translation(en_home.locale, alias=True)
    PageViewRestriction.objects.create(page=hidden, restriction_type=PageViewRestriction.LOGIN)

    soup = _soup(client, "/en/zoeken/?q=zeldzame")
    links = soup.select("main li a")
    assert [link.get_text(strip=True) for link in links] == ["Zeldzame zoekterm jaarplan"]
    assert links[0]["lang"] == "nl" and links[0]["href"] == "/en/jaarplan/"
    assert "in Dutch" in links[0].find_parent("li").get_text()

    body = client.get("/api/v1/search/", {"q": "zeldzame", "locale": "en"}).json()
    assert [(item["id"], item["locale"]) for item in body["items"]] == [(only_dutch.pk, "nl")]
    assert client.get("/api/v1/search/", {"q": "zeldzame", "locale": "nl"}).json()["count"] == 1
