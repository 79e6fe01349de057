from django.urls import include, path, reverse
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.models import TranslatableMixin

from .outdated import out_of_date_translation_for
from .views import (
    OutOfDateTranslationsReportView,
    ReviewedUpdateTranslationsView,
    can_manage_translations,
    confirm_machine_translation,
    submit_translation_for_review,
    submittable_for_review,
)


@hooks.register("register_admin_urls")
def register_admin_urls():
    urls = [
        path("out-of-date/", OutOfDateTranslationsReportView.as_view(), name="out_of_date"),
        path(
            "out-of-date/results/",
            OutOfDateTranslationsReportView.as_view(results_only=True),
            name="out_of_date_results",
        ),
        path(
            "pages/<int:page_id>/submit-for-review/",
            submit_translation_for_review,
            name="submit_for_review",
        ),
        path(
            "<int:translation_id>/machine-translate/",
            confirm_machine_translation,
            name="confirm_machine_translation",
        ),
    ]
    return [path("translations/", include((urls, "translations")))]


@hooks.register("register_admin_urls", order=-1)
def replace_localize_sync_view():
    # The same address as wagtail_localize:update_translations, matched first.
    return [
        path(
            "localize/update/<int:translation_source_id>/",
            ReviewedUpdateTranslationsView.as_view(),
        )
    ]


class OutOfDateReportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_manage_translations(request.user)


@hooks.register("register_reports_menu_item")
def register_out_of_date_report_menu_item():
    return OutOfDateReportMenuItem(
        gettext_lazy("Out-of-date translations"),
        reverse("translations:out_of_date"),
        icon_name="warning",
        order=9001,
    )


def warn_when_out_of_date(request, instance):
    """Tell the translator, on the translation's edit view, that its source has moved on."""
    if request.method != "GET" or not isinstance(instance, TranslatableMixin):
        return
    row = out_of_date_translation_for(instance)
    if row is None:
        return
    if row.source_changed_at:
        changed = date_format(localtime(row.source_changed_at), "DATETIME_FORMAT")
        text = _("The %(language)s source changed on %(date)s, after this translation was synced.")
        text %= {"language": row.source.locale.get_display_name(), "date": changed}
    else:
        text = _("The %(language)s source changed after this translation was synced.")
        text %= {"language": row.source.locale.get_display_name()}
    messages.warning(
        request,
        text + " " + _("Sync it to bring in the new text, then translate what changed."),
        buttons=[messages.button(row.sync_url, _("Sync translation"))],
    )


# Before wagtail-localize's own hooks, which replace the edit view of a translation.
hooks.register("before_edit_page", warn_when_out_of_date, order=-1)
hooks.register("before_edit_snippet", warn_when_out_of_date, order=-1)


def offer_medical_review(request, page):
    """On a translated draft, a way into the medical review workflow.

    wagtail-localize's translation editor replaces the page editor and has no
    "Submit for medical review" action of its own.
    """
    if request.method == "GET" and submittable_for_review(page, request.user):
        url = reverse("translations:submit_for_review", args=[page.pk])
        if page.live:
            text = _(
                "Changes to this translation go live only after medical review. When they "
                "are ready, send them to review."
            )
        else:
            text = _("This translation is a draft, not live. When it is ready, send it to review.")
        messages.warning(
            request, text, buttons=[messages.button(url, _("Submit for medical review"))]
        )


hooks.register("before_edit_page", offer_medical_review, order=-1)
