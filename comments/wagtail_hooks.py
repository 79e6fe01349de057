from django.db.models import Case, IntegerField, Value, When
from django.middleware.csrf import get_token
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import BulkActionsCheckboxColumn, Column
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Site

from home.models import SiteSettings
from review.checks import flagged_words

from . import admin_views
from .bulk_actions import ApproveBulkAction, RejectBulkAction, SpamBulkAction
from .models import Comment
from .moderation import highlighted


class HighlightedTextColumn(Column):
    """The comment with the site's claim words and any links marked.

    Its id names the row for the bulk-action checkbox's screen-reader description.
    """

    cell_template_name = "comments/admin/text_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context.get("request")
        words = getattr(request, "_comment_claim_words", None)
        if words is None:
            site = Site.find_for_request(request) if request else None
            site = site or Site.objects.filter(is_default_site=True).first()
            words = flagged_words(SiteSettings.for_site(site).flagged_claim_words) if site else []
            if request is not None:
                request._comment_claim_words = words
        context["value"] = highlighted(instance.text, words)
        return context


class ModerateColumn(Column):
    cell_template_name = "comments/admin/moderate_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["comment"] = instance
        request = parent_context.get("request")
        context["csrf_token"] = get_token(request) if request is not None else ""
        context["can_reply"] = request is not None and request.user.has_perm("comments.add_comment")
        return context


class CommentIndexView(IndexView):
    """The listing with Wagtail's bulk-action checkboxes, as the snippets listing has them."""

    @cached_property
    def columns(self):
        return [BulkActionsCheckboxColumn("bulk_actions", obj_type="comment"), *super().columns]


class CommentViewSet(ModelViewSet):
    model = Comment
    icon = "comment"
    menu_label = _("Comments")
    menu_name = "comments"
    menu_order = 250
    add_to_admin_menu = True
    index_view_class = CommentIndexView
    add_view_class = admin_views.CommentCreateView
    edit_view_class = admin_views.CommentEditView
    index_template_name = "comments/admin/index.html"
    url_prefix = "comments"
    name = "comments_comment"
    list_filter = ["status", "guide", "guide__locale"]
    search_fields = ["name", "email", "text"]
    form_fields = ["guide", "name", "text", "status", "trusted", "is_staff_reply", "reply_to"]
    list_display = [
        HighlightedTextColumn("text", label=_("Comment")),
        Column("name", label=_("Name")),
        Column("guide", label=_("Guide")),
        Column("guide.locale", label=_("Language")),
        Column("created_at", label=_("Sent")),
        Column("status", accessor="get_status_display", label=_("Status")),
        ModerateColumn("moderate", label=_("Moderate")),
    ]

    def get_queryset(self, request):
        # Awaiting moderation first, then newest first.
        return (
            Comment.objects.select_related("guide", "guide__locale")
            .annotate(
                waiting=Case(
                    When(status=Comment.Status.AWAITING, then=Value(0)),
                    default=Value(1),
                    output_field=IntegerField(),
                )
            )
            .order_by("waiting", "-created_at")
        )

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path(
                "moderate/<int:pk>/<str:action>/",
                admin_views.moderate,
                name="moderate",
            ),
        ]


comment_viewset = CommentViewSet()


@hooks.register("register_admin_viewset")
def register_comment_viewset():
    return comment_viewset


for bulk_action in (ApproveBulkAction, RejectBulkAction, SpamBulkAction):
    hooks.register("register_bulk_action", bulk_action)


class WaitingCommentsPanel(Component):
    name = "comments_waiting"
    template_name = "comments/admin/waiting_panel.html"
    order = 160

    def __init__(self, count):
        self.count = count

    def get_context_data(self, parent_context):
        return {"count": self.count, "url": reverse("comments_comment:index") + "?status=awaiting"}


@hooks.register("construct_homepage_panels")
def add_waiting_comments_panel(request, panels):
    if request.user.has_perm("comments.change_comment"):
        count = Comment.objects.filter(status=Comment.Status.AWAITING).count()
        if count:
            panels.append(WaitingCommentsPanel(count))
