"""The guide's "Was this page helpful?" figures, in the page editor (Settings tab)."""

from urllib.parse import urlencode

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from .models import MISSING_SHOWN, PageFeedback


class HelpfulnessPanel(Panel):
    """Yes and No counts, the share of No, the newest "What was missing" answers and a
    link to the report for this guide. Read only; two queries, however many answers."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Was this page helpful?"))
        super().__init__(**kwargs)

    @property
    def clean_name(self):
        return super().clean_name or "helpfulness"

    class BoundPanel(Panel.BoundPanel):
        template_name = "feedback/helpfulness_panel.html"

        def is_shown(self):
            return (
                getattr(self.instance, "pk", None) is not None
                and self.request is not None
                and self.request.user.has_perm("feedback.view_pagefeedback")
                and super().is_shown()
            )

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            answers = PageFeedback.objects.filter(guide_id=self.instance.pk)
            counts = answers.aggregate(
                yes=Count("pk", filter=Q(helpful=True)), no=Count("pk", filter=Q(helpful=False))
            )
            total = counts["yes"] + counts["no"]
            missing = []
            if counts["no"]:
                missing = list(
                    answers.exclude(missing="")
                    .order_by("-created_at", "-pk")
                    .values_list("missing", "created_at")[:MISSING_SHOWN]
                )
            query = urlencode({"title": self.instance.title, "locale": self.instance.locale_id})
            context.update(
                yes=counts["yes"],
                no=counts["no"],
                total=total,
                no_share=round(100 * counts["no"] / total) if total else None,
                missing=missing,
                report_url=reverse("feedback_report") + "?" + query,
            )
            return context
