"""The RSS feed of new knowledge items, honouring the listing's filters.

Feeds are read by aggregators without a login and cached for everyone: they show what the
public may see (``Visibility.public()``), their links are public addresses (``core.links``)
and their cache headers the ``feed`` preset.
"""

import datetime

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.cachetags import depends_on, narrow, page_tag, type_tag
from core.dependencies import facet_tag
from core.feeds import ContentDatedRssFeed
from core.http import cache_headers
from core.languages import text_language
from core.links import page_url, public_url
from core.models import Dossier
from core.visibility import Visibility

from .choices import ArticleKind
from .context import clean_params, filtered_articles

FEED_LENGTH = 30


def narrow_to_kind(index_page, params, articles):
    """A feed of one kind shows the knowledge page's own content and articles of that kind only:
    it depends on them (``core.cachetags.narrow``: the articles shown, their dossiers' names, and
    any article of that kind that could join), not on every page below the knowledge page."""
    kind = params.get("kind")
    if kind in ArticleKind.values:
        narrow(index_page, facet_tag("knowledge.articlepage", "kind", kind))
        depends_on(type_tag(Dossier), *(page_tag(article) for article in articles))


def article_feed(request, index_page):
    visibility = Visibility.public()
    params = clean_params(request.GET)
    _filterset, queryset, errors = filtered_articles(
        params, index_page.locale, index_page.get_articles(), visibility
    )
    if errors:
        response = HttpResponse("\n".join(errors), status=400, content_type="text/plain; charset=utf-8")
        return cache_headers(response, "private")
    articles = list(visibility.filter(queryset).prefetch_related("dossiers")[:FEED_LENGTH])
    narrow_to_kind(index_page, params, articles)
    feed = ContentDatedRssFeed(
        built=index_page.last_published_at,
        title=f"{index_page.title}: " + _("new knowledge items"),
        link=page_url(index_page, request),
        description=index_page.get_meta_description() or index_page.title,
        language=index_page.locale.language_code,
        feed_url=public_url(request.get_full_path()),
    )
    for article in articles:
        published = timezone.make_aware(datetime.datetime.combine(article.publication_date, datetime.time(9)))
        link = page_url(article, request)
        feed.add_item(
            title=article.title,
            link=link,
            description=article.get_listing_summary(),
            unique_id=link,
            unique_id_is_permalink=True,
            pubdate=published,
            updateddate=article.last_published_at,
            categories=[str(article.get_kind_display())] + [d.name for d in article.dossiers.all()],
            content_language=text_language(article, index_page.locale.language_code),
        )
    response = HttpResponse(feed.writeString("utf-8"), content_type="application/rss+xml; charset=utf-8")
    return cache_headers(response, "feed")
