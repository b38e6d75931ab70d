"""The fixed choices of meetups; any package may import these (talks does, to tell which talks are public)."""

from django.db import models


class EventStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"
    CANCELLED = "cancelled", "Cancelled"


# What the public sees: a cancelled meetup's page stays, with a notice, for those who saw the announcement.
PUBLIC_STATUSES = (EventStatus.PUBLISHED, EventStatus.CANCELLED)


class EventKind(models.TextChoices):
    MEETUP = "meetup", "Meetup"
    SPECIAL = "special", "Special event"
    PARTNER = "partner", "Partner event"


class SlotKind(models.TextChoices):
    WELCOME = "welcome", "Welcome"
    HOST = "host", "Welcome by the host"
    TALK = "talk", "Talk"
    BREAK = "break", "Break"
    ANNOUNCEMENTS = "announcements", "Announcements & Job Openings"
    HOT_TOPICS = "hot_topics", "Hot Topics"
    NETWORKING = "networking", "Networking"
    OTHER = "other", "Other"


class SponsorRole(models.TextChoices):
    HOST = "host", "Host"
    SPONSOR = "sponsor", "Sponsor"
    DRINKS = "drinks", "Drinks & snacks"
    PARTNER = "partner", "Partner"


class RegistrationStatus(models.TextChoices):
    """Where a registration stands. Only confirmed registrations count: GOING holds a seat, WAITING is in line."""

    PENDING = "pending", "Waiting for email confirmation"
    GOING = "going", "Going"
    WAITING = "waiting", "On the waitlist"
    CANCELLED = "cancelled", "Cancelled"


# Confirmed registrations in line for the evening, in their order (seats, then the waitlist).
CONFIRMED_STATUSES = (RegistrationStatus.GOING, RegistrationStatus.WAITING)


class ThrottleScope(models.TextChoices):
    """What registration attempts are counted by (events.models.RegistrationAttempt)."""

    SENDER = "sender", "Sender's IP address"
    EMAIL = "email", "Email address"
