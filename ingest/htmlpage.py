"""Read an HTML page's text and metadata in a child process whose time and memory are bounded.

trafilatura parses the whole page with lxml: a page of megabytes holds a worker for many
seconds and hundreds of megabytes. So `ingest.readers` runs this file as a separate interpreter
(`python -I ingest/htmlpage.py MAX_MEMORY_BYTES CPU_SECONDS`, the page as UTF-8 on stdin), which
caps its own address space and CPU time before it reads a byte, and kills it when it overruns
the wall-clock limit, as for a PDF (ingest/pdf.py). Only its JSON answer comes back:
{"text", "title", "sitename", "url", "date"} or {"error"}.
"""

import json
import resource
import sys


def read(html):
    """Return the text and metadata of a page, or {"error": why}."""
    import trafilatura

    try:
        extracted = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            # Dates from the page's metadata only: a date in the body is usually an event's.
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
        text = (extracted.text if extracted else "") or trafilatura.html2txt(html) or ""
    except MemoryError:
        return {"error": "The HTML page needs more memory to read than an article can."}
    except RecursionError:
        return {"error": "The HTML page could not be read (its elements nest too deeply)."}
    except Exception as exc:  # noqa: BLE001 - a broken page may fail in many ways
        return {"error": f"The HTML page could not be read ({exc.__class__.__name__}: {exc})."[:500]}
    fields = ("title", "sitename", "url", "date")
    return {"text": text, **{name: str(getattr(extracted, name, None) or "") for name in fields}}


def main():
    max_memory, cpu_seconds = (int(arg) for arg in sys.argv[1:3])
    resource.setrlimit(resource.RLIMIT_AS, (max_memory, max_memory))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds))
    answer = read(sys.stdin.buffer.read().decode("utf-8"))
    sys.stdout.write(json.dumps(answer))


if __name__ == "__main__":
    main()
