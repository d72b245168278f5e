# Two commands for a newcomer: `make run` and `make test`. Everything else is optional.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
# Tests run with debug off, as in production, but over plain HTTP and with a throwaway key.
TEST_ENV := DJANGO_SECRET_KEY=insecure-test-key DJANGO_SECURE_SSL_REDIRECT=0
DEV_ENV := DJANGO_DEBUG=1

.PHONY: run test install browser migrate demo lint messages bench load clean train-extractor

$(BIN)/.installed: requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@

install: $(BIN)/.installed

## Debian's chromium for the browser tests (Playwright drives it; it never downloads a browser).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing Debian's chromium for the browser tests..."; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	      || echo "Could not install chromium: browser tests will be skipped."; \
	  else echo "chromium not found and not root: browser tests will be skipped."; fi; }

migrate: install
	$(DEV_ENV) $(BIN)/python manage.py migrate --noinput

# The demo articles go through the real pipeline; its per-task log lines would hide the progress bar.
demo: migrate
	$(DEV_ENV) DJANGO_LOG_LEVEL=WARNING $(BIN)/python manage.py loaddemo
	$(DEV_ENV) $(BIN)/python manage.py demoeditor

run: demo
	$(DEV_ENV) $(BIN)/python manage.py runserver $(HOST):$(PORT)

test: install browser
	$(TEST_ENV) $(BIN)/python -m pytest $(ARGS)

## Regenerate the French translation (tracker/locale/fr) and compile it: commit both .po and .mo,
## so a machine without GNU gettext still serves French.
messages: install
	$(DEV_ENV) $(BIN)/python manage.py makemessages -l fr --no-obsolete \
	  --ignore=.venv --ignore=tests --ignore=bench --ignore=staticfiles --ignore=media
	$(DEV_ENV) $(BIN)/python manage.py compilemessages -l fr --ignore=.venv

## Known advisories in the pinned requirements (pip-audit asks PyPI's advisory data: needs network).
audit: install
	$(BIN)/pip-audit --progress-spinner off -r requirements.txt -r requirements-dev.txt

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

## The extractor's claimant ranker, trained on the annotated articles in ../shared and the development
## set: deterministic, prints the cross-validated scores, writes ingest/extraction/data/claimant_ranker.json.
train-extractor: install
	$(BIN)/python -m ingest.extraction.training

## Benchmarks measure, they never fail a build; their tools are never installed by `make test`.
## Quick run: make bench ARGS="--scale 0.1"; make load ARGS="--seconds 10".
$(BIN)/.bench-installed: $(BIN)/.installed bench/requirements.txt
	$(BIN)/python -m pip install --quiet -r bench/requirements.txt
	touch $@

bench: $(BIN)/.bench-installed
	$(TEST_ENV) $(BIN)/python -m bench $(ARGS)

load: $(BIN)/.bench-installed
	$(TEST_ENV) $(BIN)/python -m bench.load $(ARGS)

clean:
	rm -rf $(VENV) db.sqlite3 media staticfiles .pytest_cache
