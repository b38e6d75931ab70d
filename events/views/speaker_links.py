"""The page speakers open from their talk's private link: the talk and themselves in one form, no account.

An unknown, altered or replaced link is a 404, like any address that leads nowhere. A link past its time answers
410 Gone with a page that says so politely and whom to write to: the address did work and has closed for good, and
410 tells link checkers and mail scanners so, while people read the page as usual. The page is never cached
(it is private and changes with every save) and asks search engines to keep away; the site's same-origin referrer
policy keeps its address (the token) from other sites (`no-referrer` would make browsers send the form with
`Origin: null`, which the CSRF check refuses). It shows this talk and its meetup only, never the meetup's other
talks, which may still be a private draft.
"""

from django.conf import settings
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator
from django.utils.text import get_text_list
from django.views import View

from common.cacheable import private_page
from events.forms.speaker_links import SpeakerLinkForms
from events.services.speaker_edits import EditConflict, SaveReport, speaker_link_save
from events.services.speaker_links import speaker_link_closes_on, speaker_link_is_open, talk_for_speaker_link

NOTHING_CHANGED = "Nothing to save: you did not change anything."
CONFLICT = (
    "Nothing was saved: someone else changed this talk while you were editing. The page now shows their changes, "
    "with yours kept wherever they do not clash; the fields marked below need a look before you save again."
)


@method_decorator(private_page, name="dispatch")
class SpeakerLinkView(View):
    template_name = "events/speaker_links/edit.html"

    def dispatch(self, request, token):
        self.talk = talk_for_speaker_link(token)
        if self.talk is None:
            raise Http404("No such speaker link.")
        if speaker_link_is_open(self.talk):
            return super().dispatch(request, token)
        return render(request, "events/speaker_links/closed.html", self.context(), status=410)

    def get(self, request, token):
        return self.render_forms(SpeakerLinkForms(self.talk))

    def post(self, request, token):
        forms = SpeakerLinkForms(self.talk, request.POST, request.FILES)
        if not forms.is_valid():
            return self.render_forms(forms)
        talk_edit, speaker_edits = forms.edits()
        try:
            report = speaker_link_save(talk=self.talk, talk_edit=talk_edit, speaker_edits=speaker_edits)
        except EditConflict as conflict:
            talk = talk_for_speaker_link(token)
            if talk is None:  # the organizers made a new link meanwhile
                raise Http404("No such speaker link.") from conflict
            return self.render_forms(forms.rebased(talk, conflict.conflicts), conflict=True)
        messages.success(request, saved_message(report))
        return redirect(request.path)

    def context(self, **extra) -> dict:
        event = self.talk.slot.event
        return {
            "talk": self.talk,
            "event": event,
            "closes_on": speaker_link_closes_on(event),
            "link_days": settings.VDLM_SPEAKER_LINK_DAYS,
            **extra,
        }

    def render_forms(self, forms: SpeakerLinkForms, *, conflict: bool = False):
        return render(
            self.request,
            self.template_name,
            self.context(forms=forms, conflict_message=CONFLICT if conflict else ""),
        )


def saved_message(report: SaveReport) -> str:
    if not report:
        return NOTHING_CHANGED
    parts = []
    if report.talk_fields:
        parts.append(f"the talk’s {get_text_list(report.talk_fields, 'and')}")
    parts.extend(
        f"{speaker.name}’s {get_text_list(fields, 'and')}"
        for speaker, fields in report.speaker_fields.items()
    )
    return f"Saved {'; '.join(parts)}. Thank you!"
