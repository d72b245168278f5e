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
    """Import the settings with `env` alone: no variable of ours, no developer's .env."""
    env = {"DJANGO_ENV_FILE": "", **env}
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


CELERY_PROBE = (
    "import json, tracker.settings as s; print(json.dumps({"
    "'visibility': s.CELERY_BROKER_TRANSPORT_OPTIONS['visibility_timeout'],"
    "'time_limit': s.CELERY_TASK_TIME_LIMIT, 'soft_time_limit': s.CELERY_TASK_SOFT_TIME_LIMIT,"
    "'backoff_max': s.INGEST_RETRY_BACKOFF_MAX}))"
)


def load_celery_settings(**env):
    result = subprocess.run(
        [sys.executable, "-c", CELERY_PROBE], cwd=ROOT, env={**CLEAN, "DJANGO_DEBUG": "1", **env},
        capture_output=True, text=True,
    )  # fmt: skip
    if result.returncode:
        raise RuntimeError(result.stderr.strip().splitlines()[-1])
    return json.loads(result.stdout)


def test_the_visibility_timeout_exceeds_the_longest_task_and_its_retry_backoff():
    """A task running, or waiting for its retry, unacknowledged is never handed to a second worker."""
    loaded = load_celery_settings(CELERY_BROKER_URL="redis://127.0.0.1:6379/0")
    assert loaded["soft_time_limit"] < loaded["time_limit"]
    assert loaded["visibility"] > loaded["time_limit"] + loaded["backoff_max"]


def test_the_task_retry_policy_stays_within_the_visibility_timeout():
    from ingest.tasks import process_report
    from tracker.celery import app

    visibility = app.conf.broker_transport_options["visibility_timeout"]
    assert process_report.retry_backoff_max + app.conf.task_time_limit < visibility
    assert process_report.acks_late and process_report.reject_on_worker_lost


@pytest.mark.parametrize(
    "env",
    [
        {"CELERY_VISIBILITY_TIMEOUT": "150"},
        {"CELERY_VISIBILITY_TIMEOUT": "400"},  # over the time limit, not over it plus the backoff
        {"CELERY_TASK_TIME_LIMIT": "3600"},
        {"INGEST_RETRY_BACKOFF_MAX": "3600"},
    ],
)
def test_a_visibility_timeout_too_short_for_the_tasks_fails_loudly(env):
    with pytest.raises(RuntimeError, match="CELERY_VISIBILITY_TIMEOUT must exceed"):
        load_celery_settings(**env)


def test_local_commands_read_the_env_file_and_the_environment_wins_over_it(tmp_path):
    env_file = tmp_path / ".env"
    env_file.write_text("# written by make run\nDJANGO_DEBUG=1\nDJANGO_SECRET_KEY=from-the-file\n")

    assert load_settings(DJANGO_ENV_FILE=str(env_file))["debug"] is True
    assert load_settings(DJANGO_ENV_FILE=str(env_file), DJANGO_DEBUG="0")["debug"] is False


def test_make_writes_the_env_file_once_with_debug_on_and_a_generated_key(tmp_path):
    env_file = tmp_path / ".env"
    make = ["make", "--no-print-directory", "-C", str(ROOT), f"ENV_FILE={env_file}", str(env_file)]

    subprocess.run(make, check=True, capture_output=True)
    first = env_file.read_text()
    subprocess.run(make, check=True, capture_output=True)

    assert env_file.read_text() == first  # kept: sessions signed with the key stay valid
    values = dict(line.split("=", 1) for line in first.splitlines() if "=" in line and line[0] != "#")
    assert values["DJANGO_DEBUG"] == "1"
    assert len(values["DJANGO_SECRET_KEY"]) >= 50
    assert load_settings(DJANGO_ENV_FILE=str(env_file))["debug"] is True
