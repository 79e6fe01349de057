"""A file that a live guide shows changes only with the permission to publish the guide.

Images and documents have no drafts: replacing one changes the live page at once.
"""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image

from tests.factories import ConditionPageFactory, overview


def png(colour):
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 8), colour).save(buffer, "PNG")
    return SimpleUploadedFile("picture.png", buffer.getvalue(), "image/png")


@pytest.fixture
def image(db):
    return Image.objects.create(title="A scan", file=png("red"))


@pytest.fixture
def live_guide_with_image(conditions_index, image):
    return ConditionPageFactory(
        title="Migraine", hero_image=image, hero_image_alt="A scan", body=[overview()]
    )


def replace_image(client, image):
    return client.post(
        reverse("wagtailimages:edit", args=[image.pk]),
        {"title": image.title, "file": png("blue"), "tags": ""},
    )


def file_name(image):
    return Image.objects.get(pk=image.pk).file.name


def test_editor_cannot_replace_an_image_a_live_guide_shows(
    live_guide_with_image, image, client_for
):
    before = file_name(image)
    response = replace_image(client_for("editor"), image)
    assert response.status_code == 200
    assert "Live pages show this file: Migraine" in response.content.decode()
    assert file_name(image) == before


def test_editor_cannot_retitle_it_either(live_guide_with_image, image, client_for):
    client_for("editor").post(
        reverse("wagtailimages:edit", args=[image.pk]), {"title": "Something else", "tags": ""}
    )
    assert Image.objects.get(pk=image.pk).title == "A scan"


def test_editor_can_tag_it(live_guide_with_image, image, client_for):
    response = client_for("editor").post(
        reverse("wagtailimages:edit", args=[image.pk]), {"title": image.title, "tags": "scan"}
    )
    assert response.status_code == 302
    assert list(Image.objects.get(pk=image.pk).tags.names()) == ["scan"]


def test_site_manager_can_replace_it(live_guide_with_image, image, client_for):
    before = file_name(image)
    response = replace_image(client_for("manager"), image)
    assert response.status_code == 302
    assert file_name(image) != before


def test_editor_can_replace_an_image_no_live_page_shows(image, client_for):
    before = file_name(image)
    assert replace_image(client_for("editor"), image).status_code == 302
    assert file_name(image) != before


def test_editor_cannot_replace_a_document_a_live_guide_links_to(conditions_index, client_for):
    document = Document.objects.create(
        title="Leaflet", file=SimpleUploadedFile("leaflet.pdf", b"%PDF-1.4 old", "application/pdf")
    )
    ConditionPageFactory(
        title="Epilepsy",
        body=[overview(f'<p>See the <a linktype="document" id="{document.pk}">leaflet</a>.</p>')],
    )
    response = client_for("editor").post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {
            "title": "Leaflet",
            "file": SimpleUploadedFile("leaflet.pdf", b"%PDF-1.4 new", "application/pdf"),
            "tags": "",
        },
    )
    assert "Live pages show this file: Epilepsy" in response.content.decode()
    document.refresh_from_db()
    document.file.open()
    assert document.file.read() == b"%PDF-1.4 old"
