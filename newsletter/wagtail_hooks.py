from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from .models import Signup


class SignupViewSet(ModelViewSet):
    model = Signup
    icon = "mail"
    menu_label = _("Newsletter signups")
    menu_order = 900
    add_to_admin_menu = True
    list_display = ["email", "first_name", "last_name", "language", "created_at"]
    list_filter = ["language"]
    search_fields = ["email", "first_name", "last_name"]
    list_export = ["email", "first_name", "last_name", "language", "created_at"]
    export_filename = "newsletter-signups"
    form_fields = ["first_name", "last_name", "email", "language"]
    ordering = ["-created_at"]


@hooks.register("register_admin_viewset")
def register_signup_viewset():
    return SignupViewSet("newsletter_signups")
