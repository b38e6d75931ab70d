"""Site-wide security glue: the admin's own Content-Security-Policy, and login throttling for web logins only."""

from axes.backends import AxesStandaloneBackend
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.urls import reverse


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with settings.VDLM_ADMIN_CSP_DIRECTIVES for the admin (its widgets set inline
    styles); every other page gets the strict CONTENT_SECURITY_POLICY."""

    def get_policy_parts(self, request, response, report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and request.path_info.startswith(reverse("admin:index")):
            parts.config = settings.VDLM_ADMIN_CSP_DIRECTIVES
        return parts


class LoginThrottlingBackend(AxesStandaloneBackend):
    """django-axes' check, for logins over the web (which always come with their request). A log-in without a
    request (the shell, a management command, the test client's login()) is no attempt from outside, so it is not
    counted, instead of failing as axes' own backend does."""

    def authenticate(self, request=None, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
