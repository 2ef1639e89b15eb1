from .exhibition import ExhibitionPage
from .hours import OpeningHoursException, WeeklyOpeningHours
from .index import MuseumIndexPage
from .lookups import AccessibilityFeature, MuseumCategory
from .museum import MuseumGalleryImage, MuseumPage

__all__ = [
    "AccessibilityFeature",
    "ExhibitionPage",
    "MuseumCategory",
    "MuseumGalleryImage",
    "MuseumIndexPage",
    "MuseumPage",
    "OpeningHoursException",
    "WeeklyOpeningHours",
]
