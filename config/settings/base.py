"""Settings shared by every environment.

Anything that differs between machines is read from the environment in dev.py,
production.py or test.py, never hard-coded here.
"""

import datetime
import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

INSTALLED_APPS = [
    "home",
    "conditions",
    "newsletter",
    "comments",
    "feedback",
    "search",
    "review",
    "translations",
    "editing",
    "operations",
    "exports",
    "uploads",
    "edgecache",
    "reach",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "review.users_app.RoleLimitedUsersAppConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail_2fa",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "csp",
    "axes",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Last: the content API (reach/api.py); its translations come after every other app's.
    "wagtail.api.v2",
    "rest_framework",
]

MIDDLEWARE = [
    "operations.request_id.RequestIDMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "config.security.PathBasedCSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Django's, without the language redirect for a 404 from a view (translations/).
    "translations.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "home.middleware.CachedSiteMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Two-factor sign-in for users whose group has "Enable 2FA" (review/roles.py).
    "wagtail_2fa.middleware.VerifyUserPermissionsMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into its lockout response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "home.fragments.fragments",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

# SQLite is the embedded default; set DATABASE_URL (postgres://…) for PostgreSQL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}

# SQLite serves several writers at once (autosave, live preview, editing-session pings):
# WAL lets readers run beside the writer; IMMEDIATE takes the write lock when a transaction
# starts, so a transaction that reads and then writes waits for the lock (up to the busy
# timeout) instead of failing with "database is locked" halfway through.
SQLITE_OPTIONS = {
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
    "transaction_mode": "IMMEDIATE",
    "timeout": int(os.environ.get("SQLITE_BUSY_TIMEOUT", "20")),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(SQLITE_OPTIONS)

# Every log line names the request it was written for (X-Request-ID, operations/).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "operations.request_id.RequestIDFilter"}},
    "formatters": {
        "with_request_id": {
            "format": "%(asctime)s %(levelname)s [%(request_id)s] %(name)s: %(message)s"
        }
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": "with_request_id",
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# One cache shared by every worker process and app server when REDIS_URL is set
# (redis://host:6379/0); otherwise each process keeps its own in memory.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "condition-guides"),
            "OPTIONS": {"CLIENT_CLASS": "django_redis.client.DefaultClient"},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# The edge cache in front of the site (edgecache/, docs/deploy.md): every page a change
# touches is purged when a page is published, unpublished, moved or deleted. One of:
# Varnish (or any cache taking PURGE requests) at EDGE_CACHE_URL, Cloudflare, CloudFront.
WAGTAILFRONTENDCACHE = {}
if os.environ.get("EDGE_CACHE_URL"):
    WAGTAILFRONTENDCACHE["varnish"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["EDGE_CACHE_URL"],
    }
if os.environ.get("CLOUDFLARE_ZONE_ID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": os.environ.get("CLOUDFLARE_BEARER_TOKEN", ""),
        "ZONEID": os.environ["CLOUDFLARE_ZONE_ID"],
    }
if os.environ.get("CLOUDFRONT_DISTRIBUTION_ID"):
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": os.environ["CLOUDFRONT_DISTRIBUTION_ID"],
    }
# edgecache lists every language version of a page itself (their slugs differ), so
# Wagtail need not guess them by swapping the language prefix.
WAGTAILFRONTENDCACHE_LANGUAGES = []

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("es", _("Spanish")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = os.environ.get("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# A translation is a new clinical text: it goes through medical review before going live.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# The "Machine translate" button: DeepL with a key; otherwise a development translator
# that only marks each string "[ES] …", so nothing is sent anywhere without a key.
if os.environ.get("DEEPL_API_KEY"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        # Patient information in Spanish addresses the reader as "usted".
        "OPTIONS": {"AUTH_KEY": os.environ["DEEPL_API_KEY"], "FORMALITY": "prefer_more"},
    }
else:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "translations.machine_translator.DevelopmentTranslator",
    }

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "collected-static"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"
# Serve uploads from Django itself when DEBUG is off (`make serve` on one machine).
SERVE_MEDIA = os.environ.get("SERVE_MEDIA", "0") == "1"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = os.environ.get("WAGTAIL_SITE_NAME", "Condition Guides")
# Links in emails. Unset, they follow the Site record (review/links.py), so a server on
# another host or port links to itself.
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "")
# Wagtail's database backend picks SQLite FTS5 or PostgreSQL full-text search from the
# database. SEARCH_BACKEND_URL switches to Elasticsearch or OpenSearch (docs/deploy.md).
SEARCH_BACKEND_URL = os.environ.get("SEARCH_BACKEND_URL", "")
SEARCH_BACKEND = os.environ.get("SEARCH_BACKEND", "elasticsearch8")
if SEARCH_BACKEND_URL:
    if SEARCH_BACKEND not in {
        "elasticsearch7",
        "elasticsearch8",
        "elasticsearch9",
        "opensearch2",
        "opensearch3",
    }:
        raise ValueError(f"SEARCH_BACKEND={SEARCH_BACKEND!r} is not a search backend Wagtail has.")
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": f"wagtail.search.backends.{SEARCH_BACKEND}",
            "URLS": SEARCH_BACKEND_URL.split(","),
            "INDEX_PREFIX": os.environ.get("SEARCH_INDEX_PREFIX", "condition_guides_"),
            "TIMEOUT": int(os.environ.get("SEARCH_BACKEND_TIMEOUT", "5")),
        }
    }
else:
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Which guides have a visitor's words: "catalogue" (the in-memory catalogue of search/,
# the default) or "wagtail" (the backend above, through Wagtail's search(); the default
# with Elasticsearch or OpenSearch). Ranking, typos and suggestions stay in search/ either way.
SITE_SEARCH_MATCHING = os.environ.get(
    "SITE_SEARCH_MATCHING", "wagtail" if SEARCH_BACKEND_URL else "catalogue"
)
if SITE_SEARCH_MATCHING not in {"catalogue", "wagtail"}:
    raise ValueError(f"SITE_SEARCH_MATCHING={SITE_SEARCH_MATCHING!r}: use catalogue or wagtail.")
# Query hits are kept long enough for the 30-day search reports.
WAGTAILSEARCH_HITS_MAX_AGE = 30
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# About 40 megapixels (a large photo): Wagtail refuses more, reading only the image's
# header, so a decompression bomb is refused before anything unpacks it.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
# Documents: size and content checked against the extension (uploads/forms.py).
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024

# Editors can comment on drafts; reviewers leave their notes there.
WAGTAILADMIN_COMMENTS_ENABLED = True

# Guides go live through medical review (review/): any edit after approval needs approving
# again, and reviewers are emailed when a guide is submitted.
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
WAGTAIL_FINISH_WORKFLOW_ACTION = "review.workflows.publish_approved_revision"
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = os.environ.get(
    "WAGTAILADMIN_NOTIFICATION_FROM_EMAIL", "condition-guides@localhost"
)
CSRF_FAILURE_VIEW = "newsletter.views.csrf_failure"
# Uploads are checked (uploads/forms.py: bombs, lying extensions), and a file that live
# pages show changes only with the permission to publish them (review/guards.py).
WAGTAILIMAGES_IMAGE_FORM_BASE = "review.guards.ImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "review.guards.DocumentForm"

# Header, footer and other fragments every page repeats are cached (home/fragments.py)
# and invalidated by publishing and by saving settings. Where the cache is per process
# (local memory), this bounds how long another process may show an old copy.
FRAGMENT_CACHE_SECONDS = int(os.environ.get("FRAGMENT_CACHE_SECONDS", "300"))

# Security headers (config/security.py). The public templates have no inline code
# (tests/test_no_inline_code.py), so the site allows only its own scripts and styles.
_SELF = "'self'"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [_SELF],
        "script-src": [_SELF],
        "style-src": [_SELF],
        "img-src": [_SELF, "data:"],
        "font-src": [_SELF],
        "connect-src": [_SELF],
        "frame-src": [_SELF],
        "object-src": ["'none'"],
        "base-uri": [_SELF],
        "form-action": [_SELF],
        # The admin's live preview frames the site; no other site may.
        "frame-ancestors": [_SELF],
    }
}
WAGTAILADMIN_PATH_PREFIX = "/admin/"
# Wagtail's admin sets inline styles and runs a few inline scripts; still only this origin.
WAGTAILADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [_SELF, "'unsafe-inline'"],
        "style-src": [_SELF, "'unsafe-inline'"],
        "img-src": [_SELF, "data:", "blob:"],
    }
}
# No page uses these browser features; a script injected into one cannot either.
PERMISSIONS_POLICY = {
    feature: []
    for feature in [
        "accelerometer",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    ]
}
# Avatars are served from here, never fetched from Gravatar.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# The admin would ask releases.wagtail.org for a newer version from every visitor's browser.
WAGTAIL_ENABLE_UPDATE_CHECK = False

AUTHENTICATION_BACKENDS = [
    # django-axes first: it refuses a locked-out login before any password is checked.
    "axes.backends.AxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Login throttling: five wrong passwords for one username from one address lock that pair
# out for 15 minutes. Behind a proxy, set AXES_IPWARE_PROXY_COUNT (docs/deploy.md).
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = datetime.timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "account/lockout.html"
AXES_VERBOSE = False
# The typed username, cut to what django-axes stores: a longer one would answer 500.
AXES_USERNAME_CALLABLE = "review.sign_in.throttled_username"
if os.environ.get("AXES_IPWARE_PROXY_COUNT"):
    AXES_IPWARE_PROXY_COUNT = int(os.environ["AXES_IPWARE_PROXY_COUNT"])
    AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]

# An admin session ends after two idle hours (each request renews it; anonymous visitors
# have no session, so their pages write nothing).
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", str(2 * 60 * 60)))
SESSION_SAVE_EVERY_REQUEST = True

# Newsletter signups an hour from one client (IP address) and for one email address.
NEWSLETTER_CLIENT_LIMIT = int(os.environ.get("NEWSLETTER_CLIENT_LIMIT", "10"))
NEWSLETTER_ADDRESS_LIMIT = int(os.environ.get("NEWSLETTER_ADDRESS_LIMIT", "3"))

# Two-factor sign-in (wagtail-2fa): required for Medical reviewers, Site managers and
# superusers, whose roles carry the "Enable 2FA" permission; optional for Editors.
WAGTAIL_2FA_REQUIRED = os.environ.get("WAGTAIL_2FA_REQUIRED", "1") == "1"
WAGTAIL_2FA_OTP_TOTP_NAME = WAGTAIL_SITE_NAME

# Readers' comments (comments/): how many one client, and one address, may send an hour.
COMMENTS_CLIENT_LIMIT = int(os.environ.get("COMMENTS_CLIENT_LIMIT", "10"))
COMMENTS_ADDRESS_LIMIT = int(os.environ.get("COMMENTS_ADDRESS_LIMIT", "5"))
# "Was this page helpful?" answers one client may send an hour (feedback/).
FEEDBACK_CLIENT_LIMIT = int(os.environ.get("FEEDBACK_CLIENT_LIMIT", "60"))
