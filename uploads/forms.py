"""What an upload must be: small enough, and what its extension says it is.

Wagtail checks images (format against extension, size, pixel count; see WAGTAILIMAGES_*
in config/settings/base.py); ImageForm only turns Pillow's own decompression-bomb
refusal into the same form error. Documents are checked here: Wagtail checks only the
extension, and a ``.pdf`` that is really a web page would be served from this site.
"""

import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL.Image import DecompressionBombError
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm


class BombProofImageField(WagtailImageField):
    """Wagtail's image field; an image so large that Pillow refuses even to read its
    size (over twice PIL.Image.MAX_IMAGE_PIXELS) gets the "too many pixels" error."""

    def check_image_pixel_size(self, f):
        try:
            super().check_image_pixel_size(f)
        except DecompressionBombError as error:
            raise ValidationError(
                _(
                    "This image has too many pixels to be safe to open. The largest image "
                    "has %(max_pixels)s pixels."
                )
                % {"max_pixels": f"{self.max_image_pixels:,}"},
                code="file_too_many_pixels",
            ) from error


class ImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if type(self.fields.get("file")) is WagtailImageField:
            # Wagtail builds the field itself (images.forms.formfield_for_dbfield); keep
            # everything it set up and change only the pixel check.
            self.fields["file"].__class__ = BombProofImageField


ZIP_FORMATS = {"docx", "xlsx", "pptx", "odt"}
TEXT_FORMATS = {"csv", "txt"}
SIGNATURES = {"pdf": (b"%PDF-",), "rtf": (b"{\\rtf",)}
SNIFF_BYTES = 2048


def content_matches_extension(extension, upload):
    upload.seek(0)
    head = upload.read(SNIFF_BYTES)
    upload.seek(0)
    if extension in SIGNATURES:
        return head.startswith(SIGNATURES[extension])
    if extension in ZIP_FORMATS:
        try:
            return zipfile.is_zipfile(upload)
        finally:
            upload.seek(0)
    if extension in TEXT_FORMATS:
        lowered = head.lower()
        markup = any(tag in lowered for tag in (b"<html", b"<script", b"<svg", b"<!doctype"))
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as error:
            # A multi-byte character cut at the end of the sample is still text.
            if error.start < len(head) - 3:
                return False
        return b"\x00" not in head and not markup
    return False


class DocumentForm(BaseDocumentForm):
    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not upload or not hasattr(upload, "size"):
            return upload
        limit = settings.WAGTAILDOCS_MAX_UPLOAD_SIZE
        if upload.size > limit:
            raise ValidationError(
                _("This file is too big (%(size)s). The largest document is %(limit)s.")
                % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
                code="file_too_large",
            )
        extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
        if not content_matches_extension(extension, upload):
            raise ValidationError(
                _(
                    "This file's content does not match its “.%(extension)s” extension. "
                    "Save it again in that format, or give it the right extension."
                )
                % {"extension": extension},
                code="content_does_not_match_extension",
            )
        return upload
