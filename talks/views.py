from django.shortcuts import get_object_or_404, redirect
from django.views.generic import DetailView, ListView

from talks.models import Speaker, Talk


class TalkDetailView(DetailView):
    template_name = "talks/talk_detail.html"

    def get_object(self, queryset=None):
        talks = Talk.objects.select_related("event")
        if not self.request.user.is_staff:
            talks = talks.public()
        return get_object_or_404(talks, event__slug=self.kwargs["event_slug"], slug=self.kwargs["slug"])


def talk_slides(request, event_slug, slug):
    talk = get_object_or_404(Talk.objects.public(), event__slug=event_slug, slug=slug)
    return redirect(talk.slides.url if talk.slides else talk.slides_url)


class SpeakerListView(ListView):
    model = Speaker
    template_name = "talks/speaker_list.html"


class SpeakerDetailView(DetailView):
    model = Speaker
    template_name = "talks/speaker_detail.html"
