import datetime

import pytest
from django.db import IntegrityError, transaction

from tests.factories import EstimateFactory, ReportFactory, SourceFactory
from tracker.models import Estimate, Source

pytestmark = pytest.mark.django_db


IMPOSSIBLE = {
    "estimate_value_max_not_below_value": {"value": 20, "value_max": 10, "qualifier": "range"},
    "estimate_range_has_max": {"qualifier": "range", "value_max": None},
    "estimate_start_before_end": {"start": 20, "end": 12},
    "estimate_confidence_between_0_and_1": {"confidence": 1.5},
    "estimate_period_starts_before_as_of": {
        "period_start": datetime.date(2018, 1, 1),
        "as_of": datetime.date(2017, 1, 1),
    },
}


@pytest.mark.parametrize(
    "fields",
    [
        {"value": 20, "value_max": 10, "qualifier": "range"},
        {"qualifier": "range", "value_max": None},
        {"start": 12, "end": 12},
        {"start": 20, "end": 12},
        {"confidence": 1.5},
        {"confidence": -0.1},
        {"period_start": datetime.date(2018, 1, 1), "as_of": datetime.date(2017, 1, 1)},
    ],
    ids=[
        "max-below-min",
        "range-without-max",
        "empty-span",
        "reversed-span",
        "confidence>1",
        "confidence<0",
        "period-after-as-of",
    ],
)
def test_the_database_refuses_an_impossible_estimate(fields):
    with pytest.raises(IntegrityError):
        EstimateFactory(**fields)


def test_the_python_check_of_the_constraints_names_each_one_the_database_enforces():
    """Bulk writes check rows in Python (Estimate.violated_constraints): it must know them all."""
    enforced = {c.name for c in Estimate._meta.constraints if hasattr(c, "condition")}
    assert set(IMPOSSIBLE) == enforced
    for name, fields in IMPOSSIBLE.items():
        estimate = EstimateFactory.build(report=ReportFactory(), source=SourceFactory(), **fields)
        assert estimate.violated_constraints() == [name]
        with pytest.raises(IntegrityError), transaction.atomic():
            estimate.save()
    assert EstimateFactory.build().violated_constraints() == []


def test_it_accepts_a_range_whose_max_is_above_its_min():
    estimate = EstimateFactory(value=3923, value_max=6102, qualifier="range")
    assert estimate.display_value == "between 3,923 and 6,102"


def test_the_same_article_text_is_stored_once():
    ReportFactory(sha256="a" * 64)
    with pytest.raises(IntegrityError):
        ReportFactory(sha256="a" * 64)


def test_a_failed_report_must_say_why():
    with pytest.raises(IntegrityError):
        ReportFactory(status="failed", error="")


@pytest.mark.parametrize(
    "name",
    [
        "OSDH",
        "osdh",
        "SOHR",
        "Observatoire syrien des droits de l'Homme",
        "OBSERVATOIRE SYRIEN DES DROITS DE L’HOMME",
        "Observatoire  Syrien des Droits de l'homme",
    ],
)
def test_a_source_is_found_by_any_alias_ignoring_case_and_accents(name):
    sohr = SourceFactory(name="SOHR", aliases=["OSDH", "Observatoire syrien des droits de l'Homme"])
    assert list(Source.objects.matching(name)) == [sohr]


def test_accents_do_not_matter_in_alias_matching():
    un = SourceFactory(name="UN", aliases=["Organisation des Nations unies", "ONU"])
    assert Source.objects.matching("organisation des nations unies").get() == un
    assert Source.objects.matching("Organisátion des Natiöns Unies").get() == un


def test_a_partial_name_does_not_match():
    SourceFactory(name="SOHR", aliases=["OSDH"])
    assert not Source.objects.matching("SOH").exists()
    assert not Source.objects.matching("").exists()


def test_an_alias_added_by_an_editor_matches_at_once():
    airwars = SourceFactory(name="Airwars")
    airwars.aliases.append("Airwars.org")
    airwars.save()
    assert Source.objects.matching("airwars.org").get() == airwars


def test_the_unattributed_source_exists_after_migrations():
    source = Source.objects.get(slug="unattributed")
    assert source.kind == Source.Kind.UNATTRIBUTED
    assert Source.unattributed() == source


def test_public_figures_never_include_rejected_ones():
    kept = EstimateFactory()
    EstimateFactory(review_status=Estimate.ReviewStatus.REJECTED)
    assert list(Estimate.objects.public()) == [kept]


def test_the_review_queue_puts_the_weakest_first():
    strong = EstimateFactory(confidence=0.9)
    weak = EstimateFactory(confidence=0.2)
    EstimateFactory(confidence=0.1, review_status=Estimate.ReviewStatus.CONFIRMED)
    assert list(Estimate.objects.review_queue()) == [weak, strong]


def test_every_change_to_an_estimate_is_kept_in_its_history():
    estimate = EstimateFactory(value=600)
    estimate.value = 603
    estimate.save()
    assert [h.value for h in estimate.history.order_by("history_date")] == [600, 603]
