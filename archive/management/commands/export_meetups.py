import json

from django.core.management.base import BaseCommand, CommandError

from common.visibility import PUBLIC
from events.formats.json import archive_as_dict
from events.formats.readme import event_as_readme
from events.models import Event
from events.selectors import with_program


class Command(BaseCommand):
    help = (
        "Print the archive of published events as JSON (the full-archive export schema), or one meetup's README "
        "in the group's GitHub markdown (--format markdown --number N)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["json", "markdown"], default="json")
        parser.add_argument(
            "--number", type=int, help="The meetup to write as README (markdown only; drafts included)."
        )

    def handle(self, *args, **options):
        if options["format"] == "markdown":
            if options["number"] is None:
                raise CommandError("--format markdown needs --number N (the meetup to write).")
            try:
                event = with_program(Event.objects.filter(number=options["number"])).get()
            except Event.DoesNotExist as error:
                raise CommandError(f"There is no meetup number {options['number']}.") from error
            self.stdout.write(event_as_readme(event), ending="")
            return
        if options["number"] is not None:
            raise CommandError("--number is for --format markdown; the JSON export is the whole archive.")
        events = with_program(Event.objects.visible_to(PUBLIC).order_by("date", "start_time"))
        self.stdout.write(json.dumps(archive_as_dict(events), ensure_ascii=False, indent=2))
