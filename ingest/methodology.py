"""The methodology page: how figures are found, read and reviewed, with the engine's own rules.

It lives in ingest because it shows the extraction engine's rule table (`VAGUE_PLURALS`), and
tracker never imports ingest; the project urls.py routes it at /methodology/.
"""

from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from ingest.extraction import EXTRACTOR_VERSION, VAGUE_PLURALS
from tracker.filters import CHART_DEFAULTS
from tracker.models import Estimate, Source

# What each kind of claimant is, in words (the model's help text names the stored keys).
KIND_MEANINGS = {
    Source.Kind.OFFICIAL: _("a belligerent counting its own toll."),
    Source.Kind.INDEPENDENT: _("an NGO, a monitor or a UN body."),
    Source.Kind.STATE_MEDIA: _("a government's press agency."),
    Source.Kind.MEDIA: _("a news outlet speaking for itself."),
    Source.Kind.UNATTRIBUTED: _("nobody is quoted for the figure."),
}

# Where the chart's default comparison is stated in words: read from for_chart's own defaults,
# so this page cannot drift from what the chart draws.
DEFAULT_GROUP = {
    name: [getattr(Estimate, name.capitalize())(v).label for v in CHART_DEFAULTS[name]]
    for name in ("victims", "geography", "perpetrator")
}

# The fields a reader meets in the tables, the CSV downloads and the API, in that order.
EXPLAINED_FIELDS = {
    "value": _("The number as stated; for a range, its minimum."),
    "value_max": _('The maximum of a range ("between 3,923 and 6,102"); empty otherwise.'),
    "qualifier": _(
        "How the claimant hedged the number: exactly, at least, more than, up to, about, between."
    ),
    "casualty": _("Killed, injured, or both counted together."),
    "victims": _("Who is counted: civilians, or only children, women, or people without distinction."),
    "scope": _(
        "Cumulative: a running total since the campaign began. Period: an increment or a count over "
        "some months. Incident: one strike or one event. Only cumulative figures are charted."
    ),
    "geography": _("Where the deaths occurred."),
    "perpetrator": _("Whose strikes the figure is about."),
    "as_of": _(
        "The date the figure stands for, as precisely as the article gives it (a day, a month or a year)."
    ),
    "quote": _("The sentence that states the figure, word for word from the article."),
    "confidence": _(
        "The extractor's confidence in its reading, from 0 to 1; weakest first in the review queue."
    ),
    "review_status": _("Extracted and not reviewed yet, confirmed, or corrected by an editor."),
}


class MethodologyView(TemplateView):
    template_name = "ingest/methodology.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        qualifiers = dict(Estimate.Qualifier.choices)
        context.update(
            extractor_version=EXTRACTOR_VERSION,
            vague_rows=[
                {
                    "phrases": row.phrases,
                    "language": row.language,
                    "value": row.value,
                    "qualifier": qualifiers.get(row.qualifier, row.qualifier),
                }
                for row in VAGUE_PLURALS
            ],
            kinds=[{"label": kind.label, "meaning": meaning} for kind, meaning in KIND_MEANINGS.items()],
            default_casualty=Estimate.Casualty(CHART_DEFAULTS["casualty"]).label,
            default_victims=", ".join(str(label) for label in DEFAULT_GROUP["victims"]),
            default_geography=", ".join(str(label) for label in DEFAULT_GROUP["geography"]),
            default_perpetrator=", ".join(str(label) for label in DEFAULT_GROUP["perpetrator"]),
            fields=[_field_doc(name, meaning) for name, meaning in EXPLAINED_FIELDS.items()],
        )
        return context


def _field_doc(name, meaning):
    field = Estimate._meta.get_field(name)
    return {"name": name, "meaning": meaning, "choices": [label for _value, label in field.choices or []]}
