#!/usr/bin/env bash
# The whole suite: checks, unit tests, then integration tests on a real
# Elasticsearch node, all on SQLite; then the PostgreSQL leg: the tests marked
# `postgresql` (tests/conftest.py POSTGRESQL_LEG) again on a real PostgreSQL
# (scripts/run-postgresql-leg.sh). A node or cluster already running is used as
# it is; otherwise one is started for the run and stopped afterwards. Arguments
# go to both pytest runs.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
ES_PORT="${ES_PORT:-9200}"
export DJANGO_SETTINGS_MODULE=portal.settings.test
export TEST_ELASTICSEARCH_URL="${TEST_ELASTICSEARCH_URL:-http://127.0.0.1:${ES_PORT}}"

# The design system (npm) is part of the site: Django's checks look for it.
scripts/ensure-node-modules.sh

echo "==> Checking code style and migrations"
"$BIN/ruff" check .
"$BIN/ruff" format --check .
"$BIN/shellcheck" scripts/*.sh .ci/run
"$BIN/python" manage.py makemigrations --check --dry-run
"$BIN/python" manage.py check

started_file=$(mktemp)
stop_node() {
  if [ "$(cat "$started_file" 2>/dev/null)" = "1" ]; then
    echo "==> Stopping the Elasticsearch node this run started"
    scripts/es-node.sh stop || true
  fi
  rm -f "$started_file"
}
trap stop_node EXIT

echo "==> Elasticsearch for the integration tests"
ES_STARTED_FILE="$started_file" scripts/es-node.sh start

echo "==> Chromium and axe-core for the browser tests"
scripts/ensure-browser.sh

echo "==> Running the tests (SQLite)"
# Two worker processes (TEST_WORKERS), each given whole modules (--dist loadscope: a module's shared
# content is built once); much of a test's time is spent waiting on Elasticsearch, Chromium or a
# subprocess, so two workers keep both cores busy. The slowest tests are listed at the end: the suite
# must stay within 20 minutes.
sqlite_rc=0
"$BIN/python" -m pytest -n "${TEST_WORKERS:-2}" --dist loadscope --durations=25 "$@" || sqlite_rc=$?

pg_rc=0
scripts/run-postgresql-leg.sh "$@" || pg_rc=$?

if [ "$sqlite_rc" -ne 0 ] || [ "$pg_rc" -ne 0 ]; then
  echo "==> Failed: SQLite run exit $sqlite_rc, PostgreSQL leg exit $pg_rc" >&2
  exit 1
fi
