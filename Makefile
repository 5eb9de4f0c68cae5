# wagtail-cityoflearning: `make demo` and `make test` are the two commands you need.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python example_site/manage.py
PORT ?= 8000

.DEFAULT_GOAL := help
.PHONY: help install demo serve test test-django6 lint format docs bench audit vendor messages check-messages check-migrations wheel dist production permissions-doc clean

help:
	@echo "make demo     set up .venv, migrate SQLite, load Ljubljana + Cagliari and serve on :$(PORT)"
	@echo "make test     run the whole test suite (SQLite; DATABASE_URL=postgres://... for PostgreSQL)"
	@echo "make test-django6  the suite on Python 3.13 with Django 6.1 (in .venv-django6)"
	@echo "make lint     ruff check and format check"
	@echo "make docs     build the documentation (warnings are errors)"
	@echo "make bench    run the benchmarks in benchmarks/"
	@echo "make audit    Lighthouse and pa11y on the demo's public pages (needs Node.js and Chromium)"
	@echo "make vendor   copy Leaflet from node_modules into the package's static files"
	@echo "make messages update and compile the translation catalogues"
	@echo "make check-messages  fail when a catalogue is stale, incomplete or not compiled"
	@echo "make permissions-doc  write docs/permissions.md from the permission matrix the tests prove"
	@echo "make dist     build the sdist and the wheel and check them with twine"
	@echo "make production  run the example site as in production (PostgreSQL, Redis, gunicorn, RQ) and smoke-test it"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip setuptools wheel

$(VENV)/.installed: $(BIN)/python setup.cfg pyproject.toml
	$(BIN)/python -m pip install --quiet -e ".[testing,docs]"
	touch $@

install: $(VENV)/.installed

demo: install
	$(MANAGE) migrate --noinput
	$(MANAGE) cityoflearning_demo --port $(PORT)
	@echo ""
	@echo "Ljubljana: http://localhost:$(PORT)/"
	@echo "Cagliari:  http://cagliari.localhost:$(PORT)/"
	@echo "Admin:     http://localhost:$(PORT)/admin/  (user admin, password cityoflearning)"
	@echo "Learners:  http://localhost:$(PORT)/accounts/login/  (maja@example.org in Ljubljana,"
	@echo "           giulia@example.org in Cagliari; password cityoflearning)"
	@echo ""
	$(MANAGE) runserver 0.0.0.0:$(PORT)

serve: install
	$(MANAGE) runserver 0.0.0.0:$(PORT)

# Two processes by default (pytest-xdist); TEST_WORKERS=0 runs the suite in one.
TEST_WORKERS ?= 2
PYTEST_WORKERS := $(if $(filter 0,$(TEST_WORKERS)),,-n $(TEST_WORKERS))

test: install
	$(BIN)/python -m pytest $(PYTEST_WORKERS)

# The suite (without the browser, installation and wheel tests, which the main run covers) on
# the newest Python the package claims, with the newest Django it supports.
NEWEST_PYTHON ?= $(firstword $(lastword $(sort $(wildcard $(HOME)/.pyenv/versions/3.13*/bin/python3))) $(shell command -v python3.13))
DJANGO6 := .venv-django6
test-django6:
	@[ -n "$(NEWEST_PYTHON)" ] || { echo "No Python 3.13 found: set NEWEST_PYTHON"; exit 1; }
	[ -x $(DJANGO6)/bin/python ] || $(NEWEST_PYTHON) -m venv $(DJANGO6)
	$(DJANGO6)/bin/python -m pip install --quiet --upgrade pip
	$(DJANGO6)/bin/python -m pip install --quiet -e ".[testing]" "Django>=6.1,<6.2" \
		-r example_site/requirements-production.txt
	IMS_VALIDATOR_PYTHON="$$(command -v $(PYTHON))" $(DJANGO6)/bin/python -m pytest -p no:cacheprovider \
		$(PYTEST_WORKERS) --ignore=tests/browser --ignore=tests/install -m "not wheel"

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check-migrations: install
	$(MANAGE) makemigrations --check --dry-run --noinput

docs: install
	$(BIN)/mkdocs build --strict --site-dir build/docs

# Every benchmark on SQLite, then, when DATABASE_URL names a PostgreSQL server, again on it
# (in throwaway databases it creates and drops; the database the URL names is not touched).
bench: install
	@set -e; found=0; for script in benchmarks/*.py; do \
		[ -e "$$script" ] || continue; found=1; \
		echo "== $$script on SQLite"; env -u DATABASE_URL $(BIN)/python "$$script"; \
		case "$${DATABASE_URL:-}" in postgres*) \
			echo "== $$script on PostgreSQL"; $(BIN)/python "$$script";; esac; \
	done; [ $$found = 1 ] || echo "No benchmarks yet."

# Lighthouse (mobile and desktop) and pa11y on the demo's public pages in both cities; reports
# in test-artifacts/audit/. Fails below 100 in accessibility, best practices or SEO.
audit: install
	PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund
	$(BIN)/python scripts/audit.py

vendor:
	PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund
	$(BIN)/python scripts/vendor_static.py

check-messages: install
	$(BIN)/python scripts/check_catalogues.py

messages: install
	cd wagtail_cityoflearning && PYTHONPATH=.. DJANGO_SETTINGS_MODULE=tests.settings \
		../$(BIN)/django-admin makemessages -l sl -l it --no-obsolete --add-location file
	cd wagtail_cityoflearning && ../$(BIN)/django-admin compilemessages

wheel: install
	$(BIN)/python -m build --wheel --outdir dist .

# The example site in its production configuration on this machine: PostgreSQL, Redis,
# gunicorn with 2 workers and an RQ worker; a smoke test, then everything stops.
production: install
	$(BIN)/python -m pip install --quiet -r example_site/requirements-production.txt
	$(BIN)/python scripts/production.py

# The source distribution, the wheel built from it, and twine's check of both.
dist: install
	rm -rf dist
	$(BIN)/python -m build --outdir dist .
	$(BIN)/python -m twine check --strict dist/*

clean:
	rm -rf build dist *.egg-info .pytest_cache

permissions-doc: install
	$(BIN)/python scripts/render_permissions.py
