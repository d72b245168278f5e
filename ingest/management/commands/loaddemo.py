"""manage.py loaddemo : load the sample articles of ingest/demo/ through the real pipeline.

HTML samples carry their own metadata (canonical URL, site name, date, language); plain text
samples get theirs from demo/metadata.json, as an editor would type it. A second run finds
every sample already stored and changes nothing.
"""

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from ingest.batch import Batch, task_logs_quiet

DEMO_DIR = Path(__file__).resolve().parent.parent.parent / "demo"


class Command(BaseCommand):
    help = "Load the sample articles written for the demo (idempotent)."

    def handle(self, *args, **options):
        metadata = json.loads((DEMO_DIR / "metadata.json").read_text(encoding="utf-8"))
        paths = sorted(p for p in DEMO_DIR.iterdir() if p.suffix in {".txt", ".html"})
        batch = Batch()
        with task_logs_quiet(options["verbosity"]):
            for path in tqdm(paths, desc="Loading the demo", unit="article", file=sys.stderr):
                batch.add(path, **metadata.get(path.name, {}))
        for line in batch.summary_lines():
            self.stdout.write(line)
        if batch.failure_count:
            raise CommandError(f"{batch.failure_count} sample(s) failed.")
