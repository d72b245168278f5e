"""Editors register and manage the watched feeds, and see the items seen in them."""

from django.db import migrations

PERMISSIONS = {"feed": ["view", "add", "change", "delete"], "feeditem": ["view"]}


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    group = Group.objects.filter(name="Editors").first()
    if group is None:
        return
    for model, actions in PERMISSIONS.items():
        # Permissions are normally created after all migrations; create them now if needed.
        content_type, _ = ContentType.objects.get_or_create(app_label="ingest", model=model)
        verbose = apps.get_model("ingest", model)._meta.verbose_name
        for action in actions:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {verbose}"},
            )
            group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("ingest", "0001_initial"),
        ("tracker", "0003_editors_group"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
