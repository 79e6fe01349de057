from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet

from .models import Signup


class SignupIndexView(IndexView):
    """Confirmed subscribers only, unless another status is picked in the filters."""

    def get_base_queryset(self):
        queryset = super().get_base_queryset()
        if "status" not in self.request.GET:
            queryset = queryset.filter(status=Signup.Status.ACTIVE)
        return queryset


class SignupViewSet(ModelViewSet):
    model = Signup
    index_view_class = SignupIndexView
    icon = "mail"
    menu_label = _("Newsletter signups")
    menu_order = 900
    add_to_admin_menu = True
    list_display = ["email", "first_name", "last_name", "language", "status", "created_at"]
    list_filter = ["status", "language"]
    search_fields = ["email", "first_name", "last_name"]
    list_export = ["email", "first_name", "last_name", "language", "status", "created_at"]
    export_filename = "newsletter-signups"
    form_fields = ["first_name", "last_name", "email", "language", "status"]
    ordering = ["-created_at"]


@hooks.register("register_admin_viewset")
def register_signup_viewset():
    return SignupViewSet("newsletter_signups")
