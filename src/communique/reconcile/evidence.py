"""What makes two claims on one metric and moment a contradiction, and how sure we are.

Disjoint intervals are not enough. On real archives most figures that share a metric key and
a date are not about the same thing: items of one list ("38 percent of Black families, 42
percent of Hispanic families"), figures for different groups or places, a figure said without
a time (dated only by the statement), a count of something no indicator names. So a claim
takes part in a literal or pragmatic conflict only with evidence (`excluded` says why not):

- it is an actual figure (not a target or plan), and not a vague plural ("thousands of");
- it is about a recognised indicator (`Claim.indicator`), not a count of whatever noun; an
  indicator between two parties (trade, investment, aid) with both named, and no itemised one
  (funding, prices, capacity: many items at once, a programme's or a product's, which neither a
  key nor a scope such as "transportation" tells apart);
- its period or moment was established by the text: stated ("in 2021") or resolved from
  words ("last year", "when I took office"). A figure with no time of its own is said of the
  moment of speaking only when it is a level (a stock between two parties: "Russian investment
  in Kazakhstan has surpassed $24 billion"), and two speakers share that moment only within
  one statement; a flow with no period has no moment at all.

and a pair needs (`unrelated` says why not): the same scope (region, sector, group), and not
to stand side by side in one statement (`side_by_side`): items of one enumeration, or one
voice giving two figures a few words apart (a correction, a list of parts, a before and an
after). The metric key (indicator and countries), the unit and the period or moment are the
group both are in already (`conflicts.py`).

`assess` turns what matched into a confidence in 0..1 and reasons in plain words.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from communique.extract.indicators import Reach, indicator_of
from communique.extract.keys import MetricKey, parse_key
from communique.models import QUESTION, Claim, Modality, Qualifier, TimeSource

# One voice giving two figures of one indicator a few words apart is correcting itself ("more
# than 2,300 — excuse me — 2.3 million", "$132,000 a year, or $126,000 a year"), listing parts
# ("base pay 4.1 percent, locality pay 0.5, overall 4.6") or putting a before beside an after
# ("3.6 percent, down from 6.7") — never contradicting itself. The corrections in the judged
# real findings sit 15-60 characters apart, and the lists and before-and-afters flagged on the
# whole archive within one sentence or the next two (up to ~250 characters: "1.14 million shots
# today ... 400 million shots in nine months"). 300 characters is about three sentences of a
# transcript; further apart, one voice giving two figures of one quantity is a conflict.
SELF_CORRECTION_CHARS = 300

# A literal gap this small relative to the figures is a rounding-size discrepancy
# ($28.4 vs $28.5 billion): still disjoint, but worth less alarm. 1% ≈ one step of the
# precision at which statements usually quote three-digit figures.
ROUNDING_GAP = Decimal("0.01")

# How much each piece of evidence is worth. The products order the board; they are not
# probabilities. Set on the judged findings of tests/eval/real/ (dev part): contradictions
# between exact figures with stated periods said by two people scored highest when read,
# and pairs resting on a document date or a journalist's paraphrase lowest.
_BASE = {"literal": 0.9, "pragmatic": 0.7}
_SMALL_GAP = 0.7  # a rounding-size literal gap
_HEDGED = 0.9  # one side hedged ("over", "about"): the reading of the hedge carries weight
_RELATIVE = 0.9  # a time resolved from words rather than stated, per side
_SPOKEN_NOW = 0.75  # both dated only by the one statement they are in
_QUESTION = 0.6  # a journalist's figure: often a paraphrase of the other side
_ONE_SPEAKER = 0.85  # one speaker, one statement, different places in it


def excluded(claim: Claim) -> str | None:
    """Why `claim` cannot be one side of a literal or pragmatic conflict, or None if it can."""
    if claim.modality is not Modality.ACTUAL:
        return f"a {claim.modality.value}, not an actual figure"
    if not claim.value.is_finite():
        return "no finite value"
    if claim.vague:
        return "a vague figure"
    if not claim.indicator:
        return "about no recognised indicator"
    indicator = indicator_of(claim.indicator)
    two_party = indicator is not None and indicator.reach is not Reach.NATIONAL
    if two_party and not _between_two_parties(claim):
        return "an indicator between two parties with only one named"
    if indicator is not None and indicator.itemised:
        return f"one of many items of {indicator.name}: a key cannot say which"
    if claim.period is None and claim.as_of is None:
        return "no period or moment"
    if claim.time_source is None:
        return "its time was not established"
    return None


def _spoken_now(claim: Claim) -> bool:
    return claim.time_source is TimeSource.DOCUMENT


@lru_cache(maxsize=65536)
def _key(metric: str) -> MetricKey | None:
    return parse_key(metric)


def _between_two_parties(claim: Claim) -> bool:
    """Whether the claim's key names two countries: trade or investment between them."""
    key = _key(claim.metric)
    return key is not None and len(set(key.countries)) == 2


def _level_now(claim: Claim) -> bool:
    """A stock between two named parties ("Russian investment in Kazakhstan has surpassed $24
    billion"): a level that a figure with no time of its own states for the moment of speaking.
    A flow with no period of its own (trade, aid, funding) has no moment at all."""
    key = _key(claim.metric)
    return key is not None and key.name.endswith("_stock") and _between_two_parties(claim)


def unrelated(a: Claim, b: Claim) -> str | None:
    """Why two eligible claims of one group do not contradict each other, or None."""
    same_doc = a.source is not None and a.source == b.source
    if _spoken_now(a) or _spoken_now(b):
        if not same_doc:
            return "a figure dated only by its statement, compared with another statement"
        if not (_level_now(a) and _level_now(b)):
            return "a figure dated only by its statement that is no level between two parties"
    if (a.scope or None) != (b.scope or None):
        return f"different scopes: {a.scope or 'overall'} and {b.scope or 'overall'}"
    return side_by_side(a, b)


def side_by_side(a: Claim, b: Claim) -> str | None:
    """Why two figures of one statement are parts of one passage rather than two accounts of
    one quantity: items of one enumeration, or one voice a few words apart. None otherwise."""
    if a.source is None or a.source != b.source:
        return None
    if a.enumeration is not None and a.enumeration == b.enumeration:
        return "items of one enumeration"
    if _one_voice_nearby(a, b):
        return "one voice giving two figures a few words apart: a correction, a list or a change"
    return None


def _one_voice_nearby(a: Claim, b: Claim) -> bool:
    """One speaker (or the statement's own narration) in one sentence or a few words apart."""
    if a.speaker != b.speaker or a.speaker == QUESTION:
        return False
    if a.sentence is not None and a.sentence == b.sentence:
        return True
    first, second = sorted((a, b), key=lambda c: c.span.start)
    return second.span.start - first.span.end <= SELF_CORRECTION_CHARS


@dataclass(frozen=True, slots=True)
class Assessment:
    confidence: float
    reasons: tuple[str, ...]


def _time_words(claim: Claim) -> str:
    if claim.time_source is TimeSource.STATED:
        return "stated"
    if claim.time_source is TimeSource.RELATIVE:
        return "resolved from words such as 'last year' or 'when I took office'"
    return "the moment of speaking"


def _speakers(a: Claim, b: Claim) -> str:
    names = [c.speaker if c.speaker and c.speaker != QUESTION else _nameless(c) for c in (a, b)]
    if a.source == b.source:
        where = f"in one statement ({a.source})"
    else:
        days = [c.document_date.isoformat() if c.document_date else "undated" for c in (a, b)]
        where = f"in two statements ({a.source}, {days[0]}; {b.source}, {days[1]})"
    if names[0] == names[1]:
        return f"both said by {names[0]} {where}"
    return f"said by {names[0]} and by {names[1]} {where}"


def _nameless(claim: Claim) -> str:
    return "a journalist" if claim.speaker == QUESTION else "the statement's narration"


def assess(a: Claim, b: Claim, *, literal: bool, relative_gap: Decimal) -> Assessment:
    """The confidence that two claims of one group really contradict each other, and why."""
    confidence = _BASE["literal" if literal else "pragmatic"]
    key = _key(a.metric)
    countries = "-".join(key.countries) if key is not None else ""
    reasons = [
        f"same indicator: {a.indicator}" + (f" ({countries})" if countries else ""),
        "same scope: " + (a.scope if a.scope else "no region, sector or group named"),
    ]
    what = "same period" if a.period is not None else "same moment"
    ta, tb = _time_words(a), _time_words(b)
    reasons.append(
        f"{what}, {ta} in both" if ta == tb else f"{what}, {ta} in one and {tb} in the other"
    )
    for claim in (a, b):
        if claim.time_source is TimeSource.RELATIVE:
            confidence *= _RELATIVE
    if _spoken_now(a) and _spoken_now(b):
        confidence *= _SPOKEN_NOW
    reasons.append(_speakers(a, b))
    if QUESTION in (a.speaker, b.speaker):
        confidence *= _QUESTION
    elif a.speaker and a.speaker == b.speaker and a.source == b.source:
        confidence *= _ONE_SPEAKER
    hedged = [c for c in (a, b) if c.qualifier is not Qualifier.EXACT]
    if hedged:
        confidence *= _HEDGED
        reasons.append("hedged: " + ", ".join(f"'{c.quote}'" for c in hedged))
    else:
        reasons.append("both figures exact")
    if literal:
        if relative_gap < ROUNDING_GAP:
            confidence *= _SMALL_GAP
            reasons.append("the gap is rounding-size")
        else:
            reasons.append(f"they cannot both be true (at least {relative_gap:.0%} apart)")
    else:
        reasons.append("compatible on paper, not in ordinary reading")
    return Assessment(confidence=round(confidence, 3), reasons=tuple(reasons))


__all__ = [
    "ROUNDING_GAP",
    "SELF_CORRECTION_CHARS",
    "Assessment",
    "assess",
    "excluded",
    "side_by_side",
    "unrelated",
]
