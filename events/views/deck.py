"""A meetup's intro deck: one page of full-screen slides (static/js/deck.js steps through them), which prints as
one slide per landscape page. A draft's deck is the organizers' alone, like its page."""

from django.conf import settings
from django.views.generic import DetailView

from events.services.deck import deck_events, meetup_deck


class DeckView(DetailView):
    template_name = "events/deck/deck.html"
    context_object_name = "event"

    def get_queryset(self):
        return deck_events(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["deck"] = meetup_deck(self.object)
        context["site_url"] = settings.VDLM_SITE_URL
        return context
