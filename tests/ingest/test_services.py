"""The pipeline's writes: storing an upload, processing it, re-extracting it."""

import datetime
import hashlib
import time

import pytest

from ingest.readers import UnreadableDocument
from ingest.services import gazetteer, report_create, report_process, report_reextract, reports_requeue_stale
from tests.factories import EstimateFactory, SourceFactory
from tracker.models import Estimate, Report, Source
from tracker.services import estimate_confirm, estimate_correct, estimate_reject

ARTICLE = (
    "The US-led coalition said on Friday that at least 603 civilians had been killed "
    "unintentionally by its strikes in Iraq and Syria since 2014. Airwars, a London-based "
    "monitor, says at least 4,354 civilians have been killed by coalition strikes."
)


@pytest.mark.django_db
def test_an_upload_is_stored_analysed_and_its_claimants_resolved(editor, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        report, created = report_create(data=ARTICLE.encode("utf-16"), filename="wire.txt", user=editor)
    assert created
    assert len(callbacks) == 1
    report.refresh_from_db()
    assert report.status == Report.Status.DONE
    assert report.attempts == 1
    assert report.uploaded_by == editor
    assert report.language == "en"
    assert report.original_file.name.endswith(".txt")
    values = {(e.source.name, e.value) for e in report.estimates.select_related("source")}
    assert ("US-led coalition", 603) in values
    assert ("Airwars", 4354) in values
    airwars = Source.objects.get(name="Airwars")
    assert airwars.kind == Source.Kind.INDEPENDENT
    assert not airwars.needs_review
    estimate = report.estimates.get(value=603)
    assert estimate.machine_reading["value"] == 603
    assert report.text[estimate.start : estimate.end] == "603"


@pytest.mark.django_db
def test_what_the_uploader_gives_wins_over_what_the_document_says(upload):
    html = (
        b'<html lang="fr"><head><meta property="og:site_name" content="Site"><meta name="date" '
        b'content="2017-07-08"></head><body><p>La coalition estime qu\'au moins 603 civils ont '
        b"\xc3\xa9t\xc3\xa9 tu\xc3\xa9s depuis 2014.</p></body></html>"
    )
    report = upload(data=html, outlet="Given", published="2017-07", language="en")
    assert (report.outlet, report.published_on, report.published_precision, report.language) == (
        "Given",
        datetime.date(2017, 7, 1),
        "month",
        "en",
    )
    other = upload(data=html.replace(b"603", b"604"))
    assert (other.outlet, other.published_on, other.language) == ("Site", datetime.date(2017, 7, 8), "fr")


@pytest.mark.django_db
def test_an_upload_stores_the_bytes_and_their_hash_and_reads_nothing_until_the_worker_does(
    django_capture_on_commit_callbacks,
):
    data = ARTICLE.encode("utf-16")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        report, created = report_create(data=data, filename="wire.txt")
    report.refresh_from_db()
    assert created and len(callbacks) == 1  # the task, sent once the row is committed
    assert (report.status, report.text, report.sha256, report.content_type) == (
        Report.Status.QUEUED,
        "",
        None,
        "",
    )
    assert report.original_sha256 == hashlib.sha256(data).hexdigest()
    assert report.title == "wire.txt"
    with report.original_file.open("rb") as original:
        assert original.read() == data

    callbacks[0]()  # the worker's turn (tasks run eagerly here)

    report.refresh_from_db()
    assert report.status == Report.Status.DONE
    assert report.text == ARTICLE and report.sha256 == hashlib.sha256(ARTICLE.encode()).hexdigest()
    assert report.original_sha256 == hashlib.sha256(data).hexdigest()  # the bytes' hash is kept apart


@pytest.mark.django_db
def test_the_same_bytes_again_return_the_report_already_stored_at_once():
    first, created = report_create(data=ARTICLE.encode("latin-1"), filename="one.txt")
    again, created_again = report_create(data=ARTICLE.encode("latin-1"), filename="copy.txt")
    assert created and not created_again
    assert again.pk == first.pk
    assert Report.objects.count() == 1


@pytest.mark.django_db
def test_the_same_text_in_other_bytes_is_kept_as_a_duplicate_pointing_to_the_first(upload, client):
    first = upload(text=ARTICLE + "\r\n\r\n")
    again = upload(data=ARTICLE.encode("latin-1"), filename="copy.txt")
    assert again.pk != first.pk
    assert (again.status, again.duplicate_of) == (Report.Status.DUPLICATE, first)
    assert not again.estimates.exists() and first.estimates.exists()
    with again.original_file.open("rb") as original:
        assert original.read() == ARTICLE.encode("latin-1")  # nothing lost
    assert again.title == first.title
    page = client.get(again.get_absolute_url()).content.decode()
    assert f'<a href="{first.get_absolute_url()}">' in page  # its public page points to the first


@pytest.mark.django_db
def test_a_first_line_of_combining_marks_gives_a_title_that_fits(upload):
    zalgo = "Z" + "\u0301\u0316\u0322" * 5000 + "\n" + ARTICLE
    report = upload(data=zalgo.encode(), filename="z" + "\u0301" * 3000 + ".txt")
    assert report.status == Report.Status.DONE, report.error
    assert 0 < len(report.title) <= 500


@pytest.mark.django_db
def test_a_refused_file_leaves_nothing_behind(settings):
    with pytest.raises(UnreadableDocument, match="PNG"):
        report_create(data=b"\x89PNG\r\n\x1a\n" + bytes(range(256)), filename="photo.txt")
    assert Report.objects.count() == 0
    assert not (settings.MEDIA_ROOT / "reports").exists()


@pytest.mark.django_db
def test_an_unknown_claimant_becomes_a_source_to_review(upload):
    # An embedded tweet's signature names a claimant the gazetteer does not know.
    report = upload(
        text="At least 41 civilians were killed by the coalition strike on Raqqa today "
        "— Raqqa Local Watch (@raqqawatch) June 8, 2017"
    )
    source = report.estimates.get(value=41).source
    assert source.name == "Raqqa Local Watch"
    assert source.needs_review


@pytest.mark.django_db
def test_only_the_coalitions_own_officials_are_marked_as_speaking_for_it(upload):
    report = upload(
        text="The US-led coalition said on Friday that at least 603 civilians had been killed by its "
        "strikes since 2014. Russia's defence ministry said coalition strikes had killed 20 civilians "
        "in Raqqa on Thursday. The Saudi-led coalition said 12 civilians died in Yemen."
    )
    marked = {e.source.name: e.source.coalition for e in report.estimates.all()}
    assert marked == {
        "US-led coalition": True,
        "Russian Defence Ministry": False,
        "Saudi-led coalition": False,
    }


@pytest.mark.django_db
def test_an_alias_an_editor_adds_is_used_by_the_next_extraction(upload):
    SourceFactory(name="Raqqa Monitor", kind=Source.Kind.INDEPENDENT, aliases=["RIBSS"])
    assert any(c.name == "Raqqa Monitor" and "RIBSS" in c.aliases for c in gazetteer())
    report = upload(text="RIBSS said that at least 41 civilians were killed by coalition strikes in Raqqa.")
    assert [e.source.name for e in report.estimates.all()] == ["Raqqa Monitor"]


@pytest.mark.django_db
def test_processing_twice_gives_the_same_figures(upload):
    report = upload(text=ARTICLE)
    before = sorted(report.estimates.values_list("source_id", "value", "start", "end"))
    Report.objects.filter(pk=report.pk).update(status=Report.Status.QUEUED)
    report_process(report_id=report.pk)
    report_process(report_id=report.pk)  # a redelivery after done: nothing to do
    report.refresh_from_db()
    assert report.status == Report.Status.DONE
    assert report.attempts == 2
    assert sorted(report.estimates.values_list("source_id", "value", "start", "end")) == before


@pytest.mark.django_db
def test_a_report_whose_worker_keeps_dying_ends_failed_after_the_bounded_attempts(settings):
    report, _ = report_create(text=ARTICLE)
    report.estimates.all().delete()
    Report.objects.filter(pk=report.pk).update(
        status=Report.Status.PROCESSING, attempts=settings.INGEST_MAX_ATTEMPTS
    )
    report_process(report_id=report.pk)
    report.refresh_from_db()
    assert report.status == Report.Status.FAILED
    assert "Gave up after 3 attempts" in report.error
    assert not report.estimates.exists()


@pytest.mark.django_db
def test_an_analysis_that_crashes_fails_the_report_with_the_reason(monkeypatch, upload):
    def broken(*args, **kwargs):
        raise RuntimeError("engine bug")

    monkeypatch.setattr("ingest.services.extract", broken)
    report = upload(text=ARTICLE)
    assert report.status == Report.Status.FAILED
    assert report.error == "The analysis failed: RuntimeError: engine bug"


@pytest.mark.django_db
def test_reextraction_replaces_machine_figures_and_keeps_editors_work_byte_identical(editor, upload):
    report = upload(text=ARTICLE)
    official, airwars = report.estimates.get(value=603), report.estimates.get(value=4354)
    estimate_correct(estimate=official, user=editor, value=604, editor_note="the release says 604")
    estimate_confirm(estimate=airwars, user=editor)
    stray = EstimateFactory(report=report, value=7, start=0, end=3, quote="The", machine_reading={})
    rejected = EstimateFactory(report=report, value=8, start=4, end=6, quote="US", machine_reading={})
    estimate_reject(estimate=rejected, user=editor, note="not a figure")
    reviewed = Estimate.objects.reviewed() | Estimate.objects.filter(review_status="rejected")
    snapshot = {e.pk: e.__dict__.copy() for e in reviewed.filter(report=report)}
    for row in snapshot.values():
        row.pop("_state")

    report_reextract(report=report)

    assert not Estimate.objects.filter(pk=stray.pk).exists()
    for pk, row in snapshot.items():
        current = Estimate.objects.get(pk=pk).__dict__.copy()
        current.pop("_state")
        assert current == row
    # the engine reads 603 and 4,354 again, but they are the editors' now: no duplicates
    assert report.estimates.filter(start=official.start).count() == 1
    assert report.estimates.filter(start=airwars.start).count() == 1


@pytest.mark.django_db
def test_reports_left_queued_are_sent_again_by_the_sweep(upload):
    report = upload(text=ARTICLE)
    Report.objects.filter(pk=report.pk).update(status=Report.Status.QUEUED, attempts=0)
    report.estimates.all().delete()
    assert reports_requeue_stale(older_than=datetime.timedelta(hours=1)) == 0
    assert reports_requeue_stale(older_than=datetime.timedelta(0)) == 1
    report.refresh_from_db()
    assert report.status == Report.Status.DONE
    assert report.estimates.exists()


@pytest.mark.django_db
def test_an_upload_is_kept_queued_and_answers_fast_when_the_broker_is_down(
    django_capture_on_commit_callbacks, caplog
):
    from tracker.celery import app

    app.conf.task_always_eager = False
    write_url, producers = app.conf.broker_write_url, app.amqp._producer_pool
    app.conf.broker_write_url, app.amqp._producer_pool = "redis://127.0.0.1:1/0", None  # nobody listens
    try:
        started = time.monotonic()
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            report, created = report_create(text=ARTICLE)
        elapsed = time.monotonic() - started
    finally:
        app.conf.broker_write_url, app.amqp._producer_pool = write_url, producers
    assert created and len(callbacks) == 1
    assert "stays queued, the broker is unreachable" in caplog.text
    report.refresh_from_db()
    assert report.status == Report.Status.QUEUED
    assert elapsed < 2.5, f"the upload took {elapsed:.1f}s with the broker down"
    print(f"upload with the broker down answered in {elapsed:.2f}s")


@pytest.mark.slow
@pytest.mark.django_db
def test_a_figure_in_a_9_mb_run_on_sentence_keeps_600_characters_and_public_pages_stay_small(
    client, django_capture_on_commit_callbacks
):
    """The probe: one article whose figure sat in a 9 MB "sentence" made / and series/ 9 MB."""
    filler = "and the strikes went on across the river towns while residents waited " * 65_000
    statement = (
        "that at least 4,354 civilians have been killed by coalition strikes in Iraq and Syria since 2014"
    )
    text = f"Airwars said {filler}{statement} {filler}."
    assert len(text) > 9_000_000

    with django_capture_on_commit_callbacks(execute=True):
        report, _ = report_create(text=text, published="2017-03-01", language="en")

    estimate = Estimate.objects.get(report=report, value=4354)
    assert "4,354 civilians" in estimate.quote and len(estimate.quote) <= 610
    assert estimate.machine_reading["quote"] == estimate.quote
    assert text[estimate.start : estimate.end] == "4,354"
    for url in ["/", "/api/v1/series/", "/api/v1/estimates/", "/figures/", "/reports/"]:
        response = client.get(url)
        assert response.status_code == 200
        assert len(response.content) < 200_000, url
    assert "4,354" in client.get("/api/v1/series/").content.decode()
