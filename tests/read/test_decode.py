"""Bytes to text: BOMs, UTF-8 first, detected legacy charsets, and the refusals."""

from __future__ import annotations

import codecs

import pytest

from communique.errors import InputError
from communique.read.decode import MAX_BYTES, clean_controls, decode_bytes
from communique.read.readers import Hints
from communique.read.sources import document_from_text

TEXT = "Товарооборот вырос. Le café à Genève. Trade grew."


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
        TEXT.encode("utf-32"),
    ],
)
def test_decode_unicode_with_and_without_bom(data: bytes) -> None:
    assert decode_bytes(data, path="p") == TEXT


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b" \r\n\t ", "empty"),
        (codecs.BOM_UTF8 + b"  ", "empty"),
        (b"\x00\x01\x02text", "binary"),
        (b"abc" + bytes(range(1, 9)) * 10, "binary"),
        (b"x" * 1001, "too-large"),
    ],
)
def test_decode_refusals_name_path_and_reason(data: bytes, reason: str) -> None:
    with pytest.raises(InputError) as caught:
        decode_bytes(data, path="some/file.txt", max_bytes=1000)
    assert (caught.value.path, caught.value.reason) == ("some/file.txt", reason)
    assert "some/file.txt" in str(caught.value)


def test_decode_a_few_control_bytes_are_still_text() -> None:
    data = ("Trade grew by 10 percent. " * 20).encode() + b"\x1b\x07"
    assert decode_bytes(data, path="p").startswith("Trade grew")


def test_decode_stray_nul_and_control_bytes_are_cleaned_and_the_text_kept() -> None:
    body = "Jane Doe: Trade grew by 10 percent last year, and investment by 5 percent. " * 8
    data = body[:200].encode() + b"\x00\x00\x01" + body[200:].encode() + b"\x00\x7f"
    assert decode_bytes(data, path="p") == body


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8,  # an image
        b"PK\x03\x04" + bytes(600),  # a zip archive
        b"Trade grew." + b"\x00" * 400,  # text padded with far more NULs than text
    ],
)
def test_decode_binary_is_told_by_proportion(data: bytes) -> None:
    with pytest.raises(InputError) as caught:
        decode_bytes(data, path="p")
    assert caught.value.reason == "binary"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_decode_utf16_without_bom(encoding: str) -> None:
    assert decode_bytes(TEXT.encode(encoding), path="p") == TEXT


def test_decode_clean_controls_keeps_line_ends_and_replaces_lone_surrogates() -> None:
    assert clean_controls("a\tb\r\nc\x0bd\x0ce\x00f\x1bg\ud800h") == "a\tb\r\nc\x0bd\x0cefg\ufffdh"


def test_decode_text_from_json_escapes_is_cleaned_too() -> None:
    raw = document_from_text(
        "Jane Doe: Trade grew\u0000 by 10 percent.\ud83d", source="x.jsonl#1", fmt="jsonl",
        hints=Hints(title="Talks\u0000"),
    )  # fmt: skip
    assert raw.text == raw.original == "Jane Doe: Trade grew by 10 percent.\ufffd"
    assert raw.title == "Talks"
    raw.text.encode("utf-8")  # storable anywhere, PostgreSQL included


def test_decode_default_limit_is_sixteen_mebibytes() -> None:
    assert MAX_BYTES == 16 * 1024 * 1024
