"""The site's own error pages, instead of Django's plain technical ones (whose inline style the CSP blocks).

The server-error page is rendered without the request's context processors (whatever failed may be among them) and
tells the visitor only what is true: whether the organizers were sent the error (settings.ADMINS, through
EMAIL_URL) or it was only written to the server's log. A refused form (CSRF) says what to do in plain words."""

from django.conf import settings
from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token

from vdlm.context_processors import site


@requires_csrf_token
def server_error(request):
    context = {**site(request), "organizers_emailed": bool(settings.ADMINS)}
    return HttpResponseServerError(loader.get_template("500.html").render(context))


def csrf_failure(request, reason=""):
    """A form sent without its security token: usually a page left open for long, or cookies blocked."""
    return render(request, "403_csrf.html", status=403)
