"""Choices of the awards app."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Cycle(models.TextChoices):
    YEARLY = "yearly", _("every year")
    BIENNIAL = "biennial", _("every two years")
    IRREGULAR = "irregular", _("irregular")


class Stage(models.TextChoices):
    """How far a museum got in an edition; each stage includes the ones before it."""

    APPLICANT = "applicant", _("applicant")
    LONGLIST = "longlist", _("longlist")
    NOMINEE = "nominee", _("nominee")
    WINNER = "winner", _("winner")


STAGE_RANK = {stage: rank for rank, stage in enumerate(Stage.values)}


def stages_reached(stage):
    """The stages that include ``stage``: a winner was also a nominee and on the longlist."""
    return [value for value in Stage.values if STAGE_RANK[value] >= STAGE_RANK[stage]]


class Phase(models.TextChoices):
    """Where an edition stands on its timeline (see ``awards.timeline``)."""

    UNKNOWN = "unknown", _("no dates yet")
    ANNOUNCED = "announced", _("announced")
    APPLICATIONS = "applications", _("applications open")
    JURY = "jury", _("jury assessing the applications")
    LONGLIST = "longlist", _("longlist announced")
    NOMINEES = "nominees", _("nominees announced")
    PUBLIC_VOTE = "public_vote", _("public vote open")
    VOTE_CLOSED = "vote_closed", _("public vote closed")
    CEREMONY = "ceremony", _("award ceremony today")
    COMPLETED = "completed", _("completed")
