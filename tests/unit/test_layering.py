"""What each part of search/ may import: the embedded default must load without the Elasticsearch client."""

import subprocess
import sys
import textwrap

BLOCK_ELASTICSEARCH = textwrap.dedent(
    """
    import importlib.abc, os, sys

    class Refuse(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in ("elasticsearch", "elastic_transport", "elasticsearch_dsl"):
                raise ImportError(f"{name} is not installed here")

    sys.meta_path.insert(0, Refuse())
    os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"
    os.environ["ELASTICSEARCH_URL"] = ""
    import django
    django.setup()
    """
)


def run(code: str) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603 (our own interpreter and code)
        [sys.executable, "-c", BLOCK_ELASTICSEARCH + textwrap.dedent(code)], capture_output=True, text=True, timeout=120
    )


def test_the_embedded_engine_indexing_and_pages_load_without_the_elasticsearch_client():
    result = run(
        """
        from django.conf import settings
        settings.ELASTICSEARCH_URL = ""
        import search.engines.database.engine, search.engines.database.store
        import search.indexing.sync, search.indexing.maintenance, search.indexing.queue, search.indexing.tasks
        import search.web.views, search.web.api, search.web.urls
        from search.engines import get_engine
        from search.indexing.sync import get_store
        print(type(get_engine()).__name__, get_store())
        """
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["DatabaseEngine", "None"]


def test_the_blocker_itself_bites():
    result = run("import search.engines.elasticsearch.store")
    assert result.returncode != 0 and "is not installed here" in result.stderr


def test_the_engine_base_never_imports_a_concrete_engine():
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, search.engines.base; print(sorted(m for m in sys.modules if m.startswith('search.engines.')))",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        env={"DJANGO_SETTINGS_MODULE": "portal.settings.test", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "['search.engines.base']"
