from django.db import migrations


def create_unattributed(apps, schema_editor):
    Source = apps.get_model("tracker", "Source")
    Source.objects.get_or_create(
        slug="unattributed",
        defaults={
            "name": "Unattributed",
            "kind": "unattributed",
            "match_keys": "|unattributed|",
            "description": "Figures the article states without saying who counted them.",
        },
    )


class Migration(migrations.Migration):
    dependencies = [("tracker", "0001_initial")]

    operations = [migrations.RunPython(create_unattributed, migrations.RunPython.noop)]
