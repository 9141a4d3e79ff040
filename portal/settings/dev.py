"""Local development: `make run`. Debug on, a throwaway key if none is given."""

import os

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-insecure-key-not-for-production"
PORTAL_ENVIRONMENT = "development"
# Moderation emails (submitted, approved, changes requested) are printed, not sent, unless told otherwise.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
