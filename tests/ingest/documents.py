"""Documents the ingest tests send: a PDF written by hand, so no tool is needed to make one."""


def pdf_with_text(*lines, title="A sample PDF"):
    """Return the bytes of a one-page PDF whose text layer holds `lines` (Latin-1 text)."""
    text_ops = (
        "BT /F1 11 Tf 72 720 Td 14 TL "
        + " ".join(
            "(" + line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ") '" for line in lines
        )
        + " ET"
    )
    stream = text_ops.encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Title (" + title.encode("latin-1") + b") >>",
    ]
    return pdf_of(objects, trailer=b" /Info %d 0 R" % len(objects))


def pdf_of(objects, *, trailer=b""):
    """Return a PDF of the given object bodies (numbered from 1, the first the catalog) and its xref.

    `trailer` adds entries to the trailer dictionary (an /Info, a /Prev ...).
    """
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    size = len(objects) + 1
    out += b"trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (size, trailer, xref)
    return bytes(out)


def pdf_without_text():
    """Return a PDF with a page and no text layer, like a scan."""
    return pdf_with_text()
