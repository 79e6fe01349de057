"""The page edit URL, answered by ConflictCheckingEditView before Wagtail's own.

Decorated as Wagtail decorates its admin URLs; tests/editing/test_edit_url.py fails if
Wagtail's "wagtailadmin_pages:edit" moves away from this path.
"""

from django.urls import path
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access
from wagtail.admin.urls import display_custom_404
from wagtail.utils.urlpatterns import decorate_urlpatterns

from .views import ConflictCheckingEditView

urlpatterns = [path("pages/<int:page_id>/edit/", ConflictCheckingEditView.as_view())]
for decorator in (require_admin_access, display_custom_404, never_cache):
    urlpatterns = decorate_urlpatterns(urlpatterns, decorator)
