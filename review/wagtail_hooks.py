from django.urls import include, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.action_menu import SubmitForModerationMenuItem
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.models import Site
from wagtail.permissions import page_permission_policy
from wagtail.snippets.models import register_snippet

from conditions.models import ConditionPage
from home.models import SiteSettings

from . import admin_urls
from .account import ReviewCreditSettingsPanel, ReviewerProfileViewSet
from .checks import editor_warnings, flagged_words
from .outcomes import outcome_message, replace_success_messages
from .reports import GuidesDuePanel, guides_due_for
from .roles import WORKFLOW_NAME


@hooks.register("register_admin_urls")
def register_review_urls():
    return [path("review/", include(admin_urls))]


# The review credit -------------------------------------------------------------------------


@hooks.register("register_account_settings_panel")
def register_review_credit_panel(request, user, profile):
    return ReviewCreditSettingsPanel(request, user, profile)


register_snippet(ReviewerProfileViewSet)


# What the editor sees after saving -----------------------------------------------------------


def _warn_editor(request, page):
    if not isinstance(page, ConditionPage) or not request.accepts("text/html"):
        return  # Autosave asks for JSON; warn on the editor's own saves only.
    site = Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()
    words = flagged_words(SiteSettings.for_site(site).flagged_claim_words) if site else []
    for warning in editor_warnings(page, words):
        messages.warning(request, warning)


@hooks.register("after_edit_page")
def warn_editor_after_edit(request, page):
    if request.POST.get("action-workflow-action"):
        # Wagtail's edit view always says "updated"; say what the review did instead.
        replace_success_messages(request, outcome_message(page))
        return
    _warn_editor(request, page)


@hooks.register("after_create_page")
def warn_editor_after_create(request, page):
    _warn_editor(request, page)


# "Submit for medical review" --------------------------------------------------------------


class SubmitForMedicalReviewMenuItem(SubmitForModerationMenuItem):
    """Wagtail says "Submit to Medical review"; editors read "Submit for medical review"."""

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        page = context.get("page")
        workflow_state = page.current_workflow_state if page and page.pk else None
        if workflow_state and workflow_state.status == workflow_state.STATUS_NEEDS_CHANGES:
            workflow = workflow_state.workflow
            label = _("Resubmit for medical review")
        else:
            workflow = (page if page and page.pk else context["parent_page"]).get_workflow()
            label = _("Submit for medical review")
        if workflow and workflow.name == WORKFLOW_NAME:
            context["label"] = label
        return context


@hooks.register("construct_page_action_menu")
def relabel_submit_for_medical_review(menu_items, request, context):
    for position, item in enumerate(menu_items):
        if type(item) is SubmitForModerationMenuItem:
            menu_items[position] = SubmitForMedicalReviewMenuItem(order=item.order)


# Shareable draft links ---------------------------------------------------------------------


class ShareDraftButton(PageMenuItem):
    label = gettext_lazy("Share draft")
    icon_name = "link"
    url_name = "review_share_links"
    priority = 66

    def is_shown(self, user):
        return (
            issubclass(self.page.specific_class or object, ConditionPage)
            and self.page.permissions_for_user(user).can_edit()
        )


@hooks.register("register_page_header_buttons")
def share_draft_button(page, user, view_name, next_url=None):
    yield ShareDraftButton(page=page)


# Guides due for review ----------------------------------------------------------------------


class GuidesDueMenuItem(MenuItem):
    def is_shown(self, request):
        return page_permission_policy.user_has_any_permission(
            request.user, ["add", "change", "publish"]
        )


@hooks.register("register_reports_menu_item")
def register_guides_due_report():
    return GuidesDueMenuItem(
        gettext_lazy("Guides due for review"),
        reverse("review_due_report"),
        name="guides-due-for-review",
        icon_name="time",
        order=650,
    )


@hooks.register("construct_homepage_panels")
def add_guides_due_panel(request, panels):
    count = guides_due_for(request.user).count()
    if count:
        panels.append(GuidesDuePanel(count))


# Their hooks: every way to public asks for review, and roles cannot grow.
from . import guards, role_limits  # noqa: E402, F401
