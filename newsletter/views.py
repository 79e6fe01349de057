from django.contrib import messages
from django.http import JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.module_loading import import_string
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.csrf import csrf_failure as default_csrf_failure
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from . import ratelimit, subscriptions
from .forms import SignupForm
from .tokens import signup_to_confirm, signup_to_unsubscribe


@never_cache
@require_http_methods(["GET", "POST"])
def signup(request):
    """The signup page; the footer form on every page posts here too."""
    # An empty POST is still a submission: `request.POST or None` would leave it unbound.
    form = SignupForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST" and form.is_valid():
        if ratelimit.too_many_from_client(request):
            form.add_error(
                None,
                _("Too many signups from your connection. Please wait an hour and try again."),
            )
            status = 429
        elif ratelimit.too_many_for_address(form.cleaned_data["email"]):
            form.add_error(
                "email",
                _("Too many signups for this address. Please wait an hour and try again."),
            )
            status = 429
        else:
            subscriptions.request_signup(request, form.cleaned_data, get_language() or "")
            # The same answer whether or not the address was already signed up.
            messages.success(
                request,
                _(
                    "Thank you. Check your inbox: we have sent you an email with a link "
                    "to confirm your signup."
                ),
            )
            return redirect(reverse("newsletter:signup"))
    elif request.method == "POST":
        status = 400
    return render(
        request,
        "newsletter/signup_page.html",
        {"form": form, "hide_footer_newsletter": True},
        status=status,
    )


def _link_page(request, action, signup):
    return render(
        request,
        "newsletter/link_page.html",
        {"action": action, "signup": signup, "hide_footer_newsletter": True},
        status=200 if signup else 400,
    )


@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request, token):
    """The link in the confirmation email. A GET only asks: mail scanners follow links."""
    signup = signup_to_confirm(token)
    if signup and request.method == "POST":
        subscriptions.confirm(signup)
        return _link_page(request, "confirmed", signup)
    return _link_page(request, "confirm", signup)


@csrf_exempt  # the signed link is the proof; mail clients post here for one-click (RFC 8058)
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    signup = signup_to_unsubscribe(token)
    if signup and request.method == "POST":
        subscriptions.unsubscribe(signup)
        return _link_page(request, "unsubscribed", signup)
    return _link_page(request, "unsubscribe", signup)


@never_cache
def csrf_token(request):
    """A per-visitor token for the footer form, so cached pages carry none."""
    return JsonResponse({"token": get_token(request)})


# The forms on cached pages, whose token static/js/site.js fetches: without JavaScript
# (or on a page open too long) their CSRF failure shows the form again, filled in.
RESEND_VIEWS = {
    "newsletter:signup": "newsletter.views.resend_signup",
    "comments:post": "comments.views.resend_comment",
}


def csrf_failure(request, reason=""):
    """A form in RESEND_VIEWS posted without a valid token (no JavaScript, or an expired page).

    Nothing is saved; the visitor sees the form again with what they typed and a fresh
    token, so nothing they entered is lost. Any other form's failure (the admin's, the
    confirmation page's) gets Django's own page.
    """
    match = getattr(request, "resolver_match", None)
    resend = RESEND_VIEWS.get(match.view_name) if match and request.method == "POST" else None
    if resend is None:
        return default_csrf_failure(request, reason=reason)
    response = import_string(resend)(request, *match.args, **match.kwargs)
    response["Cache-Control"] = "no-store"
    return response


def resend_signup(request):
    form = SignupForm(initial={k: request.POST.get(k, "") for k in SignupForm.base_fields})
    context = {"form": form, "resubmit": True, "hide_footer_newsletter": True}
    return render(request, "newsletter/signup_page.html", context, status=403)
