"""The time zone a museum's hours are given in, in words: "Bonaire time (UTC−4)".

A museum's opening hours are wall-clock times of its own zone (``MuseumPage.timezone``); its page
shows the table, today's hours and the next opening all in that zone, and says which one. The
finder's "open now" asks each museum in its own zone too (``queries.open_at_q``).
"""

from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .choices import PROVINCE_TIME_ZONES, MuseumTimeZone, Province

# The zone named after the island when the museum keeps its island's zone.
PLACE_NAMES = {
    Province.BONAIRE: _("Bonaire time"),
    Province.SABA: _("Saba time"),
    Province.SINT_EUSTATIUS: _("Sint Eustatius time"),
    Province.ARUBA: _("Aruba time"),
    Province.CURACAO: _("Curaçao time"),
    Province.SINT_MAARTEN: _("Sint Maarten time"),
}
ZONE_NAMES = {
    MuseumTimeZone.AMSTERDAM: _("Dutch time"),
    MuseumTimeZone.KRALENDIJK: _("Caribbean time"),
    MuseumTimeZone.ARUBA: _("Aruba time"),
    MuseumTimeZone.CURACAO: _("Curaçao time"),
    MuseumTimeZone.LOWER_PRINCES: _("Sint Maarten time"),
}


def utc_offset(zone, at):
    """``UTC+1``, ``UTC−4`` (a true minus sign), ``UTC+5:30``: the offset of ``zone`` at ``at``."""
    offset = at.astimezone(ZoneInfo(zone)).utcoffset()
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "\u2212"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


def zone_name(zone, province=""):
    """The zone in words: the island's name when the museum keeps its island's zone."""
    if province and PROVINCE_TIME_ZONES.get(province) == zone:
        return str(PLACE_NAMES[province])
    return str(ZONE_NAMES.get(zone, zone))


def zone_label(zone, province, at):
    """``Bonaire time, UTC−4``: what the page says beside the hours."""
    return f"{zone_name(zone, province)}, {utc_offset(zone, at)}"


def differs_from_site(zone):
    """Whether a museum's zone is not the site's own (the finder's cards say so then)."""
    return bool(zone) and zone != settings.TIME_ZONE
