#!/usr/bin/env bash
# make test's PostgreSQL leg (scripts/run-tests.sh runs it after the SQLite run):
# the tests marked `postgresql` (POSTGRESQL_LEG in tests/conftest.py) on the
# throwaway cluster of scripts/pg-cluster.sh, in a test database of this run's
# own. Budget: 4 minutes. Started here, the cluster is stopped afterwards
# (unless another run is using it). Arguments go to pytest; run alone it needs
# the Elasticsearch node too (make es), for the queue's outage tests.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
export DJANGO_SETTINGS_MODULE=portal.settings.test
export TEST_ELASTICSEARCH_URL="${TEST_ELASTICSEARCH_URL:-http://127.0.0.1:${ES_PORT:-9200}}"

pg_started_file=$(mktemp)
stop_cluster() {
  if [ "$(cat "$pg_started_file" 2>/dev/null)" = "1" ]; then
    echo "==> Stopping the PostgreSQL cluster this run started"
    scripts/pg-cluster.sh stop --unless-busy || true
  fi
  rm -f "$pg_started_file"
}
trap stop_cluster EXIT

echo "==> PostgreSQL for the PostgreSQL leg"
pg_url=$(PG_STARTED_FILE="$pg_started_file" scripts/pg-cluster.sh start | tail -n 1)

echo "==> Running the PostgreSQL leg (-m postgresql; budget 4 minutes)"
# EXPECT_DB_VENDOR: tests/postgresql/test_database.py fails if the leg ran on anything else.
# One process: two workers would each migrate a database of their own, which cost more than they saved
# (169 s against 152 s on the busy 2-core machine).
started=$SECONDS
rc=0
DATABASE_URL="$pg_url" EXPECT_DB_VENDOR=postgresql TEST_DATABASE_NAME="test_pioneer_$$" \
  "$BIN/python" -m pytest -m "postgresql and not browser" --durations=10 "$@" || rc=$?
echo "==> PostgreSQL leg: $((SECONDS - started)) s"
# Arguments that select none of the leg's tests (pytest's exit 5) are not a failure.
if [ "$rc" -eq 5 ] && [ $# -gt 0 ]; then rc=0; fi
if [ "$rc" -ne 0 ]; then exit "$rc"; fi
