from django.contrib.auth.management import create_permissions
from django.db import migrations

# Organizers run the meetup's content: every model of these apps, and nothing of user management.
ORGANIZER_APPS = ["events", "talks"]


def create_organizers_group(apps, schema_editor):
    # Permissions are normally created after all migrations; create them now so the group can hold them.
    # (The historical app configs lack models_module, which create_permissions checks.)
    for app_label in ORGANIZER_APPS:
        app_config = apps.get_app_config(app_label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="Organizers")
    group.permissions.set(Permission.objects.filter(content_type__app_label__in=ORGANIZER_APPS))


def remove_organizers_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Organizers").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("events", "0002_initial"),
        ("talks", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_organizers_group, remove_organizers_group)]
