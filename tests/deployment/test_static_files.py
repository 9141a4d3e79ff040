"""The design system (nhsuk-frontend from npm) ships as static files: collectstatic gathers exactly
the part the site uses and hashes it with everything it references, and WhiteNoise serves a hashed
file to be cached for ever, as in production."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client, override_settings

from portal.design_system import FILES, NHSUKFrontendFinder

PRODUCTION_STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
FOREVER = "max-age=315360000, public, immutable"
CSS_URL = re.compile(r"url\(['\"]?([^'\")]+)['\"]?\)")


@pytest.fixture(scope="module")
def static_root(tmp_path_factory) -> Path:
    """`collectstatic` as the production image runs it, into a temporary folder."""
    root = tmp_path_factory.mktemp("staticfiles")
    with override_settings(STATIC_ROOT=root, STORAGES=PRODUCTION_STORAGES):
        call_command("collectstatic", interactive=False, verbosity=0)
    return root


@pytest.fixture(scope="module")
def manifest(static_root) -> dict[str, str]:
    return json.loads((static_root / "staticfiles.json").read_text())["paths"]


@pytest.fixture
def production(static_root):
    """Settings as in production for static files: the collected, hashed files and nothing else."""
    with override_settings(
        STATIC_ROOT=static_root,
        STORAGES=PRODUCTION_STORAGES,
        DEBUG=False,
        WHITENOISE_USE_FINDERS=False,
        WHITENOISE_AUTOREFRESH=False,
    ):
        yield Client()  # a new client loads the middleware, and so WhiteNoise, with these settings


def test_the_package_is_installed_by_the_project_setup():
    package = json.loads((Path(settings.BASE_DIR) / "package.json").read_text())
    version = package["dependencies"]["nhsuk-frontend"]
    assert version.startswith("10.")
    installed = json.loads((settings.NHSUK_FRONTEND_DIR.parents[1] / "package.json").read_text())
    assert installed["version"] == version
    assert NHSUKFrontendFinder().check() == []


def test_collectstatic_hashes_the_design_system_and_our_css(manifest):
    for name in (*FILES, "assets/images/favicon.ico", "assets/images/favicon.svg", "assets/images/nhsuk-icon-180.png"):
        hashed = manifest[f"nhsuk/{name}"]
        assert hashed != f"nhsuk/{name}", f"{name} was not given a hashed name"
    assert manifest["css/portal.css"] != "css/portal.css"


def test_only_the_part_of_the_package_the_site_uses_is_collected(static_root):
    collected = [path.relative_to(static_root / "nhsuk").as_posix() for path in (static_root / "nhsuk").rglob("*")]
    assert collected
    for name in collected:
        assert not name.endswith((".scss", ".njk", ".mjs", ".d.mts", ".md")), name
        assert name.startswith(("nhsuk-frontend.min.", "assets")), name


def test_source_maps_resolve_from_the_hashed_files(static_root, manifest):
    css = (static_root / manifest["nhsuk/nhsuk-frontend.min.css"]).read_text()
    css_map = re.search(r"/\*# sourceMappingURL=(\S+) \*/", css).group(1)
    assert css_map == Path(manifest["nhsuk/nhsuk-frontend.min.css.map"]).name  # rewritten to the hashed map
    # The script names its map at the end of its last line, where Django does not rewrite it: the
    # unhashed map is collected too, beside the hashed script, so the reference still resolves.
    js = (static_root / manifest["nhsuk/nhsuk-frontend.min.js"]).read_text()
    js_map = re.search(r"//# sourceMappingURL=(\S+)\s*$", js).group(1)
    assert (static_root / "nhsuk" / js_map).is_file()


def test_every_image_the_stylesheet_asks_for_is_served(static_root, manifest, production):
    css = (static_root / manifest["nhsuk/nhsuk-frontend.min.css"]).read_text()
    urls = set(CSS_URL.findall(css))
    local = sorted(url for url in urls if not url.startswith(("https:", "data:", "#")))
    assert local, "expected the stylesheet's icons"
    for url in local:
        assert url.startswith("/assets/images/"), url  # the path compiled into the package's CSS
        response = production.get(url)
        assert response.status_code == 200, url
        assert response["Content-Type"] == "image/svg+xml"
    # The only other thing it loads is the NHS typeface, from NHS England's own server (see the privacy page).
    assert {url.split("/fonts/")[0] for url in urls - set(local) if not url.startswith(("data:", "#"))} == {
        "https://assets.nhs.uk"
    }


def test_whitenoise_caches_hashed_files_for_ever(production, manifest):
    for name in ("nhsuk/nhsuk-frontend.min.css", "nhsuk/nhsuk-frontend.min.js", "css/portal.css"):
        response = production.get(f"{settings.STATIC_URL}{manifest[name]}")
        assert response.status_code == 200, name
        assert response["Cache-Control"] == FOREVER, name
    # An unhashed name may change content at any release, so it is cached only briefly.
    assert production.get("/static/nhsuk/nhsuk-frontend.min.css")["Cache-Control"] == "max-age=60, public"
    assert production.get("/assets/images/nhsuk-icon-cross.svg")["Cache-Control"] == "max-age=60, public"


def test_pages_link_the_hashed_files(production, manifest):
    html = production.get("/accessibility/").content.decode()
    for name in ("nhsuk/nhsuk-frontend.min.css", "nhsuk/nhsuk-frontend.min.js", "css/portal.css"):
        assert f"{settings.STATIC_URL}{manifest[name]}" in html, name


def test_favicon_ico_redirects_to_the_hashed_favicon(production, manifest):
    response = production.get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"] == f"{settings.STATIC_URL}{manifest['nhsuk/assets/images/favicon.ico']}"
    favicon = production.get(response["Location"])
    assert favicon.status_code == 200
    assert favicon["Content-Type"] in {"image/x-icon", "image/vnd.microsoft.icon"}


@pytest.mark.django_db  # the 404 at the end passes Wagtail's redirects middleware
def test_make_run_serves_static_files_without_debug_or_collectstatic(tmp_path):
    """Dev settings: WhiteNoise serves straight from the finders, re-reading files as they change."""
    from portal.settings import dev

    with override_settings(
        DEBUG=False,
        STATIC_ROOT=tmp_path / "never-collected",
        STORAGES=dev.STORAGES,
        WHITENOISE_USE_FINDERS=dev.WHITENOISE_USE_FINDERS,
        WHITENOISE_AUTOREFRESH=dev.WHITENOISE_AUTOREFRESH,
    ):
        client = Client()
        assert "/static/nhsuk/nhsuk-frontend.min.css" in client.get("/accessibility/").content.decode()
        for url in [
            "/static/nhsuk/nhsuk-frontend.min.css",
            "/static/nhsuk/nhsuk-frontend.min.js",
            "/static/css/portal.css",
            "/static/nhsuk/assets/images/favicon.svg",
            "/assets/images/nhsuk-icon-cross.svg",
        ]:
            assert client.get(url).status_code == 200, url
        assert client.get("/static/nhsuk/index.mjs").status_code == 404  # only the part the site uses


def test_compressed_copies_of_hashed_files_are_cached_for_ever_too(production, manifest):
    """Browsers take the gzip copy collectstatic made (Brotli copies need the Brotli package, not installed):
    it must be cached as long as the file itself."""
    encoding = "gzip"
    for name in ("nhsuk/nhsuk-frontend.min.css", "nhsuk/nhsuk-frontend.min.js", "css/portal.css"):
        response = production.get(f"{settings.STATIC_URL}{manifest[name]}", HTTP_ACCEPT_ENCODING=encoding)
        assert response.status_code == 200, name
        assert response["Content-Encoding"] == encoding, name
        assert response["Cache-Control"] == FOREVER, name
        assert "Accept-Encoding" in response["Vary"], name
