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
CSRF_FAILURE_VIEW = "vdlm.errors.csrf_failure"

INSTALLED_APPS = [
    "vdlm.admin_site.OrganizersAdminConfig",  # django.contrib.admin, with the organizers' site
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Login throttling: failed logins are counted per account and per address in the database.
    "axes",
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
    # First after those, so that a cached public page is answered before the rest runs (see vdlm/cache.py);
    # the security headers below are stored with each page and so are served with every hit too.
    "vdlm.cache.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "vdlm.security.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: answers a locked-out login with its message (AXES_HTTP_RESPONSE_CODE).
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    # First, so that a locked-out account or address is refused before its password is even checked.
    "vdlm.security.LoginThrottlingBackend",
    "django.contrib.auth.backends.ModelBackend",
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
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite made for several processes writing at once (an admin save while downloads count): the write-ahead
    # log lets readers go on during a write; IMMEDIATE takes the write lock when a transaction starts, so two
    # writers queue instead of failing with "database is locked" on a read-then-write; the timeout (seconds) is
    # how long a writer queues. synchronous=NORMAL is safe with WAL (a power cut may lose the last commit, never
    # corrupt the file).
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON",
        **DATABASES["default"].get("OPTIONS", {}),
    }

# Default: each process keeps its pages in its own memory, and all processes of the machine share the page
# generation through a small file (see vdlm/cache.py), so an organizer's edit reaches every worker at once.
# With several machines, CACHE_URL must name a cache they share (Redis); the generation then lives there too.
CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://vdlm")}
if CACHES["default"]["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache":
    CACHES["default"].setdefault("OPTIONS", {}).setdefault("MAX_ENTRIES", 2000)
if CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
    # A Redis that hangs must not hold a web worker: pages then render uncached (vdlm/cache.py).
    CACHES["default"].setdefault("OPTIONS", {}).update(socket_connect_timeout=0.5, socket_timeout=0.5)
# The file holding the page generation; default: next to the SQLite database, or in the project folder.
VDLM_PAGE_GENERATION_FILE = env.str("VDLM_PAGE_GENERATION_FILE", default="")

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
# Load balancers probe the health endpoint over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy (django-csp): public pages load scripts, styles, images and fonts from this site only,
# with no inline code at all; JSON-LD blocks are data, which CSP does not run and so does not block. The admin
# gets its own, slightly wider policy (vdlm/security.py): its widgets set inline styles.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'none'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "manifest-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'none'"],
    }
}
VDLM_ADMIN_CSP_DIRECTIVES = {
    **CONTENT_SECURITY_POLICY["DIRECTIVES"],
    "style-src": ["'self'", "'unsafe-inline'"],
}
# Permissions-Policy (django-permissions-policy): the site uses none of these browser features.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    )
}

# Login throttling (django-axes): after 10 failed logins for one account, or from one address, further attempts
# are refused for an hour with a plain message (429). Unlock early with `manage.py axes_reset_username NAME` or
# `manage.py axes_reset_ip ADDRESS` (README, "Configuration").
AXES_FAILURE_LIMIT = env.int("VDLM_LOGIN_FAILURE_LIMIT", default=10)
AXES_COOLOFF_TIME = env.float("VDLM_LOGIN_LOCK_HOURS", default=1.0)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_COOLOFF_MESSAGE = (
    f"Too many failed logins for this account or from this address: logging in is blocked for "
    f"{AXES_COOLOFF_TIME:g} hour(s). An organizer with access to the server can unlock it at once with "
    "'manage.py axes_reset_username NAME'."
)
AXES_CLIENT_IP_CALLABLE = "common.addresses.client_ip"
# How many proxies in front of gunicorn append to X-Forwarded-For (1 behind nginx or Caddy); 0 trusts none.
VDLM_TRUSTED_PROXIES = env.int("VDLM_TRUSTED_PROXIES", default=0)

# Email (500 reports, registration mails, speaker links) goes through EMAIL_URL.
# Who hears of server errors: Django mails every 500 to ADMINS ("Name <address>, …"), through EMAIL_URL.
# The default console backend writes those mails to the log, which suits a developer; production sets EMAIL_URL
# (e.g. smtp+tls://user:password@smtp.example.org:587).
ADMINS = [
    (name.strip(), address.strip(" >"))
    for name, _, address in (entry.rpartition("<") for entry in env.list("DJANGO_ADMINS", default=[]))
]
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
SERVER_EMAIL = env.str("DJANGO_SERVER_EMAIL", default="vdlm@localhost")
DEFAULT_FROM_EMAIL = SERVER_EMAIL

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

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("DJANGO_LOG_LEVEL", default="WARNING")},
}
