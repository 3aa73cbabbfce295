"""Bytes → str: empty, binary and oversized input are refused with a reason; the charset is
UTF-8 (with or without BOM) first, then whatever charset-normalizer is confident about."""

from __future__ import annotations

import codecs

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
                return _nonempty(data.decode(encoding), path)
            except UnicodeDecodeError as exc:
                raise _encoding_error(path, encoding, exc) from exc
    if not data.strip():
        raise InputError(path, "empty", "the document is empty")
    head = data[:_SNIFF]
    controls = len(head) - len(head.translate(None, _ODD_CONTROLS))  # counted in C
    if b"\x00" in head or controls > _CONTROL_SHARE * len(head):
        raise InputError(
            path,
            "binary",
            "this looks like a binary file, not text",
            hint="convert it to text, Markdown, HTML or JSONL first",
        )
    try:
        return _nonempty(data.decode("utf-8"), path)
    except UnicodeDecodeError as exc:
        utf8_error = exc
    matches = list(from_bytes(data))
    if not matches:
        raise _encoding_error(path, "utf-8", utf8_error)
    return _nonempty(str(_prefer(matches)), path)


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
