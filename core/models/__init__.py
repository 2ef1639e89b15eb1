from .backlog import SearchIndexBacklog
from .base import BasePage
from .changes import Change, ChangeFeedState
from .reviews import TranslationReview
from .settings import SiteSettings
from .taxonomy import Dossier, Organisation, Theme

__all__ = [
    "BasePage",
    "Change",
    "ChangeFeedState",
    "Dossier",
    "Organisation",
    "SearchIndexBacklog",
    "SiteSettings",
    "Theme",
    "TranslationReview",
]
