"""Production: refuses to start without a secret key; HTTPS-only cookies and HSTS when served over HTTPS.

PORTAL_HTTPS says whether browsers reach the site over HTTPS (default on). It
drives the cookies' Secure flag, HSTS and the redirect to HTTPS together: a
Secure CSRF cookie on a plain-HTTP site is never sent back, and every login fails
CSRF. Without PORTAL_HTTPS, SECURE_SSL_REDIRECT=false alone (the older switch)
also means plain HTTP. X-Forwarded-Proto is believed only with a proxy in front
(TRUSTED_PROXY_COUNT), as anyone can send it.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import CACHES, LOGGING, TRUSTED_PROXY_COUNT, env_bool, env_list, env_whole_number, rate_limit_cache

PORTAL_ENVIRONMENT = "production"
DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if len(SECRET_KEY) < 50:
    raise ImproperlyConfigured(
        "SECRET_KEY must be set (at least 50 random characters) in production, e.g. "
        "python -c 'import secrets; print(secrets.token_urlsafe(64))'"
    )

PORTAL_HTTPS = env_bool("PORTAL_HTTPS", env_bool("SECURE_SSL_REDIRECT", True))
# A proxy that redirects to HTTPS itself may leave Django's redirect off; plain HTTP can have none.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", PORTAL_HTTPS)
if SECURE_SSL_REDIRECT and not PORTAL_HTTPS:
    raise ImproperlyConfigured("SECURE_SSL_REDIRECT is on but PORTAL_HTTPS is off: set PORTAL_HTTPS=true for HTTPS.")
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # the container's health check asks over plain HTTP, from inside
if TRUSTED_PROXY_COUNT:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = PORTAL_HTTPS
CSRF_COOKIE_SECURE = PORTAL_HTTPS
SECURE_HSTS_SECONDS = env_whole_number("SECURE_HSTS_SECONDS", 31536000) if PORTAL_HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = PORTAL_HTTPS
SECURE_HSTS_PRELOAD = PORTAL_HTTPS
# Only needed when browsers' Origin differs from the Host the portal sees (a proxy that rewrites Host);
# give the scheme browsers use: https:// with PORTAL_HTTPS, http:// without.
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# Several gunicorn workers (and perhaps containers): the rate limit counts in the database they share.
CACHES = {**CACHES, "ratelimit": rate_limit_cache("database")}

# One JSON object per line, each with the request's id; the access log is ours (portal.requests).
LOGGING = {
    **LOGGING,
    "formatters": {"json": {"()": "portal.request_log.JsonFormatter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "json", "filters": ["request_id"]}},
    "loggers": {
        **LOGGING["loggers"],
        "portal": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}
