"""Search over talks, speakers, meetups and venues (events/search/)."""

from django.views.generic import TemplateView

from events.search.results import search


class SearchView(TemplateView):
    """Results for `?q=`, ranked, with why each matched. Seven queries whatever the archive's size; not cached,
    since every query string would be its own page."""

    template_name = "events/search.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["results"] = search(self.request.GET.get("q", ""), self.request.user)
        return context
