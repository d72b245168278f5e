"""What makes a view of the chart publishable: its title, what it shows, its source, how to cite it.

One Citation feeds the chart's title and source line (so the PNG carries them), the "Cite this
chart" text on the page and the first lines of the chart's CSV.
"""

from dataclasses import dataclass

from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tracker.models import Estimate

LICENCE = "CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"


@dataclass(frozen=True)
class Citation:
    title: str
    subtitle: str
    source: str
    updated: str
    url: str

    @property
    def text(self):
        """Return the citation a reader copies: who, what, when, where, and the licence."""
        return _(
            "Casualty Tracker, “%(title)s” (%(subtitle)s), data updated %(updated)s. %(url)s. "
            "Data licence: %(licence)s."
        ) % {
            "title": self.title,
            "subtitle": self.subtitle,
            "updated": self.updated,
            "url": self.url,
            "licence": LICENCE,
        }

    @property
    def footer(self):
        """Return the source line printed under the chart (and so in its PNG)."""
        return f"{self.source} · {self.updated} · {self.url}"


def chart_citation(*, casualty, victims, geography, official, compare, series_list, reviewed, reviewed_only,
                   since, until, updated, url):  # fmt: skip
    """Return the Citation of a dashboard view, its filters said in words."""
    title = _("%(victims)s %(casualty)s: official admissions and independent counts") % {
        "victims": Estimate.Victims(victims).label,
        "casualty": Estimate.Casualty(casualty).label,
    }
    parts = [
        Estimate.Geography(geography).label,
        _("strikes of the %(perpetrator)s") % {"perpetrator": Estimate.Perpetrator.COALITION.label},
        _("running totals"),
    ]
    if official and compare:
        parts.append(_("official admissions against %(name)s") % {"name": compare.name})
    if reviewed_only:
        parts.append(_("reviewed figures only"))
    if since:
        parts.append(_("from %(date)s") % {"date": date_format(since, "DATE_FORMAT")})
    if until:
        parts.append(_("to %(date)s") % {"date": date_format(until, "DATE_FORMAT")})
    reports = {pk for s in series_list for p in [*s.points, *s.out_of_sequence] for pk in p.report_ids}
    source = ngettext(
        "Source: Casualty Tracker, figures extracted from %(count)s article; reviewed: %(reviewed)s",
        "Source: Casualty Tracker, figures extracted from %(count)s articles; reviewed: %(reviewed)s",
        len(reports),
    ) % {"count": number_format(len(reports), force_grouping=True), "reviewed": number_format(reviewed)}
    return Citation(
        title=title[:1].upper() + title[1:],
        subtitle="; ".join(str(p) for p in parts),
        source=source,
        updated=date_format(updated, "DATE_FORMAT") if updated else "—",
        url=url,
    )
