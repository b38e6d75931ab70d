"""The fixed choices of talks; any package may import these."""

from django.db import models


class TalkKind(models.TextChoices):
    TALK = "talk", "Talk"
    LIGHTNING = "lightning", "Lightning talk"
    HOT_TOPICS = "hot_topics", "Hot topics / news"
    INTRO = "intro", "Intro / announcements"
    PANEL = "panel", "Panel"
