"""Properties of the file readers for any input: a Document or a clear refusal, nothing else.

Whatever the bytes, `read_document` returns text fit to store (NFC, no control characters,
already normalised) or raises UnreadableDocument with a message; and the extractor takes any
text it returns. The extractor's own properties on any text are in
tests/ingest/extraction/test_properties.py.
"""

import re
import unicodedata

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from ingest.extraction import extract
from ingest.readers import Document, UnreadableDocument, normalise, read_document, read_text
from tests.ingest.documents import pdf_with_text

LIMIT = 64 * 1024
ENCODINGS = ["utf-8", "utf-16", "latin-1", "cp1252"]
PREFIXES = [
    b"",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"\xfe\xff",
    b"\xff\xfe\x00\x00",
    b"<html><body>",
    b"<!DOCTYPE html><html lang='fr'><head><title>",
    b"<?xml version='1.0'?><!-- x --><html>",
    b" date 2019-05 ",
    b"{",
    b"PK\x03\x04",
    b"\x89PNG",
]
WORDS = st.sampled_from(
    [
        "At least",
        "603",
        "civilians",
        "were killed",
        "selon l'OSDH",
        "1 302",
        "<p>",
        "</p>",
        "<script>",
        "</script>",
        "<title>",
        "&amp;",
        "&#0;",
        "\x00",
        "\r\n",
        "\u202f",
        "é",
        "e\u0301",
        "<meta property='article:published_time' content='2017-13-45'>",
        "<html lang='xx'>",
    ]
)
MARKUP = st.lists(WORDS, max_size=40).map(" ".join)
ANY_BYTES = st.one_of(
    st.binary(max_size=4096),
    st.tuples(st.sampled_from(PREFIXES), st.binary(max_size=2048)).map(b"".join),
    st.tuples(
        st.sampled_from(PREFIXES), MARKUP, st.sampled_from(["utf-8", "utf-16", "latin-1", "cp1252"])
    ).map(lambda t: t[0] + t[1].encode(t[2], errors="ignore")),
)


def assert_fit_to_store(document):
    assert isinstance(document, Document)
    text = document.text
    assert text and any(char.isalpha() for char in text)
    assert unicodedata.is_normalized("NFC", text)
    assert normalise(text) == text  # reading twice gives the same text, hence the same hash
    assert not [c for c in text if unicodedata.category(c) == "Cc" and c not in "\n\t"]
    for value in (document.title, document.outlet, document.url):
        assert "\x00" not in value and "\n" not in value
    assert len(document.title) <= 500
    assert document.published is None or re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", document.published)
    assert document.language in {"", "fr", "en"}


def read_or_refuse(data):
    try:
        document = read_document(data, max_bytes=LIMIT)
    except UnreadableDocument as refusal:
        assert str(refusal), "a refusal says why"
        return None
    assert_fit_to_store(document)
    return document


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=ANY_BYTES)
def test_any_bytes_give_a_document_fit_to_store_or_a_clear_refusal(data):
    document = read_or_refuse(data)
    event("read" if document else "refused")
    if document is not None:
        extract(document.text, published=document.published)  # and the extractor takes it


@settings(max_examples=15, deadline=None)
@given(tail=st.binary(max_size=2048), cut=st.integers(min_value=0, max_value=2000))
def test_any_pdf_like_bytes_give_a_document_or_a_clear_refusal(tail, cut):
    """Each example starts a reader process, so there are few; the corpus covers the worst."""
    read_or_refuse(b"%PDF-1.4\n" + tail)
    sample = pdf_with_text("At least 603 civilians were killed.")
    read_or_refuse(sample[:cut] + tail[:64] + sample[cut:])


@settings(max_examples=200, deadline=None)
@given(text=st.one_of(st.text(max_size=500), MARKUP))
def test_any_pasted_text_gives_a_document_fit_to_store_or_a_clear_refusal(text):
    try:
        document = read_text(text)
    except UnreadableDocument as refusal:
        assert str(refusal)
        return
    assert_fit_to_store(document)


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=300))
def test_normalising_is_idempotent(text):
    once = normalise(text)
    assert normalise(once) == once
