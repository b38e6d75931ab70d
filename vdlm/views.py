"""Site-wide views: robots.txt, the icons browsers and phones ask for, the web manifest, the default social card.

The pictures are drawn once per process from the logo (common.artwork) and kept in memory; every link in them
names the site as configured (common.links), never the requesting host.
"""

import functools
import json

from django.conf import settings
from django.http import Http404, HttpResponse
from django.urls import reverse

from common.artwork import ACCENT, draw_card, draw_logo, ico_bytes, png_bytes
from common.http import add_validators
from common.links import absolute_url, site_host

ICON_MAX_AGE = 60 * 60 * 24 * 7
# The sizes a web manifest should offer (home screens, splash screens).
MANIFEST_ICON_SIZES = (192, 512)
APPLE_TOUCH_SIZE = 180
BACKGROUND = "#f4f6fa"  # --wash in static/css/site.css


def robots_txt(request):
    lines = ["User-agent: *", "Disallow: /admin/", f"Sitemap: {absolute_url(reverse('sitemap'))}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def _image_response(content: bytes, content_type: str) -> HttpResponse:
    return add_validators(HttpResponse(content, content_type=content_type), max_age=ICON_MAX_AGE)


@functools.cache
def _favicon() -> bytes:
    return ico_bytes()


@functools.cache
def _icon(size: int) -> bytes:
    # Square and full-bleed: phones cut their own shape out of it.
    return png_bytes(draw_logo(size, rounded=False).convert("RGB"))


@functools.cache
def _site_card(site_name: str, host: str) -> bytes:
    return draw_card(
        site_name=site_name,
        title=f"Talks, slides and videos of the {site_name}",
        lines=["Free evenings of talks on machine learning, since 2016"],
        footer=host,
    )


def favicon_ico(request):
    return _image_response(_favicon(), "image/x-icon")


def apple_touch_icon(request):
    return _image_response(_icon(APPLE_TOUCH_SIZE), "image/png")


def manifest_icon(request, size: int):
    if size not in MANIFEST_ICON_SIZES:
        raise Http404("No icon of that size.")
    return _image_response(_icon(size), "image/png")


def site_card(request):
    """The picture shared links show for pages without one of their own (a meetup has its own)."""
    return _image_response(_site_card(settings.VDLM_SITE_NAME, site_host()), "image/png")


def web_manifest(request):
    manifest = {
        "name": settings.VDLM_SITE_NAME,
        "short_name": settings.VDLM_SITE_SHORT_NAME,
        "description": f"Talks, slides and videos of the {settings.VDLM_SITE_NAME}, and the next meetup.",
        "id": "/",
        "start_url": "/",
        "scope": "/",
        "display": "browser",
        "lang": "en",
        "background_color": BACKGROUND,
        "theme_color": ACCENT,
        "icons": [
            *(
                {
                    "src": reverse("manifest_icon", kwargs={"size": size}),
                    "sizes": f"{size}x{size}",
                    "type": "image/png",
                }
                for size in MANIFEST_ICON_SIZES
            ),
            # Full-bleed with the logo inside the safe circle, so systems may cut their own shape out of it.
            {
                "src": reverse("manifest_icon", kwargs={"size": 512}),
                "sizes": "512x512",
                "type": "image/png",
                "purpose": "maskable",
            },
        ],
    }
    response = HttpResponse(
        json.dumps(manifest, ensure_ascii=False), content_type="application/manifest+json"
    )
    return add_validators(response, max_age=ICON_MAX_AGE)
