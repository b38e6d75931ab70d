"""Who sees what: every public model's QuerySet has `visible_to(user)`; outputs for everybody (feeds, calendar
subscriptions, the API, the sitemap) ask it for `PUBLIC`, a visitor without an account."""

from django.contrib.auth.models import AnonymousUser

PUBLIC = AnonymousUser()
