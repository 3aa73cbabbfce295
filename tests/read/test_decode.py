"""Bytes to text: BOMs, UTF-8 first, detected legacy charsets, and the refusals."""

from __future__ import annotations

import codecs

import pytest

from communique.errors import InputError
from communique.read.decode import MAX_BYTES, decode_bytes

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


def test_decode_default_limit_is_sixteen_mebibytes() -> None:
    assert MAX_BYTES == 16 * 1024 * 1024
