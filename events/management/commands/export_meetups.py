import json

from django.core.management.base import BaseCommand

from events.exports import archive_as_dict
from events.models import Event
from events.selectors import with_program


class Command(BaseCommand):
    help = "Print the archive of published events as JSON (the schema of /api/events.json)."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["json"], default="json")

    def handle(self, *args, **options):
        events = with_program(Event.objects.published().order_by("date", "start_time"))
        self.stdout.write(json.dumps(archive_as_dict(events), ensure_ascii=False, indent=2))
