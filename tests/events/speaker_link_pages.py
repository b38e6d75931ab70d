"""Using a speaker link as a browser does: open the page, send the form back with changes."""

from html.parser import HTMLParser

from django.core import signing

from events.services.speaker_links import speaker_link_token
from talks.models import Talk


def link_path(talk: Talk) -> str:
    talk.refresh_from_db(fields=["speaker_link_version"])
    return f"/speaker-link/{speaker_link_token(talk)}/"


def page_data(response) -> dict:
    """What the rendered page sends back unchanged: every field's shown value (no files, no ticked boxes)."""
    data = {}
    for form in response.context["forms"]:
        for field in form:
            if field.widget_type == "file" or (field.widget_type == "checkbox" and not field.value()):
                continue
            data[field.html_name] = "on" if field.widget_type == "checkbox" else (field.value() or "")
    return data


def talk_field(name: str) -> str:
    return f"talk-{name}"


def speaker_field(speaker, name: str) -> str:
    return f"speaker-{speaker.pk}-{name}"


def forged_token(talk: Talk) -> str:
    """A token of the right shape signed with another key: what someone guessing links could make."""
    signer = signing.Signer(key="not-the-site-key", salt="events.speaker_link")
    return signer.sign_object([talk.pk, talk.speaker_link_version])


class _Elements(HTMLParser):
    def __init__(self):
        super().__init__()
        self.elements: list[tuple[str, dict, str]] = []
        self.open = False

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs), ""))
        self.open = True

    def handle_endtag(self, tag):
        self.open = False

    def handle_data(self, data):
        if self.open:
            tag, attrs, text = self.elements[-1]
            self.elements[-1] = (tag, attrs, text + data)


def elements(page: bytes | str, tag: str) -> list[tuple[dict, str]]:
    """Every `tag` element of an HTML page (read by Python's own HTML parser): its attributes and its text up to
    the next tag."""
    parser = _Elements()
    parser.feed(page.decode() if isinstance(page, bytes) else page)
    return [(attrs, text) for name, attrs, text in parser.elements if name == tag]
