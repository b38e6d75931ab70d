from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand

from events.models import Event
from events.services.slides import event_reextract_intro_slides
from talks.models import Talk
from talks.services import talk_reextract_slides


class Command(BaseCommand):
    help = (
        "Read every stored slides file again (talk slides and intro decks) and store its page count and text, "
        "e.g. after an upgrade of pypdf. Files that cannot be read are listed and left as they are."
    )

    def handle(self, *args, **options):
        done = failed = 0
        items = [
            *(
                (talk, lambda talk=talk: talk_reextract_slides(talk=talk))
                for talk in Talk.objects.exclude(slides="")
            ),
            *(
                (event, lambda event=event: event_reextract_intro_slides(event=event))
                for event in Event.objects.exclude(intro_slides="")
            ),
        ]
        for item, reextract in items:
            try:
                reextract()
            except (ValidationError, OSError) as error:
                failed += 1
                reason = " ".join(error.messages) if isinstance(error, ValidationError) else str(error)
                self.stderr.write(f"{item}: {reason}")
            else:
                done += 1
        self.stdout.write(f"Re-read {done} slides files; {failed} could not be read.")
