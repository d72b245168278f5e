"""The public pages' filter forms: URL parameters in, selector keyword arguments out.

Every choice lives in the query string, so a view can be shared and bookmarked. A bad value
gives a form error on the page and falls back to the default; it never fails the page.
"""

import inspect

from django import forms
from django.db.models import Exists, F, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from tracker.models import Estimate, EstimateQuerySet, Source

# The areas a campaign total is counted over; "other" and "unknown" compare with nothing.
CHART_GEOGRAPHIES = ("iraq_syria", "iraq", "syria", "afghanistan")

# The chart's like-with-like defaults are for_chart's own: one place states them.
CHART_DEFAULTS = {
    name: parameter.default
    for name, parameter in inspect.signature(EstimateQuerySet.for_chart).parameters.items()
    if parameter.kind is inspect.Parameter.KEYWORD_ONLY
}


def _bind_with_defaults(data, defaults):
    """Return a copy of the query string where each missing field holds its default."""
    bound = data.copy()
    for name, default in defaults.items():
        if name not in bound and default is not None:
            bound.setlist(name, list(default) if isinstance(default, tuple | list) else [default])
    return bound


def _date_range_errors(form, cleaned):
    since, until = cleaned.get("since"), cleaned.get("until")
    if since and until and since > until:
        form.add_error("until", _("The end date must not be before the start date."))


class ChartFilterForm(forms.Form):
    """The dashboard's controls; `chart_filters()` turns them into `for_chart` arguments."""

    casualty = forms.ChoiceField(label=_("Casualty"), choices=Estimate.Casualty)
    # One geography and one victim group at a time: a line, its gap and its ratio then only
    # ever join figures that count the same thing.
    victims = forms.ChoiceField(label=_("Victims"), choices=Estimate.Victims, widget=forms.RadioSelect)
    geography = forms.ChoiceField(
        label=_("Geography"),
        choices=[c for c in Estimate.Geography.choices if c[0] in CHART_GEOGRAPHIES],
        widget=forms.RadioSelect,
        help_text=_("Each claimant is compared only with figures counted over the same area."),
    )
    claimants = forms.MultipleChoiceField(
        label=_("Other claimants"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "None ticked: every claimant. The official line is drawn whenever the official side "
            "states a figure for this geography."
        ),
    )
    independent = forms.ChoiceField(
        label=_("Gap measured against"),
        required=False,
        help_text=_("Default: the independent claimant with the most figures."),
    )
    reviewed_only = forms.BooleanField(label=_("Reviewed figures only"), required=False)
    since = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    until = forms.DateField(label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, data, **kwargs):
        defaults = {name: CHART_DEFAULTS[name] for name in ("casualty", "victims", "geography")}
        super().__init__(_bind_with_defaults(data, defaults), **kwargs)
        claimants = [(s.slug, s.name) for s in charted_claimants()]
        self.fields["claimants"].choices = claimants
        self.fields["independent"].choices = [("", _("(default)")), *claimants]

    def clean(self):
        cleaned = super().clean()
        _date_range_errors(self, cleaned)
        return cleaned

    def chart_filters(self):
        """Return `for_chart` keyword arguments from the valid choices (defaults for the rest)."""
        self.is_valid()
        cleaned = self.cleaned_data
        filters = {}
        if cleaned.get("casualty"):
            filters["casualty"] = cleaned["casualty"]
        for name in ("victims", "geography"):
            if cleaned.get(name):
                filters[name] = (cleaned[name],)
        if cleaned.get("claimants"):
            filters["sources"] = tuple(cleaned["claimants"])
        if cleaned.get("reviewed_only"):
            filters["reviewed_only"] = True
        if cleaned.get("since"):
            filters["since"] = cleaned["since"]
        if cleaned.get("until"):
            filters["until"] = cleaned["until"]
        return filters

    def chosen(self, name):
        """Return the valid choice of a single-choice field, or the chart's default."""
        self.is_valid()
        default = CHART_DEFAULTS[name]
        return self.cleaned_data.get(name) or (default[0] if isinstance(default, tuple) else default)

    @property
    def geography_label(self):
        return Estimate.Geography(self.chosen("geography")).label

    @property
    def victims_label(self):
        return Estimate.Victims(self.chosen("victims")).label

    def independent_slug(self):
        """Return the slug of the claimant the gap is measured against, or None for the default."""
        self.is_valid()
        return self.cleaned_data.get("independent") or None


def charted_claimants():
    """Return the claimants besides the coalition's own that have at least one figure a chart could show."""
    # A semi-join stops at each claimant's first such figure; joining every figure and then
    # DISTINCT cost ~100 ms per dashboard at 100,000 estimates.
    charted = Estimate.objects.public().cumulative().filter(as_of__isnull=False, source=OuterRef("pk"))
    return (
        Source.objects.exclude(kind=Source.Kind.OFFICIAL, coalition=True)
        .filter(Exists(charted))
        .order_by("name")
    )


class FigureFilterForm(forms.Form):
    """The figures table's filters and sort order."""

    # Figures without a date go last whichever way the dates are sorted.
    ORDERINGS = {
        "as_of": (F("as_of").asc(nulls_last=True), "pk"),
        "-as_of": (F("as_of").desc(nulls_last=True), "-pk"),
        "value": ("value", "pk"),
        "-value": ("-value", "-pk"),
        "claimant": ("source__name", F("as_of").asc(nulls_last=True), "pk"),
        "-claimant": ("-source__name", F("as_of").desc(nulls_last=True), "-pk"),
        "published": (F("report__published_on").asc(nulls_last=True), "pk"),
        "-published": (F("report__published_on").desc(nulls_last=True), "-pk"),
    }

    q = forms.CharField(label=_("Quote contains"), required=False, max_length=200)
    claimant = forms.ModelChoiceField(
        label=_("Claimant"),
        queryset=Source.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("(all)"),
    )
    kind = forms.ChoiceField(
        label=_("Claimant kind"), choices=[("", _("(all)")), *Source.Kind.choices], required=False
    )
    scope = forms.ChoiceField(
        label=_("Scope"), choices=[("", _("(all)")), *Estimate.Scope.choices], required=False
    )
    casualty = forms.ChoiceField(
        label=_("Casualty"), choices=[("", _("(all)")), *Estimate.Casualty.choices], required=False
    )
    victims = forms.ChoiceField(
        label=_("Victims"), choices=[("", _("(all)")), *Estimate.Victims.choices], required=False
    )
    geography = forms.ChoiceField(
        label=_("Geography"), choices=[("", _("(all)")), *Estimate.Geography.choices], required=False
    )
    review_status = forms.ChoiceField(
        label=_("Review"),
        choices=[("", _("(all)")), *[c for c in Estimate.ReviewStatus.choices if c[0] != "rejected"]],
        required=False,
    )
    since = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    until = forms.DateField(label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[
            ("as_of", _("as of, oldest first")),
            ("-as_of", _("as of, newest first")),
            ("value", _("value, smallest first")),
            ("-value", _("value, largest first")),
            ("claimant", _("claimant, A to Z")),
            ("-claimant", _("claimant, Z to A")),
            ("published", _("published, oldest first")),
            ("-published", _("published, newest first")),
        ],
    )

    def clean(self):
        cleaned = super().clean()
        _date_range_errors(self, cleaned)
        return cleaned

    def filter(self, estimates):
        """Return `estimates` narrowed by the valid filters and sorted; invalid ones are ignored."""
        self.is_valid()
        cleaned = self.cleaned_data
        conditions = Q()
        if cleaned.get("q"):
            conditions &= Q(quote__icontains=cleaned["q"])
        if cleaned.get("claimant"):
            conditions &= Q(source=cleaned["claimant"])
        if cleaned.get("kind"):
            conditions &= Q(source__kind=cleaned["kind"])
        for name in ("scope", "casualty", "victims", "geography", "review_status"):
            if cleaned.get(name):
                conditions &= Q(**{name: cleaned[name]})
        if cleaned.get("since"):
            conditions &= Q(as_of__gte=cleaned["since"])
        if cleaned.get("until"):
            conditions &= Q(as_of__lte=cleaned["until"])
        ordering = self.ORDERINGS[cleaned.get("sort") or "as_of"]
        return estimates.filter(conditions).order_by(*ordering)
