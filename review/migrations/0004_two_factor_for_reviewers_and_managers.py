from django.db import migrations


def add_missing_permissions(apps, schema_editor):
    from review.roles import ensure_roles

    ensure_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("review", "0003_site_managers_see_signups"),
        ("wagtail_2fa", "0001_initial"),
    ]

    operations = [migrations.RunPython(add_missing_permissions, migrations.RunPython.noop)]
