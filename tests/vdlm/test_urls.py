import importlib

import pytest
from django.urls import Resolver404, clear_url_caches, resolve
from django.views.static import serve

import vdlm.urls


def urls_with_debug(settings, debug: bool):
    settings.DEBUG = debug
    clear_url_caches()
    return importlib.reload(vdlm.urls)


def test_uploaded_photos_are_served_while_developing_and_not_in_production(settings):
    try:
        debug_urls = urls_with_debug(settings, True)
        assert resolve("/media/speakers/rene-donner.jpg", urlconf=debug_urls).func is serve
    finally:
        production_urls = urls_with_debug(settings, False)
    with pytest.raises(Resolver404):  # in production the proxy serves photos and logos
        resolve("/media/speakers/rene-donner.jpg", urlconf=production_urls)
