"""Search over talks (title, abstract, slide text, speakers, meetup) and speakers."""

from django.db.models import Exists, OuterRef, Q
from django.views.generic import TemplateView

from talks.models import Speaker, Talk, TalkSpeaker
from talks.selectors import speakers_in_order

SEARCH_MAX_LENGTH = 100
SEARCH_MAX_WORDS = 8
SEARCH_MAX_TALKS = 50
SEARCH_MAX_SPEAKERS = 20


def talk_matches(word: str) -> Q:
    return (
        Q(title__icontains=word)
        | Q(abstract__icontains=word)
        | Q(slides_text__icontains=word)
        | Q(slot__event__title__icontains=word)
        | Exists(TalkSpeaker.objects.filter(talk=OuterRef("pk"), speaker__name__icontains=word))
    )


def speaker_matches(word: str) -> Q:
    return Q(name__icontains=word) | Q(alternative_names__icontains=word) | Q(affiliation__icontains=word)


class SearchView(TemplateView):
    """Talks and speakers matching every word of `?q=`.

    Three queries whatever the archive's size; not cached, since every query string would be its own page.
    """

    template_name = "events/search.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.get("q", "").strip()
        context["query"] = query
        if len(query) > SEARCH_MAX_LENGTH:
            context["error"] = f"Please search for at most {SEARCH_MAX_LENGTH} characters."
            return context
        words = query.split()[:SEARCH_MAX_WORDS]
        if not words:
            return context
        user = self.request.user
        talk_match, speaker_match = Q(), Q()
        for word in words:
            talk_match &= talk_matches(word)
            speaker_match &= speaker_matches(word)
        talks = list(
            Talk.objects.visible_to(user)
            .filter(talk_match)
            .select_related("slot__event")
            .prefetch_related(speakers_in_order())
            .order_by("-slot__event__date", "slot__position", "pk")[: SEARCH_MAX_TALKS + 1]
        )
        speakers = list(
            Speaker.objects.visible_to(user).filter(speaker_match).order_by("name")[: SEARCH_MAX_SPEAKERS + 1]
        )
        context.update(
            searched=True,
            talks=talks[:SEARCH_MAX_TALKS],
            more_talks=len(talks) > SEARCH_MAX_TALKS,
            speakers=speakers[:SEARCH_MAX_SPEAKERS],
            more_speakers=len(speakers) > SEARCH_MAX_SPEAKERS,
        )
        return context
