from django.apps import AppConfig


class ArchiveConfig(AppConfig):
    """The historic archive: reading the group's markdown into the meetup models, and writing it back out.

    No models of its own."""

    name = "archive"
    verbose_name = "Historic archive"
