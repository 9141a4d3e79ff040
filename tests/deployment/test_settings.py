"""Settings come from the environment; production refuses to start without a real secret
and passes Django's deployment checks. Each case runs in a fresh interpreter."""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
ENV_NAMES = (
    "SECRET_KEY", "DEBUG", "ALLOWED_HOSTS", "DATABASE_URL", "ELASTICSEARCH_URL", "SEARCH_INDEX_PREFIX",
    "SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS", "CSRF_TRUSTED_ORIGINS", "DJANGO_SETTINGS_MODULE",
    "PORTAL_HTTPS", "TRUSTED_PROXY_COUNT", "SEARCH_RATE_LIMIT", "SEARCH_RATE_LIMIT_CACHE",
    "ELASTICSEARCH_USERNAME", "ELASTICSEARCH_PASSWORD",
)  # fmt: skip

DUMP_SETTINGS = """
import json, django
from django.conf import settings
django.setup()
db = settings.DATABASES["default"]
print(json.dumps({
    "engine": db["ENGINE"], "name": str(db["NAME"]), "host": db.get("HOST"), "port": db.get("PORT"),
    "user": db.get("USER"), "password": db.get("PASSWORD"),
    "debug": settings.DEBUG, "allowed_hosts": settings.ALLOWED_HOSTS,
    "environment": settings.PORTAL_ENVIRONMENT, "secret_length": len(settings.SECRET_KEY),
    "session_cookie_secure": settings.SESSION_COOKIE_SECURE, "csrf_cookie_secure": settings.CSRF_COOKIE_SECURE,
    "ssl_redirect": settings.SECURE_SSL_REDIRECT, "hsts": settings.SECURE_HSTS_SECONDS,
    "elasticsearch_url": settings.ELASTICSEARCH_URL, "index_prefix": settings.SEARCH_INDEX_PREFIX,
    "proxy_ssl_header": settings.SECURE_PROXY_SSL_HEADER, "csp": settings.CONTENT_SECURITY_POLICY_ENABLED,
    "rate_limit": settings.SEARCH_RATE_LIMIT, "rate_limit_cache": settings.CACHES["ratelimit"]["BACKEND"],
    "middleware": settings.MIDDLEWARE,
}))
"""


def environment(settings_module: str, **values: str) -> dict[str, str]:
    env = {name: value for name, value in os.environ.items() if name not in ENV_NAMES}
    env.update(DJANGO_SETTINGS_MODULE=settings_module, DATABASE_URL="sqlite:////tmp/x.sqlite3")
    env.update(values)
    return env


def python(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603 - our own interpreter and arguments
        [sys.executable, *args], cwd=REPO, env=env, capture_output=True, text=True, timeout=120
    )


DEV_DATABASE = str(REPO / "never-created-dev-check.sqlite3")  # only parsed, never opened
SECRET = secrets.token_urlsafe(48)
PRODUCTION = {"SECRET_KEY": SECRET, "ALLOWED_HOSTS": "exchange.example.org"}
CHECK_DEPLOY = ["manage.py", "check", "--deploy", "--fail-level", "WARNING"]
# The slow cases (a full Django start each): run together, in parallel, once per module.
SLOW_CASES = {
    "deploy_check": (CHECK_DEPLOY, environment("portal.settings.production", **PRODUCTION)),
    "weakened_deploy_check": (
        CHECK_DEPLOY,
        environment("portal.settings.production", **PRODUCTION, SECURE_SSL_REDIRECT="false"),
    ),
    "production_values": (
        ["-c", DUMP_SETTINGS],
        environment(
            "portal.settings.production",
            SECRET_KEY=SECRET,
            ALLOWED_HOSTS="exchange.example.org, www.exchange.example.org",
            DATABASE_URL="postgres://portal:s3cret@db.internal:5433/exchange",
            ELASTICSEARCH_URL="http://search.internal:9200",
            SEARCH_INDEX_PREFIX="exchange",
        ),
    ),
    "dev_values": (
        ["-c", DUMP_SETTINGS],
        environment("portal.settings.dev", DATABASE_URL=f"sqlite:///{DEV_DATABASE}"),
    ),
    "dev_debug_values": (
        ["-c", DUMP_SETTINGS],
        environment("portal.settings.dev", DATABASE_URL=f"sqlite:///{DEV_DATABASE}", DEBUG="1"),
    ),
}


@pytest.fixture(scope="module")
def slow() -> dict[str, subprocess.CompletedProcess]:
    with ThreadPoolExecutor(max_workers=len(SLOW_CASES)) as pool:
        futures = {name: pool.submit(python, args, env) for name, (args, env) in SLOW_CASES.items()}
        return {name: future.result() for name, future in futures.items()}


def dumped(result: subprocess.CompletedProcess) -> dict:
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_the_secret_used_is_64_characters():
    assert len(SECRET) == 64


@pytest.mark.parametrize("key", [None, "", "too-short-to-be-a-real-secret"])
def test_production_refuses_to_start_without_a_real_secret_key(key):
    env = environment("portal.settings.production", ALLOWED_HOSTS="exchange.example.org")
    if key is not None:
        env["SECRET_KEY"] = key
    result = python(["-c", "import django; django.setup(); print('STARTED')"], env)
    assert result.returncode != 0
    assert "STARTED" not in result.stdout
    assert "ImproperlyConfigured" in result.stderr
    assert "SECRET_KEY must be set" in result.stderr


def test_production_passes_the_deployment_checks(slow):
    result = slow["deploy_check"]
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_the_deployment_check_does_catch_a_weakened_setting(slow):
    """The check above can fail: turning off the HTTPS redirect is reported."""
    result = slow["weakened_deploy_check"]
    assert result.returncode != 0
    assert "security.W008" in result.stdout + result.stderr


def test_production_settings_are_secure_and_read_from_the_environment(slow):
    values = dumped(slow["production_values"])
    assert values["environment"] == "production"
    assert values["debug"] is False
    assert values["secret_length"] == 64
    assert values["allowed_hosts"] == ["exchange.example.org", "www.exchange.example.org"]
    assert values["session_cookie_secure"] and values["csrf_cookie_secure"] and values["ssl_redirect"]
    assert values["hsts"] >= 31536000
    # X-Forwarded-Proto is anyone's to send: believed only when TRUSTED_PROXY_COUNT says a proxy is in front.
    assert values["proxy_ssl_header"] is None
    assert values["csp"] is True and "portal.security.headers.ContentSecurityPolicyMiddleware" in values["middleware"]
    assert values["rate_limit"] == 120 and "portal.security.ratelimit.RateLimitMiddleware" in values["middleware"]
    assert values["rate_limit_cache"] == "django.core.cache.backends.db.DatabaseCache"  # shared by every worker
    assert values["middleware"][0] == "portal.request_log.RequestIdMiddleware"
    # DATABASE_URL is honoured.
    assert values["engine"] == "django.db.backends.postgresql"
    assert (values["name"], values["host"], values["port"]) == ("exchange", "db.internal", 5433)
    assert (values["user"], values["password"]) == ("portal", "s3cret")
    assert values["elasticsearch_url"] == "http://search.internal:9200"
    assert values["index_prefix"] == "exchange"


def test_development_runs_without_a_secret_and_on_sqlite(slow):
    values = dumped(slow["dev_values"])
    assert values["environment"] == "development"
    assert values["debug"] is False  # `make run` shows the portal's own 404 and 500 pages
    assert {"127.0.0.1", "localhost"} <= set(values["allowed_hosts"])
    assert values["secret_length"] > 0
    assert values["engine"] == "django.db.backends.sqlite3"
    assert values["name"] == DEV_DATABASE
    assert values["elasticsearch_url"] == ""  # the embedded database search engine


def test_development_shows_django_debug_pages_only_when_asked(slow):
    assert dumped(slow["dev_debug_values"])["debug"] is True


def test_no_secret_key_is_committed_in_base_or_production_settings():
    for name in ["base.py", "production.py"]:
        source = (REPO / "portal" / "settings" / name).read_text()
        assert 'SECRET_KEY = os.environ.get("SECRET_KEY", "")' in source, name


def test_test_settings_are_isolated(settings):
    assert settings.PORTAL_ENVIRONMENT == "test"
    assert settings.ELASTICSEARCH_URL == ""
    assert settings.SEARCH_INDEX_PREFIX.startswith("test_")
