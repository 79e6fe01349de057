import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from operations.views import healthz
from reach import views as reach_views
from reach.api import api_router
from search import views as search_views
from translations.views import switch_language

urlpatterns = [
    # Wagtail's page editor, refusing saves built on an out-of-date version (editing/).
    path("admin/", include("editing.urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # For load balancers: the database and the cache answer (200) or not (503), as JSON.
    path("healthz", healthz, name="healthz"),
    path("sitemap.xml", reach_views.sitemap, name="sitemap"),
    path("robots.txt", reach_views.robots_txt, name="robots_txt"),
    # The content API: live, public guides as JSON (docs/api.md).
    path("api/v2/", api_router.urls),
    # Draft previews for reviewers without a login; the page shows in its own language.
    path("share/", include("review.urls")),
    # Outside i18n_patterns: the language switcher sets the cookie here, then redirects.
    path("language/<str:language_code>/", switch_language, name="switch_language"),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
elif settings.SERVE_MEDIA:
    # `make serve` on one machine: uploads from MEDIA_ROOT, kept by the edge cache.
    # A deployment serves them from object storage or the web server (docs/deploy.md).
    from django.views.static import serve as serve_file

    urlpatterns.append(
        re_path(
            rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>.*)$",
            serve_file,
            {"document_root": settings.MEDIA_ROOT},
        )
    )

# Every public page lives under its language: /en/…, /es/…. LocaleMiddleware sends
# "/" to the visitor's language (cookie, then Accept-Language, then English).
urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("search/suggest/", search_views.suggest, name="search_suggest"),
    path("newsletter/", include("newsletter.urls")),
    path("comments/", include("comments.urls")),
    path("feedback/", include("feedback.urls")),
    path("", include(wagtail_urls)),
)
