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
