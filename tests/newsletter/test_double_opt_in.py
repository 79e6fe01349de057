"""A signup becomes a subscription only through its owner's inbox, and leaves in one click."""

import re

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.core import mail
from django.test import Client, override_settings
from django.urls import reverse

from newsletter.models import Signup
from newsletter.tokens import confirmation_token

pytestmark = pytest.mark.django_db

VALID = {
    "first_name": "Ada",
    "last_name": "Lovelace",
    "email": "ada@example.org",
    "confirm_email": "ada@example.org",
}


def sign_up(client, **changes):
    return client.post(reverse("newsletter:signup"), {**VALID, **changes})


def link(message, name):
    return re.search(rf"http://testserver(/\w\w/newsletter/{name}/[^\s/]+/)", message.body)[1]


def test_confirmation_link_makes_the_signup_active(client):
    sign_up(client)
    [message] = mail.outbox
    assert message.to == ["ada@example.org"]
    assert Signup.objects.get().status == Signup.Status.PENDING

    url = link(message, "confirm")
    page = client.get(url)
    assert page.status_code == 200
    assert Signup.objects.get().status == Signup.Status.PENDING  # a GET only asks
    response = client.post(url, {})
    assert response.status_code == 200
    assert "You are signed up" in response.content.decode()
    signup = Signup.objects.get()
    assert signup.status == Signup.Status.ACTIVE
    assert signup.confirmed_at


def test_confirmation_link_expires_after_a_week(client):
    with time_machine.travel("2026-01-01 12:00", tick=False):
        sign_up(client)
    url = link(mail.outbox[0], "confirm")
    with time_machine.travel("2026-01-09 12:00", tick=False):
        response = client.post(url, {})
    assert response.status_code == 400
    assert "This link does not work" in response.content.decode()
    assert Signup.objects.get().status == Signup.Status.PENDING


def test_altered_confirmation_link_is_refused(client):
    sign_up(client)
    signup = Signup.objects.get()
    token = confirmation_token(signup)
    response = client.post(reverse("newsletter:confirm", args=[token[:-2] + "xx"]), {})
    assert response.status_code == 400
    assert Signup.objects.get().status == Signup.Status.PENDING


def test_every_email_has_a_one_click_unsubscribe_link_and_headers(client):
    sign_up(client)
    message = mail.outbox[0]
    url = link(message, "unsubscribe")
    assert message.extra_headers["List-Unsubscribe"] == f"<http://testserver{url}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    client.post(link(message, "confirm"), {})
    # A mail client's one-click POST carries no CSRF token.
    response = Client(enforce_csrf_checks=True).post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert Signup.objects.get().status == Signup.Status.UNSUBSCRIBED


def test_answer_is_the_same_whether_or_not_the_address_is_subscribed(client):
    first = sign_up(client)
    client.post(link(mail.outbox[0], "confirm"), {})
    again = sign_up(Client(), first_name="Mallory")
    assert first.status_code == again.status_code == 302
    first_page = client.get(first["Location"]).content.decode()
    assert "Check your inbox" in first_page
    assert BeautifulSoup(Client().get(again["Location"]).content, "html.parser")
    signup = Signup.objects.get()
    assert (signup.first_name, signup.status) == ("Ada", Signup.Status.ACTIVE)
    # Only the owner learns, by email, that someone tried again.
    assert mail.outbox[-1].to == ["ada@example.org"]
    assert "already signed up" in mail.outbox[-1].body


def test_unsubscribed_address_signs_up_again_only_through_its_inbox(client):
    Signup.objects.create(
        first_name="Ada", last_name="Lovelace", email="ada@example.org", status="unsubscribed"
    )
    sign_up(client, first_name="Someone")
    signup = Signup.objects.get()
    assert (signup.first_name, signup.status) == ("Ada", Signup.Status.UNSUBSCRIBED)
    client.post(link(mail.outbox[0], "confirm"), {})
    assert Signup.objects.get().status == Signup.Status.ACTIVE


@override_settings(NEWSLETTER_ADDRESS_LIMIT=2, NEWSLETTER_CLIENT_LIMIT=100)
def test_one_address_is_rate_limited_with_a_clear_message(client):
    for _ in range(2):
        assert sign_up(client).status_code == 302
    response = sign_up(client)
    assert response.status_code == 429
    assert "Too many signups for this address" in response.content.decode()
    assert len(mail.outbox) == 2
    assert sign_up(client, email="grace@example.org", confirm_email="grace@example.org")["Location"]


@override_settings(NEWSLETTER_CLIENT_LIMIT=3)
def test_one_client_is_rate_limited_with_a_clear_message(client):
    for number in range(3):
        address = f"person{number}@example.org"
        assert sign_up(client, email=address, confirm_email=address).status_code == 302
    response = sign_up(client, email="more@example.org", confirm_email="more@example.org")
    assert response.status_code == 429
    assert "Too many signups from your connection" in response.content.decode()
    assert not Signup.objects.filter(email="more@example.org").exists()
    other = Client(REMOTE_ADDR="192.0.2.7")
    assert sign_up(other, email="more@example.org", confirm_email="more@example.org")["Location"]


@pytest.mark.parametrize(
    "address", ["josé@example.org", "ada@ejemplo.españa", "用户@例子.广告", "Ünal.Öz@bücher.de"]
)
def test_internationalised_addresses_are_accepted(client, address):
    response = sign_up(client, email=address, confirm_email=address)
    assert response.status_code == 302
    assert Signup.objects.get().email == address
    assert len(mail.outbox) == 1


def test_other_forms_csrf_failures_get_djangos_page_not_the_newsletters():
    client = Client(enforce_csrf_checks=True)
    response = client.post("/admin/login/", {"username": "a", "password": "b"})
    assert response.status_code == 403
    html = response.content.decode()
    assert "We could not confirm your signup" not in html
    assert 'class="newsletter-form"' not in html
    Signup.objects.create(first_name="A", last_name="B", email="a@example.org")
    token = confirmation_token(Signup.objects.get())
    response = client.post(reverse("newsletter:confirm", args=[token]), {})
    assert response.status_code == 403
    assert "We could not confirm your signup" not in response.content.decode()
