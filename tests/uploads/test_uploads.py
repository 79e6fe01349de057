"""Hostile uploads get a clear error on the form, never a server error, and nothing is saved."""

import io
import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image

pytestmark = pytest.mark.django_db


def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def decompression_bomb(width=30_000, height=30_000):
    """A tiny PNG whose header promises 900 million pixels of one colour."""
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    row = b"\x00" + b"\x00" * ((width + 7) // 8)
    compressor = zlib.compressobj(9)
    data = b"".join(compressor.compress(row) for _ in range(200)) + compressor.flush()
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", data)
        + png_chunk(b"IEND", b"")
    )


def jpeg_bytes():
    output = io.BytesIO()
    PILImage.new("RGB", (20, 20), "red").save(output, "JPEG")
    return output.getvalue()


SVG_WITH_SCRIPT = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>alert(document.cookie)</script></svg>"
)

IMAGE_CASES = {
    "decompression bomb": ("bomb.png", decompression_bomb(), "too many pixels"),
    "extension lies": ("photo.png", jpeg_bytes(), "extension does not match"),
    "not an image": ("photo.png", b"<html><script>alert(1)</script></html>", "Not a valid .png"),
    "svg with a script": ("logo.svg", SVG_WITH_SCRIPT, "Not a supported image format"),
}


@pytest.mark.parametrize("case", IMAGE_CASES)
def test_hostile_images_get_a_clear_form_error(admin_client, case):
    name, content, message = IMAGE_CASES[case]
    response = admin_client.post(
        reverse("wagtailimages:add"),
        {"title": "Upload", "file": SimpleUploadedFile(name, content), "collection": 1},
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Image.objects.exists()


@pytest.mark.parametrize("case", IMAGE_CASES)
def test_hostile_images_in_the_multiple_uploader_get_a_clear_error(admin_client, case):
    name, content, message = IMAGE_CASES[case]
    response = admin_client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": SimpleUploadedFile(name, content)},
    )
    assert response.status_code == 200
    payload = response.json()
    assert payload["success"] is False
    assert message in payload["error_message"]
    assert not Image.objects.exists()


def test_a_real_image_still_uploads(admin_client):
    response = admin_client.post(
        reverse("wagtailimages:add"),
        {"title": "Red", "file": SimpleUploadedFile("red.jpg", jpeg_bytes()), "collection": 1},
    )
    assert response.status_code == 302
    assert Image.objects.get().title == "Red"


DOCUMENT_CASES = {
    "web page as pdf": ("leaflet.pdf", b"<html><script>alert(1)</script></html>", "does not match"),
    "web page as txt": ("notes.txt", b"<!DOCTYPE html><script>alert(1)</script>", "does not match"),
    "binary as csv": ("data.csv", b"\x00\x01\x02MZ\x90\x00", "does not match"),
    "not a docx": ("letter.docx", b"plain text", "does not match"),
    "svg": ("logo.svg", SVG_WITH_SCRIPT, "is not allowed"),
    "program": ("setup.exe", b"MZ\x90\x00", "is not allowed"),
}


@pytest.mark.parametrize("case", DOCUMENT_CASES)
def test_hostile_documents_get_a_clear_form_error(admin_client, case):
    name, content, message = DOCUMENT_CASES[case]
    response = admin_client.post(
        reverse("wagtaildocs:add"),
        {"title": "Upload", "file": SimpleUploadedFile(name, content), "collection": 1},
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Document.objects.exists()


def test_too_big_documents_are_refused(admin_client, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1000
    response = admin_client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Big",
            "file": SimpleUploadedFile("big.pdf", b"%PDF-1.7\n" + b"0" * 2000),
            "collection": 1,
        },
    )
    assert response.status_code == 200
    assert "This file is too big" in response.content.decode()
    assert not Document.objects.exists()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("leaflet.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"),
        ("notes.txt", "Notas en español: ñandú.\n".encode()),
        ("data.csv", b"name,count\nDystonia,3\n"),
        ("letter.rtf", b"{\\rtf1\\ansi Hello}"),
    ],
)
def test_real_documents_still_upload(admin_client, name, content):
    response = admin_client.post(
        reverse("wagtaildocs:add"),
        {"title": "Real", "file": SimpleUploadedFile(name, content), "collection": 1},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Document.objects.count() == 1
