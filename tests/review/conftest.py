import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from review.roles import EDITORS, MEDICAL_REVIEWERS, SITE_MANAGERS
from tests.factories import ConditionPageFactory, cannabis_evidence, overview, study

ROLE_GROUPS = {"editor": EDITORS, "reviewer": MEDICAL_REVIEWERS, "manager": SITE_MANAGERS}
PASSWORD = "a-test-password"


@pytest.fixture
def make_user(db):
    def make(role, username=None):
        username = username or role
        user = get_user_model().objects.create_user(
            username,
            f"{username}@example.com",
            PASSWORD,
            first_name=username.title(),
            last_name="Tester",
        )
        if role in ROLE_GROUPS:
            user.groups.add(Group.objects.get(name=ROLE_GROUPS[role]))
        return user

    return make


@pytest.fixture
def users(make_user):
    return {role: make_user(role) for role in ROLE_GROUPS}


@pytest.fixture
def client_for(users, client):
    from django.test import Client

    def login(role):
        if role == "anonymous":
            return client
        role_client = Client()
        role_client.force_login(users[role])
        return role_client

    return login


@pytest.fixture
def guide(conditions_index):
    """A live guide, ready for review: Overview, evidence with a study, review dates."""
    return ConditionPageFactory(
        title="Dystonia",
        slug="dystonia",
        body=[
            overview("<p>Dystonia makes muscles tighten on their own.</p>"),
            cannabis_evidence([study()], level="limited"),
        ],
    )
