"""Models of the agenda: the agenda page, event pages, their occurrences and partner submissions."""

from .event import EventExceptionDate, EventPage, EventSession, EventSpeaker
from .index import AgendaIndexPage
from .occurrence import CancelledOccurrence, EventOccurrence
from .submission import PartnerSubmission

__all__ = [
    "AgendaIndexPage",
    "CancelledOccurrence",
    "EventExceptionDate",
    "EventOccurrence",
    "EventPage",
    "EventSession",
    "EventSpeaker",
    "PartnerSubmission",
]
