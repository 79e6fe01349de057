from django.urls import path, reverse
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .reports import PageFeedbackReportView


@hooks.register("register_admin_urls")
def register_feedback_report_urls():
    return [
        path(
            "reports/page-feedback/",
            PageFeedbackReportView.as_view(),
            name="feedback_report",
        ),
        path(
            "reports/page-feedback/results/",
            PageFeedbackReportView.as_view(results_only=True),
            name="feedback_report_results",
        ),
    ]


class FeedbackMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("feedback.view_pagefeedback")


@hooks.register("register_reports_menu_item")
def register_feedback_report_menu_item():
    return FeedbackMenuItem(
        gettext_lazy("Was this page helpful?"),
        reverse("feedback_report"),
        name="page-feedback",
        icon_name="comment",
        order=660,
    )
