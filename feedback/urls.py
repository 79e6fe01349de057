from django.urls import path

from . import views

app_name = "feedback"

urlpatterns = [
    path("<int:guide_id>/", views.vote, name="vote"),
    path("<int:guide_id>/thanks/", views.thanks, name="thanks"),
    path("<int:guide_id>/missing/", views.missing, name="missing"),
]
