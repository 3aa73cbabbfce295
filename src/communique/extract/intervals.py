"""What a hedged figure allows: its literal interval, and the narrower one of ordinary reading.
The one home of these rules: the extractor writes the literal interval into `Claim.low`/`high`
and the step it read the number with into `Claim.step`; reconciliation, timelines and charts
read them back through this module.

"Exceeded $21 billion" literally allows anything above 21; in ordinary reading it allows a
little above 21, because a speaker who knew the figure was 25.6 would have said so. Conflicts
compare literal intervals (disjoint: the claims cannot both be true) and then ordinary ones
(disjoint: a pragmatic contradiction).

The rule, per qualifier, for a figure X written with precision u (the place value of its last
significant digit as written: u = 0.1 billion for "$25.6 billion", 1 billion for "$20 billion",
1,000 for "24,000", 0 for a count written exactly, "93 projects"; `Claim.step`, from
`numbers.precision`):

    qualifier   literal                         ordinary reading
    exact       X ± u/2 (rounding)              the same
    about       X ± max(u/2, 20% of X)          X ± max(u/2, 10% of X)
    nearly      [X − 20% of X, X]               [X − 10% of X, X]
    over        [X, ∞)                          [X, X + max(u, 15% of X)]
    at_least    [X, ∞)                          [X, X + max(u, 15% of X)]
    under       (−∞, X]                         [X − max(u, 15% of X), X]
    at_most     (−∞, X]                         [X − max(u, 15% of X), X]

Intervals are closed, which errs towards "consistent": "nearly 30" and "over 30" touch at 30.
The extractor's `Claim.low`/`high` are the literal interval (a range's ends, "$20–25 billion",
when the words give them); the ordinary one is the derived one clipped to it.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from communique.extract.units import PERCENT
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


def written_step(half_step: Decimal, unit: str, value: Decimal) -> Decimal:
    """The step of a number as the parser read it (`numbers.precision` gives half of it); a
    whole percent is rounded to the point ("5 percent"), while a whole count is exact."""
    if half_step:
        return half_step * 2
    return Decimal(unit == PERCENT and value == value.to_integral())


def step_of(claim: Claim) -> Decimal:
    """The place value of the claim's last digit as written, as the extractor read it; for a
    claim stored before the extractor recorded it, the value's own last significant digit."""
    if claim.step is not None and claim.step.is_finite():
        return claim.step
    value = claim.value
    if not value.is_finite() or value == 0:
        return Decimal(1)
    return Decimal(1).scaleb(int(value.normalize().as_tuple().exponent))


def bounds(value: Decimal, qualifier: Qualifier, step: Decimal, *, ordinary: bool) -> Interval:
    """The interval the rule above gives a figure `value` written to `step`."""
    size = abs(value)
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
    derived = bounds(claim.value, claim.qualifier, step_of(claim), ordinary=False)
    low = claim.low if claim.low is not None and claim.low.is_finite() else None
    high = claim.high if claim.high is not None and claim.high.is_finite() else None
    if low is None and high is None:
        return derived
    if low is not None and high is not None and low > high:
        return derived  # a malformed interval from upstream: fall back to the rule
    return Interval(low, high)


def ordinary_interval(claim: Claim) -> Interval:
    """What a listener takes the words to mean (never wider than the literal interval)."""
    return bounds(claim.value, claim.qualifier, step_of(claim), ordinary=True).clip(
        literal_interval(claim)
    )


def comparable_value(claim: Claim) -> bool:
    """Whether a claim's figure can be reasoned about (finite numbers only)."""
    return claim.value.is_finite()


__all__ = [
    "Interval",
    "bounds",
    "comparable_value",
    "literal_interval",
    "ordinary_interval",
    "step_of",
    "written_step",
]
