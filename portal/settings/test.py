"""Test runs: fast hashing, in-memory SQLite unless DATABASE_URL says otherwise (make test's PostgreSQL leg)."""

import os

from .base import *  # noqa: F403
from .base import RATE_LIMIT_CACHES

# A run's own test database on a shared server (scripts/run-tests.sh names one per run).
if os.environ.get("TEST_DATABASE_NAME") and DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": os.environ["TEST_DATABASE_NAME"]}  # noqa: F405
SECRET_KEY = "test-only-key"  # noqa: S105 - tests only
DEBUG = False
PORTAL_ENVIRONMENT = "test"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Tests choose their engine explicitly; the index prefix keeps test indices apart.
ELASTICSEARCH_URL = ""
TEST_ELASTICSEARCH_URL = os.environ.get("TEST_ELASTICSEARCH_URL", "http://127.0.0.1:9200")
SEARCH_INDEX_PREFIX = "test_pioneer"
# A busy CI machine must not turn a slow answer into a fallback or a queued write: the tests of
# outages and frozen clusters set the production-like short timeouts themselves.
ELASTICSEARCH_SEARCH_TIMEOUT = 15
ELASTICSEARCH_WRITE_TIMEOUT = 15
# Index changes apply at once after each commit; retries are driven by the tests, not by timers.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
SEARCH_RETRY_IN_PROCESS = False
SEARCH_REBUILD_RETIRE_SECONDS = 0  # no search of a test outlives its own rebuild
SEARCH_LOG_WRITE_SECONDS = 0  # search log rows written as each response closes, inside the test's transaction
# Serve static files straight from the finders, so pages' stylesheet links resolve without collectstatic.
WHITENOISE_USE_FINDERS = True
# Off unless a test turns them on (tests/security/): the suite makes hundreds of searches from one address,
# and the browser tests inject axe-core as an inline script, which the Content-Security-Policy would refuse.
SEARCH_RATE_LIMIT = 0
REUSE_RATE_LIMIT = 0
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "ratelimit": RATE_LIMIT_CACHES["local"],
}
TRUSTED_PROXY_COUNT = 0
CONTENT_SECURITY_POLICY_ENABLED = False
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
