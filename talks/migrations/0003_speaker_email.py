from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("talks", "0002_organizer_workspace"),
    ]

    operations = [
        migrations.AddField(
            model_name="speaker",
            name="email",
            field=models.EmailField(
                blank=True,
                help_text="Where the speaker's private link to edit their talk is sent; never shown on the site.",
                max_length=254,
                verbose_name="email address",
            ),
        ),
    ]
