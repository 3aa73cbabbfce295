"""Conflicts: claims on one metric, for one period or moment, that cannot all be true.

Claims are compared only within a group that shares the metric key (indicator and countries),
the scope, the unit, and the same period (amounts over a span) or as-of date (levels); a
target is not contradicted by an actual, Jan–Oct is not the year, roubles are not dollars (no
rate is known, so different currencies are listed by `find_incomparable`, never as
conflicts). Within a group only claims with evidence take part, and only pairs that are
about the same thing (`evidence.py`: a recognised indicator, a time the text established, not
items of one list, not a self-correction).

Identical statements by one speaker collapse into one *reading*, and each pair of readings
whose intervals (see `extract/intervals.py`) are disjoint becomes one small record: literal when the
literal intervals are disjoint, pragmatic when only the ordinary readings are; a revision
when the two readings are one speaker's in different documents. Each carries a confidence
and its reasons (`evidence.assess`). Jumps between moments of a level are in `jumps.py`.
Every rule is a function of the claims of one metric key, so reconciling only the keys that
new documents touched gives the same conflicts as reconciling everything.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from itertools import combinations

from communique.extract.intervals import Interval, literal_interval, ordinary_interval, step_of
from communique.extract.periods import MONTH_NAMES
from communique.models import (
    QUESTION,
    Claim,
    Conflict,
    ConflictKind,
    Modality,
    Period,
    Qualifier,
    Severity,
    Verdict,
)
from communique.reconcile.canon import describe_metric
from communique.reconcile.evidence import (
    ROUNDING_GAP,
    assess,
    excluded,
    side_by_side,
    unrelated,
)
from communique.reconcile.jumps import find_jumps

# Identical statements across many documents collapse into one reading, and a record lists at
# most this many of its claims per side, so records stay small on a large archive.
MAX_CLAIMS_PER_SIDE = 3

# One metric and moment quoted by many documents with many figures could yield a record for
# every pair of figures; past this many per group only the starkest are kept (literal first,
# widest gap first). Real groups in the seeds and the extractor's test statements hold < 5.
MAX_CONFLICTS_PER_GROUP = 50

# A revision (one speaker changing a figure between statements) is a lower kind than a
# contradiction between two sources: its confidence is scaled down by this much.
REVISION_WEIGHT = 0.6

Moment = tuple[date, date] | date


@dataclass(frozen=True, slots=True)
class Incomparable:
    """Claims on one metric and moment in different currencies: no rate, so not compared."""

    metric: str
    units: tuple[str, ...]
    claims: tuple[Claim, ...]
    period: Period | None = None
    as_of: date | None = None
    note: str = ""


@dataclass(slots=True)
class _Reading:
    speaker: str
    claims: list[Claim]
    literal: Interval
    ordinary: Interval

    @property
    def first(self) -> Claim:
        return self.claims[0]

    @property
    def sources(self) -> set[str | None]:
        return {c.source for c in self.claims}


def _moment(claim: Claim) -> Moment | None:
    if claim.period is not None:
        return (claim.period.start, claim.period.end)
    return claim.as_of


def _order(claim: Claim) -> tuple[date, str, int, int]:
    return (claim.document_date or date.min, claim.source or "", claim.span.start, claim.id or 0)


def _comparable(claim: Claim) -> bool:
    return bool(claim.metric) and claim.modality is Modality.ACTUAL and claim.value.is_finite()


GroupKey = tuple[str, str, str, Moment]  # metric, scope, unit, moment


def _groups(claims: Iterable[Claim]) -> dict[GroupKey, list[Claim]]:
    """Claims with evidence, by metric, scope, unit and period or moment."""
    groups: dict[GroupKey, list[Claim]] = defaultdict(list)
    for claim in claims:
        moment = _moment(claim)
        if moment is not None and bool(claim.metric) and excluded(claim) is None:
            groups[(claim.metric, claim.scope or "", claim.unit, moment)].append(claim)
    return groups


def _readings(group: Sequence[Claim]) -> list[_Reading]:
    readings: dict[tuple[object, ...], _Reading] = {}
    for claim in sorted(group, key=_order):
        key = (claim.speaker, claim.value, claim.qualifier, str(claim.low), str(claim.high))
        if key in readings:
            readings[key].claims.append(claim)
        else:
            readings[key] = _Reading(
                claim.speaker, [claim], literal_interval(claim), ordinary_interval(claim)
            )
    return list(readings.values())


def _who(claim: Claim) -> str:
    if claim.speaker == QUESTION:
        return "a journalist"
    return claim.speaker or f"the statement {claim.source or '(unknown source)'}"


def _when_said(claim: Claim) -> str:
    return claim.document_date.isoformat() if claim.document_date else "undated"


def describe_moment(period: Period | None, as_of: date | None) -> str:
    """ "in 2021", "in January–October 2022", "as of 2024-11-27"."""
    if period is not None:
        start, end = period.start, period.end
        whole_months = start.day == 1 and (end + timedelta(days=1)).day == 1
        if start.year == end.year and whole_months:
            if start.month == 1 and end.month == 12 and end.day == 31:
                return f"in {start.year}"
            first, last = MONTH_NAMES[start.month - 1], MONTH_NAMES[end.month - 1]
            span = first if start.month == end.month else f"{first}–{last}"
            return f"in {span} {start.year}"
        return f"from {start.isoformat()} to {end.isoformat()}"
    return f"as of {as_of.isoformat()}" if as_of else "at an unknown time"


def _pair_text(a: Claim, b: Claim) -> str:
    same_day = a.document_date is not None and a.document_date == b.document_date
    tail = "the same day" if same_day else f"({_when_said(b)})"
    if a.speaker and a.speaker == b.speaker:
        return f"{_who(a)} said '{a.quote}' ({_when_said(a)}) and also '{b.quote}' {tail}"
    return f"{_who(a)} said '{a.quote}' ({_when_said(a)}) but {_who(b)} said '{b.quote}' {tail}"


def _pragmatic_reason(a: Claim, b: Claim) -> str:
    hedged, plain = (a, b) if a.qualifier is not Qualifier.EXACT else (b, a)
    if plain.qualifier is Qualifier.EXACT:
        return (
            f"compatible on paper, but whoever knew the figure was '{plain.quote}' "
            f"would not say '{hedged.quote}'"
        )
    return "compatible on paper, but the two hedged figures do not meet in ordinary reading"


def _relative_gap(a: Interval, b: Interval, scale: Decimal) -> Decimal:
    return a.gap(b) / scale if scale else Decimal(0)


def _related_pair(a: _Reading, b: _Reading) -> tuple[Claim, Claim] | None:
    """The first pair of claims, one from each reading, that are about the same thing. A
    statement in which any occurrence of one figure stands beside one of the other (a list, a
    correction) offers no pair: a figure repeated later in it is the same passage's figure."""
    shared = a.sources & b.sources
    tied = {
        x.source
        for x in a.claims
        if x.source in shared
        for y in b.claims
        if y.source == x.source and side_by_side(x, y) is not None
    }
    for x in a.claims:
        for y in b.claims:
            if x.source == y.source and x.source in tied:
                continue
            if unrelated(x, y) is None:
                return x, y
    return None


def _conflict_between(
    a: _Reading, b: _Reading, *, label: str, period: Period | None, as_of: date | None
) -> Conflict | None:
    pair = _related_pair(a, b)
    if pair is None:
        return None
    ca, cb = pair
    literal_a, literal_b = a.literal, b.literal
    scale = max(abs(ca.value), abs(cb.value))
    gap = _relative_gap(literal_a, literal_b, scale)
    if not _literally_disjoint(a, b):
        if a.ordinary.overlaps(b.ordinary):
            return None
        kind, severity = ConflictKind.PRAGMATIC, Severity.MEDIUM
        reading = _pragmatic_reason(ca, cb)
    else:
        small = gap < ROUNDING_GAP
        kind = ConflictKind.LITERAL
        severity = Severity.MEDIUM if small else Severity.HIGH
        reading = "a rounding-size gap" if small else "the figures cannot both be true"
    assessment = assess(ca, cb, literal=kind is ConflictKind.LITERAL, relative_gap=gap)
    confidence, reasons = assessment.confidence, assessment.reasons
    members = _members(a, ca) + _members(b, cb)
    revision = a.speaker and a.speaker != QUESTION and a.speaker == b.speaker
    if revision and not (a.sources & b.sources):
        severity = Severity.LOW if kind is ConflictKind.PRAGMATIC else Severity.MEDIUM
        kind = ConflictKind.REVISION
        confidence = round(confidence * REVISION_WEIGHT, 3)
        reasons = (*reasons, "one speaker changing a figure between statements: a revision")
        text = (
            f"{label} {describe_moment(period, as_of)}: {_who(ca)} said '{ca.quote}' "
            f"({_when_said(ca)}) and later '{cb.quote}' ({_when_said(cb)}), a revised figure"
        )
    else:
        text = f"{label} {describe_moment(period, as_of)}: {_pair_text(ca, cb)}"
    more = len(a.claims) + len(b.claims) - len(members)
    if more > 0:
        text += f" (and {more} more claims repeating these figures)"
    return Conflict(
        kind=kind,
        severity=severity,
        metric=ca.metric,
        explanation=f"{text} — {reading}.",
        claims=tuple(members),
        period=period,
        as_of=as_of,
        confidence=confidence,
        reasons=reasons,
    )


def _members(reading: _Reading, first: Claim) -> list[Claim]:
    """`first`, then the reading's other claims from other documents, at most a few."""
    seen: set[str | None] = {first.source}
    chosen = [first]
    for claim in reading.claims:
        if claim.source not in seen:
            seen.add(claim.source)
            chosen.append(claim)
    return chosen[:MAX_CLAIMS_PER_SIDE]


def find_conflicts(
    claims: Sequence[Claim], *, labels: Mapping[str, str] | None = None
) -> list[Conflict]:
    """Every conflict among `claims` (pure): literal, pragmatic, revision, then jumps."""
    labels = labels or {}
    found: list[Conflict] = []
    for (metric, _scope, _unit, moment), group in sorted(_groups(claims).items(), key=_group_order):
        period = Period(start=moment[0], end=moment[1]) if isinstance(moment, tuple) else None
        as_of = moment if isinstance(moment, date) else None
        label = labels.get(metric) or describe_metric(metric)
        pairs = [
            (literal, gap, a, b)
            for a, b in combinations(_readings(group), 2)
            for literal, gap in [_disagreement(a, b)]
            if literal is not None
        ]
        # Literal before pragmatic, the widest gaps first, then the order they were said in.
        pairs.sort(key=lambda p: (not p[0], -p[1]))
        for _literal, _gap, a, b in pairs[:MAX_CONFLICTS_PER_GROUP]:
            conflict = _conflict_between(a, b, label=label, period=period, as_of=as_of)
            if conflict is not None:
                found.append(conflict)
    return found + find_jumps(claims, labels)


def _literally_disjoint(a: _Reading, b: _Reading) -> bool:
    """Whether the two readings cannot both be true as written: their literal intervals are
    disjoint, or both are exact figures rounded at the same step yet different ("240" and "250"
    hostages touch at 245 as closed intervals, but a number rounds to one of them only)."""
    if not a.literal.overlaps(b.literal):
        return True
    x, y = a.first, b.first
    exact = x.qualifier is Qualifier.EXACT and y.qualifier is Qualifier.EXACT
    return exact and x.value != y.value and step_of(x) == step_of(y) > 0


def _disagreement(a: _Reading, b: _Reading) -> tuple[bool | None, Decimal]:
    """(True, relative gap) when the literal readings are disjoint, (False, 0) when only the
    ordinary ones are, (None, 0) when the two agree."""
    if _literally_disjoint(a, b):
        scale = max(abs(a.first.value), abs(b.first.value))
        return True, _relative_gap(a.literal, b.literal, scale)
    if not a.ordinary.overlaps(b.ordinary):
        return False, Decimal(0)
    return None, Decimal(0)


def _group_order(item: tuple[GroupKey, list[Claim]]) -> tuple[str, str, str, date]:
    (metric, scope, unit, moment), _ = item
    return (metric, scope, unit, moment[1] if isinstance(moment, tuple) else moment)


def _currency(unit: str) -> bool:
    return len(unit) == 3 and unit.isalpha() and unit.isupper()


_VERDICT_ORDER = {Verdict.CONFIRMED: 0, None: 1, Verdict.DISMISSED: 2}


def board_order(conflict: Conflict) -> tuple[int, float, int]:
    """How an analyst reads conflicts: confirmed ones, then the unreviewed most confident
    first, dismissed ones last."""
    verdict = conflict.review.verdict if conflict.review is not None else None
    return (_VERDICT_ORDER[verdict], -conflict.confidence, conflict.id or 0)


def find_incomparable(claims: Sequence[Claim]) -> list[Incomparable]:
    """Metric-and-moment groups holding amounts in several currencies (left uncompared)."""
    by_moment: dict[tuple[str, Moment], list[Claim]] = defaultdict(list)
    for claim in claims:
        moment = _moment(claim)
        if moment is not None and _comparable(claim) and _currency(claim.unit):
            by_moment[(claim.metric, moment)].append(claim)
    notes = []
    for (metric, moment), group in by_moment.items():
        units = tuple(sorted({c.unit for c in group}))
        if len(units) < 2:
            continue
        period = Period(start=moment[0], end=moment[1]) if isinstance(moment, tuple) else None
        as_of = moment if isinstance(moment, date) else None
        notes.append(
            Incomparable(
                metric=metric,
                units=units,
                claims=tuple(sorted(group, key=_order)),
                period=period,
                as_of=as_of,
                note=(
                    f"{describe_metric(metric)} {describe_moment(period, as_of)} is given in "
                    f"{' and '.join(units)}; no exchange rate is known, so these figures "
                    "were not compared."
                ),
            )
        )
    return notes


__all__ = [
    "Incomparable",
    "board_order",
    "describe_moment",
    "find_conflicts",
    "find_incomparable",
]
