"""A quantity found in a sentence, and the scan that recognisers share.

`quantities.find_mentions` runs a cascade of recognisers over a sentence (`proportions`, then
`quantities`' own amounts and ranges); each yields `Mention`s over spans no recogniser before
it took, as trafilatura runs its extractors one after another on what is left.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal

from communique.extract.hedges import hedge_before
from communique.models import Qualifier


@dataclass(frozen=True, slots=True)
class Mention:
    """One quantity found in a sentence; offsets are absolute in the document's text."""

    start: int  # quote start, hedge included
    end: int
    num_start: int  # the number itself (for the parse)
    num_end: int
    value: Decimal
    unit: str
    qualifier: Qualifier
    half_step: Decimal
    candidate: bool = False  # a count that the parse must confirm
    small_word: bool = False  # a word-number count ("three plants"): stricter checks
    high: Decimal | None = None  # the high end of a range ("$20–25 billion"); value is the low


def with_hedge(text: str, start: int) -> tuple[int, Qualifier]:
    found = hedge_before(text, start)
    return (start, Qualifier.EXACT) if found is None else found


@dataclass(slots=True)
class Scan:
    """One sentence being read: text[start:end], and the spans already taken by a mention or
    masked (page counters, phone numbers) that later recognisers must leave alone."""

    text: str
    start: int
    end: int
    lower: str
    taken: list[tuple[int, int]]
    home: str | None = None  # the currency of the country the text speaks from

    def free(self, s: int, e: int) -> bool:
        return not any(s < b and a < e for a, b in self.taken)


Recogniser = Callable[[Scan], Iterator[Mention]]
