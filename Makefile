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

# A developer's settings, so that every manage.py command in the README works as written; never used in production.
.env:
	@echo "make: writing a development .env (DJANGO_DEBUG=1, a random secret key); edit it or see .env.example"
	@printf '# Written by make run for development; production sets its own environment (see .env.example).\nDJANGO_DEBUG=1\nDJANGO_SECRET_KEY=%s\n' \
		"$$($(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))')" > .env

run: $(VENV)/.runtime-installed .env
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_history
	@echo "vdlm runs at http://$(HOST):$(PORT)/ (admin: http://$(HOST):$(PORT)/admin/). Stop it with Ctrl-C."
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

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

# gunicorn (3 workers) on the history + 2,000 generated meetups, driven by wrk (apt-get install wrk): ratios to the
# floor for cached and uncached pages, and a mixed run with admin saves on SQLite and PostgreSQL + Redis (bench/run.py);
# then search over 10,000 generated talks (bench/search.py) and 200 people registering at once for 60 seats
# (bench/registrations.py), on SQLite and on PostgreSQL when one answers. Every part runs; any miss fails the whole.
BENCH_POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/postgres
bench: $(VENV)/.runtime-installed
	@command -v wrk >/dev/null || { echo "bench: installing wrk (Debian)"; apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
	@status=0; \
	BENCH_POSTGRES_URL="$(BENCH_POSTGRES_URL)" $(BIN)/python bench/run.py || status=1; \
	SEARCH_BENCH_POSTGRES="$(BENCH_POSTGRES_URL)" $(BIN)/python bench/search.py || status=1; \
	$(BIN)/python bench/registrations.py || status=1; \
	if [ -n "$(BENCH_POSTGRES_URL)" ] && $(BIN)/python -c "import sys, psycopg; psycopg.connect(sys.argv[1], connect_timeout=3).close()" "$(BENCH_POSTGRES_URL)" 2>/dev/null; then \
		DATABASE_URL="$(BENCH_POSTGRES_URL)" $(BIN)/python bench/registrations.py --report bench/results/registrations-postgresql.md || status=1; \
	fi; \
	exit $$status

ci:
	bash .ci/run

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache staticfiles
