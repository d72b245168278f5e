"""gunicorn's settings for production, read by `gunicorn tracker.wsgi` run from this folder.

Behind nginx (deploy/nginx.conf), which holds slow clients and buffers bodies, so a worker
only ever serves a whole request. Threads (gthread) let one slow answer not block the others,
and each worker is recycled after some requests, so no process grows without bound.
Every value can be changed with its environment variable.
"""

import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
worker_class = "gthread"
workers = int(os.environ.get("GUNICORN_WORKERS", "3"))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
# Recycled after this many requests (plus up to the jitter, so they do not restart together).
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", "200"))
# The application is loaded once, before the workers fork: a recycled worker starts at once,
# instead of spending a second or two of CPU importing Django while requests wait.
preload_app = True
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# No access log here: nginx writes one line per request already. Errors still go to stderr.
