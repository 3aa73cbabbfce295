"""Fuzzing the reader: bytes in any encoding (mangled), generated HTML, Markdown and JSONL.

Whatever comes in, reading either gives a document or raises the documented InputError, and
a document always holds: clean, storable text; an offset map as long as the text, inside
the original and in order; every letter and digit of the text found at its place in the
original. COMMUNIQUE_FUZZ multiplies the examples (tests/README.md: the long run).
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, currently_in_test_context, event, given, note, settings
from hypothesis import strategies as st

from communique.errors import INPUT_REASONS, InputError
from communique.models import RawDocument
from communique.read import read_documents
from communique.read.sources import document_from_bytes, document_from_text

SCALE = int(os.environ.get("COMMUNIQUE_FUZZ", "1"))
# Examples per fuzzer in the bounded run: all of tests/fuzz takes about a minute of CPU.
FUZZ = settings(
    max_examples=150 * SCALE,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
FUZZ_HTML = settings(FUZZ, max_examples=60 * SCALE)  # trafilatura takes ~50 ms a page
# What arbitrary bytes may be refused for: anything but a missing file.
REASONS = INPUT_REASONS - {"missing"}
_UNSTORABLE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\ud800-\udfff]")

ENCODINGS = [
    "utf-8",
    "utf-8-sig",
    "utf-16",
    "utf-16-le",
    "utf-16-be",
    "utf-32",
    "cp1252",
    "latin-1",
    "cp1251",
    "koi8-r",
    "cp1250",
    "iso8859-7",
    "shift_jis",
    "gb18030",
    "big5",
    "euc-kr",
]
WORDS = [
    "Vladimir Putin:",
    "Jane Doe:",
    "Question:",
    "Trade",
    "reached",
    "over",
    "$24.5 billion",
    "22,2 млрд",
    "€3 million",
    "10 percent",
    "in 2023",
    "last year",
    "Товарооборот",
    "café",
    "Genève",
    "e\u0301",  # a letter and a combining accent (NFC joins them)
    "“quoted”",
    "—",
    "\u00a0",
    "\u200b",
    "&amp;",
    "&#36;",
    "\\$",
    "*",
    "**",
    "_",
    "#",
    ">",
    "[link](http://x.org)",
    "<sup>1</sup>",
    "6 of 6",
    "Photo: Reuters",
    "See also",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    ".",
    ",",
    "\x00",
    "\x07",
    "\x1b",
    "\x7f",
]

prose = st.lists(
    st.sampled_from(WORDS) | st.text(min_size=1, max_size=12), min_size=1, max_size=60
).map(" ".join)


def check_document(doc: RawDocument) -> None:
    """The promises a read document keeps, whatever it was read from."""
    text, original, offsets = doc.text, doc.original, doc.offset_map
    assert text and text == text.strip()
    assert not _UNSTORABLE.search(text) and not _UNSTORABLE.search(original)
    assert doc.content_hash == hashlib.sha256(text.encode("utf-8")).hexdigest()
    assert len(offsets) == len(text)
    assert all(0 <= i < len(original) for i in offsets)
    assert all(a <= b for a, b in itertools.pairwise(offsets))
    for i, char in enumerate(text):
        if char.isascii() and char.isalnum():
            # letters and digits are the original's own, except those an entity
            # (&#36;, &amp;) spelled: they stand at its "&"
            assert original[offsets[i]] in (char, "&"), (i, char, original[offsets[i]])


def read_or_refuse(data: bytes, fmt: str | None) -> RawDocument | None:
    if currently_in_test_context():
        note(f"data: {data!r}, fmt: {fmt!r}")
    try:
        doc = document_from_bytes(data, source="fuzz", fmt=fmt)
    except InputError as exc:
        assert exc.path == "fuzz" and exc.reason in REASONS, exc
        if currently_in_test_context():
            event(f"refused: {exc.reason}")
        return None
    check_document(doc)
    if currently_in_test_context():
        event("read")
    return doc


@st.composite
def encoded(draw: st.DrawFn) -> bytes:
    """Prose in some encoding, sometimes with bytes flipped, cut or inserted."""
    encoding = draw(st.sampled_from(ENCODINGS))
    data = draw(prose).encode(encoding, errors="replace")
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(data)))
        noise = draw(st.binary(min_size=1, max_size=4))
        data = data[:at] + noise + data[at + draw(st.integers(0, 2)) :]
    return data


@FUZZ
@given(encoded(), st.sampled_from([None, "text", "markdown", "html"]))
def test_fuzz_reader_bytes_in_any_encoding(data: bytes, fmt: str | None) -> None:
    read_or_refuse(data, fmt)


@FUZZ
@given(st.binary(max_size=4096), st.sampled_from([None, "text", "markdown", "html"]))
def test_fuzz_reader_arbitrary_bytes(data: bytes, fmt: str | None) -> None:
    read_or_refuse(data, fmt)


def test_fuzz_reader_a_few_stray_nuls_keep_the_document() -> None:
    doc = read_or_refuse(b"Jane Doe: Trade reached \x00$24.5 billion in 2023.\x00\n" * 20, None)
    assert doc is not None and "$24.5 billion" in doc.text


# -- HTML ---------------------------------------------------------------------------------

TAGS = ["p", "div", "span", "b", "i", "a", "h1", "li", "td", "tr", "table", "article", "br"]
RAW = ["title", "style", "script", "textarea"]


@st.composite
def html_pages(draw: st.DrawFn) -> tuple[str, str]:
    """A page of random elements, some left unclosed, around one statement paragraph.
    Returns (markup, statement)."""
    statement = f"Jane Doe: Trade between our countries reached ${draw(st.integers(1, 999))} "
    statement += "billion in 2023, and we agreed to expand it next year."
    parts: list[str] = []
    for _ in range(draw(st.integers(0, 12))):
        kind = draw(st.integers(0, 5))
        if kind == 0:
            tag = draw(st.sampled_from(TAGS))
            close = draw(st.booleans())
            parts.append(f"<{tag}>{draw(prose)}" + (f"</{tag}>" if close else ""))
        elif kind == 1:
            tag = draw(st.sampled_from(RAW))
            parts.append(f"<{tag}>{draw(prose)}" + (f"</{tag}>" if draw(st.booleans()) else ""))
        elif kind == 2:
            parts.append(f"<!-- {draw(prose)} -->")
        elif kind == 3:
            parts.append(draw(st.sampled_from(["&amp;", "&nbsp;", "&#0;", "&#xD800;", "&bogus;"])))
        elif kind == 4:
            parts.append("<div>" * draw(st.integers(1, 400)))
        else:
            parts.append(draw(prose))
    at = draw(st.integers(0, len(parts)))
    parts.insert(at, f"<p>{statement}</p>")
    head = draw(st.sampled_from(["", "<!DOCTYPE html><html><head>", '<?xml version="1.0"?>']))
    return head + "".join(parts), statement


@FUZZ_HTML
@given(html_pages())
def test_fuzz_reader_html_pages(page: tuple[str, str]) -> None:
    markup, _ = page
    try:
        doc = document_from_text(markup, source="fuzz", fmt="html")
    except InputError as exc:
        assert exc.reason in REASONS, exc
        return
    check_document(doc)


_HIDING = re.compile(r"<!--|<(script|style)\b", re.I)


def _hidden(markup: str, at: int) -> bool:
    """Whether a browser shows nothing at `at`: inside a comment, or inside a script or style
    that is closed after it (one never closed is closed at its next tag, html.close_raw_text)."""
    pos = 0
    while (m := _HIDING.search(markup, pos)) is not None and m.start() < at:
        name = m.group(1)
        end = re.compile(rf"</{name}\s*>" if name else "-->", re.I).search(markup, m.end())
        if end is None:
            if not name:
                return True  # a comment never closed hides the rest of the page
            pos = m.end()
        elif end.start() > at:
            return True
        else:
            pos = end.end()
    return False


@FUZZ_HTML
@given(html_pages())
def test_fuzz_reader_html_with_a_statement_is_never_dropped(page: tuple[str, str]) -> None:
    """A page with a visible statement paragraph always gives a document: when trafilatura's
    parser gives up, or keeps nothing but furniture, the page is read as plain text."""
    markup, statement = page
    note(f"markup: {markup!r}")
    if _hidden(markup, markup.index(f"<p>{statement}")):
        return
    check_document(document_from_text(markup, source="fuzz", fmt="html"))


@st.composite
def plain_pages(draw: st.DrawFn) -> tuple[str, str]:
    """A head (raw-text elements perhaps unclosed), perhaps thousands of nested <div>s,
    and the statement paragraph: nothing that hides text from a reader."""
    statement = f"Jane Doe: Trade between our countries reached ${draw(st.integers(1, 999))} "
    statement += "billion in 2023, and we agreed to expand it next year."
    head = "".join(
        f"<{tag}>{draw(st.sampled_from(['Talks', 'p {}', 'var a;']))}"
        + (f"</{tag}>" if draw(st.booleans()) else "")
        for tag in draw(st.lists(st.sampled_from(RAW), max_size=4))
    )
    depth = draw(st.sampled_from([0, 1, 50, 240, 260, 2000]))
    body = "<div>" * depth + f"<p>{statement}</p>" + "</div>" * draw(st.integers(0, depth))
    return f"<html><head>{head}</head><body>{body}</body></html>", statement


@FUZZ_HTML
@given(plain_pages())
def test_fuzz_reader_html_statement_is_not_lost(page: tuple[str, str]) -> None:
    markup, statement = page
    note(f"markup: {markup!r}")
    doc = document_from_text(markup, source="fuzz", fmt="html")
    assert statement in " ".join(doc.text.split())


# -- Markdown -----------------------------------------------------------------------------

markdown = st.lists(
    st.sampled_from(
        [
            *("# ", "## ", "> ", "- ", "* ", "1. ", "**", "__", "*", "_", "`", "```\n"),
            *("---\n", "[", "](", ")", "![", "\\", "\\$", "\\*", "<br>", "&amp;", "|", "\n"),
        ]
    )
    | prose,
    max_size=40,
).map("".join)


@FUZZ
@given(markdown)
def test_fuzz_reader_markdown(text: str) -> None:
    read_or_refuse(text.encode("utf-8"), "markdown")


# -- JSONL --------------------------------------------------------------------------------

json_scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30)
json_values = (
    json_scalars
    | st.lists(json_scalars, max_size=3)
    | st.dictionaries(st.text(max_size=5), json_scalars, max_size=3)
)
record = st.fixed_dictionaries(
    {},
    optional={
        "id": json_values,
        "title": json_values | prose,
        "date": json_values
        | st.sampled_from(["2024-11-27", "2024-02-30", "27.11.2024", "yesterday", "2024"]),
        "url": json_values,
        "publisher": json_values,
        "text": json_values | prose | html_pages().map(lambda page: page[0]),
    },
)
lines = st.lists(
    record.map(lambda r: json.dumps(r, ensure_ascii=False))
    | record.map(json.dumps)
    | st.text(max_size=40),  # not JSON at all
    min_size=1,
    max_size=6,
)


@FUZZ
@given(lines, st.sampled_from(["\n", "\r\n"]))
def test_fuzz_reader_jsonl(rows: list[str], newline: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.jsonl"
        path.write_bytes(newline.join(rows).encode("utf-8", errors="surrogatepass"))
        for item in read_documents([str(path)]):
            if isinstance(item, InputError):
                assert item.path.startswith(str(path)) and item.reason in REASONS, item
            else:
                assert isinstance(item, RawDocument)
                check_document(item)
                for value in (item.title, item.url, item.publisher):
                    assert value is None or not _UNSTORABLE.search(value)
