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
  changes the live page. Here it needs the permission to publish every live page that
  uses it; an editor uploads a new image and puts it in the guide's draft instead.

The two wagtail-localize views are wrapped at their own addresses (``LOCALIZE_GUARDS``),
matched before wagtail-localize's; ``tests/security/test_guards.py`` fails if
wagtail-localize moves them. docs/security.md states the rules.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm
from wagtail.models import Page, ReferenceIndex
from wagtail.snippets.permissions import user_can_edit_snippet_type
from wagtail.snippets.views.snippets import get_snippet_model_from_url_params
from wagtail_localize.views import convert, submit_translations

CONVERT_TO_ALIAS_MENU_ITEM = "localize-convert-to-alias"


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


# (wagtail-localize's URL name, its route under /admin/localize/, the guarded view)
LOCALIZE_GUARDS = [
    ("convert_to_alias", "page/<int:page_id>/convert_to_alias/", convert_to_alias),
    (
        "submit_snippet_translation",
        "submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
        submit_snippet_translation,
    ),
]


@hooks.register("register_admin_urls", order=-1)
def guard_localize_views():
    return [path(f"localize/{route}", view) for _name, route, view in LOCALIZE_GUARDS]


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
        blocked = [
            page
            for page in live_pages_using(self.instance)
            if not may_publish(self.acting_user, page)
        ]
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


class ImageForm(LivePageMediaFormMixin, BaseImageForm):
    pass


class DocumentForm(LivePageMediaFormMixin, BaseDocumentForm):
    pass
