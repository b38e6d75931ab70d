"""The registration form: what the host's security desk needs, an address to confirm, and consent to the privacy
note. It mirrors the database's rules in plain words; it never says whether an address is registered already."""

from django import forms

from events.models import Registration
from events.models.registrations import normalise_email


def _limit(field: str) -> int:
    return Registration._meta.get_field(field).max_length


class RegistrationForm(forms.Form):
    name = forms.CharField(
        label="Your name as on your ID",
        max_length=_limit("name"),
        help_text="The host's security desk checks it at the door.",
        error_messages={
            "required": "Please write your name as on your ID: the host's security desk checks it.",
            "max_length": "Please shorten your name to %(limit_value)d characters.",
        },
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label="Email address",
        max_length=_limit("email"),
        help_text="We send a link to confirm it; your registration counts once confirmed.",
        error_messages={
            "required": "Please give your email address: we send the confirmation there.",
            "invalid": "This is not an email address we can write to; please check it (like name@example.org).",
            "max_length": "An email address has at most %(limit_value)d characters.",
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    company = forms.CharField(
        label="Company or organisation (optional)",
        max_length=_limit("company"),
        required=False,
        help_text="Some hosts ask for it.",
        error_messages={"max_length": "Please shorten it to %(limit_value)d characters."},
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    consent = forms.BooleanField(
        label="I agree that the organizers keep these details as the privacy note says.",
        error_messages={
            "required": "Please agree to the privacy note: without it we cannot keep your registration."
        },
    )

    def clean_name(self):
        return " ".join(self.cleaned_data["name"].split())

    def clean_email(self):
        return normalise_email(self.cleaned_data["email"])

    def clean_company(self):
        return " ".join(self.cleaned_data["company"].split())
