from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.db import migrations

from common.organizers import ORGANIZERS, sync_organizers_group


def create_organizers_group(apps, schema_editor):
    # Permissions are normally created after all migrations; create them now so the group can hold them.
    # (The historical app configs lack models_module, which create_permissions checks.)
    for app_label in settings.VDLM_CONTENT_APPS:
        app_config = apps.get_app_config(app_label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    sync_organizers_group(apps)


def remove_organizers_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=ORGANIZERS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("events", "0001_initial"),
        ("talks", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_organizers_group, remove_organizers_group)]
