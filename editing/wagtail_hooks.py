from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks


@hooks.register("insert_editor_js")
def overwrite_newer_version_script():
    return format_html('<script src="{}" defer></script>', static("js/overwrite-newer-version.js"))
