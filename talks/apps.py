from django.apps import AppConfig


class TalksConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "talks"
    verbose_name = "Talks and speakers"

    def ready(self):
        from django.db.models.signals import post_migrate

        from events.cache import connect_invalidation
        from events.permissions import sync_after_migrate

        # Keeps the Organizers group's permissions complete when models are added later.
        post_migrate.connect(sync_after_migrate, sender=self, dispatch_uid="vdlm-organizers-group")

        # Cached public pages are dropped whenever an organizer (or an import) writes one of this app's models.
        connect_invalidation(self)
