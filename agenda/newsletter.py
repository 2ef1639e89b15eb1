"""The agenda for the newsletter (e-mail-safe HTML) and ready-to-post LinkedIn texts.

An export goes out to everyone: it holds what the public may see (``Visibility.public()``) and
links public addresses (``core.links``; ``manage.py agenda_newsletter --base-url`` may put them
on another host).
"""

from datetime import timedelta

from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.html import strip_tags

from core.links import page_path, page_url, public_url
from core.visibility import Visibility

from .choices import AttendanceMode
from .filters import query_data
from .queries import filtered_occurrences, next_occurrence

MAX_WEEKS = 26
MAX_ITEMS = 200


def newsletter_occurrences(locale_code, filters, weeks, now=None):
    """``(occurrences, errors)`` of the coming ``weeks`` for ``filters`` (the page's filter
    names, each a value or a list)."""
    now = now or timezone.now()
    data = {name: value for name, value in filters.items() if name not in ("from", "to")}
    data["from"] = now.isoformat(timespec="minutes")
    data["to"] = (now + timedelta(weeks=weeks)).isoformat(timespec="minutes")
    queryset, errors, _filterset = filtered_occurrences(
        locale_code, query_data(data), default="all", visibility=Visibility.public()
    )
    if errors:
        return [], errors
    return list(queryset.prefetch_related("event__themes")[:MAX_ITEMS]), {}


def _link(event, base_url=None):
    path = page_path(event)
    if path is None:
        return None
    return base_url.rstrip("/") + path if base_url else public_url(path)


def newsletter_html(occurrences, *, title, locale_code="nl", base_url=None):
    """A table-based HTML snippet with inline styles that e-mail clients render reliably; links
    on ``PUBLIC_BASE_URL`` unless ``base_url`` is given."""
    with translation.override(locale_code):
        items = [
            {"occurrence": o, "url": _link(o.event, base_url), "where": _where(o.event)} for o in occurrences
        ]
        return render_to_string("agenda/newsletter_snippet.html", {"items": items, "title": title}).strip()


def _where(event):
    venue = event.get_venue()
    if event.attendance_mode == AttendanceMode.ONLINE or venue is None:
        return translation.gettext("Online")
    place = venue["city"] or venue["name"]
    return place + (
        " " + translation.gettext("and online") if event.attendance_mode == AttendanceMode.MIXED else ""
    )


def linkedin_text(event, request=None):
    """A ready-to-post text for LinkedIn: title, when, where, a sentence and the link."""
    occurrence = next_occurrence(event)
    when = occurrence.human_when() if occurrence else ""
    venue = event.get_venue()
    where = (
        translation.gettext("Online")
        if event.attendance_mode == AttendanceMode.ONLINE
        else (", ".join(p for p in (venue["name"], venue["city"]) if p) if venue else "")
    )
    lines = [
        event.title,
        f"🗓 {when}" if when else "",
        f"📍 {where}" if where else "",
        "",
        strip_tags(event.intro or event.get_listing_summary()),
        "",
        page_url(event, request) or "",
    ]
    tags = ["#musea", "#" + event.event_type.replace("-", "")]
    tags += ["#" + theme.slug.replace("-", "") for theme in event.themes.all()]
    lines.append(" ".join(dict.fromkeys(tags)))
    text = "\n".join(lines)
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text.strip()


def linkedin_texts(occurrences, request=None, locale_code="nl"):
    """One text per event (its first occurrence in the list)."""
    seen, texts = set(), []
    with translation.override(locale_code):
        for occurrence in occurrences:
            if occurrence.event_id in seen:
                continue
            seen.add(occurrence.event_id)
            texts.append({"event": occurrence.event, "text": linkedin_text(occurrence.event, request)})
    return texts
