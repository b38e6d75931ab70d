import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from events.models import Event


class Command(BaseCommand):
    help = (
        "Write the imported archive as a fixture (fixtures/historic_meetups.json). Run on a fresh database right "
        "after import_meetups (make fixtures does both), so that regenerating gives a byte-identical file."
    )

    def add_arguments(self, parser):
        parser.add_argument("output", type=Path)

    def handle(self, *args, output: Path, **options):
        # Timestamps of the import run would differ on every run: pin them to the event's day.
        zone = ZoneInfo(settings.TIME_ZONE)
        for event in Event.objects.only("pk", "date"):
            moment = datetime.datetime.combine(event.date, datetime.time(), tzinfo=zone)
            Event.objects.filter(pk=event.pk).update(created_at=moment, updated_at=moment)
        call_command("dumpdata", "talks", "events", indent=1, output=str(output), verbosity=0)
        self.stdout.write(f"Wrote {Event.objects.count()} events to {output}")
