"""The RSS 2.0 feed of the agenda, with Django's syndication feed generator."""

from django.http import HttpResponse
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.html import escape, strip_tags


class EventRssFeed(Rss201rev2Feed):
    content_type = "application/rss+xml; charset=utf-8"


def build_rss(occurrences, request, *, title, link, description, language):
    feed = EventRssFeed(
        title=title,
        link=link,
        description=description,
        language=language,
        feed_url=request.build_absolute_uri(),
    )
    for occurrence in occurrences:
        event = occurrence.event
        url = event.get_full_url(request)
        when = occurrence.human_when()
        where = event.location_text()
        summary = strip_tags(event.intro or event.get_listing_summary())
        parts = [f"<p><strong>{escape(when)}</strong></p>"]
        if where:
            parts.append(f"<p>{escape(where)}</p>")
        if summary:
            parts.append(f"<p>{escape(summary)}</p>")
        status = event.get_status_display() if event.status != "scheduled" else ""
        feed.add_item(
            title=f"{event.title} ({when})" + (f" [{status}]" if status else ""),
            link=url,
            description="".join(parts),
            unique_id=occurrence.uid,
            unique_id_is_permalink=False,
            pubdate=event.first_published_at,
            updateddate=event.last_published_at,
            categories=[event.get_event_type_display()],
        )
    response = HttpResponse(content_type=feed.content_type)
    feed.write(response, "utf-8")
    response["Cache-Control"] = "public, max-age=300"
    return response
