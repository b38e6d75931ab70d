from django.conf import settings
from django.core.management.base import BaseCommand

from events.services.registration_privacy import registrations_anonymise
from events.services.registration_throttle import attempts_forget


class Command(BaseCommand):
    help = (
        "Wipe name, email address and company from the registrations of meetups more than "
        "VDLM_REGISTRATION_RETENTION_DAYS days ago (the counts and check-ins stay), and forget the throttling "
        "counts older than a day. Run it daily or hourly with send_reminders (see README); safe to repeat."
    )

    def handle(self, *args, **options):
        anonymised = registrations_anonymise()
        forgotten = attempts_forget()
        days = settings.VDLM_REGISTRATION_RETENTION_DAYS
        self.stdout.write(
            f"Anonymised {anonymised} registration(s) of meetups more than {days} days ago; "
            f"forgot {forgotten} throttling count(s)."
        )
