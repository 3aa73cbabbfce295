"""Cutting a document into speaker blocks and claim pieces, and a claim's context."""

from __future__ import annotations

from decimal import Decimal

import pytest

from communique.models import Claim, Span, Turn
from communique.serve.passages import claim_context, document_blocks

TEXT = (
    "Title line\n\nAnna Ivanova: Trade rose to $5 billion.\nIt was over 10 percent.\n\nBob: Fine."
)


def _claim(quote: str, claim_id: int, text: str = TEXT) -> Claim:
    start = text.index(quote)
    return Claim(
        id=claim_id,
        quote=quote,
        value=Decimal(1),
        unit="USD",
        span=Span(start=start, end=start + len(quote)),
    )


def _turns() -> list[Turn]:
    anna = TEXT.index("Trade")
    bob = TEXT.index("Fine")
    return [
        Turn(speaker="Anna Ivanova", label="Anna Ivanova", span=Span(start=anna, end=bob - 5)),
        Turn(speaker="Bob", label="Bob", span=Span(start=bob, end=len(TEXT))),
    ]


def _flat(blocks: list) -> str:  # type: ignore[type-arg]
    return "".join(p.text for b in blocks for para in b.paragraphs for p in para)


def test_passages_keep_all_said_text_in_order() -> None:
    blocks = document_blocks(TEXT, _turns(), [])
    said = _flat(blocks)
    for words in ("Title line", "Trade rose to $5 billion.", "It was over 10 percent.", "Fine."):
        assert words in said
    assert said.index("Title") < said.index("Trade") < said.index("Fine")
    assert [b.turn.speaker if b.turn else None for b in blocks] == [None, "Anna Ivanova", "Bob"]


def test_passages_cut_speaker_labels_from_the_text_between_turns() -> None:
    assert "Anna Ivanova:" not in _flat(document_blocks(TEXT, _turns(), []))


@pytest.mark.parametrize(
    ("quotes", "shown"),
    [
        (["$5 billion", "over 10 percent"], ["$5 billion", "over 10 percent"]),
        (["$5 billion", "5 billion"], ["$5 billion"]),  # overlapping: the first one wins
        ([], []),
    ],
)
def test_passages_mark_claims_once(quotes: list[str], shown: list[str]) -> None:
    claims = [_claim(q, i + 1) for i, q in enumerate(quotes)]
    blocks = document_blocks(TEXT, _turns(), claims)
    marked = [p.text for b in blocks for para in b.paragraphs for p in para if p.claim]
    assert marked == shown


def test_passages_split_a_claim_across_lines_with_one_anchor() -> None:
    text = "We have over\n10 percent now."
    claim = _claim("over\n10 percent", 1, text)
    pieces = [p for b in document_blocks(text, [], [claim]) for para in b.paragraphs for p in para]
    marked = [p for p in pieces if p.claim]
    assert [p.text for p in marked] == ["over", "10 percent"]
    assert [p.first for p in marked] == [True, False]


@pytest.mark.parametrize("quote", ["$5 billion", "over 10 percent", "Title"])
def test_passages_context_surrounds_the_quote(quote: str) -> None:
    context = claim_context(TEXT, _claim(quote, 1))
    assert context.quote == quote
    whole = context.before + context.quote + context.after
    assert whole.strip(" …") in TEXT
