from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.http import HttpResponse
from django.urls import include, path

from common.cacheable import cached_page
from vdlm import views
from vdlm.health import healthz
from vdlm.sitemaps import sitemap_xml

handler500 = "vdlm.errors.server_error"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("sitemap.xml", cached_page(sitemap_xml), name="sitemap"),
    path("robots.txt", cached_page(views.robots_txt), name="robots_txt"),
    path("manifest.webmanifest", cached_page(views.web_manifest), name="web_manifest"),
    # Asked for at these addresses by browsers and phones whatever the page says; drawn once per process.
    path("favicon.ico", views.favicon_ico, name="favicon"),
    path("apple-touch-icon.png", views.apple_touch_icon, name="apple_touch_icon"),
    path("apple-touch-icon-precomposed.png", views.apple_touch_icon),
    path("icons/icon-<int:size>.png", views.manifest_icon, name="manifest_icon"),
    path("social-card.png", views.site_card, name="site_card"),
    path("healthz", healthz, name="healthz"),
    path("", include("talks.urls")),
    path("", include("events.urls")),
]

if settings.DEBUG:
    # Photos and logos while developing (make run); in production the proxy serves them (see README).
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

if settings.VDLM_BENCH:
    # The benchmark's floor: the cheapest response a Django view can give through the whole middleware stack.
    urlpatterns.append(path("bench/floor/", lambda request: HttpResponse(b"ok"), name="bench_floor"))
