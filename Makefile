# The two commands a new machine needs: `make demo` and `make test`.
# Both bootstrap .venv idempotently (re-installing only when pyproject.toml changes).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo serve-demo test lint format bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/matcher score samples/resumes/senior_healthcare_ananya_rao.pdf --as-of 2026-11
	@echo
	@echo "The web app on the samples: make serve-demo (it runs matcher serve --db demo-pool.sqlite), then open http://127.0.0.1:8000"

# The web app on a pool of the shipped samples (added first, then served on 127.0.0.1:8000).
serve-demo: $(STAMP)
	$(BIN)/matcher pool add samples/resumes --db demo-pool.sqlite --as-of 2026-11
	$(BIN)/matcher serve --db demo-pool.sqlite --as-of 2026-11

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# Benchmarks on the dev data (../shared/data/dev beside the repo, or BENCH_DATA=DIR): writes
# benchmarks/RESULTS.md and benchmarks/results.json. Never part of `make test`.
# A quick look: make bench BENCH_ARGS="--only speed --limit 1" (writes to benchmarks/out/).
BENCH_STAMP := $(VENV)/.installed-bench

$(BENCH_STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	touch $(BENCH_STAMP)

bench: $(BENCH_STAMP)
	$(BIN)/python -m benchmarks.run $(if $(BENCH_DATA),--data '$(BENCH_DATA)') $(BENCH_ARGS)

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
