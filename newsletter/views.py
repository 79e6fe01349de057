from django.contrib import messages
from django.db import IntegrityError, transaction
from django.http import JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.csrf import csrf_failure as default_csrf_failure
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from .forms import SignupForm


@never_cache
@require_http_methods(["GET", "POST"])
def signup(request):
    """The signup page; the footer form on every page posts here too."""
    # An empty POST is still a submission: `request.POST or None` would leave it unbound.
    form = SignupForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                form.save(language=get_language() or "")
        except IntegrityError:
            # Two signups for the same address at once: the other one won; keep it.
            pass
        messages.success(request, _("Thank you. You are signed up to our newsletter."))
        return redirect(reverse("newsletter:signup"))
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "newsletter/signup_page.html",
        {"form": form, "hide_footer_newsletter": True},
        status=status,
    )


@never_cache
def csrf_token(request):
    """A per-visitor token for the footer form, so cached pages carry none."""
    return JsonResponse({"token": get_token(request)})


def csrf_failure(request, reason=""):
    """A footer form posted without a valid token (no JavaScript, or an expired page).

    Nothing is saved; the visitor sees the signup page again with what they typed
    and a fresh token, so nothing they entered is lost.
    """
    if request.path == reverse("newsletter:signup") and request.method == "POST":
        form = SignupForm(initial={k: request.POST.get(k, "") for k in SignupForm.base_fields})
        context = {
            "form": form,
            "resubmit": True,
            "hide_footer_newsletter": True,
        }
        response = render(request, "newsletter/signup_page.html", context, status=403)
        response["Cache-Control"] = "no-store"
        return response
    return default_csrf_failure(request, reason=reason)
