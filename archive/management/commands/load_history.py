from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from events.models import Event

FIXTURE = "historic_meetups"


class Command(BaseCommand):
    help = "Load the historic archive into an empty database (does nothing once events exist, so it is safe to re-run)."

    def handle(self, *args, **options):
        if Event.objects.exists():
            self.stdout.write("Events exist already; the historic archive is not loaded again.")
            return
        if not any((folder / f"{FIXTURE}.json").exists() for folder in map(Path, settings.FIXTURE_DIRS)):
            self.stdout.write("No historic archive fixture yet; starting with an empty site.")
            return
        call_command("loaddata", FIXTURE, verbosity=0)
        self.stdout.write(self.style.SUCCESS(f"Loaded the historic archive: {Event.objects.count()} events."))
