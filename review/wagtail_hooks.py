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

from conditions.models import ConditionPage
from home.models import SiteSettings

from . import admin_urls
from .checks import editor_warnings, flagged_words, submission_problems
from .reports import GuidesDuePanel, guides_due_for
from .roles import WORKFLOW_NAME


@hooks.register("register_admin_urls")
def register_review_urls():
    return [path("review/", include(admin_urls))]


# Checks before a guide goes to medical review -------------------------------------------

# Restarting a workflow submits the guide again, so it is checked the same way.
SUBMIT_ACTIONS = ("action-submit", "action-restart-workflow")


def _hold_back_incomplete_submission(request, page_class, instance, parent_page):
    """Turn "Submit for medical review" into "Save draft" when the guide is not ready.

    Wagtail's edit and create views submit from the same POST that saves the form,
    and the form belongs to the conditions app. Validating the posted guide here, and
    dropping the submit action when it fails the checks, keeps the editor's work
    (saved as a draft) and submits nothing.
    """
    form_class = page_class.get_edit_handler().get_form_class()
    form = form_class(
        request.POST,
        request.FILES,
        instance=instance,
        parent_page=parent_page,
        for_user=request.user,
    )
    if not form.is_valid():
        return  # The view shows the form's errors and submits nothing.
    problems = submission_problems(form.instance)
    if problems:
        request.POST = request.POST.copy()
        for action in SUBMIT_ACTIONS:
            request.POST.pop(action, None)
        messages.error(
            request,
            _("Saved as a draft, not sent for medical review. Before submitting: %(problems)s")
            % {"problems": " ".join(problems)},
        )


def _is_guide_submission(request, page_class):
    return (
        request.method == "POST"
        and any(request.POST.get(action) for action in SUBMIT_ACTIONS)
        and issubclass(page_class, ConditionPage)
    )


@hooks.register("before_edit_page")
def check_guide_before_submit_on_edit(request, page):
    if not _is_guide_submission(request, page.specific_class):
        return
    _hold_back_incomplete_submission(
        request, page.specific_class, page.get_latest_revision_as_object(), page.get_parent()
    )


@hooks.register("before_create_page")
def check_guide_before_submit_on_create(request, parent_page, page_class):
    if not _is_guide_submission(request, page_class):
        return
    instance = page_class(owner=request.user)
    instance.locale = parent_page.locale
    _hold_back_incomplete_submission(request, page_class, instance, parent_page)


def _warn_editor(request, page):
    if not isinstance(page, ConditionPage) or not request.accepts("text/html"):
        return  # Autosave asks for JSON; warn on the editor's own saves only.
    site = Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()
    words = flagged_words(SiteSettings.for_site(site).flagged_claim_words) if site else []
    for warning in editor_warnings(page, words):
        messages.warning(request, warning)


@hooks.register("after_edit_page")
def warn_editor_after_edit(request, page):
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
