"""A meetup's social card: the picture that a shared link to its page shows (see events.formats.social_card)."""

from django.http import Http404, HttpResponse

from common.http import add_validators
from events.formats.social_card import event_card_png
from events.models import Event

# The page links the card with its version (?v=…): that address always shows the same picture.
VERSIONED_MAX_AGE = 60 * 60 * 24 * 365
UNVERSIONED_MAX_AGE = 60 * 60 * 24


def event_card(request, slug):
    event = Event.objects.visible_to(request.user).select_related("venue").filter(slug=slug).first()
    if event is None:
        raise Http404("No such meetup.")
    png, version = event_card_png(event)
    max_age = VERSIONED_MAX_AGE if request.GET.get("v") == version else UNVERSIONED_MAX_AGE
    response = HttpResponse(png, content_type="image/png")
    return add_validators(response, max_age=max_age, public=not event.is_draft)
