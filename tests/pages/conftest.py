import pytest
from django.core.cache import cache

from casestudies.site_structure import ensure_site_structure
from tests.factories import make_pioneer


@pytest.fixture
def greenwich(db):
    """A fresh site (Wagtail's cached root paths cleared) with one pioneer, Greenwich, in London."""
    cache.clear()
    ensure_site_structure()
    return make_pioneer("Greenwich", region="london")
