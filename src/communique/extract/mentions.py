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
from communique.extract.numbers import SCALES, WORD_VALUES
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
    vague: bool = False  # a vague plural ("thousands of lives"): its least value, at_least


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

    def joins(self, *connectors: str) -> bool:
        """Whether one of `connectors` stands between two numbers ("20–25", "six in 10"), the
        first perhaps with its unit ("10 dollars and 20 dollars"): a cheap test with str.find
        before a recogniser runs its regex over the sentence."""
        lower = self.lower
        for connector in connectors:
            i = lower.find(connector)
            while i >= 0:
                if _starts_number(lower, i + len(connector)) and (
                    _ends_number(lower, i) or _ends_number(lower, _word_back(lower, i))
                ):
                    return True
                i = lower.find(connector, i + 1)
        return False


_NUMBER_WORDS = frozenset(
    [*WORD_VALUES, "hundred", "a", "an", "half", "sixty", "seventy", "eighty", "ninety"]
)
_SKIP_AFTER = " \t\n$€£¥₹₽₺₩₦\\"


def _starts_number(lower: str, i: int) -> bool:
    while i < len(lower) and lower[i] in _SKIP_AFTER:
        i += 1
    if i < len(lower) and lower[i].isdigit():
        return True
    j = i
    while j < len(lower) and lower[j].isalpha():
        j += 1
    return lower[i:j] in _NUMBER_WORDS or lower[i:j].startswith(("us", "rs"))


def _word_back(lower: str, i: int) -> int:
    """Where the word before lower[:i] begins: a unit between a number and a connector
    ("10 dollars and 20 dollars")."""
    j = i
    while j > 0 and lower[j - 1] == " ":
        j -= 1
    while j > 0 and lower[j - 1].isalpha():
        j -= 1
    return j if j < i else 0


def _ends_number(lower: str, i: int) -> bool:
    while i > 0 and lower[i - 1] in " \t\n%":
        i -= 1
    if i > 0 and lower[i - 1].isdigit():
        return True
    j = i
    while j > 0 and (lower[j - 1].isalpha() or lower[j - 1] == "-"):
        j -= 1
    return lower[j:i].split("-")[-1] in _NUMBER_WORDS or lower[j:i].endswith(SCALE_WORDS)


SCALE_WORDS = tuple(SCALES)

Recogniser = Callable[[Scan], Iterator[Mention]]
