"""Where a request comes from, for login throttling (django-axes) and registration throttling alike."""

from django.conf import settings


def client_ip(request) -> str:
    """The visitor's address: REMOTE_ADDR, or behind VDLM_TRUSTED_PROXIES proxies the address the outermost of
    them saw. Each proxy appends the address it was reached from to X-Forwarded-For, so only that many entries from
    the right can be trusted; anything further left is whatever the client sent."""
    proxies = settings.VDLM_TRUSTED_PROXIES
    forwarded = [
        part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()
    ]
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")
