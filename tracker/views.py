"""Public pages: the dashboard, claimants and reports."""

from django.views.generic import DetailView, TemplateView

from tracker.models import Estimate, Report, Source
from tracker.series import build_series, chart_estimates


class DashboardView(TemplateView):
    template_name = "tracker/dashboard.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["series"] = build_series(chart_estimates())
        context["estimate_count"] = Estimate.objects.public().count()
        return context


class ReportDetailView(DetailView):
    model = Report

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["estimates"] = self.object.estimates.public().select_related("source")
        return context


class SourceDetailView(DetailView):
    model = Source

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["estimates"] = (
            self.object.estimates.public().select_related("report").order_by("as_of", "pk")
        )
        return context
