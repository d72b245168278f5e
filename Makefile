# Two commands for a newcomer: `make run` and `make test`. Everything else is optional.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
# Local commands read .env (debug on, a generated key), written once by `make run`, git-ignored.
ENV_FILE ?= .env
# Tests run with debug off, as in production, but over plain HTTP, with a throwaway key, no .env.
TEST_ENV := DJANGO_ENV_FILE= DJANGO_SECRET_KEY=insecure-test-key DJANGO_SECURE_SSL_REDIRECT=0

.PHONY: run test install browser proxy migrate demo lint messages bench load clean train-extractor

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

## Debian's nginx for the tests of deploy/nginx.conf (they run it on 127.0.0.1; skipped without it).
proxy:
	@command -v nginx >/dev/null 2>&1 || test -x /usr/sbin/nginx || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing Debian's nginx for the proxy tests..."; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null) \
	      || echo "Could not install nginx: proxy tests will be skipped."; \
	  else echo "nginx not found and not root: proxy tests will be skipped."; fi; }

$(ENV_FILE):
	@echo "Writing $@: debug on and a generated secret key, for local commands (delete it to start afresh)"
	@printf '# Written by `make run` for local development: never use it in production.\nDJANGO_DEBUG=1\nDJANGO_SECRET_KEY=%s\n' \
	  "$$($(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))')" > $@

migrate: install $(ENV_FILE)
	$(BIN)/python manage.py migrate --noinput

demo: migrate
	$(BIN)/python manage.py loaddemo
	$(BIN)/python manage.py demoeditor

run: demo
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

test: install browser proxy
	$(TEST_ENV) $(BIN)/python -m pytest $(ARGS)

## Regenerate the French translation (tracker/locale/fr) and compile it: commit both .po and .mo,
## so a machine without GNU gettext still serves French.
messages: install $(ENV_FILE)
	$(BIN)/python manage.py makemessages -l fr --no-obsolete \
	  --ignore=.venv --ignore=tests --ignore=bench --ignore=staticfiles --ignore=media
	$(BIN)/python manage.py compilemessages -l fr --ignore=.venv

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
	rm -rf $(VENV) $(ENV_FILE) db.sqlite3 media staticfiles .pytest_cache
