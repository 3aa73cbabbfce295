"""Hedges around a figure: before it ("over", "almost reached", "as many as") and after it
("20 percent or more"), read as a qualifier.

The hedge is part of the quote: "exceeded US$21 billion", "almost reached 90 percent". What
each qualifier allows is `intervals`' business. A hedge may be broken over a line ("more
\nthan 90 per cent"); "not exceed" turns "exceed" around.
"""

from __future__ import annotations

import re

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
        "just over",
        "just above",
        "a little over",
        "slightly more than",
        "slightly over",
    ),
    Qualifier.AT_LEAST: (
        "at least",
        "as low as",
        "as few as",
        "as little as",
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
        "something like",
        "on the order of",
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
    Qualifier.AT_MOST: (
        "up to",
        "at most",
        "no more than",
        "not more than",
        "a maximum of",
        "as many as",
        "as much as",
        "as high as",
        "not exceeding",
        "do not exceed",
        "does not exceed",
        "did not exceed",
        "not to exceed",
    ),
}
# Words kept in the quote without changing the qualifier ("another 11 projects", "up 15 percent").
_NEUTRAL = ("another", "up", "down", "only", "just", "a further", "an additional", "additional")

_LOOKUP: dict[str, Qualifier] = {
    phrase: q for q, phrases in _HEDGES.items() for phrase in phrases
} | {w: Qualifier.EXACT for w in _NEUTRAL}
_PATTERN = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(_LOOKUP, key=len, reverse=True))
    + r")\s+$",
    re.I,
)
# After the figure: "20 percent or more", "1.5 times and more", "100 or fewer".
_AFTER = re.compile(
    r"\s+(?:(?P<least>or more|and more|or higher|and above|or above|or greater|at least)"
    r"|(?P<most>or less|or fewer|or lower|and below|or below|at most))\b",
    re.I,
)

# Verbs whose particle is "over": "handed over", "turned over" (but "took over 40 percent"
# of a market is a hedge, so only verbs that never take an amount directly are listed).
_PARTICLE_VERB = re.compile(r"\b(?:hand|hands|handed|handing|turned|turn|turns|turning)\s+$", re.I)


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


def hedge_after(text: str, end: int) -> tuple[int, Qualifier] | None:
    """The hedge that follows a figure ending at `end`: (hedge end, qualifier)."""
    m = _AFTER.match(text, end, end + 20)
    if m is None:
        return None
    return m.end(), Qualifier.AT_LEAST if m.group("least") else Qualifier.AT_MOST
