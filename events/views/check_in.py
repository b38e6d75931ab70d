"""Check-in at the door, on a phone: search by name, tap to check in, the counts at the top.

For organizers (who may change registrations); never cached. Works without JavaScript (the search is a form, each
check-in a button); static/js/check-in.js only filters the list while one types.
"""

from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse, reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from common.text import search_key
from events.models import Event, RegistrationCounts
from events.services.registrations import registration_check_in

ADMIN_LOGIN = reverse_lazy("admin:login")


@method_decorator(
    [
        never_cache,
        login_required(login_url=ADMIN_LOGIN),
        permission_required("events.change_registration", raise_exception=True),
    ],
    name="dispatch",
)
class CheckInView(TemplateView):
    template_name = "events/registrations/check_in.html"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.query = request.GET.get("q", request.POST.get("q", "")).strip()[:100]

    @cached_property
    def event(self) -> Event:
        # Looked up only once the visitor is known to be an organizer: nobody else learns whether a meetup exists.
        return get_object_or_404(Event, slug=self.kwargs["slug"], capacity__isnull=False)

    def get_context_data(self, **kwargs):
        people = self.event.registrations.guest_list()
        for person in people:
            person.search_text = search_key(f"{person.name} {person.company}")
        # The person just checked in (or back), with the button to undo a wrong tap.
        last = next((person for person in people if str(person.pk) == self.request.GET.get("done")), None)
        if self.query:
            wanted = search_key(self.query)
            people = [person for person in people if wanted in person.search_text]
        return super().get_context_data(
            event=self.event,
            counts=RegistrationCounts.of(self.event),
            people=people,
            query=self.query,
            last=last,
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        chosen = request.POST.get("registration", "")
        registration = get_object_or_404(
            self.event.registrations, pk=int(chosen) if chosen.isdigit() else None
        )
        try:
            registration_check_in(registration=registration, undo=request.POST.get("undo") == "1")
        except ValidationError as error:
            response = self.render_to_response(self.get_context_data(error=" ".join(error.messages)))
            response.status_code = 409
            return response
        # Back to the whole list, ready for the next name.
        url = reverse("events:check_in", args=[self.event.slug])
        return HttpResponseRedirect(f"{url}?{urlencode({'done': registration.pk})}")
