"""The "Organizers" group: every permission on the meetup's content (settings.VDLM_CONTENT_APPS), nothing else."""

from django.apps import apps as global_apps
from django.conf import settings

ORGANIZERS = "Organizers"


def sync_organizers_group(apps) -> None:
    """Create the group if missing and give it exactly the content permissions.

    Runs from the data migration and after every migrate (post_migrate), so models added later are included
    and a flushed test database gets the group back.
    """
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=ORGANIZERS)
    group.permissions.set(Permission.objects.filter(content_type__app_label__in=settings.VDLM_CONTENT_APPS))


def sync_after_migrate(sender, apps=None, **kwargs) -> None:
    # Sent once per app; the content permissions exist once the last content app has migrated.
    # `migrate` passes its model state as `apps`; `flush` passes none, and the installed models are current.
    if sender.label == settings.VDLM_CONTENT_APPS[-1]:
        sync_organizers_group(apps or global_apps)
