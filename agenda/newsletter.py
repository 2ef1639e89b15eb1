"""The agenda for the newsletter (e-mail-safe HTML) and ready-to-post LinkedIn texts."""

from datetime import timedelta

from django.template.loader import render_to_string
from django.utils import timezone, translation

from .queries import filtered_occurrences

MAX_WEEKS = 26
MAX_ITEMS = 200


def newsletter_occurrences(locale_code, filters, weeks, now=None):
    """Occurrences of the coming ``weeks`` for ``filters`` (a dict like the page's query)."""
    now = now or timezone.now()
    data = {k: v for k, v in filters.items() if k not in ("from", "to") and v not in (None, "", [])}
    data["from"] = now.isoformat(timespec="minutes")
    data["to"] = (now + timedelta(weeks=weeks)).isoformat(timespec="minutes")
    queryset, errors, _filterset = filtered_occurrences(locale_code, _MultiValue(data))
    if errors:
        return [], errors
    return list(queryset.prefetch_related("event__themes")[:MAX_ITEMS]), {}


class _MultiValue(dict):
    def getlist(self, key, default=None):
        value = self.get(key, default if default is not None else [])
        return value if isinstance(value, list) else [value]


def newsletter_html(occurrences, *, base_url, title, locale_code="nl"):
    """A table-based HTML snippet with inline styles that e-mail clients render reliably."""
    with translation.override(locale_code):
        items = [
            {
                "occurrence": o,
                "url": base_url.rstrip("/") + (o.event.url or ""),
                "where": _where(o.event),
            }
            for o in occurrences
        ]
        return render_to_string("agenda/newsletter_snippet.html", {"items": items, "title": title}).strip()


def _where(event):
    venue = event.get_venue()
    if event.attendance_mode == "online" or venue is None:
        return translation.gettext("Online")
    place = venue["city"] or venue["name"]
    return place + (" " + translation.gettext("and online") if event.attendance_mode == "mixed" else "")


def linkedin_texts(occurrences, request=None, locale_code="nl"):
    """One text per event (its first occurrence in the list)."""
    seen, texts = set(), []
    with translation.override(locale_code):
        for occurrence in occurrences:
            if occurrence.event_id in seen:
                continue
            seen.add(occurrence.event_id)
            texts.append({"event": occurrence.event, "text": occurrence.event.linkedin_text(request)})
    return texts
