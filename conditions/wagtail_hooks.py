from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .guides_file import IMPORT_LOG_ACTION
from .models import BodySystem


@hooks.register("register_log_actions")
def register_import_log_action(actions):
    # A guide's history says which revisions came from a file; an import also asks it
    # whether a draft is an editor's work it must not replace.
    actions.register_action(IMPORT_LOG_ACTION, _("Import"), _("Imported from a file"))


class BodySystemViewSet(SnippetViewSet):
    model = BodySystem
    icon = "tag"
    menu_label = _("Body systems")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "slug"]
    search_fields = ["name"]


register_snippet(BodySystemViewSet)
