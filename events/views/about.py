"""The About page: what the group is, who runs it, how to reach it."""

from django.db.models import Exists, OuterRef
from django.views.generic import ListView

from events.models import Organizer
from talks.models import Speaker


class AboutView(ListView):
    template_name = "events/about.html"
    context_object_name = "organizers"

    def get_queryset(self):
        user = self.request.user
        # An organizer's speaker page is linked only when the visitor may see it (a speaker of drafts only is not).
        speaker_page = Speaker.objects.visible_to(user).filter(pk=OuterRef("speaker_id"))
        return (
            Organizer.objects.visible_to(user)
            .select_related("speaker")
            .annotate(has_speaker_page=Exists(speaker_page))
        )
