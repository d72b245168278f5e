"""The Editors group: exactly what editorial review and uploads need, nothing on users or groups."""

from django.db import migrations

EDITORS = "Editors"
PERMISSIONS = {
    "source": ["view", "add", "change"],
    "report": ["view", "add", "change"],  # add: uploads (ingest) create reports
    "estimate": ["view", "change"],  # figures come from extraction, never added by hand
    "historicalestimate": ["view"],
}


def create_editors(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    group, _ = Group.objects.get_or_create(name=EDITORS)
    for model, actions in PERMISSIONS.items():
        # Permissions are normally created after all migrations; create them now if needed.
        content_type, _ = ContentType.objects.get_or_create(app_label="tracker", model=model)
        verbose = apps.get_model("tracker", model)._meta.verbose_name
        for action in actions:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {verbose}"},
            )
            group.permissions.add(permission)


def delete_editors(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=EDITORS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("tracker", "0002_unattributed_source"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_editors, delete_editors)]
