"""python -m bench [--scale 0.1] [--only extraction,pipeline,reads]: print the one table.

Parts: 1-2 extraction (pure Python, always runs), 3 end to end and 5 worker memory (needs
PostgreSQL and Redis), 4 reads and 5 web memory (needs PostgreSQL). Sizes are multiplied by
--scale (or BENCH_SCALE), 1 by default; a run at 1 takes about ten minutes on two cores.
"""

import argparse
import os
import sys
import time
import traceback

from bench import extraction, pipeline, reads
from bench.table import Row, render, skipped, write_json

PARTS = {"extraction": extraction.run, "pipeline": pipeline.run, "reads": reads.run}


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=float(os.environ.get("BENCH_SCALE", "1")))
    parser.add_argument("--only", default=",".join(PARTS), help="Comma-separated: " + ", ".join(PARTS))
    args = parser.parse_args(argv)
    rows, started = [], time.monotonic()
    for name in args.only.split(","):
        print(f"Running {name} (scale {args.scale:g}) ...", file=sys.stderr, flush=True)
        try:
            rows += PARTS[name](args.scale)
        except Exception as exc:  # noqa: BLE001 - a benchmark prints what failed, it never fails a build
            traceback.print_exc()
            rows.append(skipped(name, f"failed: {exc.__class__.__name__}: {str(exc)[:200]}"))
    rows.append(Row("-", "whole run", time.monotonic() - started, "s", note=f"{os.cpu_count()} CPUs"))
    print(render(rows))
    path = write_json(rows, "bench", {"scale": args.scale, "parts": args.only})
    print(f"\nWritten to {path.relative_to(path.parents[2])}")


if __name__ == "__main__":
    main()
