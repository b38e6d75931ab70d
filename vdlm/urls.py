from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.http import HttpResponse
from django.urls import include, path

from common.cacheable import cached_page
from vdlm.sitemaps import sitemaps
from vdlm.views import robots_txt

urlpatterns = [
    path("admin/", admin.site.urls),
    path("sitemap.xml", cached_page(sitemap), {"sitemaps": sitemaps}, name="sitemap"),
    path("robots.txt", cached_page(robots_txt), name="robots_txt"),
    path("", include("talks.urls")),
    path("", include("events.urls")),
]

if settings.DEBUG:
    # Photos and logos while developing (make run); in production the proxy serves them (see README).
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

if settings.VDLM_BENCH:
    # The benchmark's floor: the cheapest response a Django view can give through the whole middleware stack.
    urlpatterns.append(path("bench/floor/", lambda request: HttpResponse(b"ok"), name="bench_floor"))
