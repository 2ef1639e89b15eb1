"""What every RSS feed of the site shares: dates from the content, never from the clock."""

from datetime import UTC, datetime

from django.utils.feedgenerator import Rss201rev2Feed

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
