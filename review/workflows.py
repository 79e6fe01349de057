def publish_approved_revision(workflow_state, user=None):
    """Publish (or schedule) what the workflow approved, in the approver's name.

    Wagtail's default checks that the approver may publish. Medical reviewers may not:
    approval is their only way to publish, so the finished workflow is the permission.
    """
    revision = workflow_state.content_object.get_latest_revision()
    revision.publish(user=user, skip_permission_checks=True)
