"""Settings shared by every environment; all deployment values come from the environment."""

import os
from pathlib import Path

import dj_database_url

PORTAL_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PORTAL_DIR.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_positive_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    if not (value.isascii() and value.isdigit()) or int(value) < 1:
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured(f"{name} must be a whole number of 1 or more, not {value[:40]!r}.")
    return int(value)


def env_whole_number(name: str, default: int) -> int:
    """A count that may be 0 (which turns the thing it counts off)."""
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    if not (value.isascii() and value.isdigit()):
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured(f"{name} must be a whole number (0 or more), not {value[:40]!r}.")
    return int(value)


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")

INSTALLED_APPS = [
    "portal",
    "themes",
    "casestudies",
    "search",
    "curation",
    "curation.guides",
    "curation.barrier_register",
    "curation.analytics",
    "curation.promotions",
    "network",
    "allauth",
    "allauth.account",
    "django_tasks_db",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "portal.request_log.RequestIdMiddleware",  # first: every later log line of the request carries its id
    "django.middleware.security.SecurityMiddleware",
    "portal.design_system.PortalWhiteNoiseMiddleware",  # WhiteNoise, plus the design system's /assets/
    "portal.security.headers.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "portal.security.ratelimit.RateLimitMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PORTAL_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Readers never wait for a writer (write-ahead log), a commit needs no fsync of the whole file,
    # and a write waits its turn instead of failing while another process writes (web workers, task worker).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        init_command="PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        transaction_mode="IMMEDIATE",
        timeout=20,
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Network members (network/): django-allauth signs them up and in by email address, verified by email
# before the first sign-in; Wagtail's admin login keeps Django's own backend.
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_CONFIRM_EMAIL_ON_GET = False  # the link opens a page with a button: mail scanners follow links
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_SIGNUP_FORM_HONEYPOT_FIELD = "website"  # filled in only by bots: they are told "sent", nothing is made
ACCOUNT_EMAIL_SUBJECT_PREFIX = "Pioneer Exchange: "
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "network_account"
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
# "Ask the pioneer" (network/questions.py): questions one member may ask in an hour, counted in the database
# (so across every worker); 0 turns the limit off.
NETWORK_QUESTIONS_PER_HOUR = env_whole_number("NETWORK_QUESTIONS_PER_HOUR", 5)

# Email (sign-up verification, password resets, moderation notices). Production sends through SMTP as
# these say; `make run` prints to the console (dev.py); tests keep mail in memory (Django's test runner).
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "").strip() or "Pioneer Exchange <no-reply@example.org>"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

# Static files: each app's static/ folder (portal/static holds our CSS), and the NHS design system
# from npm (package.json): its precompiled CSS, JS, source maps and assets, as nhsuk/...
NHSUK_FRONTEND_DIR = BASE_DIR / "node_modules" / "nhsuk-frontend" / "dist" / "nhsuk"
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
    "portal.design_system.NHSUKFrontendFinder",
]
STATIC_ROOT = BASE_DIR / "staticfiles"
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"
SERVE_MEDIA = False  # uploads are served by Django only under `make run` (dev settings)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

WAGTAIL_SITE_NAME = "Pioneer Exchange"
# Where the footer's contact page sends people: the exchange team's mailbox.
CONTACT_EMAIL = os.environ.get("CONTACT_EMAIL", "").strip() or "pioneer-exchange@example.org"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# The admin's own search stays on the database: the public search is ours (search/).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
TAGGIT_CASE_INSENSITIVE = True
# Avatars are initials drawn by the admin, not images fetched from an outside service.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Public search (search/): unset ELASTICSEARCH_URL means the database engine.
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "").strip()
SEARCH_INDEX_PREFIX = os.environ.get("SEARCH_INDEX_PREFIX", "pioneer").strip() or "pioneer"
# A cluster with security on: basic auth, unless ELASTICSEARCH_URL carries its own user and password.
# The user defaults to `elastic` when only a password is given (search/engines/elasticsearch/client.py).
ELASTICSEARCH_USERNAME = os.environ.get("ELASTICSEARCH_USERNAME", "").strip()
ELASTICSEARCH_PASSWORD = os.environ.get("ELASTICSEARCH_PASSWORD", "")
# Separate, short timeouts: a frozen cluster must not hold up a reader or a publish for long.
ELASTICSEARCH_SEARCH_TIMEOUT = float(os.environ.get("ELASTICSEARCH_SEARCH_TIMEOUT", "2"))
ELASTICSEARCH_WRITE_TIMEOUT = float(os.environ.get("ELASTICSEARCH_WRITE_TIMEOUT", "3"))
ELASTICSEARCH_BULK_TIMEOUT = float(os.environ.get("ELASTICSEARCH_BULK_TIMEOUT", "60"))  # rebuilds and repairs
# Each index's primary shards and replica copies (replicas need that many more nodes: 1 on a
# three-node cluster survives losing a node). `search_index ensure` applies a new replica count to the
# live indices; a new shard count takes a rebuild.
ELASTICSEARCH_SHARDS = int(os.environ.get("ELASTICSEARCH_SHARDS", "1"))
ELASTICSEARCH_REPLICAS = int(os.environ.get("ELASTICSEARCH_REPLICAS", "0"))
# After a rebuild swaps the aliases, the old index is kept this long so searches already running finish.
SEARCH_REBUILD_RETIRE_SECONDS = float(os.environ.get("SEARCH_REBUILD_RETIRE_SECONDS", ELASTICSEARCH_SEARCH_TIMEOUT + 1))
SEARCH_TABLE_CACHE_SECONDS = float(os.environ.get("SEARCH_TABLE_CACHE_SECONDS", "30"))  # search/table_cache.py
# Index changes queued while Elasticsearch is away are retried after 5 s, 10 s, 20 s, ... up to 5 minutes.
SEARCH_RETRY_BASE_SECONDS = float(os.environ.get("SEARCH_RETRY_BASE_SECONDS", "5"))
SEARCH_RETRY_MAX_SECONDS = float(os.environ.get("SEARCH_RETRY_MAX_SECONDS", "300"))
# Without a queue worker (the "immediate" task backend) retries run on a timer in the web process.
SEARCH_RETRY_IN_PROCESS = True

# Search analytics (curation.analytics): `manage.py purge_search_log` removes what is older than this.
SEARCH_LOG_RETENTION_DAYS = env_positive_int("SEARCH_LOG_RETENTION_DAYS", 365)
# Rows are written in the background, together, at most this long after the response (0: as each response closes).
SEARCH_LOG_WRITE_SECONDS = max(0.0, float(os.environ.get("SEARCH_LOG_WRITE_SECONDS", "2")))

# Security (portal/security/). How many reverse proxies stand in front of the portal, each appending to
# X-Forwarded-For: 0 (the default) means none, and X-Forwarded-For and X-Forwarded-Proto are ignored.
TRUSTED_PROXY_COUNT = env_whole_number("TRUSTED_PROXY_COUNT", 0)
# allauth's own rate limits (sign-up, sign-in, password reset) count per client address the same way.
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT
# Searches a minute per client address over the API, the search page, feeds and CSV exports (an export
# counts as 10, portal/security/ratelimit.py); 0 turns the limit off.
SEARCH_RATE_LIMIT = env_whole_number("SEARCH_RATE_LIMIT", 120)
# "We reused this" records (and withdrawals) an hour per member (network/views.py); 0 turns the limit off.
REUSE_RATE_LIMIT = env_whole_number("REUSE_RATE_LIMIT", 30)
# The rate limits' counters: "local" keeps them in each process (one process: `make run`); "database"
# shares them between every worker and container through a table (`manage.py createcachetable`).
RATE_LIMIT_CACHES = {
    "local": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "ratelimit"},
    "database": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "portal_rate_limit",
        # A counter a minute per address. Each write counts the rows, and expired ones are only removed
        # past MAX_ENTRIES: a small table keeps that cheap; past it, live counters may be culled (counted low).
        "OPTIONS": {"MAX_ENTRIES": 5000, "CULL_FREQUENCY": 4},
    },
}


def rate_limit_cache(default: str) -> dict:
    """The rate limit's cache, as SEARCH_RATE_LIMIT_CACHE names it (each settings module has its default)."""
    name = os.environ.get("SEARCH_RATE_LIMIT_CACHE", "").strip() or default
    if name not in RATE_LIMIT_CACHES:
        from django.core.exceptions import ImproperlyConfigured

        choices = ", ".join(RATE_LIMIT_CACHES)
        raise ImproperlyConfigured(f"SEARCH_RATE_LIMIT_CACHE must be one of {choices}, not {name!r}.")
    return RATE_LIMIT_CACHES[name]


CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "ratelimit": rate_limit_cache("local"),
}

# Content-Security-Policy (portal/security/headers.py), declared here once. The public pages run only
# our own scripts and stylesheets (no inline script, event attribute or style attribute in any template);
# the NHS typeface comes from assets.nhs.uk. Nothing may frame them.
CONTENT_SECURITY_POLICY_ENABLED = True
CONTENT_SECURITY_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'"],
    "font-src": ["'self'", "https://assets.nhs.uk"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}
# Wagtail's admin runs inline scripts and styles, shows uploads through blob: and data: URLs, frames its
# own page previews (given this policy too: portal/security/headers.py) and asks releases.wagtail.org for
# new versions.
CONTENT_SECURITY_POLICY_ADMIN_PREFIX = "/admin/"
CONTENT_SECURITY_POLICY_ADMIN = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:", "https://assets.nhs.uk"],
    "connect-src": ["'self'", "https://releases.wagtail.org"],
    "frame-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
}
# Sent by Django's SecurityMiddleware and XFrameOptionsMiddleware (these are its defaults, stated here).
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"  # Wagtail's preview view answers SAMEORIGIN for itself

# Background tasks (index updates, Wagtail's own). "immediate" runs them in the web process right
# after the change commits (make run); "database" queues them for `manage.py db_worker` (production).
TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "immediate").strip() or "immediate"
if TASKS_BACKEND not in TASK_BACKENDS:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured(f"TASKS_BACKEND must be one of {', '.join(TASK_BACKENDS)}, not {TASKS_BACKEND!r}.")
TASKS = {"default": {"BACKEND": TASK_BACKENDS[TASKS_BACKEND]}}

# Every line names the request it belongs to (portal/request_log.py); production writes JSON lines.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "portal.request_log.RequestIdFilter"}},
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s]: %(message)s"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain", "filters": ["request_id"]},
    },
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "search": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "casestudies": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "curation": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}
