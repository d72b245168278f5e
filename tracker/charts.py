"""Plotly figures built on the server from the series selectors, sent to the page as JSON.

Each trace carries `meta` ({"role": ..., "key": ...}) so tests and the page can tell the
claimant lines, the range bands, the gap shading and the ratio apart. Article text reaches
the hover labels escaped: plotly.js reads a small set of HTML tags in labels.
"""

import json
import textwrap
from functools import lru_cache
from html import escape

import plotly.graph_objects as go
from django.utils.formats import date_format
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from plotly.subplots import make_subplots

from tracker.series import OFFICIAL

OFFICIAL_COLOUR = "#b2182b"
INDEPENDENT_COLOURS = ["#2166ac", "#1b7837", "#762a83", "#e08214", "#35978f", "#8c510a", "#4d4d4d"]
GAP_FILL = "rgba(178, 24, 43, 0.12)"

HOVER = (
    "<b>%{customdata[0]}</b> · %{customdata[1]}<br>"
    "%{customdata[2]}<br>%{customdata[3]}<br><i>%{customdata[4]}</i><extra></extra>"
)


def as_of_label(day, precision):
    """Return a date as precisely as it is known: "July 2017" for a month figure."""
    if precision == "year":
        return str(day.year)
    if precision == "month":
        return date_format(day, "YEAR_MONTH_FORMAT")
    return date_format(day, "DATE_FORMAT")


# The hover texts are pure functions of their inputs and the language, and the same points
# are drawn on every request: at 100,000 estimates (thousands of points) wrapping quotes and
# formatting dates was most of the dashboard's time.
@lru_cache(maxsize=16_384)
def _hover_quote(quote):
    """Return the quote escaped and wrapped for a hover label."""
    lines = textwrap.wrap(quote, width=70, max_lines=6, placeholder=" …")
    return "<br>".join(escape(line) for line in lines)


@lru_cache(maxsize=16_384)
def _hover_as_of(day, precision, language):
    return escape(_("as of %(date)s") % {"date": as_of_label(day, precision)})


@lru_cache(maxsize=1_024)
def _hover_reports(count, language):
    return escape(
        ngettext("stated by %(count)d report", "stated by %(count)d reports", count) % {"count": count}
    )


def _customdata(point, claimant, language):
    return [
        escape(point.label),
        escape(", ".join(point.claimants) or claimant),
        _hover_as_of(point.as_of, point.as_of_precision, language),
        "“" + _hover_quote(point.quote) + "”",
        _hover_reports(point.report_count, language),
        point.url,
    ]


def colour_of(series, index):
    return (
        OFFICIAL_COLOUR if series.key == OFFICIAL else INDEPENDENT_COLOURS[index % len(INDEPENDENT_COLOURS)]
    )


def _scatter(**properties):
    """Return a scatter trace as plotly.js reads it (on the first panel unless axes are given).

    Traces are plain dicts: plotly.py's objects validate and copy every array, which cost more
    than everything else on the dashboard once it plots a few thousand points.
    """
    return {"type": "scatter", **properties}


def _series_traces(series, colour):
    """Return the step line of a claimant, plus the band of its ranges when it states any."""
    days = [p.as_of.isoformat() for p in series.points]
    language = get_language()
    has_ranges = any(p.value_max is not None for p in series.points)
    line = _scatter(
        x=days,
        y=[p.value for p in series.points],
        name=series.name,
        mode="lines+markers",
        line={"shape": "hv", "color": colour, "width": 3 if series.key == OFFICIAL else 2},
        marker={"size": 9, "color": colour},
        customdata=[_customdata(p, series.name, language) for p in series.points],
        hovertemplate=HOVER,
        legendgroup=series.key,
        meta={"role": "series", "key": series.key},
    )
    traces = [line, *_out_of_sequence_traces(series, colour)]
    if not has_ranges:
        return traces
    # A range is a band from minimum to maximum; a single range point shows as a bar.
    line["error_y"] = {
        "type": "data",
        "symmetric": False,
        "array": [(p.value_max - p.value) if p.value_max is not None else 0 for p in series.points],
        "arrayminus": [0] * len(series.points),
        "color": colour,
        "thickness": 4,
        "width": 0,
    }
    upper = _scatter(
        x=days,
        y=[p.value_max if p.value_max is not None else p.value for p in series.points],
        name=_("%(name)s (upper bound)") % {"name": series.name},
        mode="lines",
        line={"shape": "hv", "color": colour, "width": 1, "dash": "dot"},
        fill="tonexty",
        fillcolor=_translucent(colour, 0.2),
        hoverinfo="skip",
        legendgroup=series.key,
        showlegend=False,
        meta={"role": "band", "key": series.key},
    )
    return [*traces, upper]


def _out_of_sequence_traces(series, colour):
    """Return the hollow markers of statements below the claimant's earlier total, off the line."""
    if not series.out_of_sequence:
        return []
    language = get_language()
    return [
        _scatter(
            x=[p.as_of.isoformat() for p in series.out_of_sequence],
            y=[p.value for p in series.out_of_sequence],
            name=_("%(name)s: out of sequence") % {"name": series.name},
            mode="markers",
            marker={
                "size": 10,
                "color": "white",
                "symbol": "circle-open",
                "line": {"color": colour, "width": 2},
            },
            customdata=[
                [
                    *_customdata(p, series.name, language)[:4],
                    escape(
                        _("out of sequence: below the earlier total of %(total)s") % {"total": f"{p.below:,}"}
                    ),
                    p.url,
                ]
                for p in series.out_of_sequence
            ],
            hovertemplate=HOVER,
            legendgroup=series.key,
            showlegend=False,
            meta={"role": "out-of-sequence", "key": series.key},
        )
    ]


def _translucent(hex_colour, alpha):
    red, green, blue = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({red}, {green}, {blue}, {alpha})"


def _gap_traces(gap_rows, compare):
    """Return the shading between the official line and the compared claimant's line."""
    rows = [r for r in gap_rows if r.difference is not None]
    if not rows:
        return []
    days = [r.as_of.isoformat() for r in rows]
    floor = _scatter(
        x=days,
        y=[r.official for r in rows],
        mode="lines",
        line={"shape": "hv", "width": 0},
        hoverinfo="skip",
        showlegend=False,
        meta={"role": "gap-floor", "key": OFFICIAL},
    )
    ceiling = _scatter(
        x=days,
        y=[r.independent for r in rows],
        name=_("Gap: %(name)s minus official") % {"name": compare.name},
        mode="lines",
        line={"shape": "hv", "width": 0},
        fill="tonexty",
        fillcolor=GAP_FILL,
        customdata=[[f"{r.difference:,}"] for r in rows],
        hovertemplate=_("gap %{customdata[0]}") + "<extra></extra>",
        meta={"role": "gap", "key": compare.key},
    )
    return [floor, ceiling]


def _ratio_trace(gap_rows, compare):
    rows = [r for r in gap_rows if r.ratio is not None]
    return _scatter(
        x=[r.as_of.isoformat() for r in rows],
        y=[r.ratio for r in rows],
        name=_("Ratio %(name)s / official") % {"name": compare.name},
        mode="lines+markers",
        line={"shape": "hv", "color": "#444"},
        hovertemplate="×%{y:.2f}<extra></extra>",
        showlegend=False,
        meta={"role": "ratio", "key": compare.key},
        xaxis="x2",
        yaxis="y2",
    )


@lru_cache(maxsize=16)
def _dashboard_layout(language):
    """Return the JSON of the dashboard's layout (two panels, axes, theme), built by plotly once."""
    figure = make_subplots(rows=2, cols=1, shared_xaxes=True, row_heights=[0.72, 0.28], vertical_spacing=0.06)
    figure.update_layout(
        template="plotly_white",
        height=620,
        margin={"l": 60, "r": 20, "t": 30, "b": 40},
        hovermode="closest",
        hoverlabel={"align": "left"},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0},
    )
    figure.update_yaxes(title_text=_("Civilians killed (cumulative)"), rangemode="tozero", row=1, col=1)
    figure.update_yaxes(title_text=_("Ratio"), rangemode="tozero", row=2, col=1)
    return json.dumps(json.loads(figure.to_json())["layout"])


@lru_cache(maxsize=16)
def _claimant_layout(language):
    """Return the JSON of a claimant page's layout, built by plotly once."""
    figure = go.Figure()
    figure.update_layout(
        template="plotly_white",
        height=380,
        margin={"l": 60, "r": 20, "t": 30, "b": 40},
        hoverlabel={"align": "left"},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0},
    )
    figure.update_yaxes(rangemode="tozero")
    return json.dumps(json.loads(figure.to_json())["layout"])


def dashboard_figure(series_list, gap_rows, compare):
    """Return the headline figure: the claimants' step lines, the gap, and the ratio below."""
    data = list(_gap_traces(gap_rows, compare)) if compare else []
    independents = 0
    for series in series_list:
        colour = colour_of(series, independents)
        if series.key != OFFICIAL:
            independents += 1
        data += _series_traces(series, colour)
    if compare and gap_rows:
        data.append(_ratio_trace(gap_rows, compare))
    return {"data": data, "layout": json.loads(_dashboard_layout(get_language()))}


def claimant_figure(series_list):
    """Return one claimant's cumulative figures over time, one step line per comparable kind."""
    data = []
    for index, series in enumerate(series_list):
        data += _series_traces(series, colour_of(series, index))
    return {"data": data, "layout": json.loads(_claimant_layout(get_language()))}


def figure_data(figure):
    """Return the figure as plain JSON data, ready for the `json_script` filter."""
    return figure
