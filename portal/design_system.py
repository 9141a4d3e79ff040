"""The NHS design system (nhsuk-frontend, installed by npm): which of its files the site serves, and where.

Its precompiled stylesheet, script and their source maps, and its images (icons,
logo, favicons), are static files under `nhsuk/`, so collectstatic hashes them
like our own. The stylesheet itself asks for its icons at `/assets/images/...`
(the package's compiled-in path), so WhiteNoise serves the images there too.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.staticfiles.finders import BaseFinder
from django.contrib.staticfiles.utils import matches_patterns
from django.core.checks import Error
from django.core.files.storage import FileSystemStorage
from whitenoise.middleware import WhiteNoiseMiddleware

PREFIX = "nhsuk"
FILES = (
    "nhsuk-frontend.min.css",
    "nhsuk-frontend.min.css.map",
    "nhsuk-frontend.min.js",
    "nhsuk-frontend.min.js.map",
)
ASSETS = "assets"
ASSETS_URL_PREFIX = "/assets/"
SETUP_HINT = "Install it with `make setup` (scripts/ensure-node-modules.sh runs `npm ci`)."


def package_dir():
    return settings.NHSUK_FRONTEND_DIR


class NHSUKFrontendFinder(BaseFinder):
    """Finds the design system's CSS, JS, source maps and assets as `nhsuk/<name>`, and nothing else of the package."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.storage = FileSystemStorage(location=package_dir())
        self.storage.prefix = PREFIX  # collectstatic and WhiteNoise place the files under it

    def check(self, **kwargs):
        missing = [name for name in (*FILES, ASSETS) if not (package_dir() / name).exists()]
        if missing:
            return [
                Error(
                    f"nhsuk-frontend is not installed: {', '.join(missing)} missing from {package_dir()}.",
                    hint=SETUP_HINT,
                    id="portal.E001",
                )
            ]
        return []

    def _names(self):
        yield from (name for name in FILES if self.storage.exists(name))
        if self.storage.exists(ASSETS):
            yield from self._walk(ASSETS)

    def _walk(self, folder):
        directories, files = self.storage.listdir(folder)
        for name in sorted(files):
            yield f"{folder}/{name}"
        for name in sorted(directories):
            yield from self._walk(f"{folder}/{name}")

    def serves(self, name: str) -> bool:
        return name in FILES or (name.startswith(f"{ASSETS}/") and ".." not in name.split("/"))

    def find(self, path, find_all=False, **kwargs):
        name = path.replace("\\", "/")
        found = None
        if name.startswith(f"{PREFIX}/"):
            name = name.removeprefix(f"{PREFIX}/")
            if self.serves(name) and self.storage.exists(name):
                found = self.storage.path(name)
        if not found:
            return []  # as Django's own finders answer "not here", whatever find_all
        return [found] if find_all else found

    def list(self, ignore_patterns):
        for name in self._names():
            if not matches_patterns(name, ignore_patterns or []):
                yield name, self.storage


class PortalWhiteNoiseMiddleware(WhiteNoiseMiddleware):
    """WhiteNoise, also serving the design system's images where its stylesheet looks for them (`/assets/`)."""

    def __init__(self, get_response=None, settings=settings):
        super().__init__(get_response, settings=settings)
        self.add_files(str(settings.NHSUK_FRONTEND_DIR / ASSETS), prefix=ASSETS_URL_PREFIX)
