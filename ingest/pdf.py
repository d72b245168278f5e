"""Read a PDF's text in a child process whose pages, time and memory are bounded.

pypdf is pure Python and believes the file: an xref table or page tree that loops, a stream
that inflates to gigabytes or a million empty pages would hold a worker for ever or exhaust
its memory. So `ingest.readers` runs this file as a separate interpreter
(`python -I ingest/pdf.py MAX_PAGES MAX_MEMORY_BYTES CPU_SECONDS`, the PDF on stdin), which
caps its own address space and CPU time before it reads a byte, and kills it when it overruns
the wall-clock limit. Only its JSON answer comes back: {"text", "title"} or {"error"}.

It imports nothing from the project, so it starts in a fraction of a second.
"""

import io
import json
import resource
import sys


def read(data, *, max_pages):
    """Return {"text": ..., "title": ...} or {"error": why} for the bytes of a PDF."""
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            return {"error": "The PDF is encrypted: send an unprotected copy."}
        count = len(reader.pages)
        if count > max_pages:
            return {"error": f"The PDF has {count:,} pages, over the limit of {max_pages:,}."}
        pages = [page.extract_text() or "" for page in reader.pages]
        title = (reader.metadata.title if reader.metadata else None) or ""
    except MemoryError:
        return {"error": "The PDF needs more memory to read than an article can."}
    except RecursionError:
        return {"error": "The PDF could not be read (its structure loops or nests too deeply)."}
    except Exception as exc:  # noqa: BLE001 - pypdf raises many kinds on a broken file
        return {"error": f"The PDF could not be read ({exc.__class__.__name__}: {exc})."[:500]}
    return {"text": "\n\n".join(pages), "title": str(title)}


def main():
    max_pages, max_memory, cpu_seconds = (int(arg) for arg in sys.argv[1:4])
    resource.setrlimit(resource.RLIMIT_AS, (max_memory, max_memory))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds))
    sys.setrecursionlimit(2000)
    answer = read(sys.stdin.buffer.read(), max_pages=max_pages)
    sys.stdout.write(json.dumps(answer))


if __name__ == "__main__":
    main()
