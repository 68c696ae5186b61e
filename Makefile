# Chancery: `make run` serves the demo, `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test test-sqlite test-postgres install install-test benchmark demo-fixture clean

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
