"""Yes / No under every guide, as plain form POSTs that work without JavaScript.

The guide is cached for everyone, so its form carries no CSRF token: these views are
exempt. They only record an anonymous answer, limited per client (newsletter's counter),
and a signed cookie counts one answer per visitor per guide where the browser keeps it.
"""

from django.conf import settings
from django.core import signing
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from conditions.models import ConditionPage
from newsletter.ratelimit import _over, client_address

from .models import MISSING_MAX_LENGTH, PageFeedback

COOKIE_SALT = "feedback.answered"
TOKEN_SALT = "feedback.missing"  # noqa: S105 (a salt, not a secret)
COOKIE_AGE = 60 * 60 * 24 * 365


def _guide(guide_id):
    guide = ConditionPage.objects.live().public().filter(pk=guide_id).first()
    if guide is None:
        raise Http404
    return guide


def _cookie_name(guide):
    return f"helpful_{guide.pk}"


def _answered(request, guide):
    value = request.get_signed_cookie(_cookie_name(guide), default=None, salt=COOKIE_SALT)
    return value is not None


def _too_many(request):
    return _over(f"feedback:client:{client_address(request)}", settings.FEEDBACK_CLIENT_LIMIT)


@csrf_exempt
@never_cache
@require_POST
def vote(request, guide_id):
    guide = _guide(guide_id)
    answer = request.POST.get("helpful")
    if answer not in ("yes", "no"):
        return render(
            request,
            "feedback/thanks.html",
            {"guide": guide, "error": _("Choose Yes or No.")},
            status=400,
        )
    if _too_many(request):
        return render(
            request,
            "feedback/thanks.html",
            {
                "guide": guide,
                "error": _("Too many answers from your connection. Please try again later."),
            },
            status=429,
        )
    token = ""
    if not _answered(request, guide):
        feedback = PageFeedback.objects.create(guide=guide, helpful=answer == "yes")
        token = signing.dumps(feedback.pk, salt=TOKEN_SALT)
    url = reverse("feedback:thanks", args=[guide.pk]) + f"?answer={answer}"
    if token:
        url += f"&token={token}"
    response = redirect(url)
    response.set_signed_cookie(
        _cookie_name(guide),
        "1",
        salt=COOKIE_SALT,
        max_age=COOKIE_AGE,
        httponly=True,
        samesite="Lax",
        secure=request.is_secure(),
    )
    return response


@never_cache
@require_GET
def thanks(request, guide_id):
    guide = _guide(guide_id)
    return render(
        request,
        "feedback/thanks.html",
        {
            "guide": guide,
            "answer": request.GET.get("answer"),
            "token": request.GET.get("token", "")[:200],
            "done": "done" in request.GET,
            "max_length": MISSING_MAX_LENGTH,
        },
    )


@csrf_exempt
@never_cache
@require_POST
def missing(request, guide_id):
    """The optional "What was missing?" box after a No: the signed token names the answer."""
    guide = _guide(guide_id)
    try:
        pk = signing.loads(request.POST.get("token", ""), salt=TOKEN_SALT, max_age=60 * 60)
    except (signing.BadSignature, TypeError, ValueError):
        pk = None
    text = request.POST.get("missing", "").replace("\x00", "").strip()
    error = None
    if pk is None:
        error = _("This form has expired. Thank you for your answer.")
    elif len(text) > MISSING_MAX_LENGTH:
        error = _("Please keep it to %(n)s characters.") % {"n": MISSING_MAX_LENGTH}
    if error:
        context = {
            "guide": guide,
            "answer": "no",
            "token": request.POST.get("token", "")[:200] if pk else "",
            "error": error,
            "missing": text[: MISSING_MAX_LENGTH * 2],
            "max_length": MISSING_MAX_LENGTH,
        }
        return render(request, "feedback/thanks.html", context, status=400)
    if text:
        PageFeedback.objects.filter(pk=pk, guide=guide, missing="").update(missing=text)
    return redirect(reverse("feedback:thanks", args=[guide.pk]) + "?done=1")
