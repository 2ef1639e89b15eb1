"""museumsite settings: one module, read from the environment, secure by default.

Two modes, chosen by MUSEUMSITE_ENV:

- ``production`` (the default): DEBUG is off, SECRET_KEY and ALLOWED_HOSTS must be given,
  cookies are secure, HTTPS is enforced with HSTS.
- ``local``: for a developer's machine (``make run``) and the test suite. Only this mode
  falls back to a fixed development secret and relaxes the HTTPS settings.

Every variable is listed with its default and production value in README.md.
"""

import ipaddress
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.conf.locale import LANG_INFO
from django.core.exceptions import ImproperlyConfigured

from .env import env_bool, env_choice, env_int, env_json_object, env_list, env_str
from .release import cache_scope, release

BASE_DIR = Path(__file__).resolve().parent.parent
RELEASE = release(BASE_DIR)

MUSEUMSITE_ENV = env_choice("MUSEUMSITE_ENV", "production", {"production", "local"})
LOCAL = MUSEUMSITE_ENV == "local"

DEBUG = env_bool("DEBUG", False)

if LOCAL:
    # A fixed key is acceptable only on a developer's machine; production must set its own.
    SECRET_KEY = env_str("SECRET_KEY", "local-development-only-not-a-secret-" + "x" * 30)
else:
    SECRET_KEY = env_str("SECRET_KEY", required=True)

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"] if LOCAL else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

# --- Applications -----------------------------------------------------------------------

PROJECT_APPS = [
    "core",
    "home",
    "museums",
    "agenda",
    "knowledge",
    "awards",
    "qa",
    "search",
    "api",
]

INSTALLED_APPS = [
    *PROJECT_APPS,
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "axes",
    # Two-factor login for the admin (core.twofactor): authenticator apps (TOTP) and backup codes.
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "ninja",  # the API docs load Swagger UI from our own static files, not a public CDN
    "csp",  # django-csp: the Content-Security-Policy (core.csp) and its system checks
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    # Inside ConditionalGet, outside the page cache: every response, fresh or cached, gets a
    # fresh nonce in its body and header before a 304 is decided on its (nonce-free) ETag.
    "core.csp.ContentSecurityPolicyMiddleware",
    "core.middleware.RejectNulMiddleware",
    "core.middleware.PermissionsPolicyMiddleware",
    "core.pagecache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django_otp.middleware.OTPMiddleware",  # request.user.is_verified(): the second step is done
    "core.twofactor.AdminTwoFactorMiddleware",  # no admin page before the second step
    "core.middleware.AtomicEditsMiddleware",
    "core.middleware.ServiceUnavailableMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "core.api.middleware.ApiCacheMiddleware",
    "core.routing.SiteRootMiddleware",
    "core.middleware.PagePasswordThrottleMiddleware",
    "axes.middleware.AxesMiddleware",  # last: answers a locked-out login with the lockout page
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
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# --- Data ---------------------------------------------------------------------------------

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
DATABASE_IS_POSTGRES = DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
# A database that does not answer must not hang a request (or /healthz) until the worker is
# killed: connecting gives up after DATABASE_CONNECT_TIMEOUT seconds, and PostgreSQL cancels any
# statement running longer than DATABASE_STATEMENT_TIMEOUT_MS (0: no limit). SQLite waits at
# most DATABASE_CONNECT_TIMEOUT seconds for a lock.
DATABASE_CONNECT_TIMEOUT = env_int("DATABASE_CONNECT_TIMEOUT", 5)
DATABASE_STATEMENT_TIMEOUT_MS = env_int("DATABASE_STATEMENT_TIMEOUT_MS", 30000)
if DATABASE_IS_POSTGRES:
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        connect_timeout=DATABASE_CONNECT_TIMEOUT,
        options=f"-c statement_timeout={DATABASE_STATEMENT_TIMEOUT_MS}",
    )
else:
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("timeout", DATABASE_CONNECT_TIMEOUT)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Redis in production, failing open (``core.cache_backends``): with Redis down or slow (timeouts
# of CACHE_SOCKET_TIMEOUT_MS), pages and the API answer from the database, uncached, and /healthz
# says "degraded"; Redis is tried again every CACHE_RETRY_SECONDS. Local memory otherwise.
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "core.cache_backends.FailOpenRedisCache",
            "LOCATION": REDIS_URL,
            # Per release and output settings (``config.release``): a deploy never reads what
            # another release, or the same code with another public or dynamic origin, wrote.
            "KEY_PREFIX": f"{env_str('CACHE_KEY_PREFIX', 'museumsite')}:{cache_scope(BASE_DIR)}",
            "TIMEOUT": env_int("CACHE_TIMEOUT", 300),
            "OPTIONS": {
                "socket_connect_timeout": env_int("CACHE_SOCKET_TIMEOUT_MS", 100) / 1000,
                "socket_timeout": env_int("CACHE_SOCKET_TIMEOUT_MS", 100) / 1000,
                "RETRY_AFTER": env_int("CACHE_RETRY_SECONDS", 5),
            },
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "core.cache_backends.LocalMemoryCache",
            "LOCATION": "museumsite",
            "TIMEOUT": env_int("CACHE_TIMEOUT", 300),
            "OPTIONS": {"MAX_ENTRIES": env_int("CACHE_MAX_ENTRIES", 5000)},
        }
    }
# The reverse proxies (addresses or networks) whose X-Forwarded-For is believed: behind them, rate
# limits key on the visitor's address rather than the proxy's (core.ratelimit.client_address).
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES", [])
for _proxy in TRUSTED_PROXIES:
    try:
        ipaddress.ip_network(_proxy, strict=False)
    except ValueError:
        raise ImproperlyConfigured(
            f"TRUSTED_PROXIES: {_proxy!r} is not an IP address or network (e.g. 10.0.0.0/8)."
        ) from None
# django-ratelimit lets requests through when its counters cannot be read (the cache is down).
RATELIMIT_FAIL_OPEN = True

# --- Search -------------------------------------------------------------------------------
# Elasticsearch 9 when ELASTICSEARCH_URL is set, else Wagtail's database backend (which
# uses PostgreSQL's Dutch text-search configuration on PostgreSQL).

ELASTICSEARCH_URL = env_str("ELASTICSEARCH_URL")
if ELASTICSEARCH_URL:
    from search.elasticsearch import elasticsearch_backend_settings

    WAGTAILSEARCH_BACKENDS = {
        "default": elasticsearch_backend_settings(
            ELASTICSEARCH_URL,
            index_prefix=env_str("ELASTICSEARCH_INDEX_PREFIX", "museumsite_"),
            timeout=env_int("ELASTICSEARCH_TIMEOUT", 5),
            retries=env_int("ELASTICSEARCH_RETRIES", 1),
        )
    }
else:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "wagtail.search.backends.database",
            **({"SEARCH_CONFIG": "dutch"} if DATABASE_IS_POSTGRES else {}),
        }
    }

# --- Background tasks ---------------------------------------------------------------------
# "immediate" runs Wagtail's tasks (search index updates, reference index) in the request.
# "database" queues them in the database for a worker: `manage.py db_worker`.

TASKS_BACKEND = env_choice("TASKS_BACKEND", "immediate", {"immediate", "database"})
TASKS = {
    "default": {
        "BACKEND": {
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
            "database": "django_tasks_db.DatabaseBackend",
        }[TASKS_BACKEND]
    }
}

# --- Internationalisation -----------------------------------------------------------------

LANGUAGE_CODE = "nl"
# Papiamentu (the language of Aruba, Bonaire and Curaçao; ISO 639-2/3 ``pap``) is not among
# Django's languages: its language info is added here, its plural rule is in the header of
# locale/pap/LC_MESSAGES/django.po, its date and number formats are in config/formats/pap/ and
# Django's own strings the site shows (month and day names, form errors) in config/locale/pap/.
LANG_INFO.setdefault("pap", {"bidi": False, "code": "pap", "name": "Papiamento", "name_local": "Papiamentu"})
LANGUAGES = [
    ("nl", "Nederlands"),
    ("en", "English"),
    ("pap", "Papiamentu"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "config" / "locale"]
FORMAT_MODULE_PATH = ["config.formats"]
# Translations in these languages are first drafts until a native speaker has reviewed them
# (``core.reviews``: a warning in the page editor, a report, a note on the public page).
TRANSLATION_REVIEW_LANGUAGES = ["pap"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

# --- Static and media files ---------------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
# Documents (downloads) live outside MEDIA_ROOT in a storage that has no public address: every
# download passes the checked view /documents/<id>/<name> (``core.documents``), never /media/.
DOCUMENTS_ROOT = Path(env_str("DOCUMENTS_ROOT", str(BASE_DIR / "var" / "documents")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "documents": {"BACKEND": "core.storage.DocumentStorage"},  # at DOCUMENTS_ROOT
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if not LOCAL
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
# In local mode whitenoise serves straight from the source folders, no collectstatic needed.
WHITENOISE_USE_FINDERS = LOCAL
WHITENOISE_AUTOREFRESH = LOCAL
SERVE_MEDIA = env_bool("SERVE_MEDIA", LOCAL)

# --- Security -----------------------------------------------------------------------------

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Browser features no page of the site uses are switched off for it and anything it embeds; the
# museum finder's "near me" asks for the reader's location on this origin only.
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), display-capture=(), geolocation=(self), gyroscope=(), "
    "magnetometer=(), microphone=(), midi=(), payment=(), usb=(), interest-cohort=()"
)
X_FRAME_OPTIONS = "DENY"  # Wagtail marks its own preview views SAMEORIGIN


def _origins(*urls):
    """The origins of absolute addresses among ``urls`` (a CDN for static or media files)."""
    return [urlsplit(url)._replace(path="", query="", fragment="").geturl() for url in urls if "//" in url]


# Static export
# The public site as static files (``manage.py export_site OUT``, ``core/export.py``). What cannot be
# static (search, the filters of the museum finder, agenda and knowledge base, the partner form,
# Q&A feedback, the member login) goes to EXPORT_DYNAMIC_ORIGIN (e.g. https://app.example.org):
# the pages name it in those forms and links, on the live site as in the export. Empty: they stay
# on the same origin (fine when the application serves the site). With EXPORT_ON_PUBLISH every
# publish, unpublish, move or delete queues ``export_site EXPORT_ROOT --changed`` as a background
# task (``core.tasks``).
EXPORT_DYNAMIC_ORIGIN = env_str("EXPORT_DYNAMIC_ORIGIN", "").rstrip("/")
EXPORT_ROOT = env_str("EXPORT_ROOT")
EXPORT_ON_PUBLISH = env_bool("EXPORT_ON_PUBLISH", False)
if EXPORT_ON_PUBLISH and not EXPORT_ROOT:
    raise ImproperlyConfigured("EXPORT_ON_PUBLISH needs EXPORT_ROOT: the export's path.")

# Content-Security-Policy (django-csp, ``core.csp``): on the public site and the API, scripts only
# from this origin or with the response's nonce (the JSON-LD carries it; the page cache gives
# every hit a fresh one), no inline styles, no plugins, never framed; embedded media only from
# EMBED_FRAME_SOURCES (the embed block's YouTube and Vimeo players). CSP_REPORT_URI adds a
# report address; CSP_REPORT_ONLY=true only reports (Content-Security-Policy-Report-Only).
# The admin and its previews use inline scripts and styles: ADMIN_CONTENT_SECURITY_POLICY.
EMBED_FRAME_SOURCES = env_list(
    "CSP_FRAME_SRC",
    ["https://www.youtube.com", "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
)
_csp_report = {"report-uri": [env_str("CSP_REPORT_URI")]} if env_str("CSP_REPORT_URI") else {}
_csp_public = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE, *_origins(STATIC_URL)],
        "style-src": [SELF, *_origins(STATIC_URL)],
        "img-src": [SELF, "data:", *_origins(STATIC_URL, MEDIA_URL)],
        "font-src": [SELF, *_origins(STATIC_URL)],
        "frame-src": EMBED_FRAME_SOURCES or [NONE],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF, *_origins(EXPORT_DYNAMIC_ORIGIN)],
        "frame-ancestors": [NONE],
        "upgrade-insecure-requests": not LOCAL,
        **_csp_report,
    }
}
_csp_report_only = env_bool("CSP_REPORT_ONLY", False)
CONTENT_SECURITY_POLICY = None if _csp_report_only else _csp_public
CONTENT_SECURITY_POLICY_REPORT_ONLY = _csp_public if _csp_report_only else None
# Under /admin/ (``core.csp.ADMIN_PREFIXES``) scripts and styles are left to Wagtail; the admin
# may frame its own previews, and nothing else may frame it.
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [SELF],
        "upgrade-insecure-requests": not LOCAL,
        **_csp_report,
    }
}

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True

if not LOCAL:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    # Load balancers probe over plain HTTP.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    if env_bool("SECURE_PROXY_SSL_HEADER", False):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Logins that resist guessing (django-axes): the admin login and the member login (Wagtail's login
# view) lock an account after LOGIN_FAILURE_LIMIT wrong passwords from anywhere, and a client after
# as many wrong attempts on any account, for LOGIN_LOCKOUT_HOURS; a successful login resets the
# count. The client address is the rate limiter's (core.ratelimit, TRUSTED_PROXIES). Unlock with
# `manage.py axes_reset_username <name>`, `axes_reset_ip <address>` or `axes_reset`.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesBackend",  # the lockout check; ModelBackend below authenticates
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("LOGIN_LOCKOUT_HOURS", 1)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "core.ratelimit.client_address"
AXES_LOCKOUT_TEMPLATE = "locked_out.html"
AXES_HTTP_RESPONSE_CODE = 429
AXES_VERBOSE = False
# Two-factor authentication for the admin (core.twofactor, django-otp): with ADMIN_2FA_REQUIRED
# (on by default, off by default in local mode), superusers and every user with access to the
# admin (the Editors and Moderators groups, or any group with "Can access Wagtail admin") set up an
# authenticator app at their first login and give its 6-digit code after their password before
# any /admin/ address opens. Whoever has set one up is asked for it even when it is not required.
# Wrong codes are throttled per device (1, 2, 4, 8... seconds); `manage.py reset_2fa <name>`
# removes a user's devices. The member login on the public site asks for no code.
ADMIN_2FA_REQUIRED = env_bool("ADMIN_2FA_REQUIRED", not LOCAL)
OTP_TOTP_ISSUER = env_str("ADMIN_2FA_ISSUER", "museumsite")  # the name the authenticator app shows
# Page passwords: wrong answers one client may give per hour (core.middleware).
PAGE_PASSWORD_RATE = env_str("PAGE_PASSWORD_RATE", "10/h")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Wagtail ------------------------------------------------------------------------------

WAGTAIL_SITE_NAME = "museumsite"
WAGTAILADMIN_BASE_URL = env_str(
    "WAGTAILADMIN_BASE_URL",
    "http://127.0.0.1:8000" if LOCAL else f"https://{(ALLOWED_HOSTS or ['localhost'])[0]}",
)
# The public address of the site: every absolute link the site hands out (API ``url`` fields,
# feeds, the sitemap, JSON-LD) is built on it (``core.links``). ``make run`` sets it to
# http://127.0.0.1:$PORT; in production it is the address readers use (the CDN's).
PUBLIC_BASE_URL = env_str("PUBLIC_BASE_URL", WAGTAILADMIN_BASE_URL).rstrip("/")
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILDOCS_SERVE_METHOD = "serve_view"  # privacy rules are checked on every download
# How the download view hands an allowed file over: "none" streams it from Django; "nginx"
# answers with X-Accel-Redirect to the internal location DOCUMENTS_SENDFILE_URL (an nginx
# ``internal`` location aliased to DOCUMENTS_ROOT); "xsendfile" with X-Sendfile (Apache
# mod_xsendfile). The web server then sends the bytes; Django only decides who may have them.
DOCUMENTS_SENDFILE = env_choice("DOCUMENTS_SENDFILE", "none", {"none", "nginx", "xsendfile"})
SENDFILE_BACKEND = "core.storage"  # follows DOCUMENTS_SENDFILE
SENDFILE_ROOT = DOCUMENTS_ROOT
SENDFILE_URL = env_str("DOCUMENTS_SENDFILE_URL", "/internal/documents/")
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_PASSWORD_RESET_ENABLED = True
# The members' login and the page and document password forms, in the site's layout.
WAGTAIL_FRONTEND_LOGIN_TEMPLATE = "members/login.html"
WAGTAIL_PASSWORD_REQUIRED_TEMPLATE = "members/password_required.html"
WAGTAILDOCS_PASSWORD_REQUIRED_TEMPLATE = "members/password_required.html"
WAGTAILSEARCH_HITS_MAX_AGE = 30
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
WAGTAIL_LOCALIZE_DEFAULT_TRANSLATION_MODE = "synced"

# Purge a CDN on every change (``core.invalidation``: one batch of every address that depends on
# it), when one is configured: Cloudflare by zone, or any HTTP cache that accepts PURGE requests
# (Varnish, nginx with a purge module) at FRONTEND_CACHE_PURGE_URL. Wagtail's own per-page purge
# is not installed: the project sends the whole set itself.
CLOUDFLARE_ZONE_ID = env_str("CLOUDFLARE_ZONE_ID")
FRONTEND_CACHE_PURGE_URL = env_str("FRONTEND_CACHE_PURGE_URL")
if FRONTEND_CACHE_PURGE_URL:
    WAGTAILFRONTENDCACHE = {
        "http": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": FRONTEND_CACHE_PURGE_URL,
        }
    }
elif CLOUDFLARE_ZONE_ID:
    WAGTAILFRONTENDCACHE = {
        "cloudflare": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "BEARER_TOKEN": env_str("CLOUDFLARE_BEARER_TOKEN", required=True),
            "ZONEID": CLOUDFLARE_ZONE_ID,
        }
    }

# The sitemap (``core.sitemaps``): a section with more addresses than this goes on in a further
# part (the protocol allows 50,000 to a sitemap).
SITEMAP_PART_SIZE = env_int("SITEMAP_PART_SIZE", 50_000)

# --- The public API -----------------------------------------------------------------------

API_MAX_LIMIT = env_int("API_MAX_LIMIT", 100)
API_DEFAULT_LIMIT = 20
# Headless preview (core.preview): the front end's preview address per "host:language",
# "language" or "default" (JSON); empty: this project's /api/v1/preview/ itself.
HEADLESS_PREVIEW_URLS = env_json_object("HEADLESS_PREVIEW_URLS")
PREVIEW_TOKEN_SECONDS = env_int("PREVIEW_TOKEN_SECONDS", 600)
# The change feed (/api/v1/changes/) keeps this many days; older cursors answer 410 (resync).
CHANGES_RETENTION_DAYS = env_int("CHANGES_RETENTION_DAYS", 30)
API_MAX_OFFSET = 1_000_000_000  # far beyond any list; keeps numbers within what databases accept
API_CACHE_SECONDS = env_int("API_CACHE_SECONDS", 60)

# --- HTTP caching and rate limits --------------------------------------------------------

# ``Cache-Control`` presets by name (``core.http.cache_headers``): arguments of Django's
# ``patch_cache_control``. Views name a preset; they never write their own numbers.
CACHE_CONTROL_PRESETS = {
    "page": {"public": True, "max_age": env_int("BROWSER_CACHE_SECONDS", 60)},
    "feed": {"public": True, "max_age": env_int("FEED_CACHE_SECONDS", 300)},
    "api": {"public": True, "max_age": API_CACHE_SECONDS},
    "robots": {"public": True, "max_age": 3600},
    "private": {"private": True, "no_cache": True},
    # Added to every response the page cache stores: how long a CDN keeps it (it is purged on
    # every change, so this only bounds filtered variants that a purge cannot name), and how long
    # it may serve a stale copy while it fetches a fresh one.
    "shared": {
        "s_maxage": env_int("CDN_CACHE_SECONDS", 300),
        "stale_while_revalidate": env_int("CDN_STALE_SECONDS", 60),
    },
}

# The full-page cache for anonymous readers (``core.pagecache``): HTML, feeds, sitemap, API GETs.
# Entries are invalidated by tags on every change (``core.invalidation``); they also expire after
# PAGE_CACHE_SECONDS.
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", True)
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 3600)

# Rate limits (``core.ratelimit``, django-ratelimit in the default cache: use Redis in production so
# that every worker shares the counts). Client addresses are hashed with SECRET_KEY and this salt.
RATELIMIT_SALT = env_str("RATELIMIT_SALT", "museumsite")

# --- Sections ---------------------------------------------------------------------------

# Partner proposals for the agenda: contact details are deleted after this many days
# (``manage.py purge_partner_submissions``); editors are notified at these addresses.
AGENDA_SUBMISSION_RETENTION_DAYS = env_int("AGENDA_SUBMISSION_RETENTION_DAYS", 180)
AGENDA_SUBMISSION_NOTIFY_EMAILS = env_list("AGENDA_SUBMISSION_NOTIFY_EMAILS", [])
# Proposals one client may send (django-ratelimit rate: "count/period", period s, m, h or d).
AGENDA_SUBMISSION_RATE = env_str("AGENDA_SUBMISSION_RATE", "5/h")
# How far ahead recurring events are expanded into occurrences, and the longest feed.
AGENDA_RECURRENCE_HORIZON_DAYS = env_int("AGENDA_RECURRENCE_HORIZON_DAYS", 730)
AGENDA_FEED_MAX_ITEMS = env_int("AGENDA_FEED_MAX_ITEMS", 1000)

# The group whose members may read members-only pages and documents (``manage.py setup_members``).
MEMBERS_GROUP_NAME = env_str("MEMBERS_GROUP_NAME", "Leden")

# Q&A "was this helpful?": answers one client may give in all, and per question.
QA_FEEDBACK_RATE = env_str("QA_FEEDBACK_RATE", "10/h")
QA_FEEDBACK_RATE_PER_QUESTION = env_str("QA_FEEDBACK_RATE_PER_QUESTION", "1/h")
# Whether the Q&A search asks the search backend (else only its own database matching).
QA_SEARCH_USE_BACKEND = env_bool("QA_SEARCH_USE_BACKEND", True)

# --- Mail and logging ---------------------------------------------------------------------

EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if LOCAL
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
# A relay that accepts and never answers costs a background task this many seconds, not a request.
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "webmaster@localhost")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "elastic_transport": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
    },
}
