from django.db import migrations


def grant(apps, schema_editor):
    from comments.roles import grant_comment_permissions

    grant_comment_permissions(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("comments", "0001_initial"),
        ("review", "0005_merge_reviewer_profile_site_managers_two_factor"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
