"""Every admin address Wagtail and wagtail-localize register, and what an editor gets there.

The resolver is walked, so a new address after an upgrade fails the first test until it
is classified here; the second sends each refused action as an Editors user and checks
that it was refused and that nothing new went live.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from wagtail.models import Locale, Page, Revision, Site
from wagtail_localize.models import Translation

from home.models import SiteText
from review.guards import GUARDED_URLS
from review.models import ReviewerProfile
from tests.review.admin_forms import guide_form, was_denied

# Addresses that only show something: listings, choosers, reports, previews, history.
READ_ONLY = re.compile(
    r"(index|results|history|usage|listing|:list$|choose|chooser|chosen|report|preview"
    r"|compare|revisions_view|view_draft|search|find|detail|inspect|javascript_catalog"
    r"|sprite|autocomplete|download_pofile|url_generator|type_use|explore|wagtailadmin_home"
    r"|error_test|snippets_api|select_format|select_task_type|choose_parent|task_index"
    r"|out_of_date)"
)

REFUSED = "refused to editors"
DRAFT = "a draft: live only through medical review"
UNSEEN = "changes nothing visitors see"
# Readers' comments (comments/): Editors, Medical reviewers and Site managers moderate them.
MODERATED = "a reader's comment: shown once a moderator approves it, never a guide"

STATE_CHANGING = {
    # wagtail-localize
    "wagtail_localize:convert_to_alias": REFUSED,  # review/guards.py
    "wagtail_localize:submit_snippet_translation": REFUSED,  # review/guards.py
    "wagtail_localize:submit_page_translation": DRAFT,
    "wagtail_localize:update_translations": DRAFT,  # translations/views.py, no "publish"
    "wagtail_localize:edit_string_translation": DRAFT,
    "wagtail_localize:edit_override": DRAFT,
    "wagtail_localize:upload_pofile": DRAFT,
    "wagtail_localize:machine_translate": DRAFT,
    "wagtail_localize:stop_translation": DRAFT,
    "wagtaillocales:add": REFUSED,
    "wagtaillocales:edit": REFUSED,
    "wagtaillocales:delete": REFUSED,
    "wagtaillocales:copy": REFUSED,
    # Pages
    "wagtailadmin_pages:add": DRAFT,
    "wagtailadmin_pages:add_subpage": DRAFT,
    "wagtailadmin_pages:edit": DRAFT,  # "Publish" needs publish permission
    "wagtailadmin_pages:copy": DRAFT,  # "Publish copies" needs publish permission
    "wagtailadmin_pages:revisions_revert": DRAFT,  # opens the editor on an old revision
    "wagtailadmin_pages:collect_workflow_action_data": REFUSED,
    "wagtailadmin_pages:workflow_action": REFUSED,  # approve: reviewers only
    "wagtailadmin_pages:confirm_workflow_cancellation": UNSEEN,
    "wagtailadmin_pages:convert_alias": UNSEEN,  # the page keeps what it already shows
    "wagtailadmin_pages:delete": REFUSED,
    "wagtailadmin_pages:unpublish": REFUSED,
    "wagtailadmin_pages:set_privacy": REFUSED,
    "wagtailadmin_pages:move": REFUSED,
    "wagtailadmin_pages:move_confirm": REFUSED,
    "wagtailadmin_pages:set_page_position": REFUSED,
    "wagtailadmin_pages:lock": REFUSED,
    "wagtailadmin_pages:unlock": REFUSED,
    "wagtailadmin_pages:revisions_unschedule": REFUSED,
    # Bulk publish is refused; the same address also serves the Comments listing's
    # Approve / Reject / Spam, which are MODERATED (tests/comments/test_bulk_moderation.py).
    "wagtail_bulk_action": REFUSED,
    # Images and documents: a change to one a live page shows needs publish permission
    "wagtailimages:edit": REFUSED,
    "wagtailimages:edit_multiple": REFUSED,
    "wagtailimages:delete": REFUSED,
    "wagtailimages:delete_multiple": REFUSED,
    "wagtailimages:add": UNSEEN,
    "wagtailimages:add_multiple": UNSEEN,
    "wagtailimages:create_multiple_from_uploaded_image": UNSEEN,
    "wagtailimages:delete_upload_multiple": UNSEEN,
    "wagtaildocs:edit": REFUSED,
    "wagtaildocs:edit_multiple": REFUSED,
    "wagtaildocs:delete": REFUSED,
    "wagtaildocs:delete_multiple": REFUSED,
    "wagtaildocs:add": UNSEEN,
    "wagtaildocs:add_multiple": UNSEEN,
    "wagtaildocs:create_multiple_from_uploaded_document": UNSEEN,
    "wagtaildocs:delete_upload_multiple": UNSEEN,
    # Snippets, settings and site structure: published as saved, so not for editors
    "wagtailsnippets_*:add": REFUSED,
    "wagtailsnippets_*:edit": REFUSED,
    "wagtailsnippets_*:copy": REFUSED,
    "wagtailsnippets_*:delete": REFUSED,
    "wagtailsettings:edit": REFUSED,
    "wagtailsites:add": REFUSED,
    "wagtailsites:edit": REFUSED,
    "wagtailsites:delete": REFUSED,
    "wagtailsites:copy": REFUSED,
    "wagtailredirects:add": REFUSED,
    "wagtailredirects:edit": REFUSED,
    "wagtailredirects:delete": REFUSED,
    "wagtailredirects:start_import": REFUSED,
    "wagtailredirects:process_import": REFUSED,
    "wagtailsearchpromotions:add": REFUSED,
    "wagtailsearchpromotions:edit": REFUSED,
    "wagtailsearchpromotions:delete": REFUSED,
    "wagtailadmin_collections:add": REFUSED,
    "wagtailadmin_collections:edit": REFUSED,
    # Wagtail 7.4 lets an editor delete an empty sub-collection (a non-empty one is
    # refused): it holds no image or document, so no page changes.
    "wagtailadmin_collections:delete": UNSEEN,
    "wagtailadmin_collections:set_privacy": REFUSED,
    "wagtailadmin_workflows:add": REFUSED,
    "wagtailadmin_workflows:edit": REFUSED,
    "wagtailadmin_workflows:remove": REFUSED,
    "wagtailadmin_workflows:disable": REFUSED,
    "wagtailadmin_workflows:enable": REFUSED,
    "wagtailadmin_workflows:add_task": REFUSED,
    "wagtailadmin_workflows:edit_task": REFUSED,
    "wagtailadmin_workflows:disable_task": REFUSED,
    "wagtailadmin_workflows:enable_task": REFUSED,
    "wagtailusers_users:add": REFUSED,
    "wagtailusers_users:edit": REFUSED,
    "wagtailusers_users:delete": REFUSED,
    "wagtailusers_groups:add": REFUSED,
    "wagtailusers_groups:edit": REFUSED,
    "wagtailusers_groups:delete": REFUSED,
    # The editor's own session and account
    "wagtailadmin_login": UNSEEN,
    "wagtailadmin_logout": UNSEEN,
    "wagtailadmin_account": UNSEEN,
    "wagtailadmin_password_reset": UNSEEN,
    "wagtailadmin_password_reset_done": UNSEEN,
    "wagtailadmin_password_reset_confirm": UNSEEN,
    "wagtailadmin_password_reset_complete": UNSEEN,
    "wagtailadmin_dismissibles": UNSEEN,
    "wagtailadmin_editing_sessions:ping": UNSEEN,
    "wagtailadmin_editing_sessions:release": UNSEEN,
    "wagtailadmin_block_preview": UNSEEN,
    "": UNSEEN,  # Wagtail's catch-all, which only redirects or answers 404
    # The admin API's page actions (publish, unpublish, copy, move, revert, alias):
    # each asks the same permission as its view.
    "wagtailadmin_api:pages:action": REFUSED,
    # This project's own
    "newsletter_signups:add": REFUSED,
    "newsletter_signups:edit": REFUSED,
    "newsletter_signups:copy": REFUSED,
    "newsletter_signups:delete": REFUSED,
    "comments_comment:add": REFUSED,  # the team's replies: Site managers
    "comments_comment:copy": REFUSED,
    "comments_comment:delete": REFUSED,  # erasing a commenter's data: Site managers
    "comments_comment:edit": MODERATED,
    "comments_comment:moderate": MODERATED,
    "review_share_links": UNSEEN,  # a link to the draft, not a publication
    "translations:submit_for_review": DRAFT,
    # Says what a workflow action did, then redirects: changes nothing.
    "review_workflow_outcome": UNSEEN,
    # A confirmation page; the machine translation itself is wagtail_localize's, a draft.
    "translations:confirm_machine_translation": UNSEEN,
    # The editor's own two-factor devices (wagtail-2fa).
    "wagtail_2fa_auth": UNSEEN,
    "wagtail_2fa_device_list": UNSEEN,
    "wagtail_2fa_device_new": UNSEEN,
    "wagtail_2fa_device_qrcode": UNSEEN,
    "wagtail_2fa_device_remove": UNSEEN,
    "wagtail_2fa_device_update": UNSEEN,
}


def _walk(patterns, prefix="", namespaces=()):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            namespace = (pattern.namespace,) if pattern.namespace else ()
            yield from _walk(
                pattern.url_patterns, prefix + str(pattern.pattern), namespaces + namespace
            )
        elif isinstance(pattern, URLPattern):
            callback = pattern.callback
            module = getattr(getattr(callback, "view_class", callback), "__module__", "")
            yield prefix + str(pattern.pattern), ":".join((*namespaces, pattern.name or "")), module


def admin_urls():
    """(route, name) of every admin address: Wagtail's, wagtail-localize's and ours."""
    for route, name, _module in _walk(get_resolver().url_patterns):
        if route.startswith("admin/"):
            yield route, re.sub(r"^wagtailsnippets_\w+:", "wagtailsnippets_*:", name)


def test_every_state_changing_admin_url_is_classified():
    unclassified = sorted(
        {
            f"{name or '(unnamed)'} at /{route}"
            for route, name in admin_urls()
            if name not in STATE_CHANGING and not READ_ONLY.search(name)
        }
    )
    assert not unclassified, "Say what an editor gets at: " + ", ".join(unclassified)


def test_the_walk_sees_wagtail_localize_and_wagtail_admin():
    names = {name for _route, name in admin_urls()}
    assert {"wagtail_localize:convert_to_alias", "wagtailadmin_pages:edit"} <= names
    stale = {name for name in STATE_CHANGING if name not in names}
    assert not stale, f"No longer registered, so drop them here: {stale}"


# What an Editors user gets --------------------------------------------------------------


@pytest.fixture
def editor(client_for):
    return client_for("editor")


@pytest.fixture
def spanish_live(spanish_guide):
    return spanish_guide.live_revision_id


def page_url(name, page):
    return reverse(f"wagtailadmin_pages:{name}", args=[page.pk])


def convert_to_alias(editor, spanish_guide):
    return editor.post(reverse("wagtail_localize:convert_to_alias", args=[spanish_guide.pk]))


def submit_snippet_translation(editor, spanish_guide):
    text = SiteText.objects.filter(locale__language_code="en").first()
    if text is None:
        text = SiteText.objects.create(
            **{
                field.name: "Text"
                for field in SiteText._meta.concrete_fields
                if field.get_internal_type() in {"CharField", "TextField"}
                and field.name != "translation_key"
            }
        )
    url = reverse("wagtail_localize:submit_snippet_translation", args=["home", "sitetext", text.pk])
    return editor.post(url, {"locales": [spanish_guide.locale_id]})


def unpublish(editor, spanish_guide):
    return editor.post(page_url("unpublish", spanish_guide))


def set_privacy(editor, spanish_guide):
    return editor.post(page_url("set_privacy", spanish_guide), {"restriction_type": "none"})


def delete(editor, spanish_guide):
    return editor.post(page_url("delete", spanish_guide))


def lock(editor, spanish_guide):
    return editor.post(page_url("lock", spanish_guide))


def move(editor, spanish_guide):
    target = spanish_guide.get_parent()
    return editor.post(
        reverse("wagtailadmin_pages:move_confirm", args=[spanish_guide.pk, target.pk])
    )


def english(spanish_guide):
    """The source guide: its editor is Wagtail's own, not the translation editor."""
    return spanish_guide.get_translation(Locale.get_default()).specific


def approve_as_editor(editor, spanish_guide):
    guide = english(spanish_guide)
    guide.save_revision(user=get_user_model().objects.get(username="editor"))
    guide.get_workflow().start(guide, get_user_model().objects.get(username="editor"))
    task_state = Page.objects.get(pk=guide.pk).current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[guide.pk, "approve", task_state.pk])
    return editor.post(url, {"not_clinical": ""})


def revert_and_publish(editor, spanish_guide):
    guide = english(spanish_guide)
    first = guide.revisions.order_by("created_at").first()
    url = reverse("wagtailadmin_pages:revisions_revert", args=[guide.pk, first.pk])
    form = guide_form(guide, summary="Reverted.") | {"action-publish": "1"}
    return editor.post(url, form)


def schedule_publishing(editor, spanish_guide):
    guide = english(spanish_guide)
    form = guide_form(guide, summary="Later.", go_live_at="2099-01-01 09:00") | {
        "action-publish": "1"
    }
    return editor.post(page_url("edit", guide), form)


def bulk_publish(editor, spanish_guide):
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    return editor.post(f"{url}?id={spanish_guide.pk}")


def publish_from_editor(editor, spanish_guide):
    guide = english(spanish_guide)
    form = guide_form(guide, summary="Unreviewed.") | {"action-publish": "1"}
    return editor.post(page_url("edit", guide), form)


def copy_and_publish(editor, spanish_guide):
    return editor.post(
        page_url("copy", spanish_guide),
        {
            "new_title": "Copia",
            "new_slug": "copia",
            "new_parent_page": spanish_guide.get_parent().pk,
            "publish_copies": "on",
        },
    )


def sync_and_publish(editor, spanish_guide):
    source = Translation.objects.get(target_locale=spanish_guide.locale).source
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    return editor.post(url, {"publish_translations": "on"})


def api_publish(editor, spanish_guide):
    url = reverse("wagtailadmin_api:pages:action", args=[spanish_guide.pk, "publish"])
    return editor.post(url, content_type="application/json", data={})


def edit_site_text(editor, spanish_guide):
    text = SiteText.objects.first()
    if text is None:
        return editor.get(reverse("wagtailsnippets_home_sitetext:add"))
    return editor.get(reverse("wagtailsnippets_home_sitetext:edit", args=[text.pk]))


def edit_settings(editor, spanish_guide):
    site = Site.objects.get(is_default_site=True)
    return editor.get(reverse("wagtailsettings:edit", args=["home", "sitesettings", site.pk]))


def add_group(editor, spanish_guide):
    return editor.post(reverse("wagtailusers_groups:add"), {"name": "Publishers"})


# Save a draft instead, which goes to review, or skip the pages the user may not publish.
SILENTLY_SKIPPED = {
    "publish from the editor",
    "copy with publish copies",
    "sync and publish translations",
    "bulk publish",
    "revert to an old revision and publish",
    "schedule publishing",
}

EDITOR_ACTIONS = {
    "convert to alias": convert_to_alias,
    "translate a snippet": submit_snippet_translation,
    "unpublish": unpublish,
    "make public (privacy)": set_privacy,
    "delete": delete,
    "lock": lock,
    "move": move,
    "bulk publish": bulk_publish,
    "approve their own submission": approve_as_editor,
    "revert to an old revision and publish": revert_and_publish,
    "schedule publishing": schedule_publishing,
    "publish through the admin API": api_publish,
    "publish from the editor": publish_from_editor,
    "copy with publish copies": copy_and_publish,
    "sync and publish translations": sync_and_publish,
    "edit site texts": edit_site_text,
    "edit site settings": edit_settings,
    "add a group": add_group,
}


def live_pages():
    return dict(Page.objects.live().values_list("pk", "live_revision_id"))


@pytest.mark.parametrize("action", list(EDITOR_ACTIONS))
def test_editor_cannot_put_anything_live_without_review(action, editor, spanish_guide):
    live_before = spanish_guide.live_revision_id
    pages_before = live_pages()
    groups_before = Group.objects.count()

    response = EDITOR_ACTIONS[action](editor, spanish_guide)

    page = Page.objects.filter(pk=spanish_guide.pk).first()
    assert page is not None and page.live, f"{action}: the Spanish guide went offline"
    assert page.specific.live_revision_id == live_before, f"{action}: something new went live"
    assert page.title == "Distonía"
    assert page.alias_of_id is None
    assert live_pages() == pages_before, f"{action}: what is live changed"
    assert Group.objects.count() == groups_before
    scheduled = Revision.page_revisions.filter(approved_go_live_at__isnull=False)
    assert not scheduled.exists(), f"{action}: something was scheduled to go live"
    if action not in SILENTLY_SKIPPED:
        assert was_denied(response), f"{action}: {response.status_code}"


def test_editor_is_not_offered_convert_to_alias(editor, spanish_guide):
    Translation.objects.filter(target_locale=spanish_guide.locale).update(enabled=False)
    response = editor.get(page_url("edit", spanish_guide))
    assert response.status_code == 200
    assert "localize-convert-to-alias" not in response.content.decode()


def test_site_manager_can_still_convert_to_alias(client_for, spanish_guide):
    response = client_for("manager").post(
        reverse("wagtail_localize:convert_to_alias", args=[spanish_guide.pk])
    )
    assert response.status_code == 302
    assert Page.objects.get(pk=spanish_guide.pk).alias_of_id is not None


def test_the_guards_sit_at_the_packages_own_addresses():
    """Fails on an upgrade that moves a guarded view: move the guard with it."""
    for name, route, view in GUARDED_URLS:
        arguments = dict.fromkeys(re.findall(r"<(?:\w+:)?(\w+)>", route), "1")
        package_url = reverse(name, kwargs=arguments)
        assert package_url == "/admin/" + re.sub(r"<[^>]+>", "1", route), f"{name} moved"
        match = resolve(package_url)
        assert match._func_path == f"{view.__module__}.{view.__name__}", f"{name} unguarded"


# Every other refused address, sent as an Editors user with real objects ----------------

# Refused addresses whose refusal is proved above or elsewhere with a real form.
PROVED_ELSEWHERE = {
    "wagtail_bulk_action": "bulk publish, above",
    "wagtailadmin_api:pages:action": "publish through the admin API, above",
    "wagtail_localize:submit_snippet_translation": "translate a snippet, above",
    "wagtail_localize:convert_to_alias": "convert to alias, above",
    "wagtailimages:edit": "tests/security/test_live_media.py",
    "wagtailimages:edit_multiple": "the same form as wagtailimages:edit",
    "wagtaildocs:edit": "tests/security/test_live_media.py",
    "wagtaildocs:edit_multiple": "the same form as wagtaildocs:edit",
}


@pytest.fixture
def objects(spanish_guide, users):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from wagtail.contrib.redirects.models import Redirect
    from wagtail.contrib.search_promotions.models import Query
    from wagtail.documents.models import Document
    from wagtail.images.models import Image
    from wagtail.models import Collection, Workflow

    from comments.models import Comment
    from conditions.models import BodySystem
    from newsletter.models import Signup
    from search.models import SearchSynonym
    from tests.factories import cannabis_evidence, overview, study
    from tests.security.test_live_media import png

    guide = english(spanish_guide)
    editor = users["editor"]
    workflow = Workflow.objects.get(name="Medical review")
    # The image and document are on the live guide: deleting them would change it.
    image = Image.objects.create(title="Scan", file=png("red"))
    document = Document.objects.create(
        title="Leaflet", file=SimpleUploadedFile("l.pdf", b"%PDF-1.4", "application/pdf")
    )
    guide.hero_image = image
    guide.hero_image_alt = "A scan"
    guide.body = [
        overview(f'<p>See the <a linktype="document" id="{document.pk}">leaflet</a>.</p>'),
        cannabis_evidence([study()], level="limited"),
    ]
    guide.save_revision().publish()
    guide = type(guide).objects.get(pk=guide.pk)
    guide.save_revision(user=editor)
    workflow.start(guide, editor)
    return {
        "guide": guide,
        "index": guide.get_parent(),
        "task_state": Page.objects.get(pk=guide.pk).current_workflow_task_state,
        "workflow": workflow,
        "task": workflow.tasks.first(),
        "collection": Collection.get_first_root_node().add_child(name="Leaflets"),
        "query": Query.get("cbd"),
        "redirect": Redirect.objects.create(old_path="/old", redirect_link="/en/"),
        "image": image,
        "document": document,
        "sitetext": SiteText.objects.first()
        or submit_snippet_translation
        and SiteText.objects.create(),
        "bodysystem": BodySystem.objects.create(name="Skin", slug="skin"),
        "searchsynonym": SearchSynonym.objects.create(term="weed", synonyms="cannabis"),
        "signup": Signup.objects.create(first_name="A", last_name="B", email="a@example.com"),
        "locale": Locale.get_default(),
        "site": Site.objects.get(is_default_site=True),
        "user": users["manager"],
        "group": Group.objects.get(name="Editors"),
        "reviewerprofile": ReviewerProfile.objects.create(user=users["reviewer"], role="GP"),
        "comment": Comment.objects.create(guide=guide, name="Sam", text="Held"),
    }


def url_kwargs(name, route, objects):
    """Real objects for each URL argument, so a refusal is not a 404."""
    guide, index = objects["guide"], objects["index"]
    by_namespace = {
        "wagtailadmin_collections": objects["collection"],
        "wagtailadmin_workflows": objects["task"] if "task" in name else objects["workflow"],
        "newsletter_signups": objects["signup"],
        "comments_comment": objects["comment"],
        "wagtaillocales": objects["locale"],
        "wagtailsites": objects["site"],
        "wagtailusers_users": objects["user"],
        "wagtailusers_groups": objects["group"],
    }
    snippet = re.search(r"snippets/(\w+)/(\w+)/", route)
    values = {
        "page_id": guide.pk,
        "page_to_move_id": guide.pk,
        "destination_id": index.pk,
        "action_name": "approve",
        "task_state_id": objects["task_state"].pk,
        "revision_id": guide.latest_revision_id,
        "collection_id": objects["collection"].pk,
        "page_pk": index.pk,
        "workflow_pk": objects["workflow"].pk,
        "app_label": "review",
        "model_name": "medicalreviewtask",
        "app_name": "home",
        "query_id": objects["query"].pk,
        "redirect_id": objects["redirect"].pk,
        "document_id": objects["document"].pk,
        "doc_id": objects["document"].pk,
        "image_id": objects["image"].pk,
    }
    if name.startswith("wagtailsettings"):
        values["model_name"] = "sitesettings"
        values["pk"] = objects["site"].pk
    elif snippet:
        values["pk"] = objects[snippet[2]].pk
    elif name.split(":")[0] in by_namespace:
        values["pk"] = by_namespace[name.split(":")[0]].pk
    arguments = re.findall(r"<(?:\w+:)?(\w+)>", route)
    return {argument: values[argument] for argument in arguments}


def refused_routes():
    return sorted(
        {
            (name, route)
            for route, name in admin_urls()
            if STATE_CHANGING.get(name) == REFUSED and name not in PROVED_ELSEWHERE
        }
    )


def test_every_refused_address_refuses_an_editor(objects, editor):
    live_before = live_pages()
    answered = {}
    for name, route in refused_routes():
        path = "/" + re.sub(r"<(?:\w+:)?(\w+)>", "{\\1}", route).replace("^", "")
        path = path.format(**url_kwargs(name, route, objects))
        editor.get(path)  # A confirmation page at most: checked below to change nothing.
        response = editor.post(path)
        if not was_denied(response):
            answered[f"POST {path} ({name})"] = response.status_code
    assert not answered, f"Not refused: {answered}"
    assert live_pages() == live_before
