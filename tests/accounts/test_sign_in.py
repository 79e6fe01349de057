"""Signing in to the admin: throttling, strong passwords, session expiry and two factors."""

import datetime

import pytest
import time_machine
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import override_settings
from django.urls import reverse

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-and-unusual-password"  # noqa: S105


@pytest.fixture
def editor(db):
    user = get_user_model().objects.create_user("edith", "edith@example.org", PASSWORD)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def log_in(client, password):
    return client.post(reverse("wagtailadmin_login"), {"username": "edith", "password": password})


def test_wrong_passwords_lock_the_login_out_with_a_clear_page(client, editor):
    for _ in range(5):
        response = log_in(client, "wrong")
        assert response.status_code in (200, 429)
    response = log_in(client, PASSWORD)
    assert response.status_code == 429
    assert "Too many sign-in attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_lockout_ends_after_the_cool_off(client, editor):
    with time_machine.travel("2026-03-01 09:00", tick=False):
        for _ in range(5):
            log_in(client, "wrong")
    with time_machine.travel("2026-03-01 09:16", tick=False):
        response = log_in(client, PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")


def test_a_few_wrong_passwords_then_the_right_one_signs_in(client, editor):
    for _ in range(3):
        assert log_in(client, "wrong").status_code == 200
    assert log_in(client, PASSWORD).status_code == 302


def test_new_users_cannot_get_a_weak_password(admin_client):
    response = admin_client.post(
        reverse("wagtailusers_users:add"),
        {
            "username": "newbie",
            "email": "newbie@example.org",
            "first_name": "New",
            "last_name": "Bie",
            "password1": "password",
            "password2": "password",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "This password is too common." in html
    assert not get_user_model().objects.filter(username="newbie").exists()


def test_an_idle_admin_session_expires(client, editor):
    with time_machine.travel("2026-03-01 09:00", tick=False):
        client.force_login(editor)
        assert client.get(reverse("wagtailadmin_home")).status_code == 200
    with time_machine.travel("2026-03-01 10:30", tick=False):
        assert client.get(reverse("wagtailadmin_home")).status_code == 200
    with time_machine.travel("2026-03-01 12:31", tick=False):
        response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


@override_settings(WAGTAIL_2FA_REQUIRED=True)
@pytest.mark.parametrize(
    ("group", "asked"),
    [("Medical reviewers", True), ("Site managers", True), ("Editors", False)],
)
def test_reviewers_and_managers_must_set_up_a_second_factor(client, group, asked):
    user = get_user_model().objects.create_user("someone", password=PASSWORD)
    user.groups.add(Group.objects.get(name=group))
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_home"))
    if asked:
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("wagtail_2fa_device_new"))
    else:
        assert response.status_code == 200


@override_settings(WAGTAIL_2FA_REQUIRED=True)
def test_second_factor_setup_page_works(client):
    user = get_user_model().objects.create_user("rita", password=PASSWORD)
    user.groups.add(Group.objects.get(name="Medical reviewers"))
    client.force_login(user)
    response = client.get(reverse("wagtail_2fa_device_new"))
    assert response.status_code == 200
    assert "qr" in response.content.decode().lower()


def test_session_lasts_two_idle_hours(settings):
    assert datetime.timedelta(seconds=settings.SESSION_COOKIE_AGE) == datetime.timedelta(hours=2)
    assert settings.SESSION_SAVE_EVERY_REQUEST


def test_a_very_long_username_gets_the_login_form_back_and_still_counts(client):
    """Wagtail's front-end login (Django's form) takes a username of any length;
    django-axes stores 255 characters, and PostgreSQL answered 500 for a longer one.
    (The admin's login form refuses an over-long username before it is checked.)"""
    url = "/en/_util/login/"
    username = "x" * 400
    for _ in range(5):
        response = client.post(url, {"username": username, "password": "wrong"})
        assert response.status_code in (200, 429)
        assert "_auth_user_id" not in client.session
    attempt = AccessAttempt.objects.get()
    assert attempt.username == "x" * 255
    assert attempt.failures_since_start == 5
    response = client.post(url, {"username": username, "password": "wrong"})
    assert response.status_code == 429
    assert "Too many sign-in attempts" in response.content.decode()
