import pytest
from wagtail.models import Locale
from wagtail_localize.operations import translate_object

from tests.review.conftest import client_for, make_user, users  # noqa: F401
from tests.review.conftest import guide as guide  # noqa: F401


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser(
        "root", "root@example.com", "password", first_name="Ruth", last_name="Root"
    )


@pytest.fixture
def spanish_guide(guide):
    """The guide's Spanish translation, reviewed and live with Spanish text."""
    spanish = Locale.objects.get_or_create(language_code="es")[0]
    from home.site_tree import get_or_create_conditions_index

    get_or_create_conditions_index(spanish)
    translate_object(guide, [spanish])
    page = guide.get_translation(spanish).specific
    page.title = "Distonía"
    page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)
