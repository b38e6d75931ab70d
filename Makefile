# The one task runner. A fresh machine needs only Python 3.11+, pip, make and git.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint format fixtures bench ci clean

# Installs again only when pyproject.toml changed.
$(VENV)/.runtime-installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.dev-installed: $(VENV)/.runtime-installed
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

run: $(VENV)/.runtime-installed
	DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(BIN)/python manage.py migrate --noinput
	DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(BIN)/python manage.py load_history
	@echo "vdlm runs at http://$(HOST):$(PORT)/ (admin: http://$(HOST):$(PORT)/admin/). Stop it with Ctrl-C."
	DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(BIN)/python manage.py runserver $(HOST):$(PORT)

test: $(VENV)/.dev-installed
	$(BIN)/python -m pytest

lint: $(VENV)/.dev-installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: $(VENV)/.dev-installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Regenerates the shipped archive from the raw markdown in fixtures/source/ (byte-identical on every run).
FIXTURE_DB := build/fixtures.sqlite3
fixtures: $(VENV)/.runtime-installed
	mkdir -p build && rm -f $(FIXTURE_DB)
	DATABASE_URL=sqlite:///$(CURDIR)/$(FIXTURE_DB) DJANGO_DEBUG=1 $(BIN)/python manage.py migrate --noinput -v0
	DATABASE_URL=sqlite:///$(CURDIR)/$(FIXTURE_DB) DJANGO_DEBUG=1 $(BIN)/python manage.py import_meetups \
		fixtures/source/vdlm-meetups --report fixtures/import-report.md
	DATABASE_URL=sqlite:///$(CURDIR)/$(FIXTURE_DB) DJANGO_DEBUG=1 $(BIN)/python manage.py dump_history \
		fixtures/historic_meetups.json

# gunicorn on SQLite with the history + 2,000 generated meetups, driven by wrk (apt-get install wrk); see bench/run.py.
bench: $(VENV)/.runtime-installed
	@command -v wrk >/dev/null || { echo "bench: installing wrk (Debian)"; apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
	$(BIN)/python bench/run.py

ci:
	bash .ci/run

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache staticfiles
