"""A document's text cut into speaker blocks, paragraphs and pieces, with claims as pieces.

The template writes each piece escaped; a claim piece becomes a focusable link to the claim.
Nothing here builds HTML, so untrusted text can only reach the page through autoescaping.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from communique.models import Claim, Turn


@dataclass(frozen=True, slots=True, kw_only=True)
class Piece:
    text: str
    claim: Claim | None = None
    first: bool = True  # the first piece of a claim cut across paragraphs carries its anchor


@dataclass(slots=True, kw_only=True)
class Block:
    """Text said in one turn (`turn` set), or text outside any turn (headings, furniture)."""

    turn: Turn | None
    index: int | None  # position of the turn in the document
    paragraphs: list[list[Piece]] = field(default_factory=list)


def _visible(claims: Sequence[Claim], size: int) -> list[Claim]:
    """Claims in text order, leaving out any that overlaps one already shown."""
    shown: list[Claim] = []
    end = 0
    for claim in sorted(claims, key=lambda c: (c.span.start, -c.span.end)):
        if claim.span.start >= end and claim.span.end <= size and claim.span.end > claim.span.start:
            shown.append(claim)
            end = claim.span.end
    return shown


def _pieces(text: str, start: int, end: int, claims: list[Claim], seen: set[int]) -> list[Piece]:
    pieces: list[Piece] = []
    pos = start
    for claim in claims:
        a, b = max(claim.span.start, start), min(claim.span.end, end)
        if b <= a:
            continue
        if a > pos:
            pieces.append(Piece(text=text[pos:a]))
        key = claim.id if claim.id is not None else -claim.span.start - 1
        pieces.append(Piece(text=text[a:b], claim=claim, first=key not in seen))
        seen.add(key)
        pos = b
    if pos < end:
        pieces.append(Piece(text=text[pos:end]))
    return pieces


def _paragraphs(
    text: str, start: int, end: int, claims: list[Claim], seen: set[int]
) -> list[list[Piece]]:
    """Non-blank lines of text[start:end] as paragraphs of pieces."""
    paragraphs = []
    line_start = start
    while line_start < end:
        newline = text.find("\n", line_start, end)
        line_end = end if newline < 0 else newline
        if text[line_start:line_end].strip():
            inside = [c for c in claims if c.span.start < line_end and c.span.end > line_start]
            paragraphs.append(_pieces(text, line_start, line_end, inside, seen))
        line_start = line_end + 1
    return paragraphs


def _without_label(text: str, start: int, end: int, turn: Turn) -> int:
    """Where the text before a turn ends once its speaker label ("Name:") is cut off."""
    gap = text[start:end].rstrip()
    if turn.label and gap.endswith(":"):
        label_at = gap.rfind(turn.label)
        if label_at >= 0 and not gap[label_at + len(turn.label) : -1].strip(" *"):
            return start + label_at
    return end


def document_blocks(text: str, turns: Sequence[Turn], claims: Sequence[Claim]) -> list[Block]:
    """The whole text, in order, as blocks: turns and the text between them."""
    shown = _visible(claims, len(text))
    seen: set[int] = set()
    blocks: list[Block] = []
    pos = 0
    ordered = sorted(enumerate(turns), key=lambda it: it[1].span.start)
    for index, turn in ordered:
        start, end = max(turn.span.start, pos), min(turn.span.end, len(text))
        gap = _without_label(text, pos, start, turn)
        if gap > pos and text[pos:gap].strip():
            blocks.append(
                Block(turn=None, index=None, paragraphs=_paragraphs(text, pos, gap, shown, seen))
            )
        if end > start:
            blocks.append(
                Block(turn=turn, index=index, paragraphs=_paragraphs(text, start, end, shown, seen))
            )
        pos = max(pos, end)
    if pos < len(text) and text[pos:].strip():
        blocks.append(
            Block(turn=None, index=None, paragraphs=_paragraphs(text, pos, len(text), shown, seen))
        )
    return blocks


@dataclass(frozen=True, slots=True, kw_only=True)
class Context:
    before: str
    quote: str
    after: str


CONTEXT_CHARS = 280  # about two sentences either side when the claim has no sentence span


def claim_context(text: str, claim: Claim) -> Context:
    """The quote with the sentence around it (or a window of text when no sentence is known)."""
    start, end = claim.span.start, min(claim.span.end, len(text))
    if claim.sentence is not None and claim.sentence.start <= start and claim.sentence.end >= end:
        left, right = claim.sentence.start, min(claim.sentence.end, len(text))
    else:
        left, right = max(0, start - CONTEXT_CHARS), min(len(text), end + CONTEXT_CHARS)
        # widen to whole lines so the context does not start mid-word
        line = text.rfind("\n", left, start)
        left = line + 1 if line >= 0 else left
        line = text.find("\n", end, right)
        right = line if line >= 0 else right
    before = ("… " if left > 0 and text[left - 1] != "\n" else "") + text[left:start]
    after = text[end:right] + (" …" if right < len(text) and text[right] != "\n" else "")
    return Context(before=before, quote=text[start:end], after=after)
