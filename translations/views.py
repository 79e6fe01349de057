from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import check_for_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from wagtail.admin import messages
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import Translation
from wagtail_localize.views.update_translations import UpdateTranslationsView

from conditions.models import ConditionPage
from review.checks import submission_problems

from .machine_translator import DevelopmentTranslator
from .outdated import out_of_date_translations
from .submission import (
    has_changes_to_review,
    save_translated_draft,
    segment_report,
    translation_of,
)


@never_cache
def switch_language(request, language_code):
    """Remember the visitor's language, then show them ``next`` (that language's page).

    The language switcher links here. LocaleMiddleware reads the cookie when a visitor
    comes back to "/", so the choice sticks. A plain link, so no JavaScript is needed.
    """
    if language_code not in dict(settings.LANGUAGES) or not check_for_language(language_code):
        raise Http404
    next_url = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = f"/{language_code}/"
    response = HttpResponseRedirect(next_url)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language_code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response


def can_manage_translations(user):
    return user.has_perm("wagtail_localize.submit_translation")


class OutOfDateTranslationsReportView(ReportView):
    page_title = _("Out-of-date translations")
    header_icon = "warning"
    index_url_name = "translations:out_of_date"
    index_results_url_name = "translations:out_of_date_results"
    paginate_by = 50
    no_results_message = _("Every translation is up to date with its source.")
    columns = [
        TitleColumn("title", label=_("Source"), get_url=lambda row: row.edit_url),
        Column("target_locale", label=_("Translation into")),
        DateColumn("source_changed_at", label=_("Source changed")),
        DateColumn("last_synced_at", label=_("Last synced")),
        TitleColumn(
            "sync",
            label=_("Action"),
            accessor=lambda row: _("Sync translation"),
            get_url=lambda row: row.sync_url,
        ),
    ]
    list_export = ["title", "target_locale", "source_changed_at", "last_synced_at"]
    export_headings = {
        "title": _("Source"),
        "target_locale": _("Translation into"),
        "source_changed_at": _("Source changed"),
        "last_synced_at": _("Last synced"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not can_manage_translations(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return out_of_date_translations()


class ReviewedUpdateTranslationsView(UpdateTranslationsView):
    """wagtail-localize's "Sync translated pages", without its "Publish immediately".

    Publishing from there would put a translation live without the medical review every
    guide goes through (WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE is off for the same
    reason). A synced translation is published after review, like any other draft.
    """

    def get_form(self):
        form = super().get_form()
        publish = form.fields["publish_translations"]
        publish.disabled = True
        publish.widget = forms.HiddenInput()
        return form


def submittable_for_review(page, user):
    """A translation with changes its translator may send to the medical review workflow.

    wagtail-localize's editor replaces the page editor of a translation and has no
    "Submit for medical review" action of its own.
    """
    if page.workflow_in_progress or page.get_workflow() is None:
        return False
    if not page.permissions_for_user(user).can_edit():
        return False
    translation = translation_of(page)
    return translation is not None and has_changes_to_review(page, translation)


def submit_translation_for_review(request, page_id):
    """Check the translation, save its segments as the revision to review, start the review."""
    page = get_object_or_404(Page, id=page_id).specific
    if not submittable_for_review(page, request.user):
        raise PermissionDenied
    translation = translation_of(page)
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.id])
    report = segment_report(translation)
    translated = translation.source.get_ephemeral_translated_instance(
        translation.target_locale, fallback=True
    )
    problems = submission_problems(translated) if isinstance(translated, ConditionPage) else []
    if request.method == "POST" and not problems and not report.marked:
        try:
            with transaction.atomic():
                save_translated_draft(translation, user=request.user)
                page.refresh_from_db()
                workflow_state = page.current_workflow_state
                if workflow_state and workflow_state.status == workflow_state.STATUS_NEEDS_CHANGES:
                    workflow_state.resume(request.user)
                else:
                    page.get_workflow().start(page, request.user)
        except ValidationError as error:
            problems = error.messages
        else:
            messages.success(
                request,
                _("'%(title)s' was sent for medical review.") % {"title": translated.title},
            )
            return redirect(edit_url)
    return TemplateResponse(
        request,
        "translations/submit_for_review.html",
        {
            "page": page,
            "problems": problems,
            "report": report,
            "edit_url": edit_url,
        },
        status=400 if request.method == "POST" else 200,
    )


def confirm_machine_translation(request, translation_id):
    """Ask before "Translate with …" fills every empty segment with machine translation.

    The editor's button comes here (see translations/editor.py); the confirmation
    posts to wagtail-localize's own machine translation view.
    """
    translation = get_object_or_404(Translation, id=translation_id, enabled=True)
    instance = translation.get_target_instance()
    if isinstance(instance, Page):
        allowed = instance.permissions_for_user(request.user).can_edit()
    else:
        meta = instance._meta
        allowed = request.user.has_perm(f"{meta.app_label}.change_{meta.model_name}")
    translator = get_machine_translator()
    if not allowed:
        raise PermissionDenied
    if translator is None:
        raise Http404
    edit_url = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(edit_url, allowed_hosts={request.get_host()}):
        edit_url = reverse("wagtailadmin_home")
    report = segment_report(translation)
    return TemplateResponse(
        request,
        "translations/confirm_machine_translation.html",
        {
            "translation": translation,
            "instance": instance,
            "translator": translator,
            "empty_segments": len(report.untranslated),
            "is_development_translator": isinstance(translator, DevelopmentTranslator),
            "machine_translate_url": reverse(
                "wagtail_localize:machine_translate", args=[translation.pk]
            ),
            "edit_url": edit_url,
        },
    )
