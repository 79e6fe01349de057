from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import BodySystem


class BodySystemViewSet(SnippetViewSet):
    model = BodySystem
    icon = "tag"
    menu_label = _("Body systems")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "slug"]
    search_fields = ["name"]


register_snippet(BodySystemViewSet)
