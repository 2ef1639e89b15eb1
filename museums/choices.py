"""Fixed lists of the museums app (TextChoices; codes are stable, labels translated)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Province(models.TextChoices):
    """The 12 provinces, the three special municipalities and the three Caribbean countries,
    by their ISO 3166-2 code."""

    DRENTHE = "NL-DR", _("Drenthe")
    FLEVOLAND = "NL-FL", _("Flevoland")
    FRYSLAN = "NL-FR", _("Friesland")
    GELDERLAND = "NL-GE", _("Gelderland")
    GRONINGEN = "NL-GR", _("Groningen")
    LIMBURG = "NL-LI", _("Limburg")
    NOORD_BRABANT = "NL-NB", _("Noord-Brabant")
    NOORD_HOLLAND = "NL-NH", _("Noord-Holland")
    OVERIJSSEL = "NL-OV", _("Overijssel")
    UTRECHT = "NL-UT", _("Utrecht")
    ZEELAND = "NL-ZE", _("Zeeland")
    ZUID_HOLLAND = "NL-ZH", _("Zuid-Holland")
    BONAIRE = "NL-BQ1", _("Bonaire")
    SABA = "NL-BQ2", _("Saba")
    SINT_EUSTATIUS = "NL-BQ3", _("Sint Eustatius")
    ARUBA = "NL-AW", _("Aruba")
    CURACAO = "NL-CW", _("Curaçao")
    SINT_MAARTEN = "NL-SX", _("Sint Maarten")


CARIBBEAN_PROVINCES = frozenset(
    {
        Province.BONAIRE,
        Province.SABA,
        Province.SINT_EUSTATIUS,
        Province.ARUBA,
        Province.CURACAO,
        Province.SINT_MAARTEN,
    }
)


def country_of(province):
    """ISO 3166-1 country of a province code: NL, BQ (Caribbean Netherlands), AW, CW or SX."""
    region = province.split("-", 1)[1] if province else ""
    if region.startswith("BQ"):
        return "BQ"
    return region if region in {"AW", "CW", "SX"} else "NL"


class MuseumTimeZone(models.TextChoices):
    """IANA zones of the Kingdom: the Caribbean islands keep UTC−4 all year."""

    AMSTERDAM = "Europe/Amsterdam", _("Europe/Amsterdam (the Netherlands)")
    KRALENDIJK = "America/Kralendijk", _("America/Kralendijk (Bonaire, Saba, Sint Eustatius)")
    ARUBA = "America/Aruba", _("America/Aruba (Aruba)")
    CURACAO = "America/Curacao", _("America/Curacao (Curaçao)")
    LOWER_PRINCES = "America/Lower_Princes", _("America/Lower_Princes (Sint Maarten)")


# The zone a museum in each province uses unless the editor picks another.
PROVINCE_TIME_ZONES = {
    Province.BONAIRE: MuseumTimeZone.KRALENDIJK,
    Province.SABA: MuseumTimeZone.KRALENDIJK,
    Province.SINT_EUSTATIUS: MuseumTimeZone.KRALENDIJK,
    Province.ARUBA: MuseumTimeZone.ARUBA,
    Province.CURACAO: MuseumTimeZone.CURACAO,
    Province.SINT_MAARTEN: MuseumTimeZone.LOWER_PRINCES,
}


class Category(models.TextChoices):
    ART = "art", _("Art")
    HISTORY = "history", _("History")
    SCIENCE_TECHNOLOGY = "science-technology", _("Science & technology")
    NATURE = "nature", _("Nature")
    ARCHAEOLOGY = "archaeology", _("Archaeology")
    ETHNOLOGY = "ethnology", _("World cultures")
    ARCHITECTURE_DESIGN = "architecture-design", _("Architecture & design")
    PHOTOGRAPHY_FILM = "photography-film", _("Photography & film")
    MARITIME = "maritime", _("Maritime")
    TRANSPORT = "transport", _("Transport & aviation")
    OPEN_AIR = "open-air", _("Open-air museum")
    REGIONAL = "regional", _("Regional & local history")
    CHILDREN = "children", _("For children")


class AccessibilityGroup(models.TextChoices):
    """The four groups of the Amsterdam accessibility icon set."""

    MOBILITY = "mobility", _("Mobility")
    VISUAL = "visual", _("Visual")
    AUDITORY = "auditory", _("Auditory")
    STIMULUS = "stimulus", _("Stimulus-sensitive")


class Accessibility(models.TextChoices):
    STEP_FREE = "step-free", _("Step-free access")
    ACCESSIBLE_TOILET = "accessible-toilet", _("Accessible toilet")
    WHEELCHAIR_LOAN = "wheelchair-loan", _("Wheelchairs on loan")
    LIFT = "lift", _("Lift to all floors")
    SEATING = "seating", _("Seating throughout")
    AUDIO_DESCRIPTION = "audio-description", _("Audio description")
    TACTILE = "tactile", _("Tactile objects or maps")
    LARGE_PRINT = "large-print", _("Large-print texts")
    ASSISTANCE_DOGS = "assistance-dogs", _("Assistance dogs welcome")
    SIGN_LANGUAGE_TOURS = "sign-language-tours", _("Sign-language tours")
    INDUCTION_LOOP = "induction-loop", _("Induction loop")
    SUBTITLED_VIDEO = "subtitled-video", _("Subtitled video")
    QUIET_HOURS = "quiet-hours", _("Quiet hours")
    QUIET_ROOM = "quiet-room", _("Quiet room")
    SENSORY_MAP = "sensory-map", _("Sensory map")
    EAR_DEFENDERS = "ear-defenders", _("Ear defenders on loan")


ACCESSIBILITY_GROUPS = {
    Accessibility.STEP_FREE: AccessibilityGroup.MOBILITY,
    Accessibility.ACCESSIBLE_TOILET: AccessibilityGroup.MOBILITY,
    Accessibility.WHEELCHAIR_LOAN: AccessibilityGroup.MOBILITY,
    Accessibility.LIFT: AccessibilityGroup.MOBILITY,
    Accessibility.SEATING: AccessibilityGroup.MOBILITY,
    Accessibility.AUDIO_DESCRIPTION: AccessibilityGroup.VISUAL,
    Accessibility.TACTILE: AccessibilityGroup.VISUAL,
    Accessibility.LARGE_PRINT: AccessibilityGroup.VISUAL,
    Accessibility.ASSISTANCE_DOGS: AccessibilityGroup.VISUAL,
    Accessibility.SIGN_LANGUAGE_TOURS: AccessibilityGroup.AUDITORY,
    Accessibility.INDUCTION_LOOP: AccessibilityGroup.AUDITORY,
    Accessibility.SUBTITLED_VIDEO: AccessibilityGroup.AUDITORY,
    Accessibility.QUIET_HOURS: AccessibilityGroup.STIMULUS,
    Accessibility.QUIET_ROOM: AccessibilityGroup.STIMULUS,
    Accessibility.SENSORY_MAP: AccessibilityGroup.STIMULUS,
    Accessibility.EAR_DEFENDERS: AccessibilityGroup.STIMULUS,
}


def accessibility_by_group(codes):
    """``[(AccessibilityGroup, [Accessibility, ...]), ...]`` for feature codes: the groups in
    their fixed order, each with its features in the order given; empty groups left out."""
    groups = {group: [] for group in AccessibilityGroup}
    for code in codes:
        feature = Accessibility(code)
        groups[ACCESSIBILITY_GROUPS[feature]].append(feature)
    return [(group, features) for group, features in groups.items() if features]


class CoordinatesPrecision(models.TextChoices):
    EXACT = "exact", _("Exact (the building)")
    APPROXIMATE = "approximate", _("Approximate (town or city centre)")


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")
