"""Turn an uploaded file into plain text and the metadata the document carries about itself.

The type is decided from the bytes (PDF magic, then a text decoding check, then HTML tags),
never from the file name, which an upload can get wrong. Anything unreadable raises
`UnreadableDocument` with a message meant for the person who sent the file.

An upload only passes `check_upload` (constant-time checks); `read_document` runs in the
worker, and reads HTML and PDF in child processes bounded in time and memory.
"""

import json
import logging
import re
import subprocess
import sys
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path

from charset_normalizer import from_bytes
from django.conf import settings

PLAIN = "text/plain"
HTML = "text/html"
PDF = "application/pdf"

# Formats people send by mistake, named so the refusal says what the file was.
_KNOWN_BINARIES = [
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (Word, OpenDocument and EPUB files are ZIP archives too)"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
    (b"{\\rtf", "an RTF document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a Windows program"),
]
_BOMS = [
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
]
# Seeds and wire copy sometimes open with " date 2019-05" before the first sentence.
_DATE_LINE = re.compile(r"\A\s*date\s+(\d{4}-\d{2}(?:-\d{2})?)\b[ \t]*\n?")
_HTML_LANG = re.compile(r"<html\b[^>]*\blang\s*=\s*[\"']?([a-zA-Z]{2})", re.I)
_DATE = re.compile(r"\A(\d{4}-\d{2})(-\d{2})?")
_LANGUAGES = {"fr", "en"}
# One class repeated, nothing after it: nothing to backtrack into (see is_html).
_SPACE = re.compile(r"\s*")
# C0 controls but tab and line ends: lxml refuses them in HTML, PostgreSQL refuses NUL anywhere.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
PDF_READER = Path(__file__).with_name("pdf.py")
HTML_READER = Path(__file__).with_name("htmlpage.py")

logger = logging.getLogger(__name__)


class UnreadableDocument(Exception):
    """A file that cannot become article text; the message says why, for the uploader."""


@dataclass(frozen=True)
class Document:
    """Plain text and what the document says about itself ("" or None when it says nothing)."""

    text: str
    content_type: str
    title: str = ""
    outlet: str = ""
    url: str = ""
    published: str | None = None  # "YYYY-MM-DD" or "YYYY-MM"
    language: str = ""


def read_document(data: bytes, *, max_bytes: int) -> Document:
    """Return the text and metadata of a plain text, HTML or PDF file given as bytes."""
    check_upload(data, max_bytes=max_bytes)
    if data.startswith(b"%PDF-"):
        return _checked(_read_pdf(data))
    text = _CONTROLS.sub("", _decode(data))
    if is_html(text):
        return _checked(_read_html(text))
    if _is_json(text):
        raise UnreadableDocument("The file is JSON data, not an article: send plain text, HTML or PDF.")
    return read_text(text)


def check_upload(data: bytes, *, max_bytes: int):
    """Refuse at once what no reading can make an article: too big, empty, a known binary format.

    Constant time but for the emptiness check, which is linear: an upload runs it in the request.
    """
    check_size(len(data), max_bytes=max_bytes)
    if not data.strip():
        raise UnreadableDocument("The file is empty.")
    for magic, what in _KNOWN_BINARIES:
        if data.startswith(magic):
            raise UnreadableDocument(f"The file is {what}, not an article: send plain text, HTML or PDF.")


def is_html(text: str) -> bool:
    """Tell whether a text opens as an HTML document, in one pass over it.

    An XML prolog and any number of comments may come first. Each is skipped with a search for
    its end from where it starts, so the text is read once: no pattern that can backtrack.
    """
    position = _skip_space(text, 0)
    if text.startswith("<?xml", position):
        end = text.find(">", position)
        if end < 0:
            return False
        position = _skip_space(text, end + 1)
    while text.startswith("<!--", position):
        end = text.find("-->", position + 4)
        if end < 0:
            return False
        position = _skip_space(text, end + 3)
    if _is_name(text, position, "<!doctype") and text[position + 9 : position + 10].isspace():
        return _is_name(text, _skip_space(text, position + 9), "html")
    return text.startswith("<", position) and any(
        _is_name(text, position + 1, name) for name in ("html", "head", "body")
    )


def _skip_space(text, position):
    return _SPACE.match(text, position).end()


def _is_name(text, position, name):
    """Tell whether `name` stands at `position`, in any case, as a whole word."""
    following = text[position + len(name) : position + len(name) + 1]
    return text[position : position + len(name)].lower() == name and not (
        following.isalnum() or following == "_"
    )


def check_size(size: int, *, max_bytes: int):
    """Refuse a file over the upload limit (callers check before reading a big upload)."""
    if size > max_bytes:
        raise UnreadableDocument(f"The file is {_size(size)}, over the limit of {_size(max_bytes)}.")


def read_text(text: str) -> Document:
    """Return a Document for text given as such (a paste, a JSON body), with its date line read."""
    text = normalise(text)
    published = None
    if match := _DATE_LINE.match(text):
        published = match.group(1)
        text = text[match.end() :].lstrip()
    return _checked(Document(text=text, content_type=PLAIN, published=published))


def normalise(text: str) -> str:
    """Return the canonical form of a text: what is stored, hashed and analysed.

    NFC, Unix line ends, no trailing spaces, no control characters: the same article saved
    by two editors hashes to the same value.
    """
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(c for c in text if c in "\n\t" or unicodedata.category(c) != "Cc")
    lines = [line.rstrip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _decode(data: bytes) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                break
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None or "\x00" in str(best):
        raise UnreadableDocument(
            "The file is neither text nor HTML nor PDF (no text encoding fits its bytes)."
        )
    return str(best)


def _is_json(text):
    """Tell whether a text is a JSON object or list (an annotation file sent by mistake)."""
    if text.lstrip()[:1] not in ("{", "["):
        return False
    try:
        json.loads(text)
    except ValueError:
        return False
    return True


def _read_html(html: str) -> Document:
    """Read an HTML page in a child process bounded in time and memory (see ingest/htmlpage.py)."""
    answer = _run_reader(HTML_READER, html.encode("utf-8"), what="HTML page")
    lang = _HTML_LANG.search(html[:5000])
    return Document(
        text=normalise(answer["text"]),
        content_type=HTML,
        title=_clean(answer["title"]),
        outlet=_clean(answer["sitename"]),
        url=_clean(answer["url"]),
        published=_date(answer["date"]),
        language=lang.group(1).lower() if lang and lang.group(1).lower() in _LANGUAGES else "",
    )


def _read_pdf(data: bytes) -> Document:
    """Read a PDF in a child process bounded in pages, time and memory (see ingest/pdf.py)."""
    answer = _run_reader(PDF_READER, data, str(settings.INGEST_PDF_MAX_PAGES), what="PDF")
    text = normalise(answer["text"])
    if not text:
        raise UnreadableDocument("The PDF has no text layer (a scan?): send its text instead.")
    return Document(text=text, content_type=PDF, title=_clean(answer["title"]))


def _run_reader(script, data, *args, what):
    """Run a reader script as a child (`python -I SCRIPT [ARGS] MAX_MEMORY CPU_SECONDS`, the bytes
    on stdin) and return its JSON answer; raise UnreadableDocument when it fails or overruns.

    The child caps its own address space and CPU time; the wall-clock limit kills it here.
    """
    timeout = settings.INGEST_PDF_TIMEOUT_SECONDS
    limits = [str(settings.INGEST_PDF_MAX_MEMORY_MB * 1024 * 1024), str(timeout)]
    try:
        child = subprocess.run(
            [sys.executable, "-I", str(script), *args, *limits],
            input=data,
            capture_output=True,
            timeout=timeout,
        )
        answer = json.loads(child.stdout)
    except subprocess.TimeoutExpired:
        raise UnreadableDocument(f"The {what} could not be read within {timeout} seconds.") from None
    except ValueError:
        # No answer: the child hit its memory or CPU limit and was killed.
        logger.warning("The %s reader stopped with code %s: %s", what, child.returncode, child.stderr[-500:])
        raise UnreadableDocument(
            f"The {what} could not be read within the time and memory allowed."
        ) from None
    if "error" in answer:
        raise UnreadableDocument(answer["error"])
    return answer


def _checked(document: Document) -> Document:
    if not any(char.isalpha() for char in document.text):
        raise UnreadableDocument("The file contains no text to analyse.")
    return replace(document, title=document.title[:500])


def _date(value):
    match = _DATE.match(value or "")
    if not match:
        return None
    return match.group(1) + (match.group(2) or "")


def _clean(value):
    return " ".join(_CONTROLS.sub("", str(value or "")).split())


def _size(n):
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{n:,} bytes"
