"""Normalised text with a map back to the original: every later offset stays traceable.

`MappedText` is a string whose characters each remember their index in the original. Every
rewrite (a regex substitution, a dropped line) keeps that memory, so the final `offset_map`
is composed for free instead of being rebuilt from a diff.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass

# A replacement piece: an int keeps that regex group with its original indices; a str is
# new text, mapped to the start of the match (it has no characters of its own there).
Piece = int | str


@dataclass(slots=True)
class MappedText:
    """Text plus, for each character, its index in the original."""

    text: str
    index: list[int]

    @classmethod
    def of(cls, original: str) -> MappedText:
        return cls(original, list(range(len(original))))

    def sub(
        self, pattern: re.Pattern[str], pieces: Callable[[re.Match[str]], Sequence[Piece]]
    ) -> None:
        """Replace every match of `pattern` by `pieces(match)`, keeping the index map."""
        out: list[str] = []
        idx: list[int] = []
        last = 0
        for m in pattern.finditer(self.text):
            out.append(self.text[last : m.start()])
            idx.extend(self.index[last : m.start()])
            anchor = self.index[m.start()] if m.start() < len(self.index) else self._end()
            for piece in pieces(m):
                if isinstance(piece, int):
                    s, e = m.span(piece)
                    if s < 0:
                        continue
                    out.append(self.text[s:e])
                    idx.extend(self.index[s:e])
                else:
                    out.append(piece)
                    idx.extend([anchor] * len(piece))
            last = m.end()
        if last == 0 and not out:
            return
        out.append(self.text[last:])
        idx.extend(self.index[last:])
        self.text = "".join(out)
        self.index = idx

    def drop(self, spans: Sequence[tuple[int, int]]) -> None:
        """Remove the given half-open spans (sorted, non-overlapping) of the current text."""
        if not spans:
            return
        keep_text: list[str] = []
        keep_idx: list[int] = []
        last = 0
        for s, e in spans:
            keep_text.append(self.text[last:s])
            keep_idx.extend(self.index[last:s])
            last = e
        keep_text.append(self.text[last:])
        keep_idx.extend(self.index[last:])
        self.text = "".join(keep_text)
        self.index = keep_idx

    def _end(self) -> int:
        return self.index[-1] + 1 if self.index else 0


_ODD_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\f\v]")
_ZERO_WIDTH = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_CRLF = re.compile(r"\r\n?|\u2028|\u2029|\x85")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>|<!--.*?-->", re.S)
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!$|<>~])")
_MD_LINK = re.compile(r"!?\[([^\[\]\n]*)\]\([^()\s]*(?:\s+\"[^\"\n]*\")?\)")
_MD_HEADING = re.compile(r"^[ ]{0,3}#{1,6}[ ]+(?=\S)|[ ]+#+[ ]*$", re.M)
_MD_RULE = re.compile(r"^[ ]{0,3}(?:[-*_][ ]*){3,}$", re.M)
_MD_QUOTE = re.compile(r"^[ ]{0,3}>[ ]?", re.M)
_MD_STRONG = re.compile(r"(\*\*|__)(?=\S)([^\n]*?\S)\1")
_MD_EMPHASIS = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]*?\S)\*(?![\w*])")
_TRAILING_SPACE = re.compile(r"[ ]+$", re.M)
_SPACE_RUN = re.compile(r"(?<=\S)[ ]{2,}(?=\S)")
_BLANK_RUN = re.compile(r"\n[ ]*\n(?:[ ]*\n)+")
_LEADING_SPACE = re.compile(r"^[ ]+", re.M)


def _nfc(mapped: MappedText) -> None:
    """Unicode NFC per cluster (a base character and its combining marks)."""
    if unicodedata.is_normalized("NFC", mapped.text):
        return
    cluster = re.compile(
        r".[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+", re.S
    )
    mapped.sub(cluster, lambda m: [unicodedata.normalize("NFC", m.group(0))])


def _entity(m: re.Match[str]) -> list[Piece]:
    return [html.unescape(m.group(0))]


def plain_inline(text: str) -> str:
    """A metadata string as read: Markdown escapes undone ("President\\_Biden"), invisible
    characters dropped ("Biden-\u2060Harris"), spaces collapsed."""
    text = _ZERO_WIDTH.sub("", _MD_ESCAPE.sub(r"\1", text))
    return " ".join(text.split())


def normalize_text(original: str, *, markdown: bool = True, start: int = 0) -> MappedText:
    """Inline normalisation: Unicode, spaces, line ends, Markdown and stray HTML markup.

    `start` skips a header that is not text (front matter). Line-level furniture is removed
    afterwards by `boilerplate.strip_furniture`, and `finish` collapses blank lines once
    everything else is gone.
    """
    mapped = MappedText.of(original)
    if start:  # front matter: metadata, not text; what follows keeps its offsets
        mapped.drop([(0, start)])
    # Each `in` test below is a character every match holds: a scan in C instead of a regex
    # tried at every position of text that has none (most plain-text statements).
    if "\r" in original or "\u2028" in original or "\u2029" in original or "\x85" in original:
        mapped.sub(_CRLF, lambda m: ["\n"])
    _nfc(mapped)
    mapped.sub(_ZERO_WIDTH, lambda m: [])
    mapped.sub(_ODD_SPACES, lambda m: [" "])
    if "<" in mapped.text:
        mapped.sub(_TAG, lambda m: [])
    if "&" in mapped.text:
        mapped.sub(_ENTITY, _entity)
        mapped.sub(_ODD_SPACES, lambda m: [" "])  # entities such as &nbsp; bring their own
    if markdown:
        mapped.sub(_MD_RULE, lambda m: [])
        if "#" in mapped.text:
            mapped.sub(_MD_HEADING, lambda m: [])
        if ">" in mapped.text:
            mapped.sub(_MD_QUOTE, lambda m: [])
        if "](" in mapped.text:
            mapped.sub(_MD_LINK, lambda m: [1])
        if "**" in mapped.text or "__" in mapped.text:
            mapped.sub(_MD_STRONG, lambda m: [2])
        if "*" in mapped.text:
            mapped.sub(_MD_EMPHASIS, lambda m: [1])
        if "\\" in mapped.text:
            mapped.sub(_MD_ESCAPE, lambda m: [1])
    if " \n" in mapped.text or mapped.text.endswith(" "):
        mapped.sub(_TRAILING_SPACE, lambda m: [])
    if "\n " in mapped.text or mapped.text.startswith(" "):
        mapped.sub(_LEADING_SPACE, lambda m: [])
    if "  " in mapped.text:
        mapped.sub(_SPACE_RUN, lambda m: [" "])
    return mapped


def finish(mapped: MappedText) -> tuple[str, tuple[int, ...]]:
    """Collapse runs of blank lines, trim the ends, and return (text, offset_map)."""
    mapped.sub(_BLANK_RUN, lambda m: ["\n\n"])
    text = mapped.text
    start = len(text) - len(text.lstrip())
    end = len(text.rstrip())
    return text[start:end], tuple(mapped.index[start:end])
