"""The server-error page, rendered without the request's context processors (whatever failed may be among them)
and telling the visitor only what is true: whether the organizers were sent the error (settings.ADMINS, through
EMAIL_URL) or it was only written to the server's log."""

from django.conf import settings
from django.http import HttpResponseServerError
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token

from vdlm.context_processors import site


@requires_csrf_token
def server_error(request):
    context = {**site(request), "organizers_emailed": bool(settings.ADMINS)}
    return HttpResponseServerError(loader.get_template("500.html").render(context))
