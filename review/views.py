from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page

from conditions.models import ConditionPage

from .forms import ShareLinkForm
from .models import ShareLink
from .outcomes import outcome_message, replace_success_messages


class ShareLinksView(WagtailAdminTemplateMixin, TemplateView):
    """Make, list and revoke the links that show a guide's latest draft without a login."""

    template_name = "review/share_links.html"
    page_title = _("Share a draft")
    header_icon = "link"

    def dispatch(self, request, page_id):
        self.page = get_object_or_404(Page, id=page_id).specific
        if not isinstance(self.page, ConditionPage):
            raise Http404
        if not self.page.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
        return super().dispatch(request, page_id)

    def get_page_subtitle(self):
        return self.page.get_admin_display_title()

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {
                "url": reverse("wagtailadmin_pages:edit", args=[self.page.pk]),
                "label": self.page.get_admin_display_title(),
            },
            {"url": "", "label": self.page_title},
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            page=self.page,
            links=ShareLink.objects.filter(page=self.page).select_related(
                "created_by", "revoked_by"
            ),
            **kwargs,
        )

    def _link(self, pk, links):
        return links.filter(page=self.page, pk=pk).first() if pk.isdigit() else None

    def get(self, request, page_id):
        if "revoke" in request.GET:
            # Revoking asks first, on its own page, so it works without JavaScript.
            link = self._link(request.GET["revoke"], ShareLink.objects.active())
            if link is None:
                return redirect("review_share_links", self.page.pk)
            return TemplateResponse(
                request,
                "review/share_link_revoke.html",
                self.get_context_data(link=link),
            )
        return self.render_to_response(self.get_context_data(form=ShareLinkForm()))

    def post(self, request, page_id):
        if "revoke" in request.POST:
            link = self._link(request.POST["revoke"], ShareLink.objects.all())
            if link is None:
                messages.error(request, _("That link is not one of this guide's."))
                return redirect("review_share_links", self.page.pk)
            link.revoke(request.user)
            messages.success(
                request, _("The link for '%(note)s' no longer works.") % {"note": link}
            )
            return redirect("review_share_links", self.page.pk)

        form = ShareLinkForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        link, token = ShareLink.create_for(
            self.page, request.user, form.cleaned_data["note"], days=form.cleaned_data["days"]
        )
        return self.render_to_response(
            self.get_context_data(
                form=ShareLinkForm(),
                new_link=link,
                new_url=request.build_absolute_uri(reverse("review_shared_draft", args=[token])),
            )
        )


def _private(response):
    """Drafts are for the person holding the link: never cached, never indexed."""
    patch_cache_control(response, private=True, no_store=True)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def shared_draft(request, token):
    link = ShareLink.for_token(token)
    if link is None or not link.is_active:
        # Gone for a link that expired or was turned off; not found for a token never
        # issued. Both show the same page, which says which of the two it is.
        response = TemplateResponse(
            request,
            "review/share_link_unavailable.html",
            {"link": link},
            status=404 if link is None else 410,
        )
        return _private(response)

    guide = link.page.specific.get_latest_revision_as_object()
    request.is_preview = True
    request.preview_mode = guide.default_preview_mode
    context = guide.get_preview_context(request, request.preview_mode)
    context["draft_preview"] = link
    with translation.override(guide.locale.language_code):
        response = TemplateResponse(
            request, guide.get_preview_template(request, request.preview_mode), context
        )
        response.render()
    return _private(response)


def workflow_outcome(request, page_id):
    """Where a workflow action made outside the editor lands: say what it did, then go back."""
    page = get_object_or_404(Page, id=page_id)
    replace_success_messages(request, outcome_message(page))
    back = request.headers.get("referer", "")
    if not url_has_allowed_host_and_scheme(back, {request.get_host()}) or back.startswith(
        request.build_absolute_uri(request.path)
    ):
        back = reverse("wagtailadmin_pages:edit", args=[page.pk])
    return redirect(back)
