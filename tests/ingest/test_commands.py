"""manage.py ingest, reextract and loaddemo."""

import logging
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from tracker.models import Estimate, Report, Source


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    """Return a function that runs a command and the tasks its commits queue."""

    def run(*args):
        out = StringIO()
        with django_capture_on_commit_callbacks(execute=True):
            call_command(*args, stdout=out, stderr=StringIO())
        return out.getvalue()

    return run


@pytest.mark.django_db
def test_ingest_stores_the_seeds_once_and_reports_duplicates_the_second_time(seeds_dir, run):
    paths = sorted(str(p) for p in seeds_dir.glob("*.txt"))
    first = run("ingest", *paths)
    assert Report.objects.count() == 5
    assert Report.objects.done().count() == 5
    assert Estimate.objects.count() > 5
    assert "New: 5" in first
    estimates = Estimate.objects.count()

    second = run("ingest", str(seeds_dir / "*.txt"))  # a quoted glob works too
    assert "New: 0" in second and "Duplicates: 5" in second
    assert "already stored as report" in second
    assert (Report.objects.count(), Estimate.objects.count()) == (5, estimates)


@pytest.mark.django_db
def test_ingest_keeps_an_unreadable_file_says_why_its_report_failed_and_exits_non_zero(tmp_path, run):
    binary = tmp_path / "article.txt"
    binary.write_bytes(bytes(range(256)) * 20)
    out = StringIO()
    with pytest.raises(CommandError, match="1 file"):
        call_command("ingest", str(binary), stdout=out, stderr=StringIO())
    report = Report.objects.get()
    assert report.status == Report.Status.FAILED and report.original_file
    assert f"report {report.pk} (article.txt): The file is neither text nor HTML nor PDF" in out.getvalue()


@pytest.mark.django_db
def test_ingest_refuses_a_known_binary_format_at_once_and_leaves_nothing(tmp_path, settings, run):
    image = tmp_path / "article.txt"
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    with pytest.raises(CommandError, match="1 file"):
        run("ingest", str(image))
    assert Report.objects.count() == 0
    assert not (settings.MEDIA_ROOT / "reports").exists()


@pytest.mark.django_db
def test_ingest_reads_a_text_after_forty_html_comments_as_text(tmp_path, run):
    """The probe's case: the type check backtracked on leading comments and the command hung."""
    path = tmp_path / "c.txt"
    path.write_text("<!-- x -->\n" * 40 + "The coalition said at least 603 civilians were killed since 2014.")
    out = run("ingest", str(path))
    assert "New: 1 (done 1" in out
    assert Report.objects.get().content_type == "text/plain"


@pytest.mark.django_db
def test_ingest_tells_which_file_has_the_text_of_another_and_points_to_it(tmp_path, run):
    article = "The coalition said at least 603 civilians were killed since 2014."
    (tmp_path / "a.txt").write_text(article, encoding="utf-8")
    (tmp_path / "b.txt").write_text(article, encoding="utf-16")  # other bytes, the same text
    out = run("ingest", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"))
    first = Report.objects.get(status=Report.Status.DONE)
    assert "New: 1 " in out and "Duplicates: 1" in out
    assert f"b.txt: the same text as report {first.pk}" in out
    assert Report.objects.get(status=Report.Status.DUPLICATE).duplicate_of == first


@pytest.mark.django_db
def test_ingest_takes_folders_and_the_metadata_given(tmp_path, run):
    (tmp_path / "a.txt").write_text("The coalition said at least 603 civilians were killed since 2014.")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("Airwars said at least 4,354 civilians were killed since 2014.")
    out = run("ingest", str(tmp_path), "--published", "2017-07", "--language", "en", "--outlet", "Wire")
    assert "New: 2" in out
    assert set(Report.objects.values_list("outlet", "language", "published_precision")) == {
        ("Wire", "en", "month")
    }


@pytest.mark.django_db
def test_ingest_names_the_reason_of_each_failure(tmp_path, run):
    (tmp_path / "empty.txt").write_bytes(b"")
    out = StringIO()
    with pytest.raises(CommandError, match="2 file"):
        call_command("ingest", str(tmp_path / "empty.txt"), str(tmp_path / "missing.txt"), stdout=out)
    assert "empty.txt: The file is empty." in out.getvalue()
    assert "missing.txt: cannot read the file" in out.getvalue()


@pytest.mark.django_db
def test_reextract_keeps_what_editors_reviewed(tmp_path, editor, run):
    (tmp_path / "a.txt").write_text("The coalition said at least 603 civilians were killed since 2014.")
    run("ingest", str(tmp_path / "a.txt"))
    estimate = Estimate.objects.get(value=603)
    Estimate.objects.filter(pk=estimate.pk).update(review_status="confirmed", value=604)
    out = run("reextract", "--all")
    assert "Re-extracted 1 report(s)." in out
    assert list(Estimate.objects.values_list("value", "review_status")) == [(604, "confirmed")]
    with pytest.raises(CommandError, match="No report 999"):
        run("reextract", "--report", "999")


@pytest.mark.django_db
def test_loaddemo_loads_the_samples_through_the_pipeline_and_is_idempotent(run):
    first = run("loaddemo")
    reports = Report.objects.count()
    assert reports >= 8
    assert Report.objects.done().count() == reports
    chart = Estimate.objects.for_chart()
    official = sorted(chart.official().values_list("value", flat=True))
    assert {119, 352, 484, 603, 1302} <= set(official), official
    everywhere = Estimate.objects.for_chart(geography=None).exclude(source__kind=Source.Kind.OFFICIAL)
    independent = set(everywhere.values_list("source__name", flat=True))
    assert "Airwars" in independent and independent & {"SOHR", "Amnesty International"}, independent
    assert chart.filter(source__name="Airwars", qualifier="range").exists()
    assert Report.objects.exclude(url="").count() == reports
    assert "Failed: 0" in first
    estimates = Estimate.objects.count()
    second = run("loaddemo")
    assert f"Duplicates: {reports}" in second
    assert (Report.objects.count(), Estimate.objects.count()) == (reports, estimates)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_ingest_keeps_the_line_each_task_logs_out_of_its_progress_bar_unless_asked(tmp_path, caplog):
    """In a real run the eager task runs inside the command, as the upload commits."""
    caplog.set_level(logging.INFO)
    for name, value in [("a", 603), ("b", 604)]:
        (tmp_path / f"{name}.txt").write_text(f"The coalition said at least {value} civilians were killed.")

    call_command("ingest", str(tmp_path / "a.txt"), stdout=StringIO(), stderr=StringIO())
    quiet = [r for r in caplog.records if r.name.startswith("celery")]
    call_command("ingest", str(tmp_path / "b.txt"), "-v", "2", stdout=StringIO(), stderr=StringIO())
    asked = [r for r in caplog.records if r.name.startswith("celery")]

    assert Report.objects.done().count() == 2
    assert quiet == []
    assert any("succeeded" in r.getMessage() for r in asked)
