"""The benchmarks' pure helpers and their data generator; the benchmarks themselves never run here."""

from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from bench.corpus import corpus, text_of_size
from bench.reads import percentile
from bench.table import Row, render
from tests.factories import ReportFactory
from tracker.management.commands.scaledata import GENERATED_OUTLET
from tracker.models import Estimate, Report

ROOT = Path(__file__).resolve().parents[2]


def test_the_corpus_is_distinct_articles_of_about_three_kilobytes_in_both_languages():
    articles = corpus(60)
    assert len({text for _language, text in articles}) == 60
    assert {language for language, _text in articles} == {"en", "fr"}
    assert all(2_800 <= len(text.encode()) <= 4_500 for _language, text in articles)
    assert "Casualty Tracker" not in "".join(text for _language, text in articles)


def test_a_text_of_a_size_has_that_size():
    assert len(text_of_size(10_000)) == 10_000


def test_the_95th_percentile_is_a_measured_value():
    assert percentile(list(range(1, 101)), 0.95) == 95
    assert percentile([7.0], 0.95) == 7.0


def test_the_table_marks_a_missed_target():
    table = render(
        [Row("4 reads", "p95", 80.0, "ms", "<= 50", False), Row("1", "rate", 310.0, "/s", ">= 300", True)]
    )
    assert "MISSED" in table.splitlines()[2] and table.splitlines()[3].endswith("ok")


def test_bench_tools_are_pinned():
    for line in (ROOT / "bench" / "requirements.txt").read_text().splitlines():
        line = line.split("#")[0].strip()
        assert not line or "==" in line, line


@pytest.mark.django_db
def test_scaledata_writes_the_figures_asked_for_once():
    call_command("scaledata", "--estimates", "45", "--per-report", "10")
    assert Estimate.objects.filter(report__outlet=GENERATED_OUTLET).count() == 50  # whole reports
    call_command("scaledata", "--estimates", "45", "--per-report", "10")
    assert Report.objects.count() == 5


@pytest.mark.django_db
def test_scaledata_refuses_a_database_holding_real_reports():
    ReportFactory(outlet="Le Monde")
    with pytest.raises(CommandError, match="did not generate"):
        call_command("scaledata", "--estimates", "10")
