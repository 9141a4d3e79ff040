# Pioneer Exchange: the verbs people use. `make run` and `make test` set up everything they need.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
ES_PORT ?= 9200
export ES_PORT

.PHONY: run test test-cluster test-fast es es-stop bench lint format migrate demo clean help setup venv node-modules

help:
	@echo "make run       set up and serve the portal on http://127.0.0.1:$(PORT)"
	@echo "make test      set up, start a test Elasticsearch if needed, run every test"
	@echo "make test-fast the tests that need no Elasticsearch or browser"
	@echo "make test-cluster  kill one node of a three-node Elasticsearch cluster under load (not in make test)"
	@echo "make es        start a local Elasticsearch on 127.0.0.1:$(ES_PORT); make es-stop stops it"
	@echo "make bench     benchmarks at BENCH_SIZE items (default 100000) into bench/results.json; see BENCHMARKS.md"
	@echo "make lint      ruff and shellcheck"

$(VENV)/.installed: requirements.txt requirements-dev.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --disable-pip-version-check --progress-bar off -q -r requirements-dev.txt
	@touch $@

venv: $(VENV)/.installed

# nhsuk-frontend (every page) and axe-core (browser tests), with `npm ci` when missing or out of date.
node-modules:
	@scripts/ensure-node-modules.sh

setup: venv node-modules

migrate: setup
	$(BIN)/python manage.py migrate --noinput

demo: migrate
	$(BIN)/python manage.py load_demo

# The index first (its alias must exist before the demo content is indexed), then the demo content.
# With ELASTICSEARCH_URL set but the cluster down, ensure warns and the portal starts on the database engine.
run: migrate
	$(BIN)/python manage.py search_index ensure
	$(BIN)/python manage.py load_demo
	$(BIN)/python manage.py runserver --noreload 127.0.0.1:$(PORT)

test: setup
	scripts/run-tests.sh

# Three Elasticsearch nodes on loopback (scripts/es-node.sh cluster-start), one killed under load; a few minutes.
test-cluster: setup
	DJANGO_SETTINGS_MODULE=portal.settings.test $(BIN)/python -m pytest -m cluster tests/cluster -s

test-fast: setup
	DJANGO_SETTINGS_MODULE=portal.settings.test $(BIN)/python -m pytest -m "not elasticsearch and not browser and not cluster and not postgresql_only" -q

es:
	@scripts/es-node.sh start

es-stop:
	@scripts/es-node.sh stop

bench: setup
	scripts/run-bench.sh

lint: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/shellcheck scripts/*.sh .ci/run

format: venv
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
