"""`{{ url|address }}`: a link as people read it off a slide and type it ("meetup.com/Vienna-Deep-Learning-Meetup",
not "https://www.meetup.com/Vienna-Deep-Learning-Meetup/")."""

from urllib.parse import urlsplit

from django import template

register = template.Library()


@register.filter
def address(url: str) -> str:
    if not url:
        return ""
    parts = urlsplit(url)
    if not parts.netloc:
        return url
    host = parts.netloc.removeprefix("www.")
    rest = parts.path.rstrip("/")
    if parts.query:
        rest += f"?{parts.query}"
    return f"{host}{rest}"
