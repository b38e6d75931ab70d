"""Faces and logos: `{% avatar name photo "s" %}` and `{% logo name image %}` show the picture when there is one,
else initials on a coloured disc or badge — plain HTML with classes (no inline styles, so a strict CSP holds).

Python functions rather than included templates: an agenda or a list repeats them per row, and a template include
per row costs more than the whole row.
"""

from html import escape

from django import template
from django.core.files.storage import default_storage
from django.utils.safestring import SafeString, mark_safe

from common.text import initials

register = template.Library()

TONES = 6  # .tone-0 … .tone-5 in site.css, each dark enough for white letters
AVATAR_PIXELS = {"s": 32, "m": 48, "l": 120}


def tone(name: str) -> int:
    """The same colour for the same name, in every process (unlike hash())."""
    return sum(map(ord, name)) % TONES


def image_url(image) -> str:
    """The URL of a FieldFile or of a stored name (from `values()`), or "" for none."""
    name = getattr(image, "name", image)
    return default_storage.url(name) if name else ""


def avatar_html(name: str, photo=None, size: str = "s") -> SafeString:
    """A speaker's photo or initials; decorative (alt="") because the name always stands next to it."""
    pixels = AVATAR_PIXELS[size]
    if url := image_url(photo):
        return mark_safe(  # noqa: S308 - escaped
            f'<img class="avatar avatar--{size}" src="{escape(url)}" alt="" width="{pixels}" height="{pixels}" '
            'loading="lazy" decoding="async">'
        )
    letters = escape(initials(name))
    return mark_safe(  # noqa: S308 - escaped
        f'<span class="avatar avatar--{size} tone-{tone(name)}" aria-hidden="true">{letters}</span>'
    )


def logo_html(name: str, logo=None) -> SafeString:
    """A sponsor's logo or a badge with its initials; decorative, since the name stands next to it."""
    if url := image_url(logo):
        return mark_safe(  # noqa: S308 - escaped
            f'<img class="logo" src="{escape(url)}" alt="" loading="lazy" decoding="async">'
        )
    letters = escape(initials(name, person=False))
    return mark_safe(  # noqa: S308 - escaped
        f'<span class="logo logo--initials tone-{tone(name)}" aria-hidden="true">{letters}</span>'
    )


register.simple_tag(avatar_html, name="avatar")
register.simple_tag(logo_html, name="logo")
