"""What the museum page template shows: hours, exhibitions and accessibility."""

from django.utils import timezone

from .serializers import accessibility, exhibitions_of


def museum_context(page, request, now=None):
    now = now or timezone.now()
    local = page.local_now(now)
    today = local.date()
    exhibitions = exhibitions_of(page, today)
    return {
        "now_local": local,
        "open_now": page.is_open(now),
        "today_hours": page.schedule.hours_on(today),
        "week_hours": page.schedule.week(today),
        "next_opening": page.next_opening(now),
        "current_exhibitions": [e for e in exhibitions if e.status(today) == "current"],
        "upcoming_exhibitions": [e for e in exhibitions if e.status(today) == "upcoming"],
        "accessibility_groups": accessibility(page.accessibility_features.all()),
    }
