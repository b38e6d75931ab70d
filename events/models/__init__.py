"""The meetup's models, a module each: where it happens, who hosts it, the evening itself, its agenda, jobs, registrations."""

from events.models.agenda import AgendaSlot, in_running_order, running_order
from events.models.announcements import Announcement
from events.models.events import Event, local_today
from events.models.jobs import JobPost
from events.models.organizers import Organizer
from events.models.registrations import Registration, RegistrationAttempt, RegistrationCounts
from events.models.sponsors import EventSponsor, Sponsor
from events.models.venues import Venue

__all__ = [
    "AgendaSlot",
    "Announcement",
    "Event",
    "EventSponsor",
    "JobPost",
    "Organizer",
    "Registration",
    "RegistrationAttempt",
    "RegistrationCounts",
    "Sponsor",
    "Venue",
    "in_running_order",
    "running_order",
    "local_today",
]
