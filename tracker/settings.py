"""Settings for Casualty Tracker, read from the environment with safe defaults.

With no environment at all the project runs embedded: SQLite in the project folder and
Celery tasks executed eagerly in-process. Every variable is documented in README.md.
"""

import datetime
import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def envbool(name, default):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (1/0, true/false), not {value!r}")


def envint(name, default):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be an integer, not {value!r}") from None


def envlist(name, default):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def read_env_file(path):
    """Add the NAME=value lines of `path` to the environment, where the environment lacks them.

    `make run` writes `.env` (debug on, a generated secret key) so that every local
    `manage.py` command works with nothing exported; what the real environment sets always
    wins, so production and CI are never changed by a developer's file.
    """
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return
    for number, line in enumerate(lines, start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        name, equals, value = line.removeprefix("export ").partition("=")
        if not equals or not name.strip():
            raise ImproperlyConfigured(f"{path}, line {number}: expected NAME=value")
        os.environ.setdefault(name.strip(), value.strip())


# --- Core -------------------------------------------------------------------------------
# Unset: the project folder's .env, if any. Empty: none (`make test` runs without it).
ENV_FILE = os.environ.get("DJANGO_ENV_FILE", str(BASE_DIR / ".env"))
if ENV_FILE:
    read_env_file(ENV_FILE)
DEBUG = envbool("DJANGO_DEBUG", False)
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is required when DJANGO_DEBUG is off "
            "(`make run` writes a .env with both for local development)."
        )
    SECRET_KEY = "django-insecure-development-key-only-used-with-debug"
ALLOWED_HOSTS = envlist("DJANGO_ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = envlist("DJANGO_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
    "simple_history",
    "axes",
    "csp",
    "tracker",
    "ingest",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Django's LocaleMiddleware, its answers varying with the language cookie too (a shared cache).
    "tracker.language.LanguageMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # After CSRF and authentication: a body is read only for a view that CSRF let through.
    "tracker.middleware.NulByteMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into its lockout response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "tracker.urls"
WSGI_APPLICATION = "tracker.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "tracker.freshness.freshness",
            ],
        },
    },
]

# --- Database -----------------------------------------------------------------------------
# Unset: SQLite in the project folder. postgres://user:pass@host:5432/name: PostgreSQL (psycopg 3).
DATABASE_URL = os.environ.get("DATABASE_URL", "")
DATABASES = {
    "default": dj_database_url.parse(
        DATABASE_URL or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=envint("DATABASE_CONN_MAX_AGE", 60 if DATABASE_URL else 0),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Celery -------------------------------------------------------------------------------
# Unset: tasks run eagerly in-process, still through Celery's API. redis://...: a real worker.
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = None
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SOFT_TIME_LIMIT = envint("CELERY_TASK_SOFT_TIME_LIMIT", 120)
CELERY_TASK_TIME_LIMIT = envint("CELERY_TASK_TIME_LIMIT", 150)
# The analysis retries transient database and broker errors after about 5, 10, 20 ... seconds
# (with jitter), never more than INGEST_RETRY_BACKOFF_MAX apart.
INGEST_RETRY_BACKOFF = envint("INGEST_RETRY_BACKOFF", 5)
INGEST_RETRY_BACKOFF_MAX = envint("INGEST_RETRY_BACKOFF_MAX", 300)
# Redis redelivers an unacknowledged task after this; it must exceed the longest task and its
# retry backoff (a retry waits its countdown unacknowledged), or a task would run twice.
# A broker that refuses connections, or accepts them and never answers, holds an upload this
# long at most: the upload tries once, then leaves its report queued for the sweep.
INGEST_BROKER_TIMEOUT_SECONDS = envint("INGEST_BROKER_TIMEOUT_SECONDS", 2)
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": envint("CELERY_VISIBILITY_TIMEOUT", 3600),
    "socket_connect_timeout": INGEST_BROKER_TIMEOUT_SECONDS,
    # Above the 1 s of the worker's blocking pop, which it waits for asynchronously anyway.
    "socket_timeout": INGEST_BROKER_TIMEOUT_SECONDS,
}
if CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"] <= CELERY_TASK_TIME_LIMIT + INGEST_RETRY_BACKOFF_MAX:
    raise ImproperlyConfigured(
        "CELERY_VISIBILITY_TIMEOUT must exceed CELERY_TASK_TIME_LIMIT + INGEST_RETRY_BACKOFF_MAX, "
        "or Redis would hand a running or retrying task to a second worker."
    )
CELERY_BROKER_CONNECTION_TIMEOUT = INGEST_BROKER_TIMEOUT_SECONDS
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 1, "interval_start": 0, "interval_step": 0.5}

# --- Ingest -------------------------------------------------------------------------------
INGEST_MAX_UPLOAD_BYTES = envint("INGEST_MAX_UPLOAD_BYTES", 10 * 1024 * 1024)
INGEST_MAX_FILES = envint("INGEST_MAX_FILES", 50)
# A PDF or an HTML page is read in a child process with these bounds (ingest/pdf.py,
# ingest/htmlpage.py): a hostile file fails its report with the reason, the worker goes on.
INGEST_PDF_MAX_PAGES = envint("INGEST_PDF_MAX_PAGES", 500)
INGEST_PDF_TIMEOUT_SECONDS = envint("INGEST_PDF_TIMEOUT_SECONDS", 20)
INGEST_PDF_MAX_MEMORY_MB = envint("INGEST_PDF_MAX_MEMORY_MB", 512)
# A report whose worker died this many times (a poison article) ends failed.
INGEST_MAX_ATTEMPTS = envint("INGEST_MAX_ATTEMPTS", 3)
# A report still queued after this long lost its task (broker down at upload): the sweep resends it.
INGEST_REQUEUE_AFTER_SECONDS = envint("INGEST_REQUEUE_AFTER_SECONDS", 300)
INGEST_SWEEP_SECONDS = envint("INGEST_SWEEP_SECONDS", 300)
CELERY_BEAT_SCHEDULE = {
    "requeue-stale-reports": {
        "task": "ingest.tasks.requeue_stale_reports",
        "schedule": float(INGEST_SWEEP_SECONDS),
    },
}
# Pages fetched by URL (ingest/fetch.py) are capped at INGEST_MAX_UPLOAD_BYTES, decoded, too.
INGEST_FETCH_CONNECT_TIMEOUT_SECONDS = envint("INGEST_FETCH_CONNECT_TIMEOUT_SECONDS", 5)
INGEST_FETCH_READ_TIMEOUT_SECONDS = envint("INGEST_FETCH_READ_TIMEOUT_SECONDS", 15)
INGEST_FETCH_TOTAL_SECONDS = envint("INGEST_FETCH_TOTAL_SECONDS", 60)
INGEST_FETCH_MAX_REDIRECTS = envint("INGEST_FETCH_MAX_REDIRECTS", 5)
# Off: a URL whose host is on a loopback, private, link-local, multicast or reserved address is
# refused (server-side request forgery). On for tests and intranets; or allow some networks only.
INGEST_ALLOW_PRIVATE_URLS = envbool("INGEST_ALLOW_PRIVATE_URLS", False)
INGEST_ALLOWED_NETWORKS = envlist("INGEST_ALLOWED_NETWORKS", [])
# Watched feeds: polled this often unless an editor sets otherwise; paused after this many failures.
INGEST_FEED_INTERVAL_MINUTES = envint("INGEST_FEED_INTERVAL_MINUTES", 30)
INGEST_FEED_MAX_FAILURES = envint("INGEST_FEED_MAX_FAILURES", 5)
# Celery beat looks for due feeds this often (each feed keeps its own interval).
INGEST_FEED_TICK_SECONDS = envint("INGEST_FEED_TICK_SECONDS", 60)
CELERY_BEAT_SCHEDULE["poll-due-feeds"] = {
    "task": "ingest.tasks.poll_due_feeds",
    "schedule": float(INGEST_FEED_TICK_SECONDS),
}
if INGEST_FETCH_TOTAL_SECONDS >= CELERY_TASK_SOFT_TIME_LIMIT:
    raise ImproperlyConfigured("INGEST_FETCH_TOTAL_SECONDS must be below CELERY_TASK_SOFT_TIME_LIMIT.")
DATA_UPLOAD_MAX_MEMORY_SIZE = INGEST_MAX_UPLOAD_BYTES + 1024 * 1024
# Django's parser refuses more files than this before storing any, with a bare 400 page (it never
# caps their size: ingest's upload validator does). Well above INGEST_MAX_FILES, so that a few too
# many reach the upload form, which says how many it takes.
DATA_UPLOAD_MAX_NUMBER_FILES = INGEST_MAX_FILES * 10

# --- Auth, i18n, static ------------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "admin:login"
# django-axes first: it refuses a locked-out login before any password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("fr", _("French"))]
LOCALE_PATHS = [BASE_DIR / "tracker" / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
# plotly.js is served from here, no CDN: the partial "basic" bundle (scatter, bar, pie: the chart
# draws only scatter traces), a quarter of the full one, at the version the plotly package's
# figures are built for (a test checks it), and its French locale. Both are npm's published files.
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedStaticFilesStorage"
    },
}

# Static files whose name carries their version never change: browsers may keep them for years.
# The others (site.css, charts.js) keep whitenoise's short default, so a deployment shows at once.
WHITENOISE_IMMUTABLE_FILE_TEST = r"-\d+\.\d+\.\d+(\.min)?\.js$"

# --- Cache --------------------------------------------------------------------------------
# The dashboard's content and the series and gap answers are kept per data version (tracker.kept).
# Unset: each process keeps its own in memory. redis://host:6379/2: one cache for all of them.
CACHE_URL = os.environ.get("DJANGO_CACHE_URL", "")
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}
    if CACHE_URL
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "OPTIONS": {"MAX_ENTRIES": 200}}
}
KEPT_SECONDS = envint("DJANGO_KEPT_SECONDS", 24 * 3600)

# --- Public output ------------------------------------------------------------------------
# Bounds on what one request sends to anyone, whatever the size of the data: a figure's quote
# (tracker.quotes), the traces of a chart and the points of each (tracker.series.bounded), the
# rows of an API page. With them no page or API answer exceeds about 1 MB at 100,000 figures.
QUOTE_MAX_CHARS = envint("TRACKER_QUOTE_MAX_CHARS", 600)
CHART_MAX_POINTS = envint("TRACKER_CHART_MAX_POINTS", 150)
CHART_MAX_TRACES = envint("TRACKER_CHART_MAX_TRACES", 8)
API_MAX_PAGE_SIZE = envint("API_MAX_PAGE_SIZE", 500)
# Off: an upload waits, unpublished, until an editor publishes it (tracker.services.report_publish).
INGEST_PUBLISH_UPLOADS = envbool("INGEST_PUBLISH_UPLOADS", True)

# --- Proxies ------------------------------------------------------------------------------
# How many reverse proxies in front of Django append to X-Forwarded-For (docker-compose.yml:
# one, nginx). 0: the header is ignored, any client could write it (tracker.addresses).
TRUSTED_PROXIES = envint("DJANGO_TRUSTED_PROXIES", 0)

# --- API ----------------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "tracker.api.authentication.ApiTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticatedOrReadOnly"],
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "rest_framework.filters.OrderingFilter",
    ],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"]
    + (["rest_framework.renderers.BrowsableAPIRenderer"] if DEBUG else []),
    "DEFAULT_SCHEMA_CLASS": "tracker.api.schema.ApiSchema",
    "DEFAULT_PARSER_CLASSES": [
        "tracker.api.parsers.JSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    # Counted in the default cache: shared by every process when DJANGO_CACHE_URL is set.
    "DEFAULT_THROTTLE_CLASSES": ["tracker.api.throttling.AnonRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"anon": os.environ.get("API_ANON_RATE", "120/minute")},
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Casualty Tracker API",
    "DESCRIPTION": "Official and independent counts of civilian casualties, each traced to its sentence.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Reports and figures share one choice set for the precision of their dates.
    "ENUM_NAME_OVERRIDES": {"DatePrecisionEnum": "tracker.models.DatePrecision"},
}
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]

# --- Security (production) ----------------------------------------------------------------
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = envbool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_HSTS_SECONDS = envint("DJANGO_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

# Every script and style is a file under /static/: no inline code, no eval (plotly.js runs
# without it), no third-party origin. Data reaches scripts through json_script, which is JSON.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        # plotly.js adds its toolbar's rules (by CSSOM) to <style> elements it creates empty, and
        # injects the map library's stylesheet as it loads: the hashes allow exactly the empty
        # element and that stylesheet (plotly==7.1.0), never other inline CSS. The browser test
        # reports a violation if a plotly upgrade changes them.
        "style-src": [
            SELF,
            "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='",
            "'sha256-ji27qzEtxXZW+7dun6UwjHXJ18e6WAin1VvNtkzIE/o='",
        ],
        # plotly.js draws <b> and <i> of a hover label as style="..." on SVG text. A style
        # attribute cannot run script; it is the one inline thing allowed.
        "style-src-attr": [UNSAFE_INLINE],
        # Plotly's toolbar icons and PNG export are data: and blob: images.
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# Login attempts (django-axes): this many failures for one user name from one address (the
# proxy's, behind one) lock that pair out for the cool-off time; a success resets the count.
AXES_FAILURE_LIMIT = envint("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=envint("AXES_COOLOFF_MINUTES", 30))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "tracker.addresses.client_address"

# --- Logging ------------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    # axes announces itself at every start; its lockouts are warnings and still show.
    "loggers": {"axes": {"level": "WARNING"}},
}
