"""One settings module, read from the environment.

With nothing configured the app runs for development on an embedded SQLite file and a
filesystem Celery broker under DATA_DIR. APP_ENV=production turns on the hardened profile and
refuses to start without SECRET_KEY and ALLOWED_HOSTS, or with DEBUG on.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env(name, default=""):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


APP_ENV = env("APP_ENV", "development")
PRODUCTION = APP_ENV == "production"
TESTING = env_bool("TESTING")
# A reverse proxy of ours sets X-Forwarded-For/-Proto; without it those headers are ignored.
BEHIND_PROXY = env_bool("BEHIND_PROXY")

DATA_DIR = Path(env("DATA_DIR", str(BASE_DIR / ".data")))

DEBUG = env_bool("DEBUG", default=not PRODUCTION)
SECRET_KEY = env("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "" if PRODUCTION else "127.0.0.1,localhost")

if PRODUCTION:
    missing = [name for name in ("SECRET_KEY", "ALLOWED_HOSTS") if not env(name)]
    if missing:
        raise ImproperlyConfigured(f"Production needs {', '.join(missing)} in the environment.")
    if DEBUG:
        raise ImproperlyConfigured("Production refuses to run with DEBUG on.")
elif not SECRET_KEY:
    SECRET_KEY = "development-only-key-not-for-production"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "crispy_forms",
    "crispy_bootstrap5",
    "axes",
    "csp",
    "accounts",
    "appraisal",
    "surveys",
    "jobs",
    "notifications",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

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
                "accounts.context_processors.roles",
                "notifications.context_processors.unread_notifications",
            ],
        },
    },
]

# Database: PostgreSQL from DATABASE_URL, else an embedded SQLite file for a first look.
if env("DATABASE_URL"):
    DATABASES = {
        "default": dj_database_url.parse(
            env("DATABASE_URL"),
            conn_max_age=int(env("CONN_MAX_AGE", "600" if PRODUCTION else "0")),
            conn_health_checks=True,
        )
    }
    if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        # Short OLTP queries: JIT compilation of a misestimated plan costs far more than it saves.
        DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"
else:
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": DATA_DIR / "db.sqlite3",
            "OPTIONS": {"timeout": 20},
        }
    }
    # SQLite cannot hold the unique constraints that treat NULL agencies as one (national rows);
    # the services check the same rules, and PostgreSQL enforces them.
    SILENCED_SYSTEM_CHECKS = ["models.W047"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "accounts.backends.NipOrUsernameBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
if TESTING:
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "accounts:login"

# Sign-in lockout: five failures for one username from one address lock that pair for 15 minutes.
AXES_FAILURE_LIMIT = int(env("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_CALLABLE = "accounts.backends.canonical_username"
AXES_LOCKOUT_TEMPLATE = "accounts/lockout.html"
AXES_HTTP_RESPONSE_CODE = 429
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_CLIENT_IP_CALLABLE = "config.client_ip.client_ip"

# Internationalisation: Bahasa Indonesia first, English second.
LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Bahasa Indonesia")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(DATA_DIR / "media")))
if not PRODUCTION:
    WHITENOISE_USE_FINDERS = True
    WHITENOISE_AUTOREFRESH = True
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

# Evidence of daily reports (bukti dukung): a private S3-compatible bucket when EVIDENCE_S3_BUCKET is
# set, else the local disk under MEDIA_ROOT. MEDIA_URL is never served: a view checks who may see the
# report and streams the file. Test runs keep their files under the system's temporary directory.
EVIDENCE_MAX_BYTES = int(env("EVIDENCE_MAX_BYTES", str(5 * 1024 * 1024)))
if env("EVIDENCE_S3_BUCKET"):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env("EVIDENCE_S3_BUCKET"),
            "endpoint_url": env("EVIDENCE_S3_ENDPOINT_URL") or None,
            "region_name": env("EVIDENCE_S3_REGION") or None,
            "access_key": env("EVIDENCE_S3_ACCESS_KEY_ID") or None,
            "secret_key": env("EVIDENCE_S3_SECRET_ACCESS_KEY") or None,
            "location": env("EVIDENCE_S3_PREFIX"),
            "addressing_style": env("EVIDENCE_S3_ADDRESSING_STYLE") or None,
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
elif TESTING and not env("MEDIA_ROOT"):
    import tempfile

    MEDIA_ROOT = Path(tempfile.gettempdir()) / "sikasn-test-media"

# Uploads: imports are read in memory up to this size and refused above it.
IMPORT_MAX_BYTES = int(env("IMPORT_MAX_BYTES", str(5 * 1024 * 1024)))
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Cache: Redis when configured, else in-process memory.
if env("CACHE_URL"):
    CACHES = {
        "default": {
            "BACKEND": "config.cache.RedisCache",
            "LOCATION": env("CACHE_URL"),
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# SKM public survey form (/s/<code>/): abuse resistance and the retention of personal data.
SKM_FORM_MAX_AGE = int(env("SKM_FORM_MAX_AGE", str(2 * 60 * 60)))  # seconds a form stays valid
SKM_MIN_FILL_SECONDS = int(env("SKM_MIN_FILL_SECONDS", "3"))  # faster answers are flagged
SKM_REPEAT_LIMIT = int(env("SKM_REPEAT_LIMIT", "10"))  # answers per address and link in an hour
SKM_RATE_LIMIT = env("SKM_RATE_LIMIT", "10/m")  # form posts per address, then HTTP 429
SKM_SUGGESTION_MAX_LENGTH = int(env("SKM_SUGGESTION_MAX_LENGTH", "2000"))
SKM_IP_HASH_KEY = env("SKM_IP_HASH_KEY")  # empty: a key derived from SECRET_KEY
SKM_PERSONAL_DATA_DAYS = int(env("SKM_PERSONAL_DATA_DAYS", "365"))

# Celery: Redis in production; a filesystem broker under DATA_DIR when nothing is configured.
CELERY_BROKER_URL = env("CELERY_BROKER_URL", "filesystem://")
if CELERY_BROKER_URL == "filesystem://":
    broker_dir = DATA_DIR / "broker"
    for sub in ("queue", "processed", "control"):
        (broker_dir / sub).mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(broker_dir / "queue"),
        "data_folder_out": str(broker_dir / "queue"),
        "processed_folder": str(broker_dir / "processed"),
        "control_folder": str(broker_dir / "control"),
        "store_processed": False,
    }
else:
    # A web request that queues a task waits at most about two seconds for a stopped or frozen Redis:
    # a connect timeout of 1 s and one retry at once (kombu would first sleep 2 s).
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "socket_connect_timeout": 1,
        "socket_timeout": 1,
        "max_retries": 1,
        "interval_start": 0,
        "interval_step": 0.2,
        "interval_max": 0.2,
    }
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_TASK_TIME_LIMIT = 600
CELERY_TASK_SOFT_TIME_LIMIT = 540
CELERY_TASK_IGNORE_RESULT = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TIMEZONE = TIME_ZONE
# A daily report queues a refresh of its author's figures (the nightly run catches up on any it misses).
# Off in tests unless a test turns it on, so that the suite does not fill the test broker.
SCORES_REFRESH_ON_REPORT = env_bool("SCORES_REFRESH_ON_REPORT", not TESTING)
CELERY_BEAT_SCHEDULE = {
    # The period figures of staff, units and agencies, each night after the day's reports are in.
    "aggregate-scores": {
        "task": "appraisal.tasks.aggregate_scores",
        "schedule": crontab(hour=1, minute=30),
    },
    # The SKM figures per service and period, for quick reads; the result screens compute them live.
    "refresh-survey-aggregates": {
        "task": "surveys.tasks.refresh_survey_aggregates",
        "schedule": timedelta(hours=1),
    },
    "purge-survey-personal-data": {
        "task": "surveys.tasks.purge_survey_personal_data",
        "schedule": timedelta(days=1),
    },
    # The day's reminders in the bell and by e-mail, once each local (Asia/Jakarta) morning.
    "send-reminders": {
        "task": "notifications.tasks.send_reminders",
        "schedule": crontab(hour=7, minute=0),
    },
}
CELERY_BEAT_SCHEDULE_FILENAME = str(DATA_DIR / "celerybeat-schedule")

# E-mail: the console in development, SMTP when EMAIL_HOST is set.
if env("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = env("EMAIL_HOST")
    EMAIL_PORT = int(env("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = env("EMAIL_HOST_USER")
    EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "SIKASN <no-reply@localhost>")
# Links in reminder e-mails start with this address (e-mails are sent without a request to take it from).
SITE_URL = env("SITE_URL", "http://127.0.0.1:8000")
# Raters are reminded of appraisals whose evaluation deadline is this many days away or less.
REMINDER_APPRAISAL_DAYS = int(env("REMINDER_APPRAISAL_DAYS", "7"))

# Security headers. No inline scripts anywhere: every script is a static file.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 60 * 60 * 10
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if PRODUCTION:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
    if BEHIND_PROXY:
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}
