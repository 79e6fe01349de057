from django.urls import path

from . import views

urlpatterns = [
    path("<str:token>/", views.shared_draft, name="review_shared_draft"),
]
