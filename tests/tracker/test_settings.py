"""The one settings module, imported afresh under different environments."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PROBE = (
    "import json, tracker.settings as s; print(json.dumps({"
    "'engine': s.DATABASES['default']['ENGINE'], 'name': str(s.DATABASES['default']['NAME']),"
    "'eager': s.CELERY_TASK_ALWAYS_EAGER, 'debug': s.DEBUG, 'hosts': s.ALLOWED_HOSTS,"
    "'visibility': s.CELERY_BROKER_TRANSPORT_OPTIONS['visibility_timeout'],"
    "'time_limit': s.CELERY_TASK_TIME_LIMIT}))"
)
CLEAN = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_", "CELERY_"))}


def load_settings(**env):
    result = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env={**CLEAN, **env}, capture_output=True, text=True
    )
    if result.returncode:
        raise RuntimeError(result.stderr.strip().splitlines()[-1])
    return json.loads(result.stdout)


def test_with_no_configuration_it_runs_embedded_on_sqlite_with_eager_tasks():
    loaded = load_settings(DJANGO_DEBUG="1")
    assert loaded["engine"] == "django.db.backends.sqlite3"
    assert loaded["name"].endswith("db.sqlite3")
    assert loaded["eager"] is True


def test_a_postgres_url_selects_postgresql():
    loaded = load_settings(DJANGO_DEBUG="1", DATABASE_URL="postgres://u:p@db.example:5432/tracker")
    assert loaded["engine"] == "django.db.backends.postgresql"
    assert loaded["name"] == "tracker"


def test_a_broker_url_turns_eager_tasks_off():
    loaded = load_settings(DJANGO_DEBUG="1", CELERY_BROKER_URL="redis://127.0.0.1:6379/0")
    assert loaded["eager"] is False


def test_a_secret_key_is_required_when_debug_is_off():
    with pytest.raises(RuntimeError, match="DJANGO_SECRET_KEY is required"):
        load_settings()
    assert load_settings(DJANGO_SECRET_KEY="x" * 50)["debug"] is False


def test_a_malformed_boolean_fails_loudly():
    with pytest.raises(RuntimeError, match="DJANGO_DEBUG must be a boolean"):
        load_settings(DJANGO_DEBUG="maybe")


def test_allowed_hosts_come_from_a_comma_separated_list():
    loaded = load_settings(DJANGO_DEBUG="1", DJANGO_ALLOWED_HOSTS="a.example, b.example")
    assert loaded["hosts"] == ["a.example", "b.example"]


def test_the_broker_redelivers_only_after_the_longest_task_could_have_finished():
    loaded = load_settings(DJANGO_DEBUG="1")
    assert loaded["visibility"] > loaded["time_limit"]
