"""The site's URLs plus one view that fails, for the server-error tests."""

from django.urls import path

from vdlm.urls import handler500, urlpatterns  # noqa: F401 - the site's own error handler


def fail(request):
    raise RuntimeError("the database ran out of disk")


urlpatterns = [*urlpatterns, path("fail/", fail)]
