"""PDF → text, from the text layer with pypdf (the only module that imports it).

A PDF whose pages hold no text (a scan) is refused with `no-text` rather than read as an empty
document; an encrypted one that does not open with an empty password gives `encrypted`, and
one pypdf cannot parse gives `bad-pdf`. OCR is out of scope: the hint says so.
"""

from __future__ import annotations

import io
import logging

from communique.errors import InputError

PDF_MAGIC = b"%PDF-"
# Share of pages that must carry text for the file to count as a text PDF: a scanned statement
# with a typed cover page is still a scan. Nothing below this was seen in text PDFs.
_TEXT_PAGES = 0.5


def read_pdf(data: bytes, *, path: str) -> str:
    """The text of every page, pages separated by a blank line, or InputError."""
    import pypdf
    from pypdf.errors import DependencyError, FileNotDecryptedError

    # pypdf logs recoverable faults of a file as warnings; they are the file's, not ours.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise _encrypted(path)
        pages = [page.extract_text() or "" for page in reader.pages]
    except (FileNotDecryptedError, DependencyError) as exc:
        raise _encrypted(path) from exc
    except InputError:
        raise
    except Exception as exc:  # a broken file makes pypdf raise from anywhere in its parser
        raise InputError(
            path, "bad-pdf", f"this PDF cannot be read: {exc}", hint="re-save or re-export the PDF"
        ) from exc
    with_text = [page for page in pages if page.strip()]
    if not pages or len(with_text) < _TEXT_PAGES * len(pages):
        raise InputError(
            path,
            "no-text",
            f"{len(pages) - len(with_text)} of {len(pages)} pages have no text layer (a scan?)",
            hint="run OCR on it first (for example ocrmypdf), then ingest the result",
        )
    return "\n\n".join(page.strip("\n") for page in pages)


def _encrypted(path: str) -> InputError:
    return InputError(
        path, "encrypted", "this PDF is encrypted", hint="save an unprotected copy and ingest that"
    )
