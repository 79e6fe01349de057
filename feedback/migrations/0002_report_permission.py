from django.db import migrations


def grant(apps, schema_editor):
    from comments.roles import grant_comment_permissions

    grant_comment_permissions(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("feedback", "0001_initial"),
        ("comments", "0002_moderator_permissions"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
