"""The organizers' admin site: the site's names, and autocomplete choices that say which "Jan Schlüter" is meant."""

from django.conf import settings
from django.contrib.admin import AdminSite
from django.contrib.admin.apps import AdminConfig
from django.contrib.admin.views.autocomplete import AutocompleteJsonView


class LabelledAutocompleteJsonView(AutocompleteJsonView):
    def serialize_result(self, obj, to_field_name):
        result = super().serialize_result(obj, to_field_name)
        label = getattr(obj, "autocomplete_label", None)
        if label:
            result["text"] = label
        return result


class OrganizersAdminConfig(AdminConfig):
    """django.contrib.admin, with this site as the default one (`admin.site`)."""

    default_site = "vdlm.admin_site.OrganizersAdminSite"


class OrganizersAdminSite(AdminSite):
    site_header = f"{settings.VDLM_SITE_NAME} – organizers"
    site_title = f"{settings.VDLM_SITE_SHORT_NAME} admin"
    index_title = "Prepare meetups"

    def autocomplete_view(self, request):
        return LabelledAutocompleteJsonView.as_view(admin_site=self)(request)
