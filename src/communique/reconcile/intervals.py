"""What a hedged figure allows: its literal interval, and the narrower one of ordinary reading.

"Exceeded $21 billion" literally allows anything above 21; in ordinary reading it allows a
little above 21, because a speaker who knew the figure was 25.6 would have said so. Conflicts
compare literal intervals (disjoint: the claims cannot both be true) and then ordinary ones
(disjoint: a pragmatic contradiction).

The rule, per qualifier, for a figure X written with precision u (the place value of its last
significant digit as written: u = 0.1 billion for "$25.6 billion", 1 billion for "$20 billion",
1,000 for "24,000"; see `precision`):

    qualifier   literal                         ordinary reading
    exact       X ± u/2 (rounding)              the same
    about       X ± max(u/2, 20% of X)          X ± max(u/2, 10% of X)
    nearly      [X − 20% of X, X]               [X − 10% of X, X]
    over        [X, ∞)                          [X, X + max(u, 15% of X)]
    at_least    [X, ∞)                          [X, X + max(u, 15% of X)]
    under       (−∞, X]                         [X − max(u, 15% of X), X]
    at_most     (−∞, X]                         [X − max(u, 15% of X), X]

Intervals are closed, which errs towards "consistent": "nearly 30" and "over 30" touch at 30.
When the extractor set `Claim.low`/`high`, those are the literal interval; the ordinary one is
then the derived one clipped to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from communique.extract.numbers import SCALES
from communique.models import Claim, Qualifier

# "about X": the gold pairs "approximately 24,000" / "over 23,000" (4% apart) and "about 60,000"
# / "over 60,000" must read as consistent; 10% is the customary tolerance of "about" in
# statistical prose and covers both, while 20% is the loosest literal reading we accept.
ABOUT_ORDINARY = Decimal("0.10")
ABOUT_LITERAL = Decimal("0.20")

# "nearly/almost/closely approached X": "closely approached $30 billion" with $28.4 billion
# (5.3% below) is consistent in the gold; a speaker 10% short would say "over 27" instead.
NEARLY_ORDINARY = Decimal("0.10")
NEARLY_LITERAL = Decimal("0.20")

# "over/exceeded X": how far above X the phrase still reads naturally. The gold pairs bracket
# it: "over 23,000" with ~24,000 (4% above) is fine, "exceeded $21 billion" with $25.6 billion
# (22% above) is not. 15% sits between them, on the conservative side; one step of the
# precision as written ("over 60,000" → up to 70,000) widens it for round figures.
OVER_ORDINARY = Decimal("0.15")


@dataclass(frozen=True, slots=True)
class Interval:
    """A closed interval; None is unbounded on that side."""

    low: Decimal | None
    high: Decimal | None

    def overlaps(self, other: Interval) -> bool:
        if self.high is not None and other.low is not None and self.high < other.low:
            return False
        return not (self.low is not None and other.high is not None and other.high < self.low)

    def gap(self, other: Interval) -> Decimal:
        """Distance between two disjoint intervals (0 when they overlap)."""
        if self.high is not None and other.low is not None and self.high < other.low:
            return other.low - self.high
        if other.high is not None and self.low is not None and other.high < self.low:
            return self.low - other.high
        return Decimal(0)

    def clip(self, other: Interval) -> Interval:
        """The intersection, or `self` unchanged when the two do not meet."""
        if not self.overlaps(other):
            return self
        low = _max_or(self.low, other.low)
        high = _min_or(self.high, other.high)
        return Interval(low, high)


def _max_or(a: Decimal | None, b: Decimal | None) -> Decimal | None:
    return b if a is None else a if b is None else max(a, b)


def _min_or(a: Decimal | None, b: Decimal | None) -> Decimal | None:
    return b if a is None else a if b is None else min(a, b)


# The scale words are the extractor's, so a quote it read always parses back here.
_SCALE_WORDS = "|".join(sorted(SCALES, key=len, reverse=True))
_NUMBER = re.compile(
    rf"(?<![\d.])(\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.(\d+))?\s*({_SCALE_WORDS})?\b",
    re.IGNORECASE,
)


def precision(value: Decimal, quote: str = "") -> Decimal:
    """Place value of the last significant digit as written.

    Before a scale word every written digit counts ("$20 billion" → 1 billion, "25.6 billion"
    → 0.1 billion); in a bare integer trailing zeros are rounding ("24,000" → 1,000). Without
    a matching number in the quote ("six million"), the value's own digits decide.
    """
    if not value.is_finite() or value == 0:
        return Decimal(1)
    match = _NUMBER.search(quote)
    if match is not None and match[3]:
        whole, decimals, scale = (
            match[1].replace(",", ""),
            match[2] or "",
            SCALES[match[3].lower()],
        )
        written = Decimal(f"{whole}.{decimals}" if decimals else whole) * scale
        if abs(written - abs(value)) <= abs(value) * Decimal("0.005"):
            return Decimal(1).scaleb(-len(decimals)) * scale
    exponent = value.normalize().as_tuple().exponent
    return Decimal(1).scaleb(int(exponent))


def _derived(value: Decimal, qualifier: Qualifier, quote: str, *, ordinary: bool) -> Interval:
    size = abs(value)
    step = precision(value, quote)
    half = step / 2
    if qualifier is Qualifier.EXACT:
        return Interval(value - half, value + half)
    if qualifier is Qualifier.ABOUT:
        spread = max(half, size * (ABOUT_ORDINARY if ordinary else ABOUT_LITERAL))
        return Interval(value - spread, value + spread)
    if qualifier is Qualifier.NEARLY:
        return Interval(value - size * (NEARLY_ORDINARY if ordinary else NEARLY_LITERAL), value)
    slack = max(step, size * OVER_ORDINARY)
    if qualifier in (Qualifier.OVER, Qualifier.AT_LEAST):
        return Interval(value, value + slack if ordinary else None)
    # UNDER, AT_MOST
    return Interval(value - slack if ordinary else None, value)


def literal_interval(claim: Claim) -> Interval:
    """What the words allow at most: the extractor's low/high when set, else the rule above."""
    derived = _derived(claim.value, claim.qualifier, claim.quote, ordinary=False)
    low = claim.low if claim.low is not None and claim.low.is_finite() else None
    high = claim.high if claim.high is not None and claim.high.is_finite() else None
    if low is None and high is None:
        return derived
    if low is not None and high is not None and low > high:
        return derived  # a malformed interval from upstream: fall back to the rule
    return Interval(low, high)


def ordinary_interval(claim: Claim) -> Interval:
    """What a listener takes the words to mean (never wider than the literal interval)."""
    return _derived(claim.value, claim.qualifier, claim.quote, ordinary=True).clip(
        literal_interval(claim)
    )


def comparable_value(claim: Claim) -> bool:
    """Whether a claim's figure can be reasoned about (finite numbers only)."""
    return claim.value.is_finite()


__all__ = [
    "Interval",
    "comparable_value",
    "literal_interval",
    "ordinary_interval",
    "precision",
]
