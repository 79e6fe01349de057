"""Signing up to the newsletter: the signup page, the footer form on cached pages, the admin."""

import csv
import io

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from newsletter.models import Signup
from tests.factories import ConditionPageFactory

pytestmark = pytest.mark.django_db

VALID = {
    "first_name": "Ada",
    "last_name": "Lovelace",
    "email": "ada@example.org",
    "confirm_email": "ada@example.org",
}


@pytest.fixture
def signup_url():
    return reverse("newsletter:signup")


def post(client, url, **changes):
    return client.post(url, {**VALID, **changes})


def field_error(response, name):
    """The error shown for one field, checking it is tied to its input for screen readers."""
    soup = BeautifulSoup(response.content, "html.parser")
    field = soup.find("input", attrs={"name": name})
    wrapper = field.find_parent(class_="form-field")
    error = wrapper.select_one(".form-field__error")
    if error is None:
        assert "aria-invalid" not in field.attrs
        return None
    assert field["aria-invalid"] == "true"
    assert field["aria-describedby"] == error["id"]
    assert soup.find("label", attrs={"for": field["id"]})
    return error.get_text()


class TestValidation:
    def test_blank_form_shows_an_error_next_to_every_field(self, client, signup_url):
        response = client.post(signup_url, {})
        assert response.status_code == 400
        for name in VALID:
            assert field_error(response, name) == "This field is required."
        assert "Please correct the errors below." in response.content.decode()
        assert not Signup.objects.exists()

    def test_names_of_only_spaces_are_blank(self, client, signup_url):
        response = post(client, signup_url, first_name="   ", last_name=" ")
        assert field_error(response, "first_name") == "This field is required."
        assert field_error(response, "last_name") == "This field is required."
        assert field_error(response, "email") is None

    def test_invalid_email_is_rejected(self, client, signup_url):
        response = post(client, signup_url, email="ada@", confirm_email="ada@")
        assert response.status_code == 400
        assert field_error(response, "email") == "Enter a valid email address."
        assert field_error(response, "first_name") is None
        assert not Signup.objects.exists()

    def test_mismatched_confirmation_is_rejected(self, client, signup_url):
        response = post(client, signup_url, confirm_email="ada@example.com")
        assert response.status_code == 400
        assert field_error(response, "confirm_email") == "The two email addresses do not match."
        assert field_error(response, "email") is None
        assert not Signup.objects.exists()

    def test_over_long_values_are_rejected(self, client, signup_url):
        long_email = "a" * 250 + "@example.org"
        response = post(
            client,
            signup_url,
            first_name="A" * 101,
            email=long_email,
            confirm_email=long_email,
        )
        assert response.status_code == 400
        assert "at most 100 characters" in field_error(response, "first_name")
        assert "at most 254 characters" in field_error(response, "email")
        assert not Signup.objects.exists()

    def test_typed_values_are_kept_and_escaped(self, client, signup_url):
        response = post(client, signup_url, first_name="<script>x</script>", email="bad")
        html = response.content.decode()
        assert "<script>x</script>" not in html
        soup = BeautifulSoup(html, "html.parser")
        assert soup.find("input", attrs={"name": "first_name"})["value"] == "<script>x</script>"
        assert soup.find("input", attrs={"name": "last_name"})["value"] == "Lovelace"


class TestSuccess:
    def test_signup_saves_one_pending_record_and_redirects_with_a_message(self, client, signup_url):
        response = post(client, signup_url)
        assert response.status_code == 302
        assert response["Location"] == signup_url
        signup = Signup.objects.get()
        assert (
            signup.first_name,
            signup.last_name,
            signup.email,
            signup.language,
            signup.status,
        ) == ("Ada", "Lovelace", "ada@example.org", "en", Signup.Status.PENDING)
        page = client.get(response["Location"])
        soup = BeautifulSoup(page.content, "html.parser")
        message = soup.select_one(".messages")
        assert message["role"] == "status"
        assert message.get_text(strip=True) == (
            "Thank you. Check your inbox: we have sent you an email with a link to confirm "
            "your signup."
        )
        assert client.get(signup_url).content.decode().count("Thank you.") == 0

    def test_same_email_in_another_case_never_changes_the_record(self, client, signup_url):
        """Anyone can type someone else's address: the form must not rename its owner."""
        post(client, signup_url)
        response = post(
            client,
            signup_url,
            first_name="Augusta",
            email="ADA@Example.ORG",
            confirm_email="ada@example.org",
        )
        assert response.status_code == 302
        signup = Signup.objects.get()
        assert signup.first_name == "Ada"
        assert signup.email == "ada@example.org"

    def test_the_footer_form_on_a_guide_posts_to_the_signup_page(
        self, client, conditions_index, signup_url
    ):
        guide = ConditionPageFactory()
        soup = BeautifulSoup(client.get(guide.url).content, "html.parser")
        form = soup.select_one("footer form.newsletter-form")
        assert form["action"] == signup_url
        assert form["method"] == "post"
        assert form["data-csrf-url"] == reverse("newsletter:token")
        assert {i["name"] for i in form.find_all("input")} == set(VALID)


class TestCsrf:
    def test_post_without_a_token_is_refused_and_shows_what_was_typed(self, signup_url):
        client = Client(enforce_csrf_checks=True)
        response = client.post(signup_url, {**VALID, "first_name": "Ada <b>"})
        assert response.status_code == 403
        assert not Signup.objects.exists()
        assert "no-store" in response["Cache-Control"]
        soup = BeautifulSoup(response.content, "html.parser")
        assert "We could not confirm your signup" in soup.select_one(".notice").get_text()
        values = {i["name"]: i.get("value") for i in soup.select("form.newsletter-form input")}
        assert values["first_name"] == "Ada <b>"
        assert values["email"] == VALID["email"]
        assert values["confirm_email"] == VALID["confirm_email"]
        assert values["csrfmiddlewaretoken"]

    def test_pressing_sign_up_again_on_the_refusal_page_signs_up(self, signup_url):
        client = Client(enforce_csrf_checks=True)
        refused = client.post(signup_url, VALID)
        soup = BeautifulSoup(refused.content, "html.parser")
        data = {i["name"]: i.get("value", "") for i in soup.select("form.newsletter-form input")}
        response = client.post(signup_url, data)
        assert response.status_code == 302
        assert Signup.objects.count() == 1

    def test_token_endpoint_answers_an_uncacheable_json_token(self, signup_url):
        client = Client(enforce_csrf_checks=True)
        response = client.get(reverse("newsletter:token"))
        assert response.status_code == 200
        assert response["Content-Type"] == "application/json"
        token = response.json()["token"]
        assert token
        cache_control = response["Cache-Control"]
        for directive in ("no-cache", "no-store", "private"):
            assert directive in cache_control
        response = client.post(signup_url, {**VALID, "csrfmiddlewaretoken": token})
        assert response.status_code == 302
        assert Signup.objects.count() == 1

    def test_cached_pages_carry_the_form_but_no_token_or_cookie(
        self, client, conditions_index, home_page
    ):
        guide = ConditionPageFactory()
        for url in [guide.url, home_page.url, conditions_index.url, reverse("search")]:
            response = client.get(url)
            assert response.status_code == 200
            html = response.content.decode()
            assert 'class="newsletter-form"' in html, url
            assert "csrfmiddlewaretoken" not in html, url
            assert "Set-Cookie" not in response.headers, url
            assert "csrftoken" not in response.cookies, url
            # Nothing on the page asked for a token, so CSRF adds no Vary: Cookie.
            assert not response.wsgi_request.META.get("CSRF_COOKIE_NEEDS_UPDATE"), url


class TestAdmin:
    @pytest.fixture
    def admin_client(self, client):
        user = get_user_model().objects.create_superuser("admin", "admin@example.org", "pw")
        client.force_login(user)
        return client

    @pytest.fixture
    def signups(self, db):
        Signup.objects.create(
            first_name="Ada", last_name="Lovelace", email="ada@example.org", status="active"
        )
        Signup.objects.create(
            first_name="Grace",
            last_name="Hopper",
            email="grace@example.org",
            language="es",
            status="active",
        )
        Signup.objects.create(first_name="Pat", last_name="Pending", email="pat@example.org")

    def test_signups_are_listed_in_the_admin(self, admin_client, signups):
        response = admin_client.get(reverse("newsletter_signups:index"))
        assert response.status_code == 200
        html = response.content.decode()
        assert "ada@example.org" in html
        assert "grace@example.org" in html
        assert "pat@example.org" not in html

    def test_pending_signups_are_listed_when_asked_for(self, admin_client, signups):
        response = admin_client.get(reverse("newsletter_signups:index"), {"status": "pending"})
        html = response.content.decode()
        assert "pat@example.org" in html
        assert "ada@example.org" not in html

    def test_signups_export_as_csv(self, admin_client, signups):
        response = admin_client.get(reverse("newsletter_signups:index"), {"export": "csv"})
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/csv")
        assert "newsletter-signups" in response["Content-Disposition"]
        content = b"".join(response.streaming_content).decode("utf-8-sig")
        rows = list(csv.reader(io.StringIO(content)))
        assert [h.lower() for h in rows[0]][:4] == ["email", "first name", "last name", "language"]
        assert sorted(row[0] for row in rows[1:]) == ["ada@example.org", "grace@example.org"]

    def test_visitors_cannot_see_the_signups(self, client, signups):
        response = client.get(reverse("newsletter_signups:index"))
        assert response.status_code == 302
        assert "ada@example.org" not in response.content.decode()


@pytest.mark.django_db
def test_site_managers_can_export_signups_and_editors_cannot(client):
    from django.contrib.auth.models import Group, User

    Signup.objects.create(
        first_name="Ana", last_name="Ruiz", email="ana@example.com", status="active"
    )
    url = reverse("newsletter_signups:index") + "?export=csv"
    for group, allowed in [("Site managers", True), ("Editors", False)]:
        user = User.objects.create_user(group.split()[0].lower(), password="pw")  # noqa: S106
        user.groups.add(Group.objects.get(name=group))
        client.force_login(user)
        response = client.get(url)
        if allowed:
            assert response.status_code == 200
            assert b"ana@example.com" in b"".join(response.streaming_content)
        else:
            assert response.status_code in (302, 403)
