"""Hedges written before a figure ("over", "almost reached", "approximately") and intervals.

The hedge is part of the quote: "exceeded US$21 billion", "almost reached 90 percent".
`interval` turns a value, its qualifier and the precision it was written with into [low, high].
"""

from __future__ import annotations

import re
from decimal import Decimal

from communique.models import Qualifier

_HEDGES: dict[Qualifier, tuple[str, ...]] = {
    Qualifier.OVER: (
        "well over",
        "well above",
        "over",
        "more than",
        "above",
        "in excess of",
        "upwards of",
        "exceeded",
        "exceeds",
        "exceed",
        "exceeding",
        "surpassed",
        "surpasses",
        "surpassing",
        "topped",
        "tops",
        "beyond",
        "greater than",
        "higher than",
    ),
    Qualifier.AT_LEAST: (
        "at least",
        "no less than",
        "not less than",
        "no fewer than",
        "not fewer than",
        "a minimum of",
        "minimum of",
    ),
    Qualifier.ABOUT: (
        "about",
        "around",
        "approximately",
        "approx.",
        "roughly",
        "some",
        "circa",
        "an estimated",
        "estimated at",
        "in the region of",
        "of about",
        "of around",
        "~",
    ),
    Qualifier.NEARLY: (
        "nearly",
        "almost",
        "close to",
        "nearing",
        "approaching",
        "approached",
        "closely approached",
        "almost reached",
        "nearly reached",
        "just shy of",
        "reached almost",
        "reached nearly",
        "almost hit",
    ),
    Qualifier.UNDER: ("under", "less than", "below", "fewer than", "just under", "short of"),
    Qualifier.AT_MOST: ("up to", "at most", "no more than", "not more than", "a maximum of"),
}
# Words kept in the quote without changing the qualifier ("another 11 projects", "up 15 percent").
_NEUTRAL = ("another", "up", "down", "only", "just", "a further", "an additional", "additional")

_LOOKUP: dict[str, Qualifier] = {
    phrase: q for q, phrases in _HEDGES.items() for phrase in phrases
} | {w: Qualifier.EXACT for w in _NEUTRAL}
_PATTERN = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(re.escape(p) for p in sorted(_LOOKUP, key=len, reverse=True))
    + r")\s+$",
    re.I,
)

# Verbs whose particle is "over": "handed over", "turned over" (but "took over 40 percent"
# of a market is a hedge, so only verbs that never take an amount directly are listed).
_PARTICLE_VERB = re.compile(r"\b(?:hand|hands|handed|handing|turned|turn|turns|turning)\s+$", re.I)

# Interval slack for each hedge, as a fraction of the value. Calibrated on the seeds and our
# statements: "exceeded $21 billion" is said of $25.6 billion (22% above), "closely approached
# $30 billion" of $28.4 billion (5% below); beyond these the reading turns pragmatic.
OVER_SLACK = Decimal("0.25")
ABOUT_SLACK = Decimal("0.05")
NEARLY_SLACK = Decimal("0.10")
UNDER_SLACK = Decimal("0.25")


def hedge_before(text: str, start: int) -> tuple[int, Qualifier] | None:
    """The hedge that ends just before `start` (one space between): (hedge start, qualifier)."""
    window = text[max(0, start - 40) : start]
    m = _PATTERN.search(window)
    if m is None:
        return None
    phrase = " ".join(m.group().lower().split())
    if phrase == "over" and _PARTICLE_VERB.search(window, 0, m.start()):
        return None  # "handed over 46,000 homes": a particle, not a hedge
    return start - len(window) + m.start(), _LOOKUP.get(phrase, Qualifier.EXACT)


def interval(
    value: Decimal, qualifier: Qualifier, *, half_step: Decimal
) -> tuple[Decimal, Decimal]:
    """[low, high] implied by the hedge and by the rounding of the number as written.

    Exact figures span their rounding ("$17 billion" → 16.5..17.5 billion); "over" opens
    upwards from the value, "nearly" downwards, "about" both ways by the larger of the slack
    and the rounding.
    """
    if qualifier is Qualifier.EXACT:
        return value - half_step, value + half_step
    if qualifier is Qualifier.ABOUT:
        spread = max(abs(value) * ABOUT_SLACK, half_step)
        return value - spread, value + spread
    if qualifier in (Qualifier.OVER, Qualifier.AT_LEAST):
        return value, value * (1 + OVER_SLACK)
    if qualifier is Qualifier.NEARLY:
        return value * (1 - NEARLY_SLACK), value
    if qualifier is Qualifier.UNDER:
        return value * (1 - UNDER_SLACK), value
    return Decimal(0), value  # AT_MOST: "up to £45 million", "top five"
