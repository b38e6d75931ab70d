from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CommonConfig(AppConfig):
    name = "common"
    verbose_name = "Shared parts"

    def ready(self):
        from common.organizers import sync_after_migrate

        # Keeps the Organizers group's permissions complete when models are added later.
        post_migrate.connect(sync_after_migrate, dispatch_uid="vdlm-organizers-group")
