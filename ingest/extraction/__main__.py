"""Command line: print the figures of each article as JSON Lines (the scoring contract).

python -m ingest.extraction [--published 2019-05] [--language fr|en|auto] FILE...
"""

import argparse
import json
import sys

from . import extract
from .dates import header_date, parse_published


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ingest.extraction", description=__doc__.splitlines()[0])
    parser.add_argument("--published", help="publication date, YYYY-MM or YYYY-MM-DD")
    parser.add_argument("--language", choices=("fr", "en", "auto"), default="auto")
    parser.add_argument("files", nargs="+", metavar="FILE")
    args = parser.parse_args(argv)
    if args.published and parse_published(args.published) is None:
        parser.error(f"--published {args.published!r} is not YYYY-MM or YYYY-MM-DD")
    status = 0
    for path in args.files:
        try:
            text = read_text(path)
        except (OSError, UnicodeDecodeError) as error:
            print(f"cannot read {path}: {error}", file=sys.stderr)
            status = 1
            continue
        published = args.published or header_date(text)[0]
        for figure in extract(text, published=published, language=args.language):
            print(json.dumps({"file": path, **figure.as_dict()}, ensure_ascii=False))
    return status


def read_text(path: str) -> str:
    """Read a file as UTF-8 (with or without BOM), falling back to Windows-1252."""
    data = open(path, "rb").read()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        if b"\x00" in data:
            raise
        return data.decode("cp1252")


if __name__ == "__main__":
    sys.exit(main())
