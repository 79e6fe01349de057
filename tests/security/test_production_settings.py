"""Production settings fail closed and pass Django's deployment checks."""

import os
import subprocess
import sys

import pytest
from django.conf import settings

DOCUMENTED = {
    "SECRET_KEY": "ci-only-0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJ",
    "ALLOWED_HOSTS": "guides.example.org",
    "WAGTAILADMIN_BASE_URL": "https://guides.example.org",
    "CSRF_TRUSTED_ORIGINS": "https://guides.example.org",
}


def run(code, **env):
    base = {
        key: value
        for key, value in os.environ.items()
        # The browser tests allow sync database calls from Playwright's event loop for
        # this process; a production server never has that variable.
        if key not in DOCUMENTED
        and key not in ("DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE")
    }
    return subprocess.run(  # noqa: S603
        [sys.executable, "-c", code],
        cwd=settings.BASE_DIR,
        env={**base, **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_deploy_check_passes_with_the_documented_variables():
    result = run(
        "import os, sys; from django.core.management import execute_from_command_line;"
        "execute_from_command_line(['manage.py', 'check', '--deploy', '--fail-level', 'WARNING'])",
        DJANGO_SETTINGS_MODULE="config.settings.production",
        **DOCUMENTED,
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_wsgi_without_settings_module_fails_closed():
    """A server started with no environment refuses, instead of serving development settings."""
    result = run("import config.wsgi")
    assert result.returncode != 0
    assert "Set the SECRET_KEY environment variable for production." in result.stderr


def test_wsgi_defaults_to_production_settings():
    result = run(
        "import config.wsgi; from django.conf import settings;"
        "print(settings.SETTINGS_MODULE, settings.DEBUG, settings.SECURE_HSTS_SECONDS)",
        **DOCUMENTED,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["config.settings.production", "False", "31536000"]


@pytest.mark.parametrize(
    "key", ["short", "django-insecure-" + "x" * 60, "a" * 60], ids=["short", "insecure", "same"]
)
def test_weak_secret_key_is_refused(key):
    result = run("import config.wsgi", **{**DOCUMENTED, "SECRET_KEY": key})
    assert result.returncode != 0
    assert "SECRET_KEY is too weak for production" in result.stderr


def test_admin_base_url_is_required():
    env = {**DOCUMENTED}
    del env["WAGTAILADMIN_BASE_URL"]
    result = run("import config.wsgi", **env)
    assert "Set the WAGTAILADMIN_BASE_URL environment variable" in result.stderr


def test_language_cookie_is_secure_in_production():
    result = run(
        "import config.wsgi; from django.conf import settings;"
        "print(settings.LANGUAGE_COOKIE_SECURE, settings.LANGUAGE_COOKIE_SAMESITE,"
        " settings.LANGUAGE_COOKIE_HTTPONLY)",
        **DOCUMENTED,
    )
    assert result.stdout.split() == ["True", "Lax", "True"]
