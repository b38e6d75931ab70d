from django.conf import settings


def site(request):
    """The site's names and links for every template: `{{ site.name }}`, `{{ site.group_url }}`…"""
    return {
        "site": {
            "name": settings.VDLM_SITE_NAME,
            "short_name": settings.VDLM_SITE_SHORT_NAME,
            "city": settings.VDLM_CITY,
            "contact_email": settings.VDLM_CONTACT_EMAIL,
            "group_url": settings.VDLM_GROUP_URL,
        }
    }
