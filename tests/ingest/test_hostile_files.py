"""A corpus of hostile files, made here: each is refused, failed or processed, with a clear status, fast.

"Refused" is a 400 naming the reason, with no report row and no file left behind: what the upload
itself can tell in constant time (empty, a known binary format). Everything else is stored as
sent and read by the worker: "failed" is a report that ends failed with the reason, its file kept;
"processed" one that ends done or failed with its error. Nothing answers 500, nothing takes more
than 30 seconds, and a real worker that went through all of them is still running.
"""

import io
import random
import time
import zlib

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from ingest import readers
from ingest.readers import UnreadableDocument, read_document
from ingest.services import report_create
from tests.ingest.documents import pdf_of, pdf_with_text
from tests.workers import running_worker, wait_for
from tracker.models import Report

ARTICLE = "The US-led coalition said at least 603 civilians were killed by its strikes in Iraq and Syria."
SECONDS = 30

# --- The corpus ---------------------------------------------------------------------------------


def pdf(objects, *, prev_self=False):
    """Return a PDF of these objects; `prev_self`: its xref section names itself as the previous one."""
    if not prev_self:
        return pdf_of(objects)
    xref = pdf_of(objects).rindex(b"xref\n")  # the trailer comes after it: the offset holds
    return pdf_of(objects, trailer=b" /Prev %d" % xref)


CATALOG = b"<< /Type /Catalog /Pages 2 0 R >>"
FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
TEXT = f"BT /F1 11 Tf 72 720 Td ({ARTICLE}) Tj ET".encode()


def page(contents=4, font=5):
    return (
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
        b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (contents, font)
    )


def stream(data, filters=b""):
    return b"<< /Length %d%s >>\nstream\n" % (len(data), filters) + data + b"\nendstream"


def xref_loop():
    single = b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"
    return pdf([CATALOG, single, page(), stream(TEXT), FONT], prev_self=True)


def page_tree_cycle():
    return pdf([CATALOG, b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>", page(), stream(TEXT), FONT])


def nested_compression_bomb(megabytes=100):
    """A page whose content is zeros deflated twice: 1 KB on disk, `megabytes` MB once read."""
    inner = zlib.compressobj(9)
    zeros = b"0" * (1024 * 1024)
    deflated = b"".join(inner.compress(zeros) for _ in range(megabytes)) + inner.flush()
    content = stream(zlib.compress(deflated, 9), b" /Filter [/FlateDecode /FlateDecode]")
    return pdf([CATALOG, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", page(), content, FONT])


def many_pages(count):
    kids = b" ".join(b"%d 0 R" % (4 + i) for i in range(count))
    pages = [page(contents=3, font=4 + count) for _ in range(count)]
    return pdf(
        [CATALOG, b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count), stream(TEXT), *pages, FONT]
    )


def encrypted_pdf():
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_with_text(ARTICLE))))
    writer.encrypt("secret", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def corpus():
    """Return {name: (bytes, expected)}: expected is "refused", "failed" or "processed"."""
    sample_pdf = pdf_with_text(ARTICLE)
    deep = 50_000
    return {
        "empty": (b"", "refused"),
        "blank": (b" \n\t\r\n ", "refused"),
        "only NULs": (b"\x00" * 4096, "failed"),
        "random binary": (random.Random(8).randbytes(64 * 1024), "failed"),
        "PNG named .txt": (b"\x89PNG\r\n\x1a\n" + bytes(200), "refused"),
        "invalid UTF-8": (ARTICLE.encode() + b" \xc3\x28 \xa0\xa1 \xff\xfe\xfd", "processed"),
        "UTF-16 without BOM": (ARTICLE.encode("utf-16-le"), "processed"),
        "NULs inside text": (ARTICLE.replace(" ", " \x00").encode(), "processed"),
        "truncated PDF": (sample_pdf[: len(sample_pdf) // 2], "failed"),
        "PDF header then garbage": (b"%PDF-1.7\n" + random.Random(9).randbytes(8192), "failed"),
        "encrypted PDF": (encrypted_pdf(), "failed"),
        "PDF whose xref loops": (xref_loop(), "processed"),
        "PDF whose page tree loops": (page_tree_cycle(), "failed"),
        "nested compressed stream": (nested_compression_bomb(), "failed"),
        "PDF over the page limit": (many_pages(settings.INGEST_PDF_MAX_PAGES + 1), "failed"),
        "deeply nested HTML": (
            b"<html><body>" + b"<div>" * deep + ARTICLE.encode() + b"</div>" * deep + b"</body></html>",
            "failed",  # lxml stops at its depth limit: no text is found, and it says so
        ),
        "HTML with scripts, styles and NULs": (
            b"<html><head><style>p{}</style><script>alert(1)</script></head><body><p>"
            + ARTICLE.encode()
            + b"\x00</p><script>document.write('x')</script></body></html>",
            "processed",
        ),
        "JSON sent as an article": (b'{"figures": [603, 1302]}', "failed"),
    }


CORPUS = corpus()


@pytest.fixture
def editor_api(uploader):
    client = APIClient()
    client.force_authenticate(uploader)
    return client


def stored_files():
    root = settings.MEDIA_ROOT
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


@pytest.mark.parametrize("name", list(CORPUS))
def test_each_hostile_file_is_refused_or_processed_within_the_limit(
    name, editor_api, django_capture_on_commit_callbacks
):
    data, expected = CORPUS[name]
    started = time.monotonic()
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_api.post(
            "/api/v1/reports/", {"file": SimpleUploadedFile("article.txt", data)}, format="multipart"
        )
    assert time.monotonic() - started < SECONDS, name
    if expected == "refused":
        assert response.status_code == 400, (name, response.content)
        assert response.json()["file"][0], name  # the reason, for the person who sent it
        assert not Report.objects.exists() and not stored_files(), name
    elif expected == "failed":
        assert response.status_code == 202, (name, response.content)
        report = Report.objects.get()
        assert (report.status, report.text) == (Report.Status.FAILED, ""), name
        assert report.error and not report.error.startswith("The analysis failed"), (name, report.error)
        assert len(stored_files()) == 1, name  # the file is kept, as sent
    else:
        assert response.status_code == 202, (name, response.content)
        report = Report.objects.get()
        assert report.status in {Report.Status.DONE, Report.Status.FAILED}, name
        assert report.status == Report.Status.DONE or report.error, name
        assert "\x00" not in report.text and "<script" not in report.text, name
        assert len(stored_files()) == 1, name


@pytest.mark.parametrize(
    "data, name, header, content_type",
    [
        (pdf_with_text(ARTICLE), "article.txt", "text/html", readers.PDF),
        (f"<html><body><p>{ARTICLE}</p></body></html>".encode(), "a.pdf", "application/pdf", readers.HTML),
        (ARTICLE.encode(), "article.html", "text/html", readers.PLAIN),
    ],
)
def test_the_type_comes_from_the_content_never_the_name_or_header(
    editor_api, data, name, header, content_type, django_capture_on_commit_callbacks
):
    upload = SimpleUploadedFile(name, data, content_type=header)
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_api.post("/api/v1/reports/", {"file": upload}, format="multipart")
    assert response.status_code == 202, response.content
    report = Report.objects.get()
    assert report.content_type == content_type
    assert report.original_file.name.rsplit("/", 1)[-1] == name  # the sender's name, for the download


def test_uploaded_html_becomes_text_and_its_report_page_shows_it_as_text(
    editor_api, client, django_capture_on_commit_callbacks
):
    data, _ = CORPUS["HTML with scripts, styles and NULs"]
    with django_capture_on_commit_callbacks(execute=True):
        editor_api.post("/api/v1/reports/", {"file": SimpleUploadedFile("a.html", data)}, format="multipart")
    report = Report.objects.get()
    assert report.text == ARTICLE
    page = client.get(report.get_absolute_url()).content.decode()
    assert "alert(1)" not in page and "document.write" not in page


# --- Size and count limits ------------------------------------------------------------------------


def test_a_50_mb_text_is_refused_by_the_size_limit_at_once(editor_api, tmp_path):
    big = tmp_path / "big.txt"
    with big.open("wb") as out:
        for _ in range(50):
            out.write((ARTICLE + "\n").encode() * (1024 * 1024 // (len(ARTICLE) + 1) + 1))
    started = time.monotonic()
    with big.open("rb") as upload:
        response = editor_api.post("/api/v1/reports/", {"file": upload}, format="multipart")
    assert time.monotonic() - started < SECONDS
    assert response.status_code == 400
    assert "over the limit of 10.0 MB" in response.json()["file"][0]
    assert not Report.objects.exists() and not stored_files()


def test_the_upload_page_refuses_a_file_over_the_size_limit_and_too_many_files(client, uploader, settings):
    client.force_login(uploader)
    settings.INGEST_MAX_UPLOAD_BYTES = 1000
    too_big = client.post("/ingest/", {"files": [SimpleUploadedFile("big.txt", b"a" * 1001)]})
    assert "big.txt: The file is 1,001 bytes, over the limit of 1,000 bytes." in too_big.content.decode()
    settings.INGEST_MAX_FILES = 2
    files = [SimpleUploadedFile(f"{n}.txt", f"{ARTICLE} {n}".encode()) for n in range(3)]
    assert "At most 2 files at once." in client.post("/ingest/", {"files": files}).content.decode()
    assert not Report.objects.exists() and not stored_files()


def test_sixty_files_get_the_forms_message_on_the_page_not_a_bare_400(client, uploader):
    """The probe's case: Django's parser refused 60 files with a bare 400 when it capped them at 50."""
    client.force_login(uploader)
    files = [SimpleUploadedFile(f"{n}.txt", f"{ARTICLE} {n}".encode()) for n in range(60)]
    response = client.post("/ingest/", {"files": files})
    assert response.status_code == 200
    page = response.content.decode()
    assert '<ul class="errorlist"' in page  # a form error, as the other refusals of the form
    assert f"At most {settings.INGEST_MAX_FILES} files at once." in page
    assert not Report.objects.exists() and not stored_files()


def test_more_files_than_the_parser_reads_get_a_400_that_says_so_in_the_readers_language(client, uploader):
    """Beyond DATA_UPLOAD_MAX_NUMBER_FILES Django refuses the body before any view: the page says why."""
    client.force_login(uploader)
    files = [SimpleUploadedFile(f"{n}.txt", b"x") for n in range(settings.DATA_UPLOAD_MAX_NUMBER_FILES + 1)]
    response = client.post("/ingest/", {"files": files})
    assert response.status_code == 400
    assert (
        f"Too many files at once: send at most {settings.INGEST_MAX_FILES} per upload."
        in response.content.decode()
    )
    french = client.post("/ingest/", {"files": files}, headers={"accept-language": "fr"})
    assert french.status_code == 400 and "Trop de fichiers" in french.content.decode()
    assert not Report.objects.exists() and not stored_files()


# --- The PDF reader's own bounds ------------------------------------------------------------------


def test_a_pdf_reader_that_hangs_is_stopped_at_the_time_limit(settings, monkeypatch, tmp_path):
    settings.INGEST_PDF_TIMEOUT_SECONDS = 1
    hanging = tmp_path / "hang.py"
    hanging.write_text("import time\ntime.sleep(60)\n")
    monkeypatch.setattr(readers, "PDF_READER", hanging)
    started = time.monotonic()
    with pytest.raises(UnreadableDocument, match="within 1 seconds"):
        read_document(pdf_with_text(ARTICLE), max_bytes=10**7)
    assert time.monotonic() - started < 5


def test_the_pdf_reader_runs_under_its_memory_cap(settings):
    settings.INGEST_PDF_MAX_MEMORY_MB = 20  # too little even to import pypdf: the child dies
    with pytest.raises(UnreadableDocument, match="time and memory allowed"):
        read_document(pdf_with_text(ARTICLE), max_bytes=10**7)
    settings.INGEST_PDF_MAX_MEMORY_MB = 512
    assert read_document(pdf_with_text(ARTICLE), max_bytes=10**7).text == ARTICLE


# --- A real worker ----------------------------------------------------------------------------------


@pytest.mark.redis
@pytest.mark.postgres
@pytest.mark.slow
@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # as tests/ingest/test_races.py
def test_a_real_worker_goes_through_the_corpus_and_stays_up(tmp_path):
    accepted = []
    with running_worker(tmp_path / "worker.log") as worker:
        for name, (data, _) in CORPUS.items():
            try:
                report, _ = report_create(data=data, filename=f"{name}.txt")
            except UnreadableDocument:
                continue
            accepted.append(report.pk)
        assert len(accepted) == sum(expected != "refused" for _, expected in CORPUS.values())
        # Several files of the corpus are one article once read: all but the first are duplicates.
        finished = {Report.Status.DONE, Report.Status.FAILED, Report.Status.DUPLICATE}
        assert wait_for(
            lambda: set(Report.objects.filter(pk__in=accepted).values_list("status", flat=True)) <= finished,
            timeout=SECONDS * 2,
        ), list(Report.objects.values_list("title", "status"))
        assert worker.poll() is None, (tmp_path / "worker.log").read_text()[-3000:]
