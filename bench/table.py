"""The one table `make bench` prints, and its JSON copy under bench/results/."""

import json
import os
import platform
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

RESULTS_DIR = Path(__file__).resolve().parent / "results"


@dataclass
class Row:
    part: str
    measure: str
    value: float | str | None
    unit: str = ""
    target: str = ""
    met: bool | None = None  # None: no target, or not measured
    note: str = ""


def skipped(part, why):
    """Return the row a part prints instead of its figures when it cannot run here."""
    return Row(part, "skipped", None, note=why)


def formatted(value):
    if value is None:
        return "-"
    if isinstance(value, float):
        if abs(value) >= 100:
            return f"{value:,.0f}"
        return f"{value:.3g}" if abs(value) < 10 else f"{value:.1f}"
    return str(value)


def render(rows):
    """Return the table as text, one line per measure; a missed target is marked MISSED."""
    header = ("part", "measure", "value", "unit", "target", "")
    lines = [
        (
            r.part,
            r.measure,
            formatted(r.value),
            r.unit,
            r.target,
            {True: "ok", False: "MISSED", None: ""}[r.met] + (f"  {r.note}" if r.note else ""),
        )
        for r in rows
    ]
    widths = [max(len(line[i]) for line in [header, *lines]) for i in range(5)]
    out = []
    for line in [header, *lines]:
        cells = [
            line[0].ljust(widths[0]),
            line[1].ljust(widths[1]),
            line[2].rjust(widths[2]),
            line[3].ljust(widths[3]),
            line[4].ljust(widths[4]),
            line[5],
        ]
        out.append("  ".join(cells).rstrip())
    out.insert(1, "-" * len(out[0]))
    return "\n".join(out)


def write_json(rows, name, settings):
    """Write the rows with what the machine was, and return the file's path."""
    RESULTS_DIR.mkdir(exist_ok=True)
    now = datetime.now(UTC)
    path = RESULTS_DIR / f"{name}-{now:%Y%m%dT%H%M%SZ}.json"
    document = {
        "when": now.isoformat(timespec="seconds"),
        "machine": {
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
        },
        "settings": settings,
        "rows": [asdict(r) for r in rows],
    }
    path.write_text(json.dumps(document, indent=2, default=str) + "\n", encoding="utf-8")
    return path
