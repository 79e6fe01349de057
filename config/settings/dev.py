import os

from .base import *  # noqa: F403

DEBUG = os.environ.get("DEBUG", "1") == "1"
# A development-only key: production.py refuses to start without its own.
SECRET_KEY = os.environ.get("SECRET_KEY", "django-insecure-development-only-key")  # noqa: S105
ALLOWED_HOSTS = os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]").split(",")
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
