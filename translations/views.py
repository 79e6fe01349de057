from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
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
from wagtail_localize.models import Translation
from wagtail_localize.views.update_translations import UpdateTranslationsView

from conditions.models import ConditionPage
from review.checks import submission_problems

from .outdated import out_of_date_translations


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
    """A translated draft its translator may send to the medical review workflow.

    wagtail-localize's editor replaces the page editor of a translation and has no
    "Submit for medical review" action of its own.
    """
    return (
        page.has_unpublished_changes
        and not page.workflow_in_progress
        and page.get_workflow() is not None
        and page.permissions_for_user(user).can_edit()
        and Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        ).exists()
    )


def submit_translation_for_review(request, page_id):
    page = get_object_or_404(Page, id=page_id).specific
    if not submittable_for_review(page, request.user):
        raise PermissionDenied
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.id])
    problems = submission_problems(page) if isinstance(page, ConditionPage) else []
    if request.method == "POST" and not problems:
        page.get_workflow().start(page, request.user)
        messages.success(
            request, _("'%(title)s' was sent for medical review.") % {"title": page.title}
        )
        return redirect(edit_url)
    return TemplateResponse(
        request,
        "translations/submit_for_review.html",
        {"page": page, "problems": problems, "edit_url": edit_url},
    )
