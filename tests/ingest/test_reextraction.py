"""Re-extraction keeps the identity of what it reads again, and writes in a fixed number of queries.

A figure read again at the same place (same offsets, or the same value and claimant in the
same sentence once the text moved) keeps its id; a reading that is gone leaves a tombstone;
an editor's figure never changes. The real engine reads every article here.
"""

import pytest

from ingest.services import report_create, report_process, report_reextract
from tracker.models import Estimate, EstimateTombstone, Report, Source
from tracker.services import estimate_correct

pytestmark = pytest.mark.django_db

ARTICLE = (
    "The US-led coalition said on Friday that at least 603 civilians had been killed "
    "unintentionally by its strikes in Iraq and Syria since 2014. Airwars, a London-based "
    "monitor, says at least 4,354 civilians have been killed by coalition strikes."
)
CLAIMANTS = ["Airwars", "The US-led coalition", "The Syrian Observatory for Human Rights"]


def article_of(count):
    """Return an article stating `count` figures, one a sentence, by three known claimants."""
    return " ".join(
        f"{CLAIMANTS[i % 3]} said on Monday that {100 + 7 * i} civilians were killed by coalition "
        f"strikes in Mosul in week {i + 1} of the battle."
        for i in range(count)
    )


def rows(report):
    """Every column of the report's figures as stored, by id."""
    return {row["id"]: row for row in Estimate.objects.filter(report=report).values()}


def rewrite(report, text):
    """Give the report another text, as if the article had been corrected and read again."""
    Report.objects.filter(pk=report.pk).update(text=text)
    report.refresh_from_db()


def test_re_extracting_an_unchanged_report_keeps_every_id_and_changes_nothing(upload):
    report = upload(text=ARTICLE)
    before = rows(report)
    history = Estimate.history.filter(report_id=report.pk).count()

    report_reextract(report=report)
    report_reextract(report=report)

    assert rows(report) == before  # same ids, not a byte changed, updated_at included
    assert Estimate.history.filter(report_id=report.pk).count() == history
    assert not EstimateTombstone.objects.exists()


def test_figures_read_in_the_same_sentence_keep_their_ids_when_the_text_moved(upload):
    report = upload(text=ARTICLE)
    before = {e.value: e for e in report.estimates.all()}
    rewrite(report, "Updated on Monday. " + ARTICLE)

    report_reextract(report=report)

    after = {e.value: e for e in report.estimates.all()}
    assert {v: e.pk for v, e in after.items()} == {v: e.pk for v, e in before.items()}
    for value, estimate in after.items():
        assert estimate.start == before[value].start + len("Updated on Monday. ")
        assert estimate.machine_reading["start"] == estimate.start
        record = estimate.history.latest()
        assert (record.history_type, record.history_user) == ("~", None)
        assert record.history_change_reason.startswith("Re-read by the machine")
        assert "start, end" in record.history_change_reason


def test_a_figure_read_at_the_same_offsets_keeps_its_id_and_takes_the_new_value(upload):
    report = upload(text=ARTICLE)
    airwars = report.estimates.get(value=4354)
    rewrite(report, ARTICLE.replace("4,354", "4,400"))

    report_reextract(report=report)

    airwars.refresh_from_db()
    assert (airwars.value, airwars.machine_reading["value"]) == (4400, 4400)
    assert "value" in airwars.history.latest().history_change_reason
    assert report.estimates.count() == 2


def test_a_reading_that_is_gone_is_removed_with_a_tombstone_and_a_new_one_gets_a_new_id(upload):
    report = upload(text=ARTICLE)
    official, airwars = report.estimates.get(value=603), report.estimates.get(value=4354)
    # The 603 sentence is reworded (a new reading), Airwars' sentence only moves.
    rewrite(report, ARTICLE.replace("on Friday", "on Friday in a statement"))

    report_reextract(report=report)

    assert not Estimate.objects.filter(pk=official.pk).exists()
    tombstone = EstimateTombstone.objects.get()
    assert tombstone.estimate_id == official.pk
    assert tombstone.reason.startswith("No longer read by the machine")
    assert Estimate.history.filter(id=official.pk, history_type="-").exists()
    new = report.estimates.get(value=603)
    assert new.pk > airwars.pk
    assert report.estimates.get(value=4354).pk == airwars.pk


def test_a_reviewed_figure_stays_byte_identical_and_is_not_duplicated_when_the_text_moved(editor, upload):
    report = upload(text=ARTICLE)
    official = report.estimates.get(value=603)
    estimate_correct(estimate=official, user=editor, value=604, editor_note="the release says 604")
    reviewed = Estimate.objects.filter(pk=official.pk).values().get()
    rewrite(report, "Updated on Monday. " + ARTICLE)

    report_reextract(report=report)

    assert Estimate.objects.filter(pk=official.pk).values().get() == reviewed
    assert report.estimates.count() == 2  # no second 603 beside the editor's 604


def test_a_note_on_an_unreviewed_figure_survives_re_extraction(editor, upload):
    report = upload(text=ARTICLE)
    airwars = report.estimates.get(value=4354)
    estimate_correct(estimate=airwars, user=editor, editor_note="check the monitor's site")
    rewrite(report, "Updated on Monday. " + ARTICLE)

    report_reextract(report=report)

    airwars.refresh_from_db()
    assert (airwars.editor_note, airwars.review_status) == ("check the monitor's site", "extracted")


# --- Queries ------------------------------------------------------------------------------


@pytest.fixture
def known_claimants(upload):
    """The claimants of article_of() already stored, as they are after the first articles."""
    upload(text=article_of(3))
    assert Source.objects.count() >= 3


@pytest.mark.parametrize("count", [3, 30])
def test_reading_and_processing_an_article_takes_at_most_13_queries_whatever_its_number_of_figures(
    known_claimants, count, django_assert_max_num_queries
):
    report, _ = report_create(text=article_of(count) + " That is all.")  # the task is not run

    with django_assert_max_num_queries(13):  # 12 to process, one to store what was read
        report_process(report_id=report.pk)

    assert report.estimates.count() == count


@pytest.mark.parametrize("count", [3, 30])
def test_re_extraction_takes_a_fixed_number_of_queries_whatever_it_changes(
    known_claimants, upload, count, django_assert_max_num_queries
):
    report = upload(text=article_of(count))
    # Every kind of change at once: figures moved, one gone, one new.
    rewrite(report, "Updated. " + article_of(count + 1).split(". ", 1)[1])

    with django_assert_max_num_queries(14):
        report_reextract(report=report)

    assert EstimateTombstone.objects.count() == 1
    assert report.estimates.count() == count
