from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "tests-only-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = BASE_DIR / ".test-media"  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
# Tests sign users in directly; tests/accounts/ turns two-factor sign-in back on.
WAGTAIL_2FA_REQUIRED = False
