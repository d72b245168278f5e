"""Sources learn whether they speak for the US-led coalition: only those make the official trace.

Existing official claimants are marked from their names, as the extractor reads them (a frozen
copy: the engine's words may change, a migration may not); editors correct the rest in the admin.
"""

import re
import unicodedata

from django.db import migrations, models

_COALITION = re.compile(
    r"coalition|cjtf|inherent resolve|centcom|central command|africom|africa command|pentagon"
    r"|\bu\.?s\.? |\bus-|american|americain|etats-unis|united states|washington|australia|\buk |"
    r"british|britannique|france|francais|french"
)
_NOT_COALITION = re.compile(r"saudi|saoudi|arab coalition|coalition arabe")


def mark_coalition(apps, schema_editor):
    Source = apps.get_model("tracker", "Source")
    for source in Source.objects.filter(kind="official"):
        names = " ".join([source.name, *source.aliases]).lower() + " "
        names = "".join(c for c in unicodedata.normalize("NFKD", names) if not unicodedata.combining(c))
        if _COALITION.search(names) and not _NOT_COALITION.search(names):
            source.coalition = True
            source.save(update_fields=["coalition"])


class Migration(migrations.Migration):
    dependencies = [
        ("tracker", "0011_historicalreport_fetch_and_duplicate_fields"),
    ]

    operations = [
        migrations.AddField(
            model_name="source",
            name="coalition",
            field=models.BooleanField(
                default=False,
                help_text="An official of the US-led coalition or of one of its members: its figures are the "
                "coalition's admissions, the chart's official trace. Other officials (a government accusing "
                "the coalition) have a trace of their own.",
                verbose_name="speaks for the coalition",
            ),
        ),
        migrations.RunPython(mark_coalition, migrations.RunPython.noop),
    ]
