#!/usr/bin/env bash
# Benchmarks, against the local Elasticsearch node (started here, or reused):
# 1. python -m bench: a generated corpus of BENCH_SIZE items (default 100000)
#    in a throwaway database and test_bench-prefixed indices, with gunicorn
#    started and stopped for the throughput step; writes bench/results.json
#    (BENCHMARKS.md explains it) and docs/benchmarks/latency-vs-size.svg;
# 2. search_bench and page_bench over the demo content, per query and per page.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
ES_PORT="${ES_PORT:-9200}"
work=$(mktemp -d)
started_file="$work/es-started"
cleanup() {
  if [ "$(cat "$started_file" 2>/dev/null)" = "1" ]; then scripts/es-node.sh stop || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

ES_STARTED_FILE="$started_file" scripts/es-node.sh start
export DJANGO_SETTINGS_MODULE=portal.settings.dev
export SEARCH_RATE_LIMIT=0  # every request comes from 127.0.0.1: the benchmarks measure search, not the limit
echo "==> Benchmark at ${BENCH_SIZE:-100000} items (bench/results.json)"
DEBUG=0 ELASTICSEARCH_URL="http://127.0.0.1:${ES_PORT}" SEARCH_INDEX_PREFIX="test_bench" \
  "$BIN/python" -m bench --size "${BENCH_SIZE:-100000}"
export DATABASE_URL="sqlite:///$work/bench.sqlite3"
export ELASTICSEARCH_URL="http://127.0.0.1:${ES_PORT}"
export SEARCH_INDEX_PREFIX="test_bench"

echo "==> Loading the demo content into a throwaway database"
"$BIN/python" manage.py migrate --noinput -v0
TIMEFORMAT="load_demo: %R s"
time "$BIN/python" manage.py load_demo -v0
echo "==> Rebuilding the index"
TIMEFORMAT="rebuild: %R s"
time "$BIN/python" manage.py search_index rebuild --no-progress
echo "==> Relevance on the judged demo queries (into bench/results.json)"
"$BIN/python" -m bench.relevance.evaluate --into bench/results.json
echo "==> Search latency"
"$BIN/python" manage.py search_bench --rounds "${BENCH_ROUNDS:-20}"
echo "==> Page server time (DEBUG off, through Django's request handling)"
DEBUG=0 "$BIN/python" manage.py page_bench --rounds "${BENCH_ROUNDS:-15}"
"$BIN/python" manage.py shell -c "from search.indexing.sync import get_store; get_store().drop_all()"
