"""Choices of the agenda: event types, attendance, status, audience, organiser, recurrence."""

from django.db import models
from django.utils.translation import gettext_lazy as _

# Venues use the province and time-zone lists of the museums app, so filters agree.
from museums.choices import MuseumTimeZone as TimeZone  # noqa: F401
from museums.choices import Province  # noqa: F401


class EventType(models.TextChoices):
    SEMINAR = "seminar", _("seminar")
    WEBINAR = "webinar", _("webinar")
    NETWORK_MEETING = "network-meeting", _("network meeting")
    WORKING_GROUP = "working-group", _("working group")
    BOOK_CLUB = "book-club", _("book club")
    CONGRESS = "congress", _("congress")
    GENERAL_MEETING = "general-meeting", _("general meeting")
    TRAINING = "training", _("training")
    PARTNER_ACTIVITY = "partner-activity", _("partner activity")


class AttendanceMode(models.TextChoices):
    IN_PERSON = "in-person", _("in person")
    ONLINE = "online", _("online")
    MIXED = "mixed", _("in person and online")


# schema.org eventAttendanceMode for each mode.
ATTENDANCE_SCHEMA = {
    AttendanceMode.IN_PERSON: "https://schema.org/OfflineEventAttendanceMode",
    AttendanceMode.ONLINE: "https://schema.org/OnlineEventAttendanceMode",
    AttendanceMode.MIXED: "https://schema.org/MixedEventAttendanceMode",
}


class EventStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("scheduled")
    CANCELLED = "cancelled", _("cancelled")
    POSTPONED = "postponed", _("postponed")
    RESCHEDULED = "rescheduled", _("rescheduled")


STATUS_SCHEMA = {
    EventStatus.SCHEDULED: "https://schema.org/EventScheduled",
    EventStatus.CANCELLED: "https://schema.org/EventCancelled",
    EventStatus.POSTPONED: "https://schema.org/EventPostponed",
    EventStatus.RESCHEDULED: "https://schema.org/EventRescheduled",
}


class EventAudience(models.TextChoices):
    EVERYONE = "everyone", _("everyone")
    MEMBERS = "members", _("members")
    PROFESSIONALS = "professionals", _("museum professionals")
    DIRECTORS = "directors", _("directors and managers")
    VOLUNTEERS = "volunteers", _("volunteers")


class OrganiserKind(models.TextChoices):
    ASSOCIATION = "association", _("the association")
    PARTNER = "partner", _("partners")


class Recurrence(models.TextChoices):
    NONE = "", _("does not repeat")
    WEEKLY = "weekly", _("weekly")
    MONTHLY = "monthly", _("monthly on the same date")
    MONTHLY_WEEKDAY = "monthly-weekday", _("monthly on the same weekday (e.g. the second Thursday)")


class RegistrationState(models.TextChoices):
    NONE = "none", _("no registration")
    OPEN = "open", _("open")
    CLOSED = "closed", _("deadline passed")
    FULL = "full", _("full")
    PAST = "past", _("event has taken place")
