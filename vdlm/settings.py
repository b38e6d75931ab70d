"""Settings for vdlm, driven by the environment (see .env.example).

The defaults serve a developer on a fresh machine: a SQLite file, the local-memory cache, DEBUG only when asked.
Production behaviour is switched by environment variables, never by a second settings module.
"""

from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env")

DEBUG = env.bool("DJANGO_DEBUG", default=False)

# A development key only while DEBUG is on; production must bring its own.
SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. Set it in the environment or in .env "
            "(or set DJANGO_DEBUG=1 for local development)."
        )
    SECRET_KEY = "django-insecure-development-only-key-do-not-use-in-production"

ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "vdlm.admin_site.OrganizersAdminConfig",  # django.contrib.admin, with the organizers' site
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # The project's apps, in their import order: each imports only those above it (make lint checks).
    "common",
    "talks",
    "events",
    "archive",
    "vdlm",
]

# The apps whose models the public pages show: organizers may edit them, and every write drops cached pages.
VDLM_CONTENT_APPS = ["talks", "events"]

MIDDLEWARE = [
    # Outermost, so that page-cache hits and 304s carry CORS too, and preflights are answered at once.
    "vdlm.cors.ApiCorsMiddleware",
    # Compresses what the page cache has not (misses, query strings, the admin); a hit is already gzipped.
    "vdlm.compression.TextGZipMiddleware",
    # Answers If-None-Match/If-Modified-Since with 304, on page-cache hits too (validators: common/http.py).
    "django.middleware.http.ConditionalGetMiddleware",
    # First after those, so that a cached public page is answered before the rest runs (see vdlm/cache.py).
    "vdlm.cache.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "vdlm.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "vdlm.context_processors.site",
            ],
        },
    },
]

WSGI_APPLICATION = "vdlm.wsgi.application"

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DJANGO_CONN_MAX_AGE", default=60)

CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://vdlm")}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# British English: European dates ("23 Sep 2026", 23/09/2026) in the admin and on the pages.
LANGUAGE_CODE = "en-gb"
TIME_ZONE = env.str("DJANGO_TIME_ZONE", default="Europe/Vienna")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = env.path("DJANGO_STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Hashed file names, so browsers may cache static files forever; plain storage while developing.
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

FIXTURE_DIRS = [BASE_DIR / "fixtures"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# Links typed without a scheme get https:// (Django 6.0 behaviour).
FORMS_URLFIELD_ASSUME_HTTPS = True

# Production switches: on whenever DEBUG is off, each can be turned off (e.g. behind a TLS-terminating proxy in tests).
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=not DEBUG)
SESSION_COOKIE_SECURE = env.bool("DJANGO_SECURE_COOKIES", default=not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_HSTS_SECONDS = env.int("DJANGO_HSTS_SECONDS", default=0 if DEBUG else 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_SECONDS > 0
SECURE_HSTS_PRELOAD = SECURE_HSTS_SECONDS > 0
# The proxy (nginx, a PaaS router) terminates TLS and says so in this header.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Who the site is for: names, city and contact, used by pages, feeds, calendars and exports alike.
VDLM_SITE_NAME = env.str("VDLM_SITE_NAME", default="Vienna Deep Learning Meetup")
VDLM_SITE_SHORT_NAME = env.str("VDLM_SITE_SHORT_NAME", default="VDLM")
VDLM_CITY = env.str("VDLM_CITY", default="Vienna")
VDLM_CONTACT_EMAIL = env.str("VDLM_CONTACT_EMAIL", default="organizers@vdlm.at")
# The group's page elsewhere (meetup.com), linked from the footer.
VDLM_GROUP_URL = env.str("VDLM_GROUP_URL", default="https://www.meetup.com/Vienna-Deep-Learning-Meetup/")

# Largest slide upload in bytes (organizers' PDFs); uploads above are refused with a clear message.
VDLM_SLIDES_MAX_BYTES = env.int("VDLM_SLIDES_MAX_BYTES", default=50 * 1024 * 1024)
# Days after the meetup during which speakers may still edit their talk through its private link.
VDLM_SPEAKER_LINK_DAYS = env.int("VDLM_SPEAKER_LINK_DAYS", default=30)
# Where repository-relative slide links of the historic archive point to.
VDLM_SLIDES_BASE_URL = env.str("VDLM_SLIDES_BASE_URL", default="https://github.com/vdlm/meetups/raw/master/")
# The public site's address, for absolute links read elsewhere (exported READMEs, calendar UIDs).
VDLM_SITE_URL = env.str("VDLM_SITE_URL", default="http://localhost:8000")
# Adds /bench/floor/, the minimal view the load benchmark (make bench) compares the pages with.
VDLM_BENCH = env.bool("VDLM_BENCH", default=False)

# Registration on the site (events.services.registrations): personal data of a meetup's registrations is anonymised
# this many days after it (manage.py anonymise_registrations, run daily or hourly), keeping the counts.
VDLM_REGISTRATION_RETENTION_DAYS = env.int("VDLM_REGISTRATION_RETENTION_DAYS", default=30)
# Registration forms accepted per hour from one IP address and for one email address (0: no limit).
VDLM_REGISTRATION_LIMIT_PER_IP = env.int("VDLM_REGISTRATION_LIMIT_PER_IP", default=20)
VDLM_REGISTRATION_LIMIT_PER_EMAIL = env.int("VDLM_REGISTRATION_LIMIT_PER_EMAIL", default=5)
# How many proxies in front of gunicorn append to X-Forwarded-For (1 behind nginx or Caddy); 0 trusts none.
VDLM_TRUSTED_PROXIES = env.int("VDLM_TRUSTED_PROXIES", default=0)

# Email (registration mails, speaker links): EMAIL_URL, e.g. smtp+tls://user:password@smtp.example.org:587;
# the console by default, which suits a developer.
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
SERVER_EMAIL = env.str("DJANGO_SERVER_EMAIL", default="vdlm@localhost")
DEFAULT_FROM_EMAIL = SERVER_EMAIL

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("DJANGO_LOG_LEVEL", default="WARNING")},
}
