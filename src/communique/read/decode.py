"""Bytes → str: empty, binary and oversized input are refused with a reason; the charset is
UTF-8 (with or without BOM) first, then whatever charset-normalizer is confident about.

Binary is decided by proportion, not presence: a statement with a few stray NUL or control
bytes (a bad copy, a padded export) is text, cleaned of them (`clean_controls`) and kept.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import CharsetMatch, from_bytes

from communique.errors import InputError

# 16 MiB: the longest transcripts on kremlin.ru or state.gov are well under 1 MiB of text;
# anything this big is almost certainly not one statement (an archive, a dump, a video).
MAX_BYTES = 16 * 1024 * 1024

# Share of control bytes (other than tab, CR, LF, FF) above which input is called binary.
# Text in any 8-bit or Unicode encoding has next to none; 5% leaves room for a few stray ones.
_CONTROL_SHARE = 0.05
_SNIFF = 8192  # bytes inspected for the binary test

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_TEXT_CONTROLS = {9, 10, 12, 13, 27}
_ODD_CONTROLS = bytes(b for b in range(32) if b not in _TEXT_CONTROLS)
# What `clean_controls` removes: C0 controls but tab, line feed, vertical tab, form feed and
# carriage return (normalisation turns those into spaces and line ends), and DEL. PostgreSQL
# cannot store NUL in text, and lxml refuses the others; none of them is ever meant in a
# statement. Lone surrogates (from JSON escapes) cannot be encoded at all: they become U+FFFD.
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]+")
_SURROGATES = re.compile(r"[\ud800-\udfff]")
# UTF-16 without a BOM: ASCII characters have a NUL high byte, all on one side of each pair.
# 10% of pairs holding a NUL covers Russian text (spaces, digits and punctuation are ASCII);
# 95% of them on one side is what no binary format and no 8-bit text shows.
_UTF16_NUL_SHARE = 0.10
_UTF16_ONE_SIDE = 0.95
# Two candidates whose chaos and coherence differ by less than this are a tie. On Western
# European and Russian test texts the right charset ties the wrong ones at exactly 0.0 chaos,
# or trails a Mac charset by about 0.02; real misdetections differ by 0.1 and more.
_TIE = 0.05
_PREFERENCE = {
    name: rank
    for rank, name in enumerate(
        [
            "utf_8",
            "cp1252",
            "latin_1",
            "iso8859_15",
            "cp1251",
            "koi8_r",
            "cp1250",
            "iso8859_2",
            "cp1253",
            "cp1254",
            "cp1257",
            "gb18030",
            "big5",
            "shift_jis",
            "euc_kr",
        ]
    )
}


def too_large(path: str, size: int, *, max_bytes: int) -> InputError:
    return InputError(
        path,
        "too-large",
        f"{size} bytes is over the limit of {max_bytes} bytes",
        hint="raise the limit with max_bytes= (CLI: --max-bytes) or split the file",
    )


def decode_bytes(data: bytes, *, path: str, max_bytes: int = MAX_BYTES) -> str:
    """Decode one document's bytes, or raise InputError(empty|binary|encoding|too-large)."""
    if len(data) > max_bytes:
        raise too_large(path, len(data), max_bytes=max_bytes)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _nonempty(clean_controls(data.decode(encoding)), path)
            except UnicodeDecodeError as exc:
                raise _encoding_error(path, encoding, exc) from exc
    if not data.strip():
        raise InputError(path, "empty", "the document is empty")
    head = data[:_SNIFF]
    controls = len(head) - len(head.translate(None, _ODD_CONTROLS))  # counted in C
    if controls > _CONTROL_SHARE * len(head):
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return _nonempty(clean_controls(utf16), path)
        raise InputError(
            path,
            "binary",
            "this looks like a binary file, not text",
            hint="convert it to text, Markdown, HTML or JSONL first",
        )
    try:
        return _nonempty(clean_controls(data.decode("utf-8")), path)
    except UnicodeDecodeError as exc:
        utf8_error = exc
    matches = list(from_bytes(data))
    if not matches:
        raise _encoding_error(path, "utf-8", utf8_error)
    return _nonempty(clean_controls(str(_prefer(matches))), path)


def clean_controls(text: str) -> str:
    """`text` without stray control characters, and with U+FFFD for lone surrogates."""
    if _CONTROL_CHARS.search(text):
        text = _CONTROL_CHARS.sub("", text)
    if _SURROGATES.search(text):
        text = _SURROGATES.sub("\ufffd", text)
    return text


def _utf16_without_bom(data: bytes) -> str | None:
    """The text of UTF-16 bytes without a byte order mark, or None if they are not that."""
    head = data[: _SNIFF - _SNIFF % 2]
    if len(data) % 2 or len(head) < 2:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    pairs = len(head) // 2
    if even + odd < _UTF16_NUL_SHARE * pairs or max(even, odd) < _UTF16_ONE_SIDE * (even + odd):
        return None
    try:
        text = data.decode("utf-16-le" if odd > even else "utf-16-be")
    except UnicodeDecodeError:
        return None
    sample = text[:_SNIFF]
    if len(_CONTROL_CHARS.sub("", sample)) < (1 - _CONTROL_SHARE) * len(sample):
        return None
    return text


def _prefer(matches: list[CharsetMatch]) -> CharsetMatch:
    """Among near-ties, the charset official sites actually use (Latin-1 text scores the
    same as cp1250 or cp1257, since only a few accented letters tell them apart)."""
    best = matches[0]
    tied = [
        m for m in matches if m.chaos - best.chaos <= _TIE and best.coherence - m.coherence <= _TIE
    ]
    return min(tied, key=lambda m: _PREFERENCE.get(m.encoding, len(_PREFERENCE)))


def _nonempty(text: str, path: str) -> str:
    if not text.strip():
        raise InputError(path, "empty", "the document is empty")
    return text


def _encoding_error(path: str, encoding: str, exc: UnicodeDecodeError) -> InputError:
    return InputError(
        path,
        "encoding",
        f"cannot decode as {encoding} (byte {exc.start}) and no other charset fits",
        hint="re-save the file as UTF-8",
    )
