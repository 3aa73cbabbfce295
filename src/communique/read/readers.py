"""One `Reader` per file format: bytes → the text that offsets refer to, plus metadata hints.

    text      decoded as it is
    markdown  decoded; YAML front matter read into hints and left out of the body
    html      trafilatura's main text and metadata
    pdf       the text layer (pypdf)

A new format is one more class with a `read` method and a line in `READERS`; the rest of the
pipeline (normalising, describing, segmenting) is the same for all of them.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import Protocol

from communique.describe.dates import parse_date_hint
from communique.errors import InputError
from communique.models import DatePrecision
from communique.read.decode import clean_controls, decode_bytes
from communique.read.frontmatter import read_front_matter
from communique.read.html import extract_html
from communique.read.pdf import PDF_MAGIC, read_pdf


@dataclass(frozen=True, slots=True, kw_only=True)
class Hints:
    """Metadata a format carries beside its text (front matter, HTML meta, JSONL fields)."""

    title: str | None = None
    date: date | None = None
    date_precision: DatePrecision | None = None
    url: str | None = None
    publisher: str | None = None
    tags: tuple[str, ...] = field(default_factory=tuple)

    def cleaned(self) -> Hints:
        """These hints without control characters (JSON escapes and character references can
        write them where the bytes never held one)."""
        title, url, publisher = (
            clean_controls(v) if v else v for v in (self.title, self.url, self.publisher)
        )
        return replace(self, title=title, url=url, publisher=publisher)

    def over(self, other: Hints) -> Hints:
        """These hints, each missing one taken from `other`."""
        return Hints(
            title=self.title or other.title,
            date=self.date or other.date,
            date_precision=self.date_precision if self.date else other.date_precision,
            url=self.url or other.url,
            publisher=self.publisher or other.publisher,
            tags=self.tags or other.tags,
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class ReadText:
    """What a reader found: `original` is what offsets map back to; the statement's body
    starts at `body_start` (after front matter)."""

    original: str
    body_start: int = 0
    markdown: bool = True  # whether Markdown markup is undone while normalising
    hints: Hints = field(default_factory=Hints)
    markup: str | None = None  # an HTML page's markup, read as plain text if nothing is left


class Reader(Protocol):
    def read(self, data: bytes, *, source: str, max_bytes: int) -> ReadText: ...


def dated(value: object) -> Hints:
    """Hints holding only the date a metadata value gives, at the precision it gives."""
    found = parse_date_hint(value)
    return Hints(date=found[0], date_precision=found[1]) if found else Hints()


def read_markup(text: str, *, source: str, fmt: str) -> ReadText:
    """A decoded text of format `fmt` ("text", "markdown", "html", "jsonl")."""
    text = clean_controls(text)  # text from JSON escapes or a caller never went through decoding
    if fmt == "html":
        page = extract_html(text, path=source)
        hints = Hints(title=page.title, url=page.url, publisher=page.publisher)
        return ReadText(original=page.text, hints=hints.over(dated(page.date)), markup=text)
    if fmt == "markdown":
        front = read_front_matter(text, path=source)
        if front is not None:
            hints = Hints(
                title=front.title, url=front.url, publisher=front.publisher, tags=front.tags
            ).over(dated(front.date))
            return ReadText(original=text, body_start=front.end, hints=hints)
    return ReadText(original=text)


class TextReader:
    """Plain text, Markdown and HTML: decoded, then read as their markup says."""

    def __init__(self, fmt: str) -> None:
        self.fmt = fmt

    def read(self, data: bytes, *, source: str, max_bytes: int) -> ReadText:
        return read_markup(
            decode_bytes(data, path=source, max_bytes=max_bytes), source=source, fmt=self.fmt
        )


class PdfReader:
    def read(self, data: bytes, *, source: str, max_bytes: int) -> ReadText:
        from communique.read.decode import too_large

        if len(data) > max_bytes:
            raise too_large(source, len(data), max_bytes=max_bytes)
        if not data.startswith(PDF_MAGIC):
            raise InputError(
                source,
                "bad-pdf",
                "this file does not start as a PDF does",
                hint="check the file's type: its name ends in .pdf",
            )
        return ReadText(original=read_pdf(data, path=source), markdown=False)


READERS: dict[str, Reader] = {
    "text": TextReader("text"),
    "markdown": TextReader("markdown"),
    "html": TextReader("html"),
    "pdf": PdfReader(),
}
