"""Lists that narrow what they depend on (``core.cachetags.narrow``): a feed of one event type
shows the agenda page's own content and events of that type, so a change of an event of another
type leaves it alone, in the page cache as in the static export, while every change that can alter
it (an event of its type published, renamed, moved to another type, unpublished, a new one) shows
on the next request and in the next incremental export.
"""

import datetime

import pytest
from django.test import Client

from agenda.factories import AgendaIndexPageFactory, EventPageFactory
from agenda.models import EventPage
from core import export as static_export
from core.cachetags import collecting, depends_on, narrow, own_tag, page_tag, stop_collecting
from core.dependencies import facet_tag, page_dependents
from core.links import public_url
from home.models import HomePage
from knowledge.factories import ArticlePageFactory, DossierPageFactory, KnowledgeIndexPageFactory
from knowledge.models import ArticlePage
from tests.test_export import _changed, _export, _served, _tree

pytestmark = pytest.mark.django_db


def test_narrow_replaces_the_page_tag_with_its_own_content_and_the_groups():
    collector, token = collecting()
    try:
        depends_on(page_tag(7), page_tag(8), "chrome")
        narrow(7, "facet:agenda.eventpage:event_type=webinar")
        depends_on(page_tag(7))  # a kept fragment read later: still narrowed
    finally:
        stop_collecting(token)
    assert collector.tags == {own_tag(7), page_tag(8), "chrome", "facet:agenda.eventpage:event_type=webinar"}


@pytest.fixture
def agenda(site_root):
    page = AgendaIndexPageFactory(parent=site_root, title="Agenda", slug="agenda")
    page.save_revision().publish()
    return page


def _event(agenda, title, kind, days=10):
    page = EventPageFactory(
        parent=agenda,
        title=title,
        event_type=kind,
        start_date=datetime.date.today() + datetime.timedelta(days=days),
    )
    page.save_revision().publish()
    return EventPage.objects.get(pk=page.pk)


def _republish(page, **fields):
    page = type(page).objects.get(pk=page.pk)
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return page


def test_a_change_bumps_the_facet_of_the_events_type_as_it_is_now(agenda):
    event = _event(agenda, "Congres", "congress")
    tags = page_dependents(event, urls=False).tags
    assert facet_tag(EventPage, "event_type", "congress") in tags
    assert facet_tag(EventPage, "event_type", "webinar") not in tags
    assert own_tag(event) in tags and own_tag(agenda) not in tags and page_tag(agenda) in tags


def test_a_feed_of_one_type_is_kept_when_an_event_of_another_type_changes(agenda):
    congress = _event(agenda, "Congres zeldzaam", "congress")
    webinar = _event(agenda, "Webinar zeldzaam", "webinar")
    client = Client()
    feeds = {
        kind: [f"/agenda/{feed}/?type={kind}" for feed in ("ical", "rss")]
        for kind in ("congress", "webinar", "training")
    }
    everything = ["/agenda/ical/", "/agenda/rss/", "/agenda/aanmelden/bedankt/"]
    addresses = [url for urls in feeds.values() for url in urls] + everything
    for url in addresses:
        assert client.get(url).status_code == 200, url
        assert client.get(url)["X-Cache"] == "hit", url

    def state():
        return {url: client.get(url) for url in addresses}

    # A congress renamed: its type's feeds and the unfiltered ones change, the others are hits.
    congress = _republish(congress, title="Congres hernoemd")
    now = state()
    for url in feeds["congress"] + everything[:2]:
        assert b"Congres hernoemd" in now[url].content and now[url]["X-Cache"] == "miss", url
    for url in feeds["webinar"] + feeds["training"] + everything[2:]:
        assert now[url]["X-Cache"] == "hit", url

    # The webinar becomes a training: it leaves the webinar feeds (which showed it) and joins
    # the training feeds (which did not).
    _republish(webinar, event_type="training")
    now = state()
    for url in feeds["webinar"]:
        assert b"Webinar zeldzaam" not in now[url].content, url
    for url in feeds["training"]:
        assert b"Webinar zeldzaam" in now[url].content, url
    for url in feeds["congress"]:
        assert now[url]["X-Cache"] == "hit", url

    # A new congress joins its feeds; unpublished, it leaves them.
    newcomer = _event(agenda, "Tweede congres", "congress", days=20)
    now = state()
    assert all(b"Tweede congres" in now[url].content for url in feeds["congress"])
    assert all(now[url]["X-Cache"] == "hit" for url in feeds["training"])
    newcomer.unpublish()
    now = state()
    assert not any(b"Tweede congres" in now[url].content for url in feeds["congress"])
    # The agenda page itself renamed: every feed of it shows its new title.
    agenda.title = "Activiteiten"
    agenda.save_revision().publish()
    now = state()
    assert all(now[url]["X-Cache"] == "miss" for url in addresses), addresses


def test_the_incremental_export_rewrites_the_feeds_of_the_changed_events_type_only(agenda, tmp_path):
    congress = _event(agenda, "Congres zeldzaam", "congress")
    _event(agenda, "Webinar zeldzaam", "webinar")
    out = tmp_path / "site"
    _export(out)

    def feed(kind, name="ical", suffix="ics"):
        return f"agenda/{name}/_q/type={kind}/index.{suffix}"

    assert "Congres zeldzaam" in (out / feed("congress")).read_text()
    _republish(congress, title="Congres hernoemd")
    _result, rewritten, _before = _changed(out)
    assert {feed("congress"), feed("congress", "rss", "rss"), "agenda/ical/index.ics"} <= rewritten
    assert "Congres hernoemd" in (out / feed("congress")).read_text()
    untouched = {
        feed("webinar"),
        feed("webinar", "rss", "rss"),
        feed("training"),
        "agenda/aanmelden/bedankt/index.html",
    }
    assert not untouched & rewritten, sorted(untouched & rewritten)
    # The 404 pages show the chrome alone (and say so): an event does not change them.
    assert "404.html" not in rewritten and "en/404.html" not in rewritten

    _republish(congress, event_type="webinar")
    _result, rewritten, _before = _changed(out)
    assert {feed("congress"), feed("webinar")} <= rewritten
    assert "Congres hernoemd" not in (out / feed("congress")).read_text()
    assert "Congres hernoemd" in (out / feed("webinar")).read_text()
    assert feed("training") not in rewritten

    # The incremental result is what a full export writes.
    incremental = _tree(out)
    _export(out)
    assert _served(incremental) == _served(_tree(out))
    assert static_export.read_manifest(out)


def test_a_knowledge_feed_of_one_kind_follows_articles_of_that_kind_only(site_root):
    index = KnowledgeIndexPageFactory(parent=site_root)
    index.save_revision().publish()
    dossier = DossierPageFactory(parent=index, title="Duurzaamheid")
    dossier.save_revision().publish()

    def article(title, kind):
        page = ArticlePageFactory(parent=dossier, title=title, kind=kind)
        page.save_revision().publish()
        return ArticlePage.objects.get(pk=page.pk)

    guide = article("Handleiding zeldzaam", "guide")
    news = article("Nieuws zeldzaam", "news")
    client = Client()
    addresses = ["/kennisbank/rss/?kind=guide", "/kennisbank/rss/?kind=news", "/kennisbank/rss/"]
    for url in addresses:
        client.get(url)
        assert client.get(url)["X-Cache"] == "hit", url

    guide = _republish(guide, title="Handleiding hernoemd")
    now = {url: client.get(url) for url in addresses}
    assert b"Handleiding hernoemd" in now["/kennisbank/rss/?kind=guide"].content
    assert b"Handleiding hernoemd" in now["/kennisbank/rss/"].content
    assert now["/kennisbank/rss/?kind=news"]["X-Cache"] == "hit"

    # The news item becomes a guide: it leaves the news feed and joins the guides'.
    _republish(news, kind="guide")
    now = {url: client.get(url) for url in addresses}
    assert b"Nieuws zeldzaam" not in now["/kennisbank/rss/?kind=news"].content
    assert b"Nieuws zeldzaam" in now["/kennisbank/rss/?kind=guide"].content
    # A new guide joins; the knowledge page renamed shows in every feed of it.
    article("Tweede handleiding", "guide")
    assert b"Tweede handleiding" in client.get("/kennisbank/rss/?kind=guide").content
    index.title = "Kennisbank vernieuwd"
    index.save_revision().publish()
    assert all(b"Kennisbank vernieuwd" in client.get(url).content for url in addresses)


def test_the_home_page_follows_the_pages_it_features_not_every_page_below_it(agenda, site_root):
    """The home page shows its own content and the pages it chooses (``shows_pages_below =
    False``): a change below it that it does not show keeps its cached response, and the CDN
    purge does not name it; a change of a featured page does both."""
    featured = _event(agenda, "Uitgelicht zeldzaam", "congress")
    other = _event(agenda, "Niet uitgelicht zeldzaam", "webinar")
    home = HomePage.objects.get(pk=site_root.pk)
    home.featured_items.create(page=featured, sort_order=0)
    home.save_revision().publish()
    home_url = public_url("/")
    client = Client()
    first = client.get("/")
    assert b"Uitgelicht zeldzaam" in first.content and b"Niet uitgelicht" not in first.content
    assert client.get("/")["X-Cache"] == "hit"

    _republish(other, title="Niet uitgelicht hernoemd")
    assert client.get("/")["X-Cache"] == "hit"
    assert home_url not in page_dependents(other).urls

    _republish(featured, title="Uitgelicht hernoemd")
    assert home_url in page_dependents(featured).urls
    response = client.get("/")
    assert response["X-Cache"] == "miss" and b"Uitgelicht hernoemd" in response.content
    EventPage.objects.get(pk=featured.pk).unpublish()
    assert b"Uitgelicht hernoemd" not in client.get("/").content
    # Its own change (a new hero title) as ever.
    _republish(home, hero_title="Welkom zeldzaam")
    assert b"Welkom zeldzaam" in client.get("/").content
