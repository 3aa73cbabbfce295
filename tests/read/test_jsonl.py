"""JSONL archives: read a line at a time, the size limit per document, honest field errors."""

from __future__ import annotations

import json
import tracemalloc
from pathlib import Path

import pytest

from communique.errors import InputError
from communique.models import RawDocument
from communique.read import read_documents
from communique.read.decode import MAX_BYTES
from communique.read.sources import _jsonl_lines, _read_jsonl

TEXT = "Talks\nVladimir Putin: Trade grew by 10 percent last year.\n"


def _lines(path: Path, records: list[object]) -> Path:
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return path


def _read(path: Path, **kwargs: int) -> tuple[list[RawDocument], list[InputError]]:
    found = list(read_documents([str(path)], **kwargs))
    return (
        [d for d in found if isinstance(d, RawDocument)],
        [e for e in found if isinstance(e, InputError)],
    )


def test_jsonl_size_limit_applies_to_each_document_not_to_the_file(tmp_path: Path) -> None:
    records = [{"id": i, "text": f"{TEXT}Copy {i}.\n"} for i in range(200)]
    records[7]["text"] = TEXT + "x" * 5000  # one document over the limit
    path = _lines(tmp_path / "archive.jsonl", records)
    assert path.stat().st_size > 4000
    docs, errors = _read(path, max_bytes=4000)
    assert len(docs) == 199
    [error] = errors
    assert (error.path, error.reason) == (f"{path}:8", "too-large")
    assert f"{path}#8" in {d.source for d in docs}  # the line after it is read


def test_jsonl_is_read_a_line_at_a_time(tmp_path: Path) -> None:
    """A large archive never enters memory whole: its lines come one at a time, and the first
    document is ready before the rest of the file is read."""
    path = tmp_path / "big.jsonl"
    body = "Vladimir Putin: " + "Trade grew by 10 percent last year. " * 300
    with path.open("w", encoding="utf-8") as out:
        for i in range(2000):
            out.write(json.dumps({"id": i, "text": f"{body} Copy {i}."}) + "\n")
    size = path.stat().st_size
    assert size > 20_000_000
    with path.open("rb") as stream:
        tracemalloc.start()
        try:
            count = sum(1 for _ in _jsonl_lines(stream, max_bytes=MAX_BYTES))
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert count == 2000
    assert peak < 200_000  # a line is ~11 kB; the whole file would be over 20 MB
    with path.open("rb") as stream:
        documents = _read_jsonl(stream, source=str(path), max_bytes=MAX_BYTES)
        assert isinstance(next(documents), RawDocument)
        assert stream.tell() < size / 10


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ({"id": "a", "text": 12}, '"text" is a number, not a string'),
        ({"id": "a", "text": ["x"]}, '"text" is an array, not a string'),
        ({"id": "a", "text": {"body": "x"}}, '"text" is an object, not a string'),
        ({"id": "a", "text": True}, '"text" is a boolean, not a string'),
        ({"id": "a", "title": "No text"}, 'the line has no "text" field'),
        (["a", "list"], "the line is an array, not an object"),
    ],
)
def test_jsonl_text_of_the_wrong_type_is_named(
    tmp_path: Path, record: object, message: str
) -> None:
    path = _lines(tmp_path / "a.jsonl", [record, {"id": "ok", "text": TEXT}])
    docs, errors = _read(path)
    assert [d.source for d in docs] == [f"{path}#ok"]
    [error] = errors
    assert (error.path, error.reason, error.message) == (f"{path}:1", "bad-json-line", message)


@pytest.mark.parametrize(
    ("fields", "reason", "message"),
    [
        ({"date": "24 Octobre 2021"}, "bad-date", "\"date\" '24 Octobre 2021' is not a date"),
        ({"date": "2021-13-45"}, "bad-date", "\"date\" '2021-13-45' is not a date"),
        ({"date": 20211024}, "bad-field", '"date" is a number, not a string'),
        ({"title": 7}, "bad-field", '"title" is a number, not a string'),
        ({"url": ["https://x.org"]}, "bad-field", '"url" is an array, not a string'),
        ({"id": {"n": 1}}, "bad-field", '"id" is an object, not a string or a whole number'),
    ],
)
def test_jsonl_metadata_that_cannot_be_used_is_a_warning_on_the_kept_document(
    tmp_path: Path, fields: dict[str, object], reason: str, message: str
) -> None:
    path = _lines(tmp_path / "a.jsonl", [{"text": TEXT, **fields}])
    docs, errors = _read(path)
    assert errors == []
    [doc] = docs
    [warning] = doc.warnings
    assert (warning.path, warning.reason) == (f"{path}:1", reason)
    assert warning.message.startswith(message)
    assert doc.date is None or "date" not in fields


def test_jsonl_good_metadata_gives_no_warning(tmp_path: Path) -> None:
    record = {"id": 5, "title": "Talks", "date": "2022-02-10", "url": "https://x.org/1"}
    path = _lines(tmp_path / "a.jsonl", [{**record, "text": TEXT}])
    [doc], _ = _read(path)
    assert doc.warnings == ()
    assert (doc.source, doc.title, str(doc.date)) == (f"{path}#5", "Talks", "2022-02-10")


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-32"])
def test_jsonl_byte_order_marks_are_read(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "a.jsonl"
    records = [{"id": "é", "text": "Заявление: trade grew by 10 percent."}, {"id": 2, "text": TEXT}]
    path.write_bytes("\n".join(json.dumps(r, ensure_ascii=False) for r in records).encode(encoding))
    docs, errors = _read(path)
    assert errors == []
    assert [d.source for d in docs] == [f"{path}#é", f"{path}#2"]
    assert docs[0].text.startswith("Заявление")
