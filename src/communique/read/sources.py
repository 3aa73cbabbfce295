"""Where documents come from: files, folders, globs, stdin, JSONL lines and http(s) URLs.

Every input yields RawDocuments or InputErrors; errors are yielded, not raised, so one bad
file never stops the others.
"""

from __future__ import annotations

import codecs
import dataclasses
import glob
import hashlib
import io
import json
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, BinaryIO, cast

from communique.errors import InputError
from communique.models import RawDocument, ReadWarning
from communique.read.boilerplate import strip_furniture
from communique.read.decode import MAX_BYTES, decode_bytes, too_large
from communique.read.html import close_raw_text, looks_like_html, plain_text
from communique.read.normalize import finish, normalize_text
from communique.read.pdf import PDF_MAGIC
from communique.read.readers import READERS, Hints, ReadText, dated, read_markup

FORMATS = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".pdf": "pdf",
}
_URL_TIMEOUT = 30.0  # seconds; government sites are slow but not slower than this
_GLOB_CHARS = frozenset("*?[")


def read_documents(
    inputs: Sequence[str], *, stdin: BinaryIO | None = None, max_bytes: int = MAX_BYTES
) -> Iterator[RawDocument | InputError]:
    """Yield one RawDocument per document found, or an InputError for one that cannot be read.

    `inputs` are paths, folders (walked recursively, hidden and unsupported files skipped),
    globs (`corpus/**/*.txt`), http(s) URLs, or `-` for the bytes of `stdin`.
    """
    for item in inputs:
        if item == "-":
            yield from _read_stdin(stdin, max_bytes=max_bytes)
        elif item.startswith(("http://", "https://")):
            yield from _read_url(item, max_bytes=max_bytes)
        else:
            yield from _read_path(item, max_bytes=max_bytes)


def _read_path(item: str, *, max_bytes: int) -> Iterator[RawDocument | InputError]:
    path = Path(item)
    if path.is_dir():
        for file in _walk(path):
            yield from _read_file(file, max_bytes=max_bytes)
    elif path.is_file():
        if path.suffix.lower() not in FORMATS:
            yield InputError(
                item,
                "unsupported",
                f"unsupported file type {path.suffix or '(none)'!r}",
                hint="supported: " + " ".join(sorted(FORMATS)),
            )
        else:
            yield from _read_file(path, max_bytes=max_bytes)
    elif _GLOB_CHARS & set(item):
        matches = sorted(glob.glob(item, recursive=True))
        if not matches:
            yield InputError(item, "missing", "no file matches this pattern")
        for match in matches:
            found = Path(match)
            if found.is_dir():
                for file in _walk(found):
                    yield from _read_file(file, max_bytes=max_bytes)
            elif found.suffix.lower() in FORMATS and not found.name.startswith("."):
                yield from _read_file(found, max_bytes=max_bytes)
    else:
        yield InputError(item, "missing", "no such file or folder")


def _walk(root: Path) -> Iterator[Path]:
    for file in sorted(root.rglob("*")):
        rel = file.relative_to(root).parts
        if any(part.startswith(".") for part in rel):
            continue
        if file.is_file() and file.suffix.lower() in FORMATS:
            yield file


def _read_file(path: Path, *, max_bytes: int) -> Iterator[RawDocument | InputError]:
    source = str(path)
    fmt = FORMATS[path.suffix.lower()]
    if fmt == "jsonl":  # read line by line: the size limit applies to each document
        try:
            stream = path.open("rb")
        except OSError as exc:
            yield InputError(source, "missing", f"cannot read: {exc.strerror or exc}")
            return
        with stream:
            yield from _read_jsonl(stream, source=source, max_bytes=max_bytes)
        return
    try:
        size = path.stat().st_size
        if size > max_bytes:  # checked before reading: a huge file never enters memory
            yield too_large(source, size, max_bytes=max_bytes)
            return
        data = path.read_bytes()
    except OSError as exc:
        yield InputError(source, "missing", f"cannot read: {exc.strerror or exc}")
        return
    try:
        yield document_from_bytes(data, source=source, fmt=fmt, max_bytes=max_bytes)
    except InputError as exc:
        yield exc


def _read_stdin(stdin: BinaryIO | None, *, max_bytes: int) -> Iterator[RawDocument | InputError]:
    if stdin is None:
        yield InputError("-", "missing", "no standard input to read")
        return
    data = stdin.read(max_bytes + 1)
    try:
        yield document_from_bytes(data, source="-", fmt=None, max_bytes=max_bytes)
    except InputError as exc:
        yield exc


def _read_url(url: str, *, max_bytes: int) -> Iterator[RawDocument | InputError]:
    request = urllib.request.Request(url, headers={"User-Agent": "communique"})
    try:
        with urllib.request.urlopen(request, timeout=_URL_TIMEOUT) as response:
            data = response.read(max_bytes + 1)
            kind = response.headers.get_content_type()
    except (urllib.error.URLError, OSError, ValueError) as exc:
        yield InputError(url, "missing", f"cannot fetch: {exc}")
        return
    suffix = "." + url.rsplit("?", 1)[0].rsplit(".", 1)[-1].lower()
    if kind in ("text/html", "application/xhtml+xml"):
        fmt: str | None = "html"
    elif kind == "text/markdown":
        fmt = "markdown"
    else:
        fmt = FORMATS.get(suffix)
    if fmt == "jsonl":
        yield from _read_jsonl(io.BytesIO(data), source=url, max_bytes=max_bytes)
        return
    try:
        yield document_from_bytes(data, source=url, fmt=fmt, max_bytes=max_bytes, url=url)
    except InputError as exc:
        yield exc


def _read_jsonl(
    stream: BinaryIO, *, source: str, max_bytes: int
) -> Iterator[RawDocument | InputError]:
    """One document per line of a JSONL stream, read a line at a time (a 2 GB archive is never
    held whole); a line over `max_bytes` fails alone with `too-large`."""
    for number, line in _jsonl_lines(stream, max_bytes=max_bytes):
        where = f"{source}:{number}"
        if isinstance(line, int):
            yield too_large(where, line, max_bytes=max_bytes)
            continue
        if not line.strip():
            continue
        try:
            yield _jsonl_document(line, source=source, where=where, number=number)
        except InputError as exc:
            yield exc


def _jsonl_lines(stream: BinaryIO, *, max_bytes: int) -> Iterator[tuple[int, bytes | int]]:
    """(line number, its bytes) for each line of a seekable stream, or (line number, its size)
    for a line longer than `max_bytes`, which is skipped without being held. UTF-16 and UTF-32
    files (by their byte order mark) are read as text and each line handed on as UTF-8."""
    head = stream.read(4)
    stream.seek(0)
    for bom, encoding in _WIDE_BOMS:
        if head.startswith(bom):
            text = io.TextIOWrapper(cast("io.BufferedReader", stream), encoding=encoding)
            try:
                lines = (line.encode("utf-8") for line in text)
                for number, line in enumerate(lines, start=1):
                    yield (number, len(line)) if len(line) > max_bytes + 1 else (number, line)
            finally:
                text.detach()  # the caller closes the stream, not the wrapper
            return
    number = 0
    while line := stream.readline(max_bytes + 1):
        number += 1
        if number == 1:
            line = line.removeprefix(codecs.BOM_UTF8)
        if len(line) > max_bytes and not line.endswith(b"\n"):
            size = len(line)
            while rest := stream.readline(_SKIP_CHUNK):
                size += len(rest)
                if rest.endswith(b"\n"):
                    break
            yield number, size
        else:
            yield number, line


_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_SKIP_CHUNK = 1 << 20  # bytes read at a time while skipping a line that is too long


def _jsonl_document(line: bytes, *, source: str, where: str, number: int) -> RawDocument:
    """One JSONL line as a document; fields of the wrong type are named, and metadata that
    cannot be used (a date that is no date) is left out with a warning on the document."""
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError:
        text = decode_bytes(line, path=where, max_bytes=len(line))
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            where,
            "bad-json-line",
            f"not JSON: {exc.msg}",
            hint="each line must be one JSON object",
        ) from exc
    expected = 'expected {"id", "title", "date", "url", "text"}'
    if not isinstance(record, dict):
        raise InputError(
            where,
            "bad-json-line",
            f"the line is {_json_type(record)}, not an object",
            hint=expected,
        )
    body = record.get("text")
    if body is None:
        raise InputError(where, "bad-json-line", 'the line has no "text" field', hint=expected)
    if not isinstance(body, str):
        raise InputError(
            where, "bad-json-line", f'"text" is {_json_type(body)}, not a string', hint=expected
        )
    if not body.strip():
        raise InputError(where, "empty", 'the "text" field is empty')
    warnings: list[ReadWarning] = []
    fields = {name: _text_field(record, name, where, warnings) for name in _TEXT_FIELDS}
    ident = record.get("id")
    if ident is not None and (isinstance(ident, bool) or not isinstance(ident, str | int)):
        warnings.append(_wrong_type(where, "id", ident, "a string or a whole number"))
        ident = None
    day = dated(fields["date"]) if fields["date"] is not None else Hints()
    if fields["date"] is not None and day.date is None:
        warnings.append(
            ReadWarning(
                path=where,
                reason="bad-date",
                message=f'"date" {fields["date"]!r} is not a date; left out, so the date is '
                "read from the text",
            )
        )
    fmt = "html" if looks_like_html(body) else "jsonl"
    try:
        raw = document_from_text(
            body,
            source=f"{source}#{ident if ident is not None else number}",
            fmt=fmt,
            hints=Hints(
                title=fields["title"], url=fields["url"], publisher=fields["publisher"]
            ).over(day),
            format_name="jsonl",
        )
    except InputError as exc:
        raise InputError(where, exc.reason, exc.message, hint=exc.hint) from exc
    return dataclasses.replace(raw, warnings=tuple(warnings)) if warnings else raw


_TEXT_FIELDS = ("title", "date", "url", "publisher")


def _text_field(
    record: dict[str, Any], name: str, where: str, warnings: list[ReadWarning]
) -> str | None:
    """A metadata field's text, None when absent or blank; another type is left out, warned."""
    value = record.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        warnings.append(_wrong_type(where, name, value, "a string"))
        return None
    return value.strip() or None


def _wrong_type(where: str, name: str, value: object, wanted: str) -> ReadWarning:
    return ReadWarning(
        path=where,
        reason="bad-field",
        message=f'"{name}" is {_json_type(value)}, not {wanted}; left out',
    )


def _json_type(value: object) -> str:
    """The JSON name of a parsed value's type, with its article."""
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    if value is None:
        return "null"
    return "a string"


def document_from_bytes(
    data: bytes,
    *,
    source: str,
    fmt: str | None,
    max_bytes: int = MAX_BYTES,
    url: str | None = None,
) -> RawDocument:
    """One document from its bytes, read by the reader of `fmt`; None sniffs PDF, HTML or
    plain text."""
    if fmt is None and data.startswith(PDF_MAGIC):
        fmt = "pdf"
    if fmt is None:
        text = decode_bytes(data, path=source, max_bytes=max_bytes)
        read = read_markup(text, source=source, fmt="html" if looks_like_html(text) else "text")
        fmt = "html" if looks_like_html(text) else "text"
    else:
        read = READERS[fmt].read(data, source=source, max_bytes=max_bytes)
    return _document(read, source=source, fmt=fmt, hints=Hints(url=url))


def document_from_text(
    body: str,
    *,
    source: str,
    fmt: str,
    hints: Hints | None = None,
    format_name: str | None = None,
) -> RawDocument:
    """Normalise decoded text (reading its markup first) into a RawDocument; `hints` (from a
    JSONL record) win over what the markup says."""
    read = read_markup(body, source=source, fmt=fmt)
    return _document(read, source=source, fmt=format_name or fmt, hints=hints or Hints())


def _document(read: ReadText, *, source: str, fmt: str, hints: Hints) -> RawDocument:
    text, offsets = _normalised(read)
    if not text and read.markup is not None:
        # trafilatura kept only page furniture: the page as plain text
        read = dataclasses.replace(
            read, original=plain_text(close_raw_text(read.markup)), markup=None
        )
        text, offsets = _normalised(read)
    if not text:
        raise InputError(source, "empty", "nothing but page furniture in this document")
    found = hints.over(read.hints).cleaned()
    return RawDocument(
        source=source,
        original=read.original,
        text=text,
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
        format=fmt,
        offset_map=offsets,
        title=found.title,
        date=found.date,
        date_precision=found.date_precision,
        url=found.url,
        publisher=found.publisher,
        tags=found.tags,
    )


def _normalised(read: ReadText) -> tuple[str, tuple[int, ...]]:
    mapped = normalize_text(read.original, markdown=read.markdown, start=read.body_start)
    strip_furniture(mapped)
    return finish(mapped)
