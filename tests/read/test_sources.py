"""Reading inputs: every bad input gives an InputError naming it, and the rest still come."""

from __future__ import annotations

import io
import json
import threading
from collections.abc import Iterator
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from communique.errors import InputError
from communique.models import DatePrecision, RawDocument
from communique.read import read_documents
from communique.read.sources import document_from_bytes

GOOD = "Talks\nFebruary 10, 2022\nVladimir Putin: Trade grew by 10 percent.\n"
RUSSIAN = "Переговоры с Президентом Казахстана. Товарооборот вырос на 10 процентов.\n" * 3
FRENCH = "Déclaration commune: le commerce a progressé de 10 % à Genève, où l'été fut chaud.\n" * 3
PAGE = (
    "<html><head><title>Talks</title><meta property='og:site_name' content='Kremlin'>"
    "<meta name='date' content='2022-02-10'></head><body><nav>Menu</nav><article>"
    "<h1>Press statements following talks</h1><p>Vladimir Putin: Trade between our countries "
    "grew by 10 percent last year, and we expect more next year.</p><p>Question: What next?"
    "</p></article></body></html>"
)


def _split(results: list[RawDocument | InputError]) -> tuple[list[RawDocument], list[InputError]]:
    docs = [r for r in results if isinstance(r, RawDocument)]
    errors = [r for r in results if isinstance(r, InputError)]
    return docs, errors


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\t\n  ", "empty"),
        ("binary.txt", bytes(range(256)) * 10, "binary"),
        ("nul.md", b"text\x00with\x00nuls" * 20, "binary"),
        ("broken.html", b"<html><body><script>var x = 1;</script></body></html>", "bad-html"),
        ("furniture.txt", b"Share\nPrint\n6 of 6\n", "empty"),
    ],
)
def test_sources_bad_file_is_reported_and_others_still_read(
    tmp_path: Path, name: str, data: bytes, reason: str
) -> None:
    bad = _write(tmp_path / name, data)
    good = _write(tmp_path / "good.txt", GOOD.encode())
    docs, errors = _split(list(read_documents([str(bad), str(good)])))
    assert [d.source for d in docs] == [str(good)]
    assert [(e.path, e.reason) for e in errors] == [(str(bad), reason)]


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (RUSSIAN, "cp1251"),
        (FRENCH, "latin-1"),
        ("Le café était fermé. Über alles, señor.\n", "latin-1"),
        (RUSSIAN, "utf-16"),
        (FRENCH, "utf-8-sig"),
    ],
)
def test_sources_decodes_legacy_charsets(tmp_path: Path, text: str, encoding: str) -> None:
    path = _write(tmp_path / "legacy.txt", text.encode(encoding))
    (doc,) = read_documents([str(path)])
    assert isinstance(doc, RawDocument)
    assert doc.text == text.strip()


def test_sources_too_large_checked_before_reading(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as f:
        f.truncate(50 * 1024 * 1024)  # sparse: 50 MB on paper, nothing on disk
    good = _write(tmp_path / "good.txt", GOOD.encode())
    docs, errors = _split(list(read_documents([str(huge), str(good)])))
    assert [d.source for d in docs] == [str(good)]
    assert [(e.path, e.reason) for e in errors] == [(str(huge), "too-large")]
    assert errors[0].hint and "max_bytes" in errors[0].hint


def test_sources_max_bytes_is_adjustable(tmp_path: Path) -> None:
    path = _write(tmp_path / "good.txt", GOOD.encode())
    (error,) = read_documents([str(path)], max_bytes=10)
    assert isinstance(error, InputError) and error.reason == "too-large"


def test_sources_missing_and_unsupported(tmp_path: Path) -> None:
    good = _write(tmp_path / "good.txt", GOOD.encode())
    word = _write(tmp_path / "statement.docx", b"PK\x03\x04")
    missing = tmp_path / "nope.txt"
    docs, errors = _split(list(read_documents([str(missing), str(word), str(good)])))
    assert [d.source for d in docs] == [str(good)]
    assert [(e.path, e.reason) for e in errors] == [
        (str(missing), "missing"),
        (str(word), "unsupported"),
    ]


def test_sources_folder_walk_skips_hidden_and_unsupported(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / ".git").mkdir()
    _write(tmp_path / "a.txt", GOOD.encode())
    _write(tmp_path / "sub" / "b.md", GOOD.encode())
    _write(tmp_path / "sub" / "c.html", PAGE.encode())
    _write(tmp_path / ".hidden.txt", GOOD.encode())
    _write(tmp_path / ".git" / "d.txt", GOOD.encode())
    _write(tmp_path / "image.png", b"\x89PNG")
    docs, errors = _split(list(read_documents([str(tmp_path)])))
    assert errors == []
    assert sorted(Path(d.source).name for d in docs) == ["a.txt", "b.md", "c.html"]
    assert {d.format for d in docs} == {"text", "markdown", "html"}


def test_sources_glob(tmp_path: Path) -> None:
    (tmp_path / "x" / "y").mkdir(parents=True)
    _write(tmp_path / "x" / "y" / "one.txt", GOOD.encode())
    _write(tmp_path / "x" / "two.txt", GOOD.encode())
    _write(tmp_path / "x" / "three.md", GOOD.encode())
    docs, errors = _split(list(read_documents([f"{tmp_path}/**/*.txt", f"{tmp_path}/none/*.txt"])))
    assert sorted(Path(d.source).name for d in docs) == ["one.txt", "two.txt"]
    assert [e.reason for e in errors] == ["missing"]


def test_sources_html_text_and_metadata(tmp_path: Path) -> None:
    path = _write(tmp_path / "page.html", PAGE.encode())
    (doc,) = read_documents([str(path)])
    assert isinstance(doc, RawDocument)
    assert "Trade between our countries" in doc.text and "Menu" not in doc.text
    assert (doc.publisher, str(doc.date)) == ("Kremlin", "2022-02-10")
    assert doc.title in ("Talks", "Press statements following talks")
    assert doc.original.startswith("Press statements")


def test_sources_jsonl_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps(
            {
                "id": "a1",
                "title": "Talks",
                "date": "2022-02-10",
                "url": "https://x.org/1",
                "text": GOOD,
            }
        ),
        "{not json",
        json.dumps({"id": "a3", "title": "No text"}),
        "",
        json.dumps({"id": "a5", "text": PAGE}),
    ]
    path = _write(tmp_path / "batch.jsonl", "\n".join(lines).encode())
    docs, errors = _split(list(read_documents([str(path)])))
    assert [d.source for d in docs] == [f"{path}#a1", f"{path}#a5"]
    assert (docs[0].title, str(docs[0].date), docs[0].url) == (
        "Talks",
        "2022-02-10",
        "https://x.org/1",
    )
    assert {d.format for d in docs} == {"jsonl"}
    assert "Trade between our countries" in docs[1].text
    assert [(e.path, e.reason) for e in errors] == [
        (f"{path}:2", "bad-json-line"),
        (f"{path}:3", "bad-json-line"),
    ]


@pytest.mark.parametrize(("data", "fmt"), [(GOOD.encode(), "text"), (PAGE.encode(), "html")])
def test_sources_stdin_sniffs_html(data: bytes, fmt: str) -> None:
    (doc,) = read_documents(["-"], stdin=io.BytesIO(data))
    assert isinstance(doc, RawDocument)
    assert (doc.source, doc.format) == ("-", fmt)
    assert "Trade" in doc.text


def test_sources_same_text_same_hash(tmp_path: Path) -> None:
    a = _write(tmp_path / "a.txt", GOOD.encode())
    b = _write(tmp_path / "b.txt", GOOD.replace("\n", "\r\n").encode())
    first, second = read_documents([str(a), str(b)])
    assert isinstance(first, RawDocument) and isinstance(second, RawDocument)
    assert first.content_hash == second.content_hash


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/statement":
            body = PAGE.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        else:
            self.send_error(404)

    def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
        return


@pytest.fixture
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()
    thread.join()


def test_sources_url(server: str) -> None:
    docs, errors = _split(list(read_documents([f"{server}/statement", f"{server}/gone"])))
    assert [(d.source, d.format) for d in docs] == [(f"{server}/statement", "html")]
    assert "Trade between our countries" in docs[0].text
    assert [(e.path, e.reason) for e in errors] == [(f"{server}/gone", "missing")]


@settings(max_examples=150, deadline=None)
@given(
    st.one_of(st.binary(max_size=2048), st.binary(max_size=2048).map(lambda b: b"%PDF-1.4\n" + b)),
    st.sampled_from([None, "text", "markdown", "html", "pdf"]),
)
def test_sources_arbitrary_bytes_never_crash(data: bytes, fmt: str | None) -> None:
    try:
        doc = document_from_bytes(data, source="fuzz", fmt=fmt)
    except InputError as exc:
        reasons = {"empty", "binary", "encoding", "bad-html", "bad-pdf", "no-text", "encrypted"}
        assert exc.path == "fuzz" and exc.reason in reasons | {"bad-front-matter"}
    else:
        assert len(doc.offset_map) == len(doc.text) and doc.text == doc.text.strip()


@settings(max_examples=50, deadline=None)
@given(st.lists(st.binary(max_size=200), max_size=5))
def test_sources_arbitrary_stdin_yields_document_or_error(chunks: list[bytes]) -> None:
    results = list(read_documents(["-"], stdin=io.BytesIO(b"\n".join(chunks))))
    assert len(results) == 1 and isinstance(results[0], RawDocument | InputError)


def test_sources_speech_without_speakers_still_reads(tmp_path: Path) -> None:
    from communique.models import Description
    from communique.segment import PersonRegistry, segment_turns

    speech = _write(tmp_path / "speech.txt", b"Address\n\nCitizens, our trade grew by 4 percent.")
    good = _write(tmp_path / "good.txt", GOOD.encode())
    docs, errors = _split(list(read_documents([str(speech), str(good)])))
    assert errors == [] and [d.source for d in docs] == [str(speech), str(good)]
    registry = PersonRegistry.default()
    turns = [segment_turns(d.text, registry=registry, description=Description()) for d in docs]
    assert turns[0] == [] and [t.speaker for t in turns[1]] == ["Vladimir Putin"]


@pytest.mark.parametrize(
    ("given", "day", "precision"),
    [
        ("1995", date(1995, 1, 1), DatePrecision.YEAR),
        ("2021-11-04", date(2021, 11, 4), DatePrecision.DAY),
        ("2021-11-04T18:35:00Z", date(2021, 11, 4), DatePrecision.DAY),
        (None, None, None),
    ],
)
def test_sources_jsonl_dates_keep_their_precision(
    tmp_path: Path, given: str | None, day: date | None, precision: DatePrecision | None
) -> None:
    path = tmp_path / "speeches.jsonl"
    record = {"id": "s1", "title": "General Debate", "date": given, "text": "We met. " * 5}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    (raw,) = read_documents([str(path)])
    assert isinstance(raw, RawDocument)
    assert (raw.date, raw.date_precision) == (day, precision)
