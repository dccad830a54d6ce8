# Two entry points on a fresh machine: `make run` and `make test`.
# Each creates .venv when missing and installs what it needs; a second run is fast.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NPM_STAMP := node_modules/.installed

.PHONY: run test install serve db-start db-stop db-status chromium schema screenshot bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Python packages, pinned by requirements.lock.
$(STAMP): $(BIN)/python pyproject.toml requirements.lock
	$(BIN)/pip install --quiet -c requirements.lock -e '.[test]'
	touch $(STAMP)

# Browser assets served locally (GraphiQL) and test tools (GraphQL-over-HTTP audit, browser driver).
$(NPM_STAMP): package.json package-lock.json
	@command -v npm >/dev/null 2>&1 || { echo "npm is needed (Node.js): install it and run make again"; exit 1; }
	npm ci --no-audit --no-fund --loglevel=error
	touch $(NPM_STAMP)

install: $(STAMP) $(NPM_STAMP)

# Headless Chromium for the timeline page's browser test and `kg screenshot` (Debian's package).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "chromium is not installed and installing it needs root: the browser tests will be skipped"; fi; }

# Starts the embedded engine (unless NEO4J_URI is set), loads seeds/, serves http://127.0.0.1:8000
run: install
	$(BIN)/kg db start
	$(BIN)/kg load seeds/
	$(BIN)/kg db status
	$(BIN)/kg serve

test: install chromium
	$(BIN)/python -m pytest

serve: install
	$(BIN)/kg serve

db-start: install
	$(BIN)/kg db start

db-stop: install
	$(BIN)/kg db stop

db-status: install
	$(BIN)/kg db status

# Regenerate schema.graphql (a test fails when it is stale).
schema: install
	$(BIN)/python -m api.schema

screenshot: install chromium
	$(BIN)/kg screenshot --out docs/timeline.png

# Quality and speed figures (printed, not asserted): extraction on annotated news, loading and reads.
bench: install
	$(BIN)/python -m bench extraction --figures-only
	$(BIN)/python -m bench extraction --figures-only --fixtures tests/fixtures/eval_dev2
	$(BIN)/python -m bench extraction --figures-only --fixtures tests/fixtures/eval_dev3
	$(BIN)/python -m bench extraction --figures-only --fixtures tests/fixtures/eval_dev4
	$(BIN)/python -m bench extraction --figures-only --fixtures tests/fixtures/eval_dev5
	$(BIN)/python -m bench extraction --figures-only --fixtures tests/fixtures/eval_dev6
	$(BIN)/python -m bench extraction --figures-only --fixtures tests/fixtures/eval_dev7
	$(BIN)/python -m bench extraction --figures-only --fixtures tests/fixtures/eval_dev8
	$(BIN)/python -m bench extraction --figures-only --fixtures tests/fixtures/eval_dev9
	$(BIN)/python -m bench extraction --figures-only --fixtures tests/fixtures/eval_dev10
	$(BIN)/python -m bench extraction --figures-only --fixtures tests/fixtures/eval_dev11
	$(BIN)/python -m bench extraction --figures-only --fixtures tests/fixtures/eval_dev12
	$(BIN)/python -m bench extraction --figures-only --fixtures tests/fixtures/eval_dev13
	$(BIN)/python -m bench extraction --figures-only --fixtures tests/fixtures/eval_dev14
	$(BIN)/python -m bench extraction --figures-only --fixtures tests/fixtures/eval_dev15
	$(BIN)/python -m bench extraction --figures-only --fixtures tests/fixtures/eval_unseen
	$(BIN)/python -m bench extraction --figures-only --fixtures tests/fixtures/eval_heldout
	$(BIN)/python -m bench load

clean:
	-$(BIN)/kg db stop
	rm -rf $(VENV) node_modules .kgdata
