"""Plotly figures built on the server from the series selectors, sent to the page as JSON.

Each trace carries `meta` ({"role": ..., "key": ...}) so tests and the page can tell the
claimant lines, the range bands, the gap shading and the ratio apart. Every string a person
wrote (article text, claimant names) reaches plotly escaped, in trace names, legends, labels
and hovers alike: plotly.js reads a small set of HTML tags in all of them, links included.
"""

import datetime
import json
import textwrap
import zlib
from functools import lru_cache
from html import escape

import plotly.graph_objects as go
from django.utils.formats import date_format, number_format
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from tracker.models import Estimate
from tracker.series import OFFICIAL

OFFICIAL_COLOUR = "#b2182b"
# A claimant keeps its colour in every view and on its own page: the colour follows its key,
# never its rank among the claimants a filter happens to show.
INDEPENDENT_COLOURS = ["#1b7837", "#762a83", "#2166ac", "#e08214", "#35978f", "#8c510a", "#4d4d4d", "#bf812d"]
DASHES = ["solid", "dash", "dot", "dashdot"]
GAP_FILL = "rgba(178, 24, 43, 0.12)"
# Only what helps a reader here: no lasso or box select, nothing that sends data elsewhere.
TOOLBAR = [["toImage"], ["zoom2d", "pan2d", "resetScale2d"]]

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


def colour_of(key):
    """Return the colour of a claimant's trace: the same in every view, from its key alone."""
    if key == OFFICIAL:
        return OFFICIAL_COLOUR
    return INDEPENDENT_COLOURS[zlib.crc32(key.encode()) % len(INDEPENDENT_COLOURS)]


def _scatter(**properties):
    """Return a scatter trace as plotly.js reads it (on the first panel unless axes are given).

    Traces are plain dicts: plotly.py's objects validate and copy every array, which cost more
    than everything else on the dashboard once it plots a few thousand points.
    """
    return {"type": "scatter", **properties}


def _series_traces(series, colour, name=None, dash="solid"):
    """Return the step line of a claimant, plus the band of its ranges when it states any."""
    days = [p.as_of.isoformat() for p in series.points]
    language = get_language()
    has_ranges = any(p.value_max is not None for p in series.points)
    line = _scatter(
        x=days,
        y=[p.line_value for p in series.points],
        name=escape(name or series.name),
        mode="lines+markers",
        line={"shape": "hv", "color": colour, "width": 3 if series.key == OFFICIAL else 2, "dash": dash},
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
        "array": [(p.value_max - p.line_value) if p.value_max is not None else 0 for p in series.points],
        "arrayminus": [0] * len(series.points),
        "color": colour,
        "thickness": 4,
        "width": 0,
    }
    upper = _scatter(
        x=days,
        y=[p.value_max if p.value_max is not None else p.line_value for p in series.points],
        name=escape(_("%(name)s (upper bound)") % {"name": series.name}),
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
            name=escape(_("%(name)s: out of sequence") % {"name": series.name}),
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
        name=escape(_("Gap: %(name)s minus official") % {"name": compare.name}),
        mode="lines",
        line={"shape": "hv", "width": 0},
        fill="tonexty",
        fillcolor=GAP_FILL,
        # The shading takes no hover or click: the markers of both lines under it do.
        hoverinfo="skip",
        hoveron="points",
        showlegend=False,
        meta={"role": "gap", "key": compare.key},
    )
    return [floor, ceiling]


def _ratio_trace(rows, official, compare):
    """Return the ratio line; its tooltip names both claimants and the date."""
    language = get_language()
    return _scatter(
        x=[r.as_of.isoformat() for r in rows],
        y=[r.ratio for r in rows],
        name=escape(_("Ratio %(name)s / official") % {"name": compare.name}),
        mode="lines+markers",
        line={"shape": "hv", "color": "#444"},
        marker={"size": 7, "color": "#444"},
        customdata=[
            [
                escape(
                    _("%(independent)s: %(value)s; %(official)s: %(official_value)s")
                    % {
                        "independent": compare.name,
                        "value": number_format(r.independent, force_grouping=True),
                        "official": official.name,
                        "official_value": number_format(r.official, force_grouping=True),
                    }
                ),
                _hover_as_of(r.as_of, "day", language),
            ]
            for r in rows
        ],
        hovertemplate="<b>×%{y:.2f}</b><br>%{customdata[0]}<br>%{customdata[1]}<extra></extra>",
        showlegend=False,
        meta={"role": "ratio", "key": compare.key},
        xaxis="x2",
        yaxis="y2",
    )


# plotly.js's number separators per language: decimal mark then thousands (a narrow space in French).
SEPARATORS = {"fr": ",\u202f"}


@lru_cache(maxsize=16)
def _base_layout(language):
    """Return the JSON of the theme every chart shares, taken from plotly once per language."""
    figure = go.Figure()
    figure.update_layout(
        template="plotly_white",
        hovermode="closest",
        hoverlabel={"align": "left"},
        showlegend=False,
        separators=SEPARATORS.get(language, ".,"),
        font={"family": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"},
    )
    return json.dumps(json.loads(figure.to_json())["layout"])


def _layout(language, *, height, ratio, days, citation=None, count_title=None):
    """Return a chart's layout: one panel, or the running totals above their ratio.

    The date axis spans the points with room on the right for the line-end labels, so one or
    two points still read as dates on a time line.
    """
    layout = json.loads(_base_layout(language))
    count_axis = {
        "title": {"text": count_title or _("Civilians killed (running total)")},
        "rangemode": "tozero",
        "tickformat": ",d",
        "automargin": True,
    }
    date_axis = {"type": "date", "range": _date_range(days), "automargin": True}
    if ratio:
        layout.update(
            xaxis={**date_axis, "domain": [0, 1], "anchor": "y", "matches": "x2", "showticklabels": False},
            yaxis={**count_axis, "domain": [0.34, 1], "anchor": "x"},
            xaxis2={**date_axis, "domain": [0, 1], "anchor": "y2", "title": {"text": _("As of")}},
            yaxis2={
                "title": {"text": _("Ratio")},
                "domain": [0, 0.24],
                "anchor": "x2",
                "rangemode": "tozero",
                "tickformat": ".1f",
                "automargin": True,
            },
        )
    else:
        layout.update(xaxis={**date_axis, "title": {"text": _("As of")}}, yaxis=count_axis)
    margin = {"l": 60, "r": 20, "t": 30, "b": 40}
    if citation is not None:
        margin.update(t=90, b=110 if ratio else 100)
        layout["title"] = {
            "text": f'<b>{escape(citation.title)}</b><br><span style="font-size:13px">'
            f"{escape(citation.subtitle)}</span>",
            "x": 0.01,
            "xanchor": "left",
            "xref": "container",
            "font": {"size": 18},
        }
        layout["annotations"] = layout.get("annotations", []) + [
            {
                "text": escape(citation.footer),
                "xref": "paper",
                "yref": "paper",
                "x": 0,
                "y": 0,
                "yshift": -85 if ratio else -75,
                "xanchor": "left",
                "yanchor": "top",
                "align": "left",
                "showarrow": False,
                "font": {"size": 11, "color": "#555"},
                "name": "source",
            }
        ]
    layout.update(height=height, margin=margin)
    return layout


def _date_range(days):
    """Return the date axis' range: the points with a margin, and a year at least when they are few."""
    if not days:
        return None
    first, last = min(days), max(days)
    span = max((last - first).days, 365)
    start = first - datetime.timedelta(days=span // 20 + 15)
    end = last + datetime.timedelta(days=span // 4 + 30)  # the line-end labels
    return [start.isoformat(), end.isoformat()]


def _end_labels(series_list, *, yref="y"):
    """Return an annotation at the end of each line naming its claimant, in its colour."""
    return [
        {
            "x": s.points[-1].as_of.isoformat(),
            "y": s.points[-1].line_value,
            "xref": "x",
            "yref": yref,
            "text": escape(s.name),
            "showarrow": False,
            "xanchor": "left",
            "xshift": 8,
            "font": {"color": colour_of(s.key), "size": 12},
            "name": f"label:{s.key}",
        }
        for s in series_list
        if s.points
    ]


def _days(series_list, gap_rows=()):
    return [p.as_of for s in series_list for p in [*s.points, *s.out_of_sequence]] + [
        r.as_of for r in gap_rows
    ]


def dashboard_figure(series_list, gap_rows, compare, citation=None):
    """Return the headline figure: the claimants' step lines, the gap, and the ratio below."""
    data = list(_gap_traces(gap_rows, compare)) if compare else []
    for series in series_list:
        data += _series_traces(series, colour_of(series.key))
    ratio_rows = [r for r in gap_rows if r.ratio is not None] if compare else []
    official = next((s for s in series_list if s.key == OFFICIAL), None)
    if ratio_rows and official is not None:
        data.append(_ratio_trace(ratio_rows, official, compare))
    language = get_language()
    layout = _layout(
        language, height=660, ratio=bool(ratio_rows), days=_days(series_list, gap_rows), citation=citation
    )
    layout["annotations"] = _end_labels(series_list) + layout.get("annotations", [])
    return {"data": data, "layout": layout, "config": _config("casualty-tracker-chart")}


def claimant_figure(series_list):
    """Return one claimant's running totals over time, one step line per group it counts."""
    data = []
    for index, series in enumerate(series_list):
        group = [Estimate.Geography(series.geography).label] if series.geography else []
        group += [Estimate.Victims(series.victims).label] if series.victims else []
        name = ": ".join([series.name, ", ".join(str(label) for label in group)] if group else [series.name])
        dash = DASHES[index % len(DASHES)]
        data += _series_traces(series, colour_of(series.key), name=name, dash=dash)
    # A claimant's groups may count children, women or the injured: the axis names none of them.
    layout = _layout(
        get_language(), height=380, ratio=False, days=_days(series_list), count_title=_("Running total")
    )
    layout["showlegend"] = len(series_list) > 1
    layout["legend"] = {"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0}
    return {"data": data, "layout": layout, "config": _config("casualty-tracker-claimant")}


def _config(filename):
    """Return plotly.js's options: the toolbar's few buttons, a PNG at a publishable size, the locale."""
    return {
        "responsive": True,
        "displaylogo": False,
        "showSendToCloud": False,
        "showEditInChartStudio": False,
        "modeBarButtons": TOOLBAR,
        "toImageButtonOptions": {
            "format": "png",
            "filename": filename,
            "width": 1200,
            "height": 760,
            "scale": 1,
        },
        "locale": get_language() or "en",
    }


def figure_data(figure):
    """Return the figure as plain JSON data, ready for the `json_script` filter."""
    return figure
