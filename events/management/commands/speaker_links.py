from django.core.management.base import BaseCommand, CommandError

from events.models import Event
from events.selectors import with_program
from events.services.speaker_links import (
    speaker_link_closes_on,
    speaker_link_is_open,
    speaker_link_url,
    speaker_links_email,
)


class Command(BaseCommand):
    help = (
        "Print the private speaker link of each talk of a meetup, one line per talk: its title, a tab, its link "
        "(on VDLM_SITE_URL). With --email, also mail each speaker who has an email address their link."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--number", type=int, required=True, help="The meetup's number (75 for the 75th)."
        )
        parser.add_argument("--email", action="store_true", help="Mail the speakers their links too.")

    def handle(self, *args, number: int, email: bool, **options):
        event = with_program(Event.objects.filter(number=number)).first()
        if event is None:
            raise CommandError(f"There is no meetup number {number}.")
        talks = event.talks
        if not talks:
            self.stderr.write(f"{event} has no talks yet.")
        for talk in talks:
            talk.slot.event = event  # known already: no query per talk
            self.stdout.write(f"{talk.title}\t{speaker_link_url(talk)}")
        if talks and not speaker_link_is_open(talks[0]):
            self.stderr.write(
                f"These links closed on {speaker_link_closes_on(event):%d %B %Y}; they no longer work."
            )
        if email:
            self.report(speaker_links_email(talks=talks))

    def report(self, report) -> None:
        for line in report.sent:
            self.stderr.write(f"Mailed: {line}")
        for name in report.without_email:
            self.stderr.write(f"No email address: {name}")
        for title in report.closed:
            self.stderr.write(f"Link closed, not mailed: {title}")
        for line in report.failed:
            self.stderr.write(f"Could not send: {line}")
