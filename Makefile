# The two commands of the README: `make demo` (the main job) and `make test`.
# Each sets up what it needs on first run: a .venv in the checkout with pinned dependencies.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
DB ?= communique.db

.PHONY: install demo test lint docs bench clean

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip==26.3
	$(BIN)/python -m pip install -q -e '.[postgres,parquet,ray]' --group test --group lint --group bench --group data
	touch $(STAMP)

## demo: ingest the bundled example corpus into ./communique.db, report on it (terminal + report.html)
demo: install
	$(BIN)/communique ingest examples/corpus --db $(DB)
	$(BIN)/communique report --db $(DB) --html report.html

## test: the whole suite (SQLite always; PostgreSQL and Chromium when present, required in CI)
test: install
	@if [ "$$(id -u)" = 0 ]; then bash scripts/system-deps.sh || true; fi
	@pg="$${COMMUNIQUE_TEST_PG:-$$(bash scripts/start-postgres.sh 2>/dev/null || true)}"; \
	COMMUNIQUE_TEST_PG="$$pg" $(BIN)/python -m pytest -n 2 --dist loadgroup $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/ruff format --check src tests benchmarks scripts
	$(BIN)/mypy

docs: install
	$(BIN)/cog --check README.md

bench: install
	$(BIN)/python benchmarks/throughput.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache communique.db*
