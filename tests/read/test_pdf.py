"""PDF statements: the text layer is read; a scan, an encrypted or a corrupt file is a clear
error naming the file, and the other files of the run are still read."""

from __future__ import annotations

from pathlib import Path

import pytest
from fpdf import FPDF

from communique.errors import InputError
from communique.models import RawDocument
from communique.read import read_documents
from communique.read.sources import document_from_bytes

LINES = [
    "Press statements following Russian-Kazakhstan talks",
    "28 November 2022",
    "Vladimir Putin: Our trade reached a record $22.2 billion this year.",
]


def _pdf(lines: list[str], *, password: str | None = None, pages: int = 1) -> bytes:
    pdf = FPDF()
    if password is not None:
        pdf.set_encryption(owner_password="owner", user_password=password)
    pdf.set_font("helvetica", size=12)
    for _ in range(pages):
        pdf.add_page()
        for line in lines:
            pdf.cell(text=line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def _scan() -> bytes:
    """A page with only a drawing on it, as a scanner's image leaves no text layer."""
    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 60, style="F")
    return bytes(pdf.output())


def test_pdf_text_layer_is_read() -> None:
    raw = document_from_bytes(_pdf(LINES), source="talks.pdf", fmt="pdf")
    assert raw.format == "pdf"
    for line in LINES:
        assert line in raw.text
    start = raw.text.index("$22.2 billion")
    assert raw.original[raw.offset_map[start]] == "$"


def test_pdf_is_sniffed_without_a_suffix() -> None:
    raw = document_from_bytes(_pdf(LINES), source="-", fmt=None)
    assert raw.format == "pdf" and "$22.2 billion" in raw.text


def test_pdf_opens_with_an_empty_user_password() -> None:
    raw = document_from_bytes(_pdf(LINES, password=""), source="owner-only.pdf", fmt="pdf")
    assert "$22.2 billion" in raw.text


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (_scan, "no-text"),
        (lambda: _pdf(LINES, password="secret"), "encrypted"),
        (lambda: b"%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage", "bad-pdf"),
        (lambda: _pdf(LINES)[:200], "bad-pdf"),
        (lambda: b"not a pdf at all", "bad-pdf"),
    ],
    ids=["scan", "encrypted", "corrupt", "truncated", "not-pdf"],
)
def test_pdf_bad_file_is_a_clear_error_and_the_run_goes_on(
    tmp_path: Path, make: object, reason: str
) -> None:
    assert callable(make)
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(make())
    good = tmp_path / "good.pdf"
    good.write_bytes(_pdf(LINES))
    results = list(read_documents([str(bad), str(good)]))
    errors = [r for r in results if isinstance(r, InputError)]
    docs = [r for r in results if isinstance(r, RawDocument)]
    assert [(e.path, e.reason) for e in errors] == [(str(bad), reason)]
    assert str(bad) in str(errors[0]) and errors[0].hint
    assert [d.source for d in docs] == [str(good)]
