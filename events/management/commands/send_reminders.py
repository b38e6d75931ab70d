from django.core.management.base import BaseCommand

from events.services.registrations import registrations_send_reminders


class Command(BaseCommand):
    help = (
        "Email everybody going to a meetup that starts within the next day: a reminder with the cancel link and "
        "the calendar file. Run it every hour (cron or a systemd timer, see README); each person gets one "
        "reminder however often it runs, and a reminder the mail server refused is tried again on the next run."
    )

    def handle(self, *args, **options):
        sent = registrations_send_reminders()
        self.stdout.write(f"Sent {sent} reminder(s).")
