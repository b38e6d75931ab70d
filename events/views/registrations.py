"""Registering for a meetup, confirming the address, the private status page and cancelling, the privacy note.

The meetup's page is cached for everybody, so it carries no form: its "Register" button leads here, to pages that
are never cached and render their own form with a fresh CSRF token. The status and confirmation pages are reached
only through the unguessable links of the mails; they are kept out of caches and search engines alike.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.views.generic import FormView, TemplateView

from common.addresses import client_ip
from common.cacheable import private_page
from events.forms.registrations import RegistrationForm
from events.models import Event, Registration
from events.services.registration_throttle import registration_throttled
from events.services.registrations import (
    register,
    registration_cancel,
    registration_confirm,
    why_not_confirmable,
)

MAIL_FAILED = (
    "Your registration is saved, but our email to you could not be sent just now. Please send the form again in "
    "a few minutes: it changes nothing else."
)


class PrivateMixin:
    @method_decorator(private_page)
    def dispatch(self, request, *args, **kwargs):
        return super().dispatch(request, *args, **kwargs)


class EventRegistrationMixin(PrivateMixin):
    """A meetup that takes registrations on this site (drafts only for organizers, who see "opens when published")."""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        events = Event.objects.visible_to(request.user).select_related("venue")
        self.event = get_object_or_404(events, slug=kwargs["slug"], capacity__isnull=False)

    def get_context_data(self, **kwargs):
        return super().get_context_data(event=self.event, counts=self.event.registration_counts, **kwargs)


class RegisterView(EventRegistrationMixin, FormView):
    template_name = "events/registrations/register.html"
    form_class = RegistrationForm

    def form_valid(self, form):
        if not self.event.registration_is_open:
            return self.refuse(form, "Registration for this meetup is closed.")
        data = form.cleaned_data
        refusal = registration_throttled(sender=client_ip(self.request), email=data["email"])
        if refusal:
            return self.refuse(form, refusal, status=429)
        try:
            result = register(
                event=self.event, name=data["name"], email=data["email"], company=data["company"]
            )
        except ValidationError as error:
            return self.refuse(form, error)
        if result.mail_sent is False:
            return self.refuse(form, MAIL_FAILED, status=503)
        return HttpResponseRedirect(reverse("events:registration_sent", args=[self.event.slug]))

    def refuse(self, form, error, status: int = 200):
        form.add_error(None, error)
        response = self.form_invalid(form)
        response.status_code = status
        return response


class RegistrationSentView(EventRegistrationMixin, TemplateView):
    """The same answer for a new address and a known one: nobody learns here who registered."""

    template_name = "events/registrations/sent.html"


def _registration(**token) -> Registration:
    registrations = Registration.objects.filter(anonymised_at__isnull=True).select_related("event__venue")
    return get_object_or_404(registrations, **token)


class ConfirmView(PrivateMixin, TemplateView):
    """The link of the confirmation mail: a button that confirms (mail scanners open links, and must not)."""

    template_name = "events/registrations/confirm.html"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.registration = _registration(confirm_token=kwargs["token"])

    def get(self, request, *args, **kwargs):
        if not self.registration.is_pending:
            return self.to_status()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        try:
            registration_confirm(registration=self.registration)
        except ValidationError as error:
            return self.render_to_response(self.get_context_data(error=" ".join(error.messages)))
        return self.to_status()

    def to_status(self):
        return HttpResponseRedirect(self.registration.status_url())

    def get_context_data(self, **kwargs):
        registration = self.registration
        kwargs.setdefault("error", why_not_confirmable(registration.event))
        return super().get_context_data(registration=registration, event=registration.event, **kwargs)


class StatusView(PrivateMixin, TemplateView):
    """A person's own page: their place, the calendar file and the cancel button."""

    template_name = "events/registrations/status.html"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.registration = _registration(status_token=kwargs["token"])

    def get_context_data(self, **kwargs):
        registration = self.registration
        return super().get_context_data(
            registration=registration,
            event=registration.event,
            waitlist_place=registration.waitlist_place(),
            can_cancel=not (
                registration.is_cancelled or registration.event.is_cancelled or registration.event.has_started
            ),
            **kwargs,
        )


class CancelView(StatusView):
    """Asks once more (a seat given away by a stray tap on a phone is lost), then cancels with its button; opening
    the address alone cancels nothing (mail scanners open links). Errors show on the status page."""

    def get(self, request, *args, **kwargs):
        context = self.get_context_data()
        if not context["can_cancel"]:
            return HttpResponseRedirect(self.registration.status_url())
        return self.render_to_response(context)

    def get_template_names(self):
        return ["events/registrations/cancel.html" if self.request.method == "GET" else self.template_name]

    def post(self, request, *args, **kwargs):
        try:
            registration_cancel(registration=self.registration)
        except ValidationError as error:
            response = self.render_to_response(self.get_context_data(error=" ".join(error.messages)))
            response.status_code = 409
            return response
        return HttpResponseRedirect(self.registration.status_url())


class PrivacyView(TemplateView):
    """What is kept, for how long, who sees it: linked from the form (cached: the same for everybody)."""

    template_name = "events/registrations/privacy.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(retention_days=settings.VDLM_REGISTRATION_RETENTION_DAYS, **kwargs)
