import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import Locale

from home.site_tree import get_or_create_conditions_index
from review.roles import EDITORS, MEDICAL_REVIEWERS
from tests.factories import BodySystemFactory, ConditionPageFactory, full_body


@pytest.fixture(scope="session")
def compiled_messages():
    """The Spanish catalogue compiled, as `make` does before the tests."""
    po = settings.BASE_DIR / "locale" / "es" / "LC_MESSAGES" / "django.po"
    mo = po.with_suffix(".mo")
    if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
        call_command("compilemessages", locale=["es"], ignore_patterns=[".venv"], verbosity=0)


@pytest.fixture
def spanish(db):
    return Locale.objects.get_or_create(language_code="es")[0]


@pytest.fixture
def spanish_index(conditions_index, spanish):
    return get_or_create_conditions_index(spanish)


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("admin", "admin@example.com", "password")


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client


@pytest.fixture
def brain(conditions_index):
    return BodySystemFactory(name="Brain and nerves", slug="brain-and-nerves")


@pytest.fixture
def dystonia(conditions_index, brain):
    return ConditionPageFactory(
        title="Dystonia",
        slug="dystonia",
        summary="Muscles tighten on their own.",
        body=full_body(),
        body_systems=[brain],
    )


@pytest.fixture
def people(db, conditions_index):
    """A translator (in Editors) and a medical reviewer."""
    users = {}
    for username, group in [("translator", EDITORS), ("reviewer", MEDICAL_REVIEWERS)]:
        user = get_user_model().objects.create_user(
            username, f"{username}@example.com", "a-password", first_name=username.title()
        )
        user.groups.add(Group.objects.get(name=group))
        users[username] = user
    return users
