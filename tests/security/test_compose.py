"""The production compose file (docker-compose.yml) and the settings it gives the portal.

The file is read as YAML and its variables resolved as compose resolves them (from .env, here
.env.example with the secrets filled in); the portal's production settings are then imported in a
fresh interpreter with the web service's environment, over plain HTTP (the default: port 8000
published) and behind an HTTPS proxy.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
COMPOSE = yaml.safe_load((REPO / "docker-compose.yml").read_text())
SERVICES = COMPOSE["services"]
VARIABLE = re.compile(r"\$\{(\w+)(?:(:[-?])([^}]*))?\}")
ENV_NAMES = {
    "SECRET_KEY", "DEBUG", "ALLOWED_HOSTS", "DATABASE_URL", "ELASTICSEARCH_URL", "ELASTICSEARCH_USERNAME",
    "ELASTICSEARCH_PASSWORD", "PORTAL_HTTPS", "SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS", "CSRF_TRUSTED_ORIGINS",
    "TRUSTED_PROXY_COUNT", "SEARCH_RATE_LIMIT", "SEARCH_RATE_LIMIT_CACHE", "DJANGO_SETTINGS_MODULE",
}  # fmt: skip


def dotenv(**overrides: str) -> dict[str, str]:
    """.env as an operator makes it from .env.example: the secrets filled in, the rest as documented."""
    values = {}
    for line in (REPO / ".env.example").read_text().splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            name, _, value = line.partition("=")
            values[name.strip()] = value.strip()
    values.update(
        SECRET_KEY=secrets.token_urlsafe(48), POSTGRES_PASSWORD="pg-secret", ELASTIC_PASSWORD="elastic-secret"
    )
    values.update(overrides)
    return values


def resolve(text: str, variables: dict[str, str]) -> str:
    """Compose's interpolation: ${NAME}, ${NAME:-default}, ${NAME:?error}, and $$ for a dollar sign."""

    def value(match: re.Match) -> str:
        name, kind, rest = match.groups()
        found = variables.get(name, "")
        if kind == ":?" and not found:
            raise ValueError(f"compose would refuse to start: {rest}")
        return found or (rest if kind == ":-" else "")

    return VARIABLE.sub(value, text.replace("$$", "\0")).replace("\0", "$")


def web_environment(**overrides: str) -> dict[str, str]:
    """What the web container's process sees: .env (env_file), then the service's environment on top."""
    variables = dotenv(**overrides)
    service = {name: resolve(str(value), variables) for name, value in SERVICES["web"]["environment"].items()}
    return {**variables, **service}


def test_only_the_web_service_is_published():
    published = sorted(name for name, service in SERVICES.items() if "ports" in service)
    assert published == ["web"]
    for name in ("db", "elasticsearch"):
        assert "network_mode" not in SERVICES[name]  # host networking would publish every port


def test_elasticsearch_security_is_on_with_the_password_from_env():
    environment = SERVICES["elasticsearch"]["environment"]
    assert environment["xpack.security.enabled"] == "true"
    assert environment["ELASTIC_PASSWORD"].startswith("${ELASTIC_PASSWORD:?")  # required: compose refuses without
    assert '-u "elastic:$$ELASTIC_PASSWORD"' in " ".join(SERVICES["elasticsearch"]["healthcheck"]["test"])
    assert re.search(r"^ELASTIC_PASSWORD=$", (REPO / ".env.example").read_text(), re.MULTILINE)
    with pytest.raises(ValueError, match="set ELASTIC_PASSWORD"):
        web_environment(ELASTIC_PASSWORD="")


def test_the_portal_signs_in_to_elasticsearch():
    environment = web_environment()
    assert environment["ELASTICSEARCH_URL"] == "http://elasticsearch:9200"
    assert (environment["ELASTICSEARCH_USERNAME"], environment["ELASTICSEARCH_PASSWORD"]) == (
        "elastic",
        "elastic-secret",
    )
    assert SERVICES["worker"]["environment"] == SERVICES["web"]["environment"]  # the worker writes the index


def test_the_web_healthcheck_asks_healthz():
    check = " ".join(SERVICES["web"]["healthcheck"]["test"])
    assert "http://127.0.0.1:8000/healthz" in check
    assert "/api/v1/search" not in check  # a search would fail the check while Elasticsearch is down


def test_saved_search_digests_are_sent_on_a_schedule_with_the_portals_settings():
    digests = SERVICES["digests"]
    assert "manage.py send_digests" in digests["command"] and "sleep 3600" in digests["command"]
    assert digests["environment"] == SERVICES["web"]["environment"]  # the same database and mail settings
    assert "ports" not in digests


def test_the_web_service_prepares_the_rate_limit_table_and_leaves_logging_to_the_portal():
    command = SERVICES["web"]["command"]
    assert command.index("createcachetable") < command.index("gunicorn")
    assert "--access-logfile" not in command


# --- The production settings under the compose environment, each in a fresh interpreter ---

# The settings module and Django's logging set-up, without loading every app (django.setup): a fraction
# of the time, and the same settings.
DUMP = """
import json, logging
from django.conf import settings
from django.utils.log import configure_logging
configure_logging(settings.LOGGING_CONFIG, settings.LOGGING)
print(json.dumps({
    "session_cookie_secure": settings.SESSION_COOKIE_SECURE, "csrf_cookie_secure": settings.CSRF_COOKIE_SECURE,
    "ssl_redirect": settings.SECURE_SSL_REDIRECT, "hsts": settings.SECURE_HSTS_SECONDS,
    "proxy_ssl_header": settings.SECURE_PROXY_SSL_HEADER, "trusted_proxies": settings.TRUSTED_PROXY_COUNT,
    "csrf_trusted_origins": settings.CSRF_TRUSTED_ORIGINS, "rate_limit": settings.SEARCH_RATE_LIMIT,
    "rate_limit_cache": settings.CACHES["ratelimit"]["BACKEND"], "csp": settings.CONTENT_SECURITY_POLICY_ENABLED,
    "es_user": settings.ELASTICSEARCH_USERNAME, "es_password_set": bool(settings.ELASTICSEARCH_PASSWORD),
}))
logging.getLogger("search").warning("index %s is behind", "pioneer-content")
try:
    1 / 0
except ZeroDivisionError:
    logging.getLogger("django.request").exception("Internal Server Error: /search/")
"""
CHECK_DEPLOY = ["manage.py", "check", "--deploy", "--fail-level", "WARNING"]
HTTPS = {"PORTAL_HTTPS": "true", "TRUSTED_PROXY_COUNT": "1", "ALLOWED_HOSTS": "exchange.example.org"}


def process_environment(container: dict[str, str]) -> dict[str, str]:
    env = {name: value for name, value in os.environ.items() if name not in ENV_NAMES}
    return {**env, **container, "DJANGO_SETTINGS_MODULE": "portal.settings.production"}


CASES = {
    "http": (["-c", DUMP], web_environment()),
    "https": (["-c", DUMP], web_environment(**HTTPS)),
    "https_deploy_check": (CHECK_DEPLOY, web_environment(**HTTPS)),
    "contradiction": (["-c", DUMP], web_environment(PORTAL_HTTPS="false", SECURE_SSL_REDIRECT="true")),
}


def run(args: list[str], container: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603 - our own interpreter and arguments
        [sys.executable, *args],
        cwd=REPO,
        env=process_environment(container),
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture(scope="session")  # pytest-django runs this module's database tests apart from the others: start once
def started() -> dict[str, subprocess.CompletedProcess]:
    with ThreadPoolExecutor(max_workers=len(CASES)) as pool:
        futures = {name: pool.submit(run, *case) for name, case in CASES.items()}
        return {name: future.result() for name, future in futures.items()}


def dumped(result: subprocess.CompletedProcess) -> dict:
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_over_plain_http_cookies_are_not_secure_and_nothing_trusts_forwarded_headers(started):
    values = dumped(started["http"])
    assert values["session_cookie_secure"] is False and values["csrf_cookie_secure"] is False
    assert values["ssl_redirect"] is False and values["hsts"] == 0
    assert values["proxy_ssl_header"] is None and values["trusted_proxies"] == 0
    assert values["rate_limit"] == 120 and values["rate_limit_cache"].endswith("DatabaseCache")
    assert values["csp"] is True
    assert values["es_user"] == "elastic" and values["es_password_set"] is True


def test_behind_an_https_proxy_cookies_are_secure_with_hsts_and_the_proxy_is_believed(started):
    values = dumped(started["https"])
    assert values["session_cookie_secure"] is True and values["csrf_cookie_secure"] is True
    assert values["ssl_redirect"] is True and values["hsts"] == 31536000
    assert values["proxy_ssl_header"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert values["trusted_proxies"] == 1


def test_behind_an_https_proxy_the_deployment_check_finds_nothing(started):
    result = started["https_deploy_check"]
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_a_redirect_to_https_without_https_is_refused_at_start(started):
    result = started["contradiction"]
    assert result.returncode != 0
    assert "set PORTAL_HTTPS=true" in result.stderr


def test_production_logs_are_one_json_object_a_line_with_request_ids(started):
    lines = [line for line in started["http"].stderr.splitlines() if line.strip()]
    entries = [json.loads(line) for line in lines]  # fails on any line that is not JSON
    assert [entry["logger"] for entry in entries] == ["search", "django.request"]
    assert entries[0]["message"] == "index pioneer-content is behind" and entries[0]["request_id"] == "-"
    assert "ZeroDivisionError" in entries[1]["exception"]


@pytest.mark.parametrize(("case", "secure"), [("http", False), ("https", True)])
def test_the_admin_login_works_over_the_scheme_the_settings_follow(started, settings, client, admin_user, case, secure):
    """The cookies' flags as the compose settings set them, on a real login: over plain HTTP the CSRF
    cookie must not be Secure (a browser would not send it back, and every login would fail CSRF)."""
    values = dumped(started[case])
    settings.SESSION_COOKIE_SECURE = values["session_cookie_secure"]
    settings.CSRF_COOKIE_SECURE = values["csrf_cookie_secure"]
    client.handler.enforce_csrf_checks = True
    scheme = {"secure": True} if secure else {}
    form = client.get("/admin/login/", **scheme)
    assert bool(form.cookies["csrftoken"]["secure"]) is secure
    token = form.cookies["csrftoken"].value
    origin = f"{'https' if secure else 'http'}://testserver"
    answer = client.post(
        "/admin/login/",
        {"username": admin_user.username, "password": "password", "csrfmiddlewaretoken": token},
        HTTP_ORIGIN=origin,
        **scheme,
    )
    assert answer.status_code == 302, answer.status_code
    assert bool(answer.cookies["sessionid"]["secure"]) is secure
