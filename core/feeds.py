"""What every RSS feed of the site shares: dates from the content, never from the clock."""

from datetime import UTC, datetime

from django.utils.feedgenerator import Rss201rev2Feed

DUBLIN_CORE = "http://purl.org/dc/elements/1.1/"

# An empty feed with nothing published to date it by: a fixed date, the same on every request.
NOTHING_PUBLISHED = datetime(2000, 1, 1, tzinfo=UTC)


class ContentDatedRssFeed(Rss201rev2Feed):
    """RSS 2.0 whose ``lastBuildDate`` is the newest item's date, or for an empty feed ``built``
    (the feed page's last publication): the same content gives the same bytes, which the feed's
    ``ETag`` and the static export (``core.export``) rely on. Django's own falls back to now."""

    content_type = "application/rss+xml; charset=utf-8"

    def __init__(self, *args, built=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.built = built

    def latest_post_date(self):
        dates = [
            item[name] for item in self.items for name in ("updateddate", "pubdate") if item[name] is not None
        ]
        return max(dates) if dates else (self.built or NOTHING_PUBLISHED)

    def rss_attributes(self):
        attributes = super().rss_attributes()
        if any(item.get("content_language") for item in self.items):
            attributes["xmlns:dc"] = DUBLIN_CORE
        return attributes

    def add_item_elements(self, handler, item):
        """An item whose text is in another language than the feed's (``content_language``, as
        ``core.languages.text_language`` gives it) says so in ``dc:language``."""
        super().add_item_elements(handler, item)
        if item.get("content_language"):
            handler.addQuickElement("dc:language", item["content_language"])
