# Two commands on a fresh machine: `make run` (set up and run the bot) and `make test` (set up and test).
PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin

# Branch coverage of bot/ and storage/ that `make test` must reach: the figure measured when the floor
# was set, rounded down. Only ever raise it.
COVERAGE_FLOOR := 91

.PHONY: setup run migrate test test-fast lint bench clean

$(BIN)/.installed: pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else "Python 3.11 is required (hazm 0.10.0 pins numpy 1.24.3, which does not build on 3.12+); set PYTHON=/path/to/python3.11")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $@

setup: $(BIN)/.installed

run: setup
	$(BIN)/python -m bot migrate
	$(BIN)/python -m bot run

migrate: setup
	$(BIN)/python -m bot migrate

# The whole suite on parallel workers, with the coverage floor; test-fast leaves out the tests that
# start the bot or the command line in a subprocess (marked slow).
test: setup
	$(BIN)/python -m pytest -q -n 4 --durations=10 --cov --cov-report= --cov-fail-under=$(COVERAGE_FLOOR)

test-fast: setup
	$(BIN)/python -m pytest -q -n 4 -m "not slow"

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

bench: setup
	$(BIN)/python -m bench.text
	$(BIN)/python -m bench.archive

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis .coverage .coverage.*
