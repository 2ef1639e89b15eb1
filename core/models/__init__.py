from .base import BasePage
from .settings import SiteSettings
from .taxonomy import Dossier, Organisation, Theme

__all__ = ["BasePage", "Dossier", "Organisation", "SiteSettings", "Theme"]
