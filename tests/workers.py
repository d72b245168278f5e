"""Real services in subprocesses for the tests that need them: a Celery worker, a Redis server.

The in-process test worker cannot be killed and shares the test's connection; the worker here
is a separate prefork process pointed at the test database pytest created, so tests using it
commit their rows (transaction=True) for the worker to see them.
"""

import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import redis
from django.conf import settings

ROOT = Path(__file__).resolve().parents[1]


def database_url():
    """Return the URL of the test database, for processes started by a test."""
    db = settings.DATABASES["default"]
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def service_env(*, broker_url=None, **extra):
    """Return the environment of a worker, server or command run against the test database.

    It shares the test's MEDIA_ROOT too: a worker reads the files the test uploaded.
    """
    return {
        **os.environ,
        "DATABASE_URL": database_url(),
        "CELERY_BROKER_URL": broker_url or settings.CELERY_BROKER_URL,
        "DJANGO_MEDIA_ROOT": str(settings.MEDIA_ROOT),
        **{name: str(value) for name, value in extra.items()},
    }


@contextmanager
def running_worker(log, *, broker_url=None, include=(), beat=False, env=None):
    """Run `celery worker` (prefork, one child) until the block ends; `log` receives its output.

    `include` names modules the worker imports at start (-I), such as the test-only fault hooks;
    `beat` runs Celery beat inside it (the sweep); `env` adds variables, such as shorter delays.
    """
    celery = Path(sys.executable).with_name("celery")
    command = [str(celery), "-A", "tracker", "worker", "--pool", "prefork", "--concurrency", "1",
               "--purge", "--without-gossip", "--without-mingle", "-l", "info"]  # fmt: skip
    if include:
        command += ["-I", ",".join(include)]
    if beat:
        command += ["--beat", "--schedule", str(log.with_name(log.stem + "-beat-schedule"))]
    with log.open("w") as out:
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=service_env(broker_url=broker_url, **(env or {})),
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, so the pool children die with it
        )
    try:
        deadline = time.monotonic() + 60
        while "ready." not in log.read_text():
            assert process.poll() is None, log.read_text()
            assert time.monotonic() < deadline, "the worker did not start:\n" + log.read_text()
            time.sleep(0.1)
        yield process
    finally:
        process.terminate()  # a warm shutdown: the child finishes or gives back its task
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        try:
            os.killpg(process.pid, signal.SIGKILL)  # any pool child left behind
        except ProcessLookupError:
            pass


def free_port():
    """Return a TCP port nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class RedisServer:
    """A throwaway `redis-server` on a free port, which a test stops and starts at will.

    Never the shared server: this one keeps nothing on disk and dies with the test.
    """

    def __init__(self, port):
        self.port = port
        self.url = f"redis://127.0.0.1:{port}/0"
        self.process = None

    def start(self):
        command = [shutil.which("redis-server"), "--port", str(self.port), "--bind", "127.0.0.1",
                   "--save", "", "--appendonly", "no", "--daemonize", "no"]  # fmt: skip
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        client = redis.Redis.from_url(self.url, socket_connect_timeout=0.5)
        assert wait_for(lambda: self._answers(client), timeout=20), "redis-server did not start"

    def stop(self):
        """Kill the server at once, as a crash would."""
        if self.process is not None:
            self.process.kill()
            self.process.wait()
            self.process = None

    def _answers(self, client):
        assert self.process.poll() is None, "redis-server exited"
        try:
            return client.ping()
        except redis.ConnectionError:
            return False


@contextmanager
def redis_server():
    """Run a RedisServer of the test's own for the duration of the block."""
    server = RedisServer(free_port())
    server.start()
    try:
        yield server
    finally:
        server.stop()


class HungBroker:
    """A TCP server on a free local port that accepts every connection and never answers.

    What a broker behind a stuck proxy, or a frozen Redis, looks like to a client: connecting
    works, every reply times out. `connections` counts the connections it accepted.
    """

    def __init__(self):
        self.server = socket.create_server(("127.0.0.1", 0))
        self.url = f"redis://127.0.0.1:{self.server.getsockname()[1]}/0"
        self.held = []
        self.closed = threading.Event()
        self.thread = threading.Thread(target=self._accept, daemon=True)

    @property
    def connections(self):
        return len(self.held)

    def _accept(self):
        self.server.settimeout(0.2)
        while not self.closed.is_set():
            try:
                connection, _ = self.server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.held.append(connection)  # kept open, never read from, never written to

    def close(self):
        self.closed.set()
        self.thread.join(timeout=5)
        for connection in self.held:
            connection.close()
        self.server.close()


@contextmanager
def hung_broker():
    """Run a HungBroker for the duration of the block."""
    broker = HungBroker()
    broker.thread.start()
    try:
        yield broker
    finally:
        broker.close()


@contextmanager
def broker_of_this_process(url):
    """Point this process's Celery app (the uploads' producer) at another broker for the block.

    The producer's URL is the write URL: the broker URL itself cannot be changed while the
    environment sets CELERY_BROKER_URL, which Celery reads first.
    """
    from tracker.celery import app

    saved = app.conf.broker_url, app.conf.broker_write_url, app._pool, app.amqp._producer_pool
    app.conf.broker_url, app.conf.broker_write_url = url, url
    app._pool = app.amqp._producer_pool = None
    try:
        yield app
    finally:
        app.conf.broker_url, app.conf.broker_write_url, app._pool, app.amqp._producer_pool = saved


def queue_is_empty(url, queue="celery"):
    """Return True if the broker holds no message for the queue, waiting or unacknowledged."""
    client = redis.Redis.from_url(url)
    try:
        return client.llen(queue) == 0 and client.hlen("unacked") == 0
    finally:
        client.close()


def wait_for(predicate, timeout=60):
    """Return True as soon as `predicate()` is true, False if it never was within `timeout` s."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return False
