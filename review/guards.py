"""Every way to public goes through medical review, or needs the permission to publish.

Wagtail asks for publish permission wherever it publishes (the editor's Publish,
bulk publish, "publish copies", unpublish, privacy, scheduling), and the medical
review task decides who approves. Three doors did not ask:

- wagtail-localize's "Convert to alias page" only asks whether the user may edit. It
  copies the source page's content, and its live status, over the translation, so an
  editor could put English text live at a reviewed Spanish guide's address.
- wagtail-localize's "Translate" on a snippet creates the translated snippet at once
  (snippets have no drafts) for anyone who may submit translations.
- Images and documents have no drafts either: changing one that a live page shows
  changes the live page, and deleting one takes it off the page (the "change"
  permission lets editors delete too). Both need the permission to publish every live
  page that uses it; an editor uploads a new image and puts it in the guide's draft.

These views are wrapped at their own addresses (``GUARDED_URLS``), matched before the
packages' own; ``tests/security/test_publishing_paths.py`` fails if a package moves
one. Bulk delete is refused through Wagtail's ``before_bulk_action`` hook.
docs/security.md states the rules.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.documents import get_document_model
from wagtail.documents.views import documents
from wagtail.documents.views import multiple as document_uploads
from wagtail.images import get_image_model
from wagtail.images.views import images
from wagtail.images.views import multiple as image_uploads
from wagtail.models import Page, ReferenceIndex
from wagtail.snippets.permissions import user_can_edit_snippet_type
from wagtail.snippets.views.snippets import get_snippet_model_from_url_params
from wagtail_localize.views import convert, submit_translations

from uploads.forms import DocumentForm as CheckedDocumentForm
from uploads.forms import ImageForm as CheckedImageForm

CONVERT_TO_ALIAS_MENU_ITEM = "localize-convert-to-alias"
Image = get_image_model()
Document = get_document_model()


def may_publish(user, page):
    return page.permissions_for_user(user).can_publish()


def convert_to_alias(request, page_id):
    """wagtail-localize's "Convert to alias page", for those who may publish the page."""
    page = get_object_or_404(Page, id=page_id)
    if not may_publish(request.user, page):
        raise PermissionDenied
    return convert.convert_to_alias(request, page_id)


_submit_snippet_translation = submit_translations.SubmitSnippetTranslationView.as_view()


def submit_snippet_translation(request, app_label, model_name, pk):
    """Translating a snippet makes the translation live at once: only its editors may."""
    model = get_snippet_model_from_url_params(app_label, model_name)
    if not user_can_edit_snippet_type(request.user, model):
        raise PermissionDenied
    return _submit_snippet_translation(request, app_label=app_label, model_name=model_name, pk=pk)


def _refuse_when_live_pages_show(view, model, kwarg):
    """``view`` (a delete view) for an image or document no live page shows, or one whose
    live pages the user may publish anyway."""

    def guarded(request, **kwargs):
        instance = get_object_or_404(model, pk=kwargs[kwarg])
        if pages_blocked_for(request.user, instance):
            raise PermissionDenied
        return view(request, **kwargs)

    guarded.__name__ = f"delete_{model._meta.model_name}_{kwarg}"
    return guarded


# (the package's URL name, its route under /admin/, the guarded view). Matched before the
# package's own, at the same address.
GUARDED_URLS = [
    (
        "wagtail_localize:convert_to_alias",
        "localize/page/<int:page_id>/convert_to_alias/",
        convert_to_alias,
    ),
    (
        "wagtail_localize:submit_snippet_translation",
        "localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
        submit_snippet_translation,
    ),
    (
        "wagtailimages:delete",
        "images/<int:image_id>/delete/",
        _refuse_when_live_pages_show(images.DeleteView.as_view(), Image, "image_id"),
    ),
    (
        "wagtailimages:delete_multiple",
        "images/multiple/<int:image_id>/delete/",
        _refuse_when_live_pages_show(image_uploads.DeleteView.as_view(), Image, "image_id"),
    ),
    (
        "wagtaildocs:delete",
        "documents/delete/<int:document_id>/",
        _refuse_when_live_pages_show(documents.DeleteView.as_view(), Document, "document_id"),
    ),
    (
        "wagtaildocs:delete_multiple",
        "documents/multiple/<int:doc_id>/delete/",
        _refuse_when_live_pages_show(document_uploads.DeleteView.as_view(), Document, "doc_id"),
    ),
]


@hooks.register("register_admin_urls", order=-1)
def guard_package_views():
    return [path(route, view) for _name, route, view in GUARDED_URLS]


@hooks.register("before_bulk_action")
def refuse_bulk_delete_of_files_live_pages_show(request, action_type, objects, action):
    if action_type == "delete" and issubclass(action.model, (Image, Document)):
        if any(pages_blocked_for(request.user, instance) for instance in objects):
            raise PermissionDenied


@hooks.register("construct_page_action_menu")
def hide_convert_to_alias(menu_items, request, context):
    page = context.get("page")
    if page is not None and page.pk and not may_publish(request.user, page):
        menu_items[:] = [item for item in menu_items if item.name != CONVERT_TO_ALIAS_MENU_ITEM]


# Images and documents on live pages --------------------------------------------------------

# Changing these does not change what a page shows.
UNSHOWN_FIELDS = {"collection", "tags"}


def live_pages_using(instance):
    references = ReferenceIndex.get_references_to(instance).filter(
        base_content_type=ContentType.objects.get_for_model(Page)
    )
    page_ids = [int(pk) for pk in references.values_list("object_id", flat=True)]
    return Page.objects.filter(pk__in=page_ids).live().specific()


def pages_blocked_for(user, instance):
    """The live pages showing ``instance`` that ``user`` may not publish."""
    return [page for page in live_pages_using(instance) if not may_publish(user, page)]


class LivePageMediaFormMixin:
    """Refuses a change to an image or document that live pages show, unless the user may
    publish each of those pages."""

    def __init__(self, *args, **kwargs):
        self.acting_user = kwargs.get("user")
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned_data = super().clean()
        if not self.instance.pk or self.acting_user is None:
            return cleaned_data
        if not set(self.changed_data) - UNSHOWN_FIELDS:
            return cleaned_data
        blocked = pages_blocked_for(self.acting_user, self.instance)
        if blocked:
            raise ValidationError(
                _(
                    "Live pages show this file: %(titles)s. Changing it would change them "
                    "without medical review. Upload a new file and use it in the page's "
                    "draft instead, or ask a Site manager."
                )
                % {"titles": ", ".join(page.title for page in blocked)}
            )
        return cleaned_data


class ImageForm(LivePageMediaFormMixin, CheckedImageForm):
    pass


class DocumentForm(LivePageMediaFormMixin, CheckedDocumentForm):
    pass
