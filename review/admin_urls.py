from django.urls import path

from . import views
from .reports import GuidesDueForReviewView

urlpatterns = [
    path("outcome/<int:page_id>/", views.workflow_outcome, name="review_workflow_outcome"),
    path("share/<int:page_id>/", views.ShareLinksView.as_view(), name="review_share_links"),
    path(
        "guides-due-for-review/",
        GuidesDueForReviewView.as_view(),
        name="review_due_report",
    ),
    path(
        "guides-due-for-review/results/",
        GuidesDueForReviewView.as_view(results_only=True),
        name="review_due_report_results",
    ),
]
