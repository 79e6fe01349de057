"""The roles every install has, and the medical review workflow on the conditions section.

``set_up_roles`` runs once, from a data migration: it replaces the permissions
Wagtail's first migrations give "Editors" and "Moderators". ``ensure_roles`` only
adds what is missing, so it is safe to call whenever a conditions index appears
(see ``review.signals``): the index pages usually do not exist yet when migrations run.

Both take an app registry so the migration can pass its historical models.
"""

from django.apps import apps as global_apps

EDITORS = "Editors"
MEDICAL_REVIEWERS = "Medical reviewers"
SITE_MANAGERS = "Site managers"
WAGTAIL_MODERATORS = "Moderators"
WORKFLOW_NAME = "Medical review"

# Writing guides: no publish, unpublish, bulk delete or lock. Wagtail lets a user with
# "change" delete only their own pages that have never been published.
GUIDE_PAGE_PERMISSIONS = ["add_page", "change_page"]
SITE_PAGE_PERMISSIONS = [
    "add_page",
    "change_page",
    "publish_page",
    "bulk_delete_page",
    "lock_page",
    "unlock_page",
]
ACCESS_ADMIN = ("wagtailadmin", "admin", "access_admin")
# Starting a translation makes a draft in the other language, which then goes through review.
SUBMIT_TRANSLATION = ("wagtail_localize", "translation", "submit_translation")
# wagtail-2fa asks users with this permission for a second factor at sign-in.
TWO_FACTOR = ("wagtailadmin", "admin", "enable_2fa")

# (app_label, model, codename)
GROUP_PERMISSIONS = {
    EDITORS: [ACCESS_ADMIN, SUBMIT_TRANSLATION],
    MEDICAL_REVIEWERS: [ACCESS_ADMIN, SUBMIT_TRANSLATION, TWO_FACTOR],
    SITE_MANAGERS: [
        ACCESS_ADMIN,
        SUBMIT_TRANSLATION,
        TWO_FACTOR,
        ("home", "sitesettings", "change_sitesettings"),
        ("conditions", "bodysystem", "add_bodysystem"),
        ("conditions", "bodysystem", "change_bodysystem"),
        ("conditions", "bodysystem", "delete_bodysystem"),
        ("wagtailredirects", "redirect", "add_redirect"),
        ("wagtailredirects", "redirect", "change_redirect"),
        ("wagtailredirects", "redirect", "delete_redirect"),
        ("wagtailsearchpromotions", "query", "add_query"),
        ("wagtailsearchpromotions", "query", "change_query"),
        ("wagtailsearchpromotions", "query", "delete_query"),
        # Promoted search results, which the search-term permissions above are for.
        ("wagtailsearchpromotions", "searchpromotion", "add_searchpromotion"),
        ("wagtailsearchpromotions", "searchpromotion", "change_searchpromotion"),
        ("wagtailsearchpromotions", "searchpromotion", "delete_searchpromotion"),
        # The medical disclaimer: Site settings' help text sends them to Site texts.
        ("home", "sitetext", "add_sitetext"),
        ("home", "sitetext", "change_sitetext"),
        ("auth", "user", "add_user"),
        ("auth", "user", "change_user"),
        ("auth", "group", "view_group"),
        # Signups are personal data: Site managers list and export them, editors do not.
        ("newsletter", "signup", "view_signup"),
    ],
}

MEDIA_PERMISSIONS = [
    ("wagtailimages", "image", "add_image"),
    ("wagtailimages", "image", "change_image"),
    ("wagtailimages", "image", "choose_image"),
    ("wagtaildocs", "document", "add_document"),
    ("wagtaildocs", "document", "change_document"),
    ("wagtaildocs", "document", "choose_document"),
]
COLLECTION_PERMISSIONS = {
    EDITORS: MEDIA_PERMISSIONS,
    MEDICAL_REVIEWERS: MEDIA_PERMISSIONS,
    SITE_MANAGERS: MEDIA_PERMISSIONS
    + [
        ("wagtailimages", "image", "delete_image"),
        ("wagtaildocs", "document", "delete_document"),
    ],
}


def _permission(apps, app_label, model, codename):
    """The permission, created if Django's post_migrate has not made it yet."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _created = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _created = Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": f"Can {codename.replace('_', ' ')}"},
    )
    return permission


def _page_permission(apps, codename):
    return _permission(apps, "wagtailcore", "page", codename)


def _groups(apps):
    Group = apps.get_model("auth", "Group")
    return {
        name: Group.objects.get_or_create(name=name)[0]
        for name in (EDITORS, MEDICAL_REVIEWERS, SITE_MANAGERS)
    }


def _workflow(apps, reviewers):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    MedicalReviewTask = apps.get_model("review", "MedicalReviewTask")

    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
    if workflow is None:
        workflow = Workflow.objects.create(name=WORKFLOW_NAME, active=True)
    if not WorkflowTask.objects.filter(workflow=workflow).exists():
        task = MedicalReviewTask.objects.create(
            name=WORKFLOW_NAME,
            active=True,
            content_type=ContentType.objects.get_or_create(
                app_label="review", model="medicalreviewtask"
            )[0],
        )
        task.groups.set([reviewers])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return workflow


def ensure_roles(apps=global_apps):
    """Add whatever of the roles and the workflow is missing. Never removes anything."""
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Collection = apps.get_model("wagtailcore", "Collection")
    Page = apps.get_model("wagtailcore", "Page")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")

    groups = _groups(apps)
    for name, permissions in GROUP_PERMISSIONS.items():
        groups[name].permissions.add(*[_permission(apps, *p) for p in permissions])

    root_collection = Collection.objects.filter(depth=1).first()
    if root_collection is not None:
        for name, permissions in COLLECTION_PERMISSIONS.items():
            for permission in permissions:
                GroupCollectionPermission.objects.get_or_create(
                    group=groups[name],
                    collection=root_collection,
                    permission=_permission(apps, *permission),
                )

    root_page = Page.objects.filter(depth=1).first()
    if root_page is not None:
        for codename in SITE_PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(
                group=groups[SITE_MANAGERS],
                page=root_page,
                permission=_page_permission(apps, codename),
            )

    workflow = _workflow(apps, groups[MEDICAL_REVIEWERS])
    indexes = Page.objects.filter(
        content_type__app_label="conditions", content_type__model="conditionindexpage"
    )
    for index in indexes:
        for name in (EDITORS, MEDICAL_REVIEWERS):
            for codename in GUIDE_PAGE_PERMISSIONS:
                GroupPagePermission.objects.get_or_create(
                    group=groups[name], page=index, permission=_page_permission(apps, codename)
                )
        WorkflowPage.objects.get_or_create(page=index, defaults={"workflow": workflow})


def set_up_roles(apps=global_apps):
    """Take over Wagtail's starting groups, then add ours.

    Wagtail gives "Editors" add and edit on the root page, and "Moderators" publish on
    it, with a "Moderators approval" workflow. Here Editors write guides only, and
    nothing about publishing bypasses medical review: "Moderators" is deleted, since a
    user put in it would publish guides unreviewed, and the default workflow goes with
    its only group (Site managers publish other pages directly).
    """
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")

    moderators = Group.objects.filter(name=WAGTAIL_MODERATORS).first()
    if moderators is not None:
        tasks = GroupApprovalTask.objects.filter(groups=moderators)
        for task in tasks:
            if task.groups.exclude(pk=moderators.pk).exists():
                continue
            workflows = Workflow.objects.filter(workflow_tasks__task=task)
            WorkflowPage.objects.filter(workflow__in=workflows).delete()
            workflows.update(active=False)
            task.active = False
            task.save(update_fields=["active"])
        moderators.delete()

    editors = Group.objects.filter(name=EDITORS).first()
    if editors is not None:
        GroupPagePermission.objects.filter(group=editors).delete()
        GroupCollectionPermission.objects.filter(group=editors).delete()
        # Wagtail's early migrations also gave them global image and document permissions.
        editors.permissions.remove(
            *Permission.objects.filter(content_type__app_label__in=["wagtailimages", "wagtaildocs"])
        )

    ensure_roles(apps)
