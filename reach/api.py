"""The content API (Wagtail API v2): live, public condition guides only.

``/api/v2/guides/`` lists guides in every language; ``?locale=es`` keeps one language and
``?body_system=<slug>`` one body system. Drafts, changes not yet published, restricted
guides and translations not yet reviewed (unpublished) are never served.
"""

from django.conf import settings
from django.core.validators import slug_unicode_re
from django.db.models import Exists, OuterRef
from rest_framework.filters import BaseFilterBackend
from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet

from conditions.models import BodySystem, ConditionPage
from conditions.visibility import public


class BodySystemFilter(BaseFilterBackend):
    """``?body_system=<slug>``: guides in that body system, in any language's slug."""

    def filter_queryset(self, request, queryset, view):
        slug = request.GET.get("body_system")
        if not slug:
            return queryset
        if not slug_unicode_re.match(slug):
            return queryset.none()
        systems = BodySystem.objects.filter(slug=slug).values("translation_key")
        return queryset.filter(
            Exists(
                ConditionPage.body_systems.through.objects.filter(
                    conditionpage_id=OuterRef("pk"),
                    bodysystem__translation_key__in=systems,
                )
            )
        )


class GuidesAPIViewSet(PagesAPIViewSet):
    model = ConditionPage
    # No ?search=: the site's search (search/) is where readers search.
    filter_backends = [
        BodySystemFilter,
        *(backend for backend in PagesAPIViewSet.filter_backends if backend is not SearchFilter),
    ]
    known_query_parameters = PagesAPIViewSet.known_query_parameters.difference(
        ["search", "search_operator"]
    ).union(["body_system"])
    listing_default_fields = [*PagesAPIViewSet.listing_default_fields, "summary"]

    def check_query_parameters(self, queryset):
        super().check_query_parameters(queryset)
        for key, value in self.request.GET.items():
            if "\x00" in value:
                # PostgreSQL refuses a NUL byte with an error instead of finding nothing.
                raise BadRequestError(f"{key} must not contain a NUL character")
        locale = self.request.GET.get("locale")
        languages = [code for code, _name in settings.LANGUAGES]
        if locale is not None and locale not in languages:
            raise BadRequestError(f"locale must be one of: {', '.join(languages)}")

    def find_object(self, queryset, request):
        if "\x00" in "".join(request.GET.values()):
            raise BadRequestError("the query must not contain a NUL character")
        if "id" in request.GET and not request.GET["id"].isdigit():
            raise BadRequestError("id must be a number")
        return super().find_object(queryset, request)

    def get_base_queryset(self):
        return public(super().get_base_queryset().live().type(ConditionPage))

    def get_queryset(self):
        # Whatever ?type= asks for, only guides: never another kind of page.
        return ConditionPage.objects.filter(
            pk__in=self.get_base_queryset().values_list("pk", flat=True)
        )


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("guides", GuidesAPIViewSet)
