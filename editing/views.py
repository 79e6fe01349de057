"""Wagtail's page edit view, refusing a save built on an out-of-date version.

Wagtail 7.4 compares the version a form was loaded from (``loaded_revision_id``,
``loaded_revision_created_at``, or the autosave's ``overwrite_revision_id``) with the
page's latest revision, but refuses only autosave requests that are out of date. Here
every save does the same check: an editor whose form predates someone else's save is told
so, keeps what they typed, and overwrites the newer version only if they choose to.
"""

from django.db import transaction
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.admin.views.pages.edit import EditView
from wagtail.models import Page, Revision

# Posted by the "Save anyway" button, and by Wagtail's own "Continue" in its
# "… saved a new version" dialog (static/js/overwrite-newer-version.js).
OVERWRITE_FIELD = "overwrite_newer_version"


class ConflictCheckingEditView(EditView):
    def post(self, request, *args, **kwargs):
        # One save at a time per page: the check and the new revision happen under a lock
        # on the page row (SQLite takes its write lock when the transaction begins).
        with transaction.atomic():
            self.refresh_latest_revision()
            if (
                not self.expects_json_response
                and self.is_out_of_date
                and not self.newer_versions_are_all_the_editors_own()
                and not request.POST.get(OVERWRITE_FIELD)
            ):
                return self.refuse_out_of_date_save()
            return super().post(request, *args, **kwargs)

    def refresh_latest_revision(self):
        latest_revision_id = (
            Page.objects.select_for_update()
            .filter(pk=self.page.pk)
            .values_list("latest_revision_id", flat=True)
            .get()
        )
        self.latest_revision = (
            Revision.objects.filter(pk=latest_revision_id).select_related("user").first()
        )
        for name in ("is_out_of_date", "latest_revision_created_at"):
            self.__dict__.pop(name, None)

    def newer_versions_are_all_the_editors_own(self):
        """True when every version saved since the form was loaded is this editor's own.

        The editor's autosave can still be on its way when they click Save: its revision
        is newer than the form says, but saving over it loses nobody's work.
        """
        loaded_revision_id = self.request.POST.get(
            "overwrite_revision_id"
        ) or self.request.POST.get("loaded_revision_id")
        if not loaded_revision_id or not str(loaded_revision_id).isdigit():
            return False
        newer = Revision.objects.for_instance(self.page).filter(pk__gt=int(loaded_revision_id))
        latest = self.latest_revision
        return (
            latest is not None
            and latest.user_id == self.request.user.pk
            and not newer.exclude(user=self.request.user).exists()
        )

    def refuse_out_of_date_save(self):
        """Show the form as posted, with Wagtail's conflict message and a way to overwrite.

        The form keeps the version it was loaded from, so autosave stays refused too until
        the editor decides.
        """
        self.form = self.form_class(
            self.request.POST,
            self.request.FILES,
            instance=self.page,
            subscription=self.subscription,
            parent_page=self.parent,
            for_user=self.request.user,
        )
        self.page.latest_revision_id = self.request.POST.get(
            "overwrite_revision_id"
        ) or self.request.POST.get("loaded_revision_id")
        self.loaded_revision_created_at = self.request.POST.get("loaded_revision_created_at", "")
        latest = self.latest_revision
        author = (latest.user.get_full_name() or latest.user.get_username()) if latest.user else ""
        if author:
            explanation = _(
                "%(name)s saved a newer version while you were editing. Your changes are "
                "below and have not been saved."
            ) % {"name": author}
        else:
            explanation = _(
                "A newer version was saved while you were editing. Your changes are below "
                "and have not been saved."
            )
        messages.error(
            self.request,
            format_html(
                "{} {} "
                '<button type="submit" form="page-edit-form" name="{}" value="1" '
                'class="button button-small button-secondary">{}</button>',
                _("Saving will overwrite a newer version."),
                explanation,
                OVERWRITE_FIELD,
                _("Save my version anyway"),
            ),
            buttons=[
                messages.button(
                    reverse("wagtailadmin_pages:revisions_view", args=(self.page.pk, latest.pk)),
                    _("View the newer version"),
                    new_window=True,
                )
            ],
        )
        self.has_unsaved_changes = True
        return self.render_to_response(self.get_context_data())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if hasattr(self, "loaded_revision_created_at"):
            context["loaded_revision_created_at"] = self.loaded_revision_created_at
        return context
