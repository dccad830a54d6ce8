# Two entry points on a fresh machine: `make run` and `make test`.
# Each creates .venv when missing and installs what it needs; a second run is fast.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test install serve load-seeds db-start db-stop db-status clean bench

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml requirements.lock
	$(BIN)/pip install --quiet -c requirements.lock -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

run: install
	$(BIN)/kg db start
	$(BIN)/kg load seeds/
	$(BIN)/kg db status

test: install
	$(BIN)/python -m pytest

db-start: install
	$(BIN)/kg db start

db-stop: install
	$(BIN)/kg db stop

db-status: install
	$(BIN)/kg db status

bench: install
	$(BIN)/python -m bench

clean:
	-$(BIN)/kg db stop
	rm -rf $(VENV) .kgdata
