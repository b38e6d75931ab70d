from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("talks", "0003_speaker_email"),
    ]

    operations = [
        migrations.AddField(
            model_name="talk",
            name="speaker_link_version",
            field=models.PositiveIntegerField(default=0, editable=False),
        ),
    ]
