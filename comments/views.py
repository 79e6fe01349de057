from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from conditions.models import ConditionPage

from . import ratelimit
from .forms import CommentForm
from .models import Comment


def _guide(guide_id):
    guide = ConditionPage.objects.live().public().filter(pk=guide_id).first()
    if guide is None:
        raise Http404
    return guide


@never_cache
@require_POST
def post_comment(request, guide_id):
    """The form under a guide posts here; the comment waits for a moderator.

    The guide page is cached, so its form carries no token: static/js/site.js
    fetches one from newsletter:token first, as the newsletter's footer form does.
    """
    guide = _guide(guide_id)
    form = CommentForm(request.POST)
    status = 400
    if not guide.comments_open:
        form.add_error(None, _("Comments are closed on this guide."))
        status = 403
    elif form.is_valid():
        if form.cleaned_data["website"]:
            # A bot filled in the honeypot: answer as for a person, keep nothing.
            return redirect(guide.url + "?comment=held#comment-status")
        if ratelimit.too_many_from_client(request):
            form.add_error(
                None,
                _("Too many comments from your connection. Please wait an hour and try again."),
            )
            status = 429
        elif ratelimit.too_many_for_address(form.cleaned_data["email"]):
            form.add_error(
                "email",
                _("Too many comments from this address. Please wait an hour and try again."),
            )
            status = 429
        else:
            Comment.objects.create(
                guide=guide,
                name=form.cleaned_data["name"],
                email=form.cleaned_data["email"],
                text=form.cleaned_data["text"],
            )
            return redirect(guide.url + "?comment=held#comment-status")
    return _comment_page(request, guide, form, status)


def resend_comment(request, guide_id):
    """The comment form again, filled in, when it came without a valid token.

    newsletter.views.csrf_failure calls this for a comment sent without JavaScript: the
    cached guide's form has no token. Nothing is saved until the visitor sends it again.
    """
    guide = _guide(guide_id)
    form = CommentForm(initial={k: request.POST.get(k, "") for k in ("name", "email", "text")})
    return _comment_page(request, guide, form, 403, resubmit=True)


def _comment_page(request, guide, form, status, resubmit=False):
    return render(
        request,
        "comments/comment_page.html",
        {"form": form, "guide": guide, "with_token": True, "resubmit": resubmit},
        status=status,
    )
