from django.apps import AppConfig


class TalksConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "talks"
    verbose_name = "Talks and speakers"

    def ready(self):
        from events.cache import connect_invalidation

        # Cached public pages are dropped whenever an organizer (or an import) writes one of this app's models.
        connect_invalidation(self)
