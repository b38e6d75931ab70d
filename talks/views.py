"""Public pages of talks and speakers, and the counted slide downloads; each loads in a fixed number of queries.

A talk's meetup is the one whose program lists it (`slot__event`), loaded with the talk.
"""

from django.conf import settings
from django.db.models import Count, F, Prefetch
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView

from common.downloads import serve_slides
from common.text import family_name, index_letter, reading_order_key
from talks.models import Speaker, Talk, TalkSpeaker, visible_talks
from talks.selectors import speakers_in_order

ALPHABET = [chr(code) for code in range(ord("A"), ord("Z") + 1)]


class TalkDetailView(DetailView):
    """A talk: when and where it is (or was) given, with calendar links while it is ahead; the speakers; slides
    that open in the browser, with a separate download; the video. Two queries."""

    template_name = "talks/talk_detail.html"
    context_object_name = "talk"

    def get_object(self, queryset=None):
        talks = (
            Talk.objects.visible_to(self.request.user)
            .select_related("slot__event__venue")
            .prefetch_related(speakers_in_order())
        )
        return get_object_or_404(talks, slot__event__slug=self.kwargs["event_slug"], slug=self.kwargs["slug"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["description"] = self.object.abstract or f"A talk at the {settings.VDLM_SITE_NAME}."
        context["event"] = self.object.slot.event
        return context


def talk_slides(request, event_slug, slug):
    """Counts the download (atomically, in the database) and serves the file or redirects to the link."""
    talk = get_object_or_404(
        Talk.objects.visible_to(request.user)
        .select_related("slot__event")
        .only(
            *("id", "slug", "slides", "slides_url"),
            *("slot__id", "slot__event__number", "slot__event__slug", "slot__event__status"),
        ),
        slot__event__slug=event_slug,
        slug=slug,
    )
    event = talk.slot.event

    def count():
        Talk.objects.filter(pk=talk.pk).update(download_count=F("download_count") + 1)

    return serve_slides(
        request,
        file=talk.slides,
        link=talk.slides_url,
        filename_stem=f"vdlm-{event.folder}-{talk.slug}",
        on_download=count,
        public=not event.is_draft,
    )


class SpeakerListView(ListView):
    """Everyone who spoke, by family name under A–Z headings, with their number of talks (one query)."""

    template_name = "talks/speaker_list.html"
    context_object_name = "speakers"

    def get_queryset(self):
        talks = visible_talks(self.request.user, through="talks__")
        speakers = (
            Speaker.objects.annotate(talk_count=Count("talks", filter=talks, distinct=True))
            .filter(talk_count__gt=0)
            .only("name", "slug", "affiliation", "photo")
        )
        return sorted(speakers, key=family_name_order)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        groups = {}
        for speaker in context["speakers"]:
            groups.setdefault(index_letter(family_name(speaker.name)), []).append(speaker)
        context["groups"] = sorted(groups.items(), key=lambda group: (group[0] == "#", group[0]))
        context["alphabet"] = [(letter, letter in groups) for letter in ALPHABET] + (
            [("#", True)] if "#" in groups else []
        )
        return context


def family_name_order(speaker: Speaker) -> tuple:
    return reading_order_key(family_name(speaker.name)), reading_order_key(speaker.name)


class SpeakerDetailView(DetailView):
    template_name = "talks/speaker_detail.html"
    context_object_name = "speaker"

    def get_queryset(self):
        user = self.request.user
        links = (
            TalkSpeaker.objects.visible_to(user)
            .select_related("talk__slot__event__venue")
            .order_by("-talk__slot__event__date", "talk__slot__position")
        )
        return Speaker.objects.visible_to(user).prefetch_related(
            Prefetch("talk_speakers", queryset=links, to_attr="visible_talks")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        speaker = self.object
        context["description"] = speaker.bio or f"Talks by {speaker.name} at the {settings.VDLM_SITE_NAME}."
        return context
