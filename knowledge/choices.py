"""Choices of the knowledge base."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ArticleKind(models.TextChoices):
    ARTICLE = "article", _("article")
    GUIDE = "guide", _("guide")
    REPORT = "report", _("report")
    TOOLKIT = "toolkit", _("toolkit")
    ADVICE = "advice", _("advice")
    NEWS = "news", _("news")


class FigureUnit(models.TextChoices):
    COUNT = "count", _("number")
    PERCENT = "percent", _("percentage")


class FigureKey(models.TextChoices):
    """The structured Museumcijfers, one value per year each."""

    TOTAL_VISITS = "total_visits", _("total museum visits")
    FOREIGN_VISITS = "foreign_visits", _("visits by foreign visitors")
    YOUTH_VISITS = "youth_visits", _("visits by people aged 18 or under")
    YOUTH_SHARE = "youth_share", _("share of visits by people aged 18 or under")
    MUSEUMS = "museums", _("number of museums")
    MEMBERS = "members", _("member museums of the association")
    MUSEUMKAART_VISITS = "museumkaart_visits", _("Museumkaart visits")
    MUSEUMKAART_HOLDERS = "museumkaart_holders", _("Museumkaart holders")


FIGURE_UNITS = {
    FigureKey.YOUTH_SHARE: FigureUnit.PERCENT,
}


def unit_for(key):
    return FIGURE_UNITS.get(key, FigureUnit.COUNT)
