"""The organizers' admin of meetups, and of talks (a talk is edited with the meetup whose program lists it)."""

from events.admin import events, organizers, places, registrations, talks

__all__ = ["events", "organizers", "places", "registrations", "talks"]
