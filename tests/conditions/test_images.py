"""Guide images: made when the guide is published, responsive, WebP with a JPEG fallback."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from conditions.images import filter_specs
from reach.sharing import SHARE_IMAGE_SPEC
from tests.factories import ConditionPageFactory, overview

pytestmark = pytest.mark.django_db


@pytest.fixture
def image():
    return get_image_model().objects.create(
        title="Leaves", file=get_test_image_file(size=(1200, 800))
    )


@pytest.fixture
def guide(conditions_index, image):
    guide = ConditionPageFactory(
        slug="dystonia",
        body=[overview(), ("image", {"image": image, "caption": "Stretching."})],
        publish=False,
    )
    guide.hero_image, guide.hero_image_alt = image, "A person stretching."
    guide.save_revision().publish()
    return guide


def specs_made(image):
    return set(image.renditions.values_list("filter_spec", flat=True))


def test_publishing_a_guide_makes_its_image_renditions(guide, image):
    # With the share image for social cards (reach/sharing.py).
    assert specs_made(image) == {*filter_specs("hero"), *filter_specs("figure"), SHARE_IMAGE_SPEC}


def test_the_first_reader_makes_no_rendition(client, guide, image):
    made = image.renditions.count()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(guide.url)
    assert response.status_code == 200
    assert not [q for q in queries if "INSERT" in q["sql"] and "rendition" in q["sql"]]
    assert image.renditions.count() == made


def test_images_are_responsive_webp_with_a_jpeg_fallback(client, guide):
    soup = BeautifulSoup(client.get(guide.url).content, "html.parser")
    hero = soup.select_one(".guide__hero picture")
    figure = soup.select_one(".figure picture")
    for picture in (hero, figure):
        source = picture.find("source")
        assert source["type"] == "image/webp"
        assert source["srcset"].count("w,") == 1 and source["sizes"]
        img = picture.find("img")
        assert img["src"].endswith(".jpg")
        assert img["width"] and img["height"]
        assert " 2x" not in img["srcset"] and img["srcset"].count("w,") == 1
    assert hero.find("img")["alt"] == "A person stretching."
    assert hero.find("img")["width"] == "480"


def test_a_guide_whose_image_file_is_missing_still_publishes_and_shows(
    client, conditions_index, image
):
    image.file.delete(save=False)
    guide = ConditionPageFactory(slug="glaucoma", publish=False)
    guide.hero_image, guide.hero_image_alt = image, "Leaves."
    guide.save_revision().publish()
    assert client.get(guide.url).status_code == 200
