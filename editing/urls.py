"""Admin URLs answered here before Wagtail's own.

The page edit URL, answered by ConflictCheckingEditView, decorated as Wagtail decorates its
admin URLs; tests/editing/test_edit_url.py fails if Wagtail's "wagtailadmin_pages:edit"
moves away from this path. The icon sprite, which Wagtail serves to anyone, cached
(editing/sprite.py).
"""

from django.urls import path
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access
from wagtail.admin.urls import display_custom_404
from wagtail.utils.urlpatterns import decorate_urlpatterns

from .sprite import icon_sprite
from .views import ConflictCheckingEditView

urlpatterns = [path("pages/<int:page_id>/edit/", ConflictCheckingEditView.as_view())]
for decorator in (require_admin_access, display_custom_404, never_cache):
    urlpatterns = decorate_urlpatterns(urlpatterns, decorator)
urlpatterns.append(path("sprite/", icon_sprite))
