from django.apps import AppConfig
from django.db.models.signals import post_migrate, pre_migrate


class EventsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "events"
    verbose_name = "Meetups"

    def ready(self):
        from events.search.index import drop_triggers_before_migrate, reinstall_after_migrate

        pre_migrate.connect(drop_triggers_before_migrate, sender=self, dispatch_uid="vdlm-search-triggers")
        post_migrate.connect(reinstall_after_migrate, sender=self, dispatch_uid="vdlm-search-index")
