"""CSV for spreadsheets: `?format=csv` on the estimates and series lists."""

import csv
import io
import json

from rest_framework.renderers import BaseRenderer

# A cell starting with one of these is run as a formula by spreadsheets: quotes come from
# articles anyone can upload, so such a cell is prefixed with an apostrophe.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


class CsvRenderer(BaseRenderer):
    """Render a list of flat dicts as CSV with a header row; nested values become JSON text.

    A paginated envelope renders its `results`; an error renders as its JSON text in one cell
    under an `error` header, so a bad request still says what was wrong.
    """

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if data is None:
            return b""
        if isinstance(data, dict) and "results" in data:
            data = data["results"]
        if isinstance(data, dict):
            data = [{"error": json.dumps(data)}] if _is_error(renderer_context) else [data]
        rows = list(data)
        header = list(dict.fromkeys(key for row in rows for key in row))
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=header, lineterminator="\r\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({key: _cell(value) for key, value in row.items()})
        return buffer.getvalue().encode(self.charset)


def _is_error(renderer_context):
    response = (renderer_context or {}).get("response")
    return response is not None and response.status_code >= 400


def _cell(value):
    if isinstance(value, dict | list):
        value = json.dumps(value, ensure_ascii=False)
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value
