# Chancery: `make run` serves the demo, `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

WORKERS ?= 4

.PHONY: run serve worker test test-sqlite test-postgres install install-test benchmark demo-fixture clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall only when the declared dependencies change.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py loaddata demo
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

# Production: gunicorn with WORKERS sync workers (2 per core is a good start; 4 on a 2-core machine).
# Needs DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS and DATABASE_URL in the environment (see README).
# Run `make worker` beside it (same environment): admin uploads are extracted by that task worker.
serve: install
	$(BIN)/python manage.py migrate --noinput
	DJANGO_DEBUG=false $(BIN)/python manage.py collectstatic --noinput -v0
	DJANGO_DEBUG=false $(BIN)/gunicorn config.wsgi --bind $(HOST):$(PORT) --workers $(WORKERS) \
		--timeout 60 --max-requests 2000 --max-requests-jitter 200 --access-logfile -

# The task worker (django-tasks-db): runs the extraction and storing of articles uploaded in the admin.
worker: install
	DJANGO_DEBUG=false $(BIN)/python manage.py db_worker

# The whole suite, against SQLite and then against a PostgreSQL server that
# scripts/with-postgres.sh installs (Debian's postgresql) and starts itself.
test: install-test
	scripts/ensure-chromium.sh
	$(BIN)/python -m pytest
	scripts/with-postgres.sh $(BIN)/python -m pytest

test-sqlite: install-test
	$(BIN)/python -m pytest

test-postgres: install-test
	scripts/with-postgres.sh $(BIN)/python -m pytest

benchmark: install
	$(BIN)/python scripts/benchmark_extraction.py

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles

# Rebuild fixtures/demo.json by importing fixtures/articles into an empty database
# (without the files' bytes: the demo needs the records, not the files).
DEMO_DB := build/demo.sqlite3
demo-fixture: install
	mkdir -p build && rm -f $(DEMO_DB)
	DATABASE_URL=sqlite:///$(CURDIR)/$(DEMO_DB) $(BIN)/python manage.py migrate --noinput -v0
	DATABASE_URL=sqlite:///$(CURDIR)/$(DEMO_DB) $(BIN)/python manage.py import_articles fixtures/articles
	DATABASE_URL=sqlite:///$(CURDIR)/$(DEMO_DB) $(BIN)/python manage.py dumpdata meetings \
		--exclude meetings.country --exclude meetings.articlefile --natural-foreign --indent 1 -o fixtures/demo.json
