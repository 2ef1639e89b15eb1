"""The RSS feed of new knowledge items, honouring the listing's filters.

Only live, public items appear: feeds are read by aggregators without a login.
"""

import datetime

from django.http import HttpResponse
from django.utils import feedgenerator, timezone
from django.utils.translation import gettext as _

from .listing import clean_params, filtered_articles

FEED_LENGTH = 30


def article_feed(request, index_page):
    params = clean_params(request.GET)
    filterset, queryset, errors = filtered_articles(params, index_page.locale, None)
    if errors:
        response = HttpResponse("\n".join(errors), status=400, content_type="text/plain; charset=utf-8")
        response["Cache-Control"] = "no-cache"
        return response
    articles = list(queryset.public()[:FEED_LENGTH])
    feed = feedgenerator.Rss201rev2Feed(
        title=f"{index_page.title}: " + _("new knowledge items"),
        link=index_page.get_full_url(request),
        description=index_page.get_meta_description() or index_page.title,
        language=index_page.locale.language_code,
        feed_url=request.build_absolute_uri(),
    )
    for article in articles:
        published = timezone.make_aware(datetime.datetime.combine(article.publication_date, datetime.time(9)))
        feed.add_item(
            title=article.title,
            link=article.get_full_url(request),
            description=article.get_listing_summary(),
            unique_id=article.get_full_url(request),
            unique_id_is_permalink=True,
            pubdate=published,
            updateddate=article.last_published_at,
            categories=[str(article.get_kind_display())] + [d.name for d in article.dossiers.all()],
        )
    response = HttpResponse(content_type="application/rss+xml; charset=utf-8")
    feed.write(response, "utf-8")
    response["Cache-Control"] = "public, max-age=600"
    return response
