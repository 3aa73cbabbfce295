"""Where documents come from: files, folders, globs, stdin, JSONL lines and http(s) URLs.

Every input yields RawDocuments or InputErrors; errors are yielded, not raised, so one bad
file never stops the others.
"""

from __future__ import annotations

import glob
import hashlib
import json
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import BinaryIO

from communique.errors import InputError
from communique.models import RawDocument
from communique.read.boilerplate import strip_furniture
from communique.read.decode import MAX_BYTES, clean_controls, decode_bytes, too_large
from communique.read.html import close_raw_text, extract_html, looks_like_html, plain_text
from communique.read.normalize import finish, normalize_text

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
    try:
        size = path.stat().st_size
        if size > max_bytes:  # checked before reading: a huge file never enters memory
            yield too_large(source, size, max_bytes=max_bytes)
            return
        data = path.read_bytes()
    except OSError as exc:
        yield InputError(source, "missing", f"cannot read: {exc.strerror or exc}")
        return
    if fmt == "jsonl":
        yield from _read_jsonl(data, source=source, max_bytes=max_bytes)
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
        yield from _read_jsonl(data, source=url, max_bytes=max_bytes)
        return
    try:
        yield document_from_bytes(data, source=url, fmt=fmt, max_bytes=max_bytes, url=url)
    except InputError as exc:
        yield exc


def _read_jsonl(data: bytes, *, source: str, max_bytes: int) -> Iterator[RawDocument | InputError]:
    try:
        text = decode_bytes(data, path=source, max_bytes=max_bytes)
    except InputError as exc:
        yield exc
        return
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(
                where,
                "bad-json-line",
                f"not JSON: {exc.msg}",
                hint="each line must be one JSON object",
            )
            continue
        body = record.get("text") if isinstance(record, dict) else None
        if not isinstance(body, str) or not body.strip():
            yield InputError(
                where,
                "bad-json-line",
                'the line has no "text" field',
                hint='expected {"id", "title", "date", "url", "text"}',
            )
            continue
        assert isinstance(record, dict)
        ident = str(record.get("id") if record.get("id") is not None else number)
        fmt = "html" if looks_like_html(body) else "jsonl"
        try:
            yield document_from_text(
                body,
                source=f"{source}#{ident}",
                fmt=fmt,
                title=_str(record.get("title")),
                day=_iso_date(record.get("date")),
                url=_str(record.get("url")),
                publisher=_str(record.get("publisher")),
                format_name="jsonl",
            )
        except InputError as exc:
            yield InputError(where, exc.reason, exc.message, hint=exc.hint)


def document_from_bytes(
    data: bytes,
    *,
    source: str,
    fmt: str | None,
    max_bytes: int = MAX_BYTES,
    url: str | None = None,
) -> RawDocument:
    """One document from its bytes; `fmt` None sniffs HTML against plain text."""
    text = decode_bytes(data, path=source, max_bytes=max_bytes)
    if fmt is None:
        fmt = "html" if looks_like_html(text) else "text"
    return document_from_text(text, source=source, fmt=fmt, url=url)


def document_from_text(
    body: str,
    *,
    source: str,
    fmt: str,
    title: str | None = None,
    day: date | None = None,
    url: str | None = None,
    publisher: str | None = None,
    format_name: str | None = None,
) -> RawDocument:
    """Normalise decoded text (extracting HTML first) into a RawDocument."""
    # text from JSON escapes or a caller has not been through decode_bytes
    original = body = clean_controls(body)
    title, url, publisher = (clean_controls(v) if v else v for v in (title, url, publisher))
    if fmt == "html":
        page = extract_html(body, path=source)
        original = page.text
        title = title or page.title
        day = day or page.date
        url = url or page.url
        publisher = publisher or page.publisher
    text, offsets = _normalised(original)
    if not text and fmt == "html":  # trafilatura kept only furniture: the page as plain text
        original = plain_text(close_raw_text(body))
        text, offsets = _normalised(original)
    if not text:
        raise InputError(source, "empty", "nothing but page furniture in this document")
    return RawDocument(
        source=source,
        original=original,
        text=text,
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
        format=format_name or fmt,
        offset_map=offsets,
        title=title,
        date=day,
        url=url,
        publisher=publisher,
    )


def _normalised(original: str) -> tuple[str, tuple[int, ...]]:
    mapped = normalize_text(original)
    strip_furniture(mapped)
    return finish(mapped)


def _str(value: object) -> str | None:
    return str(value).strip() or None if value is not None else None


def _iso_date(value: object) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None
