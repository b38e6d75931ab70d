"""Public pages of talks and speakers, and the counted slide downloads; each loads in a fixed number of queries."""

from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView, TemplateView

from events.selectors import speakers_in_order
from talks.downloads import serve_slides
from talks.models import Speaker, Talk, TalkSpeaker


class TalkDetailView(DetailView):
    template_name = "talks/talk_detail.html"
    context_object_name = "talk"

    def get_object(self, queryset=None):
        talks = (
            Talk.objects.visible_to(self.request.user)
            .select_related("event", "event__venue")
            .prefetch_related(speakers_in_order())
        )
        return get_object_or_404(talks, event__slug=self.kwargs["event_slug"], slug=self.kwargs["slug"])


def talk_slides(request, event_slug, slug):
    """Counts the download (atomically, in the database) and serves the file or redirects to the link."""
    talk = get_object_or_404(
        Talk.objects.visible_to(request.user)
        .select_related("event")
        .only("id", "slug", "slides", "slides_url", "event__number", "event__slug", "event__status"),
        event__slug=event_slug,
        slug=slug,
    )

    def count():
        Talk.objects.filter(pk=talk.pk).update(download_count=F("download_count") + 1)

    return serve_slides(
        request,
        file=talk.slides,
        link=talk.slides_url,
        filename_stem=f"vdlm-{talk.event.folder}-{talk.slug}",
        on_download=count,
        public=not talk.event.is_draft,
    )


class SpeakerListView(ListView):
    template_name = "talks/speaker_list.html"
    context_object_name = "speakers"

    def get_queryset(self):
        talks = Q(talks__in=Talk.objects.visible_to(self.request.user))
        return Speaker.objects.annotate(talk_count=Count("talks", filter=talks, distinct=True)).filter(
            talk_count__gt=0
        )


class SpeakerDetailView(DetailView):
    template_name = "talks/speaker_detail.html"
    context_object_name = "speaker"

    def get_queryset(self):
        talks = Talk.objects.visible_to(self.request.user)
        links = (
            TalkSpeaker.objects.filter(talk__in=talks)
            .select_related("talk", "talk__event", "talk__event__venue")
            .order_by("-talk__event__date", "talk__order")
        )
        return Speaker.objects.filter(Exists(links.filter(speaker=OuterRef("pk")))).prefetch_related(
            Prefetch("talk_speakers", queryset=links, to_attr="visible_talks")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        speaker = self.object
        context["description"] = speaker.bio or f"Talks by {speaker.name} at the Vienna Deep Learning Meetup."
        return context


SEARCH_MAX_LENGTH = 100
SEARCH_MAX_WORDS = 8
SEARCH_MAX_TALKS = 50
SEARCH_MAX_SPEAKERS = 20


class SearchView(TemplateView):
    """Talks (title, abstract, slide text, speakers, meetup) and speakers matching every word of `?q=`.

    Three queries whatever the archive's size; not cached, since every query string would be its own page.
    """

    template_name = "talks/search.html"

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
        talk_match, speaker_match = Q(), Q()
        for word in words:
            talk_match &= (
                Q(title__icontains=word)
                | Q(abstract__icontains=word)
                | Q(slides_text__icontains=word)
                | Q(event__title__icontains=word)
                | Exists(TalkSpeaker.objects.filter(talk=OuterRef("pk"), speaker__name__icontains=word))
            )
            speaker_match &= (
                Q(name__icontains=word)
                | Q(alternative_names__icontains=word)
                | Q(affiliation__icontains=word)
            )
        talks = list(
            Talk.objects.visible_to(self.request.user)
            .filter(talk_match)
            .select_related("event")
            .prefetch_related(speakers_in_order())
            .order_by("-event__date", "order", "pk")[: SEARCH_MAX_TALKS + 1]
        )
        speakers = list(
            Speaker.objects.filter(speaker_match)
            .filter(Exists(Talk.objects.visible_to(self.request.user).filter(speakers=OuterRef("pk"))))
            .order_by("name")[: SEARCH_MAX_SPEAKERS + 1]
        )
        context.update(
            searched=True,
            talks=talks[:SEARCH_MAX_TALKS],
            more_talks=len(talks) > SEARCH_MAX_TALKS,
            speakers=speakers[:SEARCH_MAX_SPEAKERS],
            more_speakers=len(speakers) > SEARCH_MAX_SPEAKERS,
        )
        return context
