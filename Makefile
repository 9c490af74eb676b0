# Two commands on a fresh machine: `make run` (set up and run the bot) and `make test` (set up and test).
# `make demo` plays a short scene of the bot against a built-in fake Telegram: no token, no network.

# The interpreter: the newest supported Python that runs, looked for on PATH and then among pyenv's
# installs (pyenv puts a shim for every version on PATH, but a shim fails for a version not selected).
# `make test PY=3.11` looks only for that version; `PYTHON=/path/to/python3.x` names one outright.
PY ?= 3.13 3.12 3.11
SUPPORTED_PYTHONS := 3.11 3.12 3.13
ifndef PYTHON
PYENV_VERSIONS := $(shell pyenv root 2>/dev/null)/versions
PYTHON := $(firstword $(foreach version,$(PY),$(shell \
	for candidate in python$(version) $(wildcard $(PYENV_VERSIONS)/$(version).*/bin/python$(version)); do \
		"$$candidate" -c 'import sys; print(sys.executable)' 2>/dev/null && break; \
	done)))
endif
# "3.13 3.13.0 /root/.pyenv/versions/3.13.0/bin/python3.13": minor version, release, executable.
PYTHON_INFO := $(if $(PYTHON),$(shell $(PYTHON) -c \
	'import platform, sys; print("%d.%d" % sys.version_info[:2], platform.python_version(), sys.executable)' 2>/dev/null))
PYTHON_MINOR := $(word 1,$(PYTHON_INFO))
PYTHON_ID := $(wordlist 2,3,$(PYTHON_INFO))

# Branch coverage of bot/ and storage/ that `make test` must reach: the figure measured when the floor
# was set, rounded down. Only ever raise it.
COVERAGE_FLOOR := 92

# One virtual environment per minor version, stamped with the interpreter that made it: another
# interpreter of that version (a new patch release, another path) rebuilds it instead of reusing it.
VENV := .venv/$(PYTHON_MINOR)
BIN  := $(VENV)/bin

ifneq ($(MAKECMDGOALS),clean)
ifeq ($(PYTHON),)
$(error No Python $(subst $() ,/,$(PY)) found on PATH or in pyenv: install one, or set PYTHON=/path/to/python3.x)
else ifeq ($(PYTHON_MINOR),)
$(error PYTHON=$(PYTHON) does not run (a pyenv shim of a version that is not selected? give the full path))
else ifeq ($(filter $(PYTHON_MINOR),$(SUPPORTED_PYTHONS)),)
$(error Python $(PYTHON_MINOR) ($(PYTHON)) is not supported: use 3.11, 3.12 or 3.13)
endif
$(info Using Python $(word 1,$(PYTHON_ID)) ($(word 2,$(PYTHON_ID))) in $(VENV))
ifneq ($(file <$(BIN)/.installed),$(PYTHON_ID))
VENV_STALE := FORCE
endif
endif

.PHONY: setup run demo migrate test test-fast lint bench clean bytecode FORCE

$(BIN)/.installed: pyproject.toml $(VENV_STALE)
	@if [ -d $(VENV) ] && [ "$$(cat $@ 2>/dev/null)" != "$(PYTHON_ID)" ]; then \
		echo "$(VENV) was made by another interpreter: making it again"; rm -rf $(VENV); fi
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@echo '$(PYTHON_ID)' > $@

setup: $(BIN)/.installed

run: setup
	$(BIN)/python -m bot migrate
	$(BIN)/python -m bot run

demo: setup
	$(BIN)/python -m bot demo

migrate: setup
	$(BIN)/python -m bot migrate

# The whole suite on parallel workers, with the coverage floor; test-fast leaves out the tests that
# start the bot or the command line in a subprocess (marked slow).
test: setup bytecode
	$(WITH_BYTECODE) $(BIN)/python -m pytest -q -n 4 --dist worksteal --durations=10 --cov --cov-report= --cov-fail-under=$(COVERAGE_FLOOR)

test-fast: setup bytecode
	$(WITH_BYTECODE) $(BIN)/python -m pytest -q -n 4 --dist worksteal -m "not slow"

# The suite starts dozens of Python processes (four workers, the bot and the CLI as subprocesses). Where
# the environment forbids bytecode caches (PYTHONDONTWRITEBYTECODE), each would compile the project and
# pytest would rewrite every test module again: compile once, and let the test run keep its caches.
WITH_BYTECODE := PYTHONDONTWRITEBYTECODE=
bytecode: setup
	@$(BIN)/python -m compileall -q -j 0 bot storage fakegram tests

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

bench: setup
	$(BIN)/python -m bench.text
	$(BIN)/python -m bench.archive

clean:
	rm -rf .venv .pytest_cache .mypy_cache .ruff_cache .hypothesis .coverage .coverage.*
	find bot storage fakegram tests bench -name __pycache__ -prune -exec rm -rf {} +
