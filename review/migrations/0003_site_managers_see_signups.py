from django.db import migrations


def add_missing_permissions(apps, schema_editor):
    from review.roles import ensure_roles

    ensure_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("review", "0002_roles_and_workflow"),
        ("newsletter", "0001_initial"),
    ]

    operations = [migrations.RunPython(add_missing_permissions, migrations.RunPython.noop)]
