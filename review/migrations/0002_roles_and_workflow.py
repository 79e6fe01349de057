from django.db import migrations


def set_up_roles(apps, schema_editor):
    from review.roles import set_up_roles

    set_up_roles(apps)


class Migration(migrations.Migration):
    # After the migrations that create groups and permissions we change or reuse.
    dependencies = [
        ("review", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
        ("conditions", "0001_initial"),
        ("home", "0001_initial"),
    ]

    operations = [migrations.RunPython(set_up_roles, migrations.RunPython.noop)]
