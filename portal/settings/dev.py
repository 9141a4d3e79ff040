"""Local development: `make run`. A throwaway key if none is given; Django's debug pages only with DEBUG=1.

With DEBUG off a newcomer meets the portal's own 404 and 500 pages. Static files
are served by WhiteNoise either way, straight from the finders (no collectstatic)
and re-read as they change.
"""

import os

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-insecure-key-not-for-production"
PORTAL_ENVIRONMENT = "development"
# Moderation emails (submitted, approved, changes requested) are printed, not sent, unless told otherwise.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
SERVE_MEDIA = True
