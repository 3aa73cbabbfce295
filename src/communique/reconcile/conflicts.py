"""Conflicts: claims on one metric, for one period or moment, that cannot all be true.

Claims are compared only within a group that shares the metric key, the unit, and the same
period (amounts over a span) or as-of date (levels), and only actual figures: a target is not
contradicted by an actual, Jan–Oct is not the year, roubles are not dollars (no rate is
known, so different currencies are listed by `find_incomparable`, never as conflicts).

Within a group, identical statements by one speaker collapse into one *reading*, and each
pair of readings whose intervals (see `intervals.py`) are disjoint becomes one small record:
literal when the literal intervals are disjoint, pragmatic when only the ordinary readings
are; a revision when the two readings are one speaker's in different documents. Separately,
a level that halves or doubles between consecutive moments is a jump.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from itertools import combinations, pairwise

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
from communique.reconcile.intervals import Interval, literal_interval, ordinary_interval

# A literal gap this small relative to the figures is a rounding-size discrepancy
# ($28.4 vs $28.5 billion): still disjoint, but worth less alarm. 1% ≈ one step of the
# precision at which statements usually quote three-digit figures.
ROUNDING_GAP = Decimal("0.01")

# A level that at least doubles or halves between consecutive moments is a jump. Stocks and
# counts in bilateral statements grow by up to ~25% a year; doubling within 3 years (≈26% a
# year sustained) or any halving is an outlier worth a look, often a change of definition.
JUMP_FACTOR = Decimal(2)
JUMP_WINDOW_DAYS = 3 * 366

# Identical statements across many documents collapse into one reading, and a record lists at
# most this many of its claims per side, so records stay small on a large archive.
MAX_CLAIMS_PER_SIDE = 3

# One metric and moment quoted by many documents with many figures could yield a record for
# every pair of figures; past this many per group only the starkest are kept (literal first,
# widest gap first). Real groups in the seeds and the extractor's test statements hold < 5.
MAX_CONFLICTS_PER_GROUP = 50

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


def _groups(claims: Iterable[Claim]) -> dict[tuple[str, str, Moment], list[Claim]]:
    groups: dict[tuple[str, str, Moment], list[Claim]] = defaultdict(list)
    for claim in claims:
        moment = _moment(claim)
        if moment is not None and _comparable(claim):
            groups[(claim.metric, claim.unit, moment)].append(claim)
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
            first, last = _MONTHS[start.month - 1], _MONTHS[end.month - 1]
            span = first if start.month == end.month else f"{first}–{last}"
            return f"in {span} {start.year}"
        return f"from {start.isoformat()} to {end.isoformat()}"
    return f"as of {as_of.isoformat()}" if as_of else "at an unknown time"


_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


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


def _conflict_between(
    a: _Reading, b: _Reading, *, label: str, period: Period | None, as_of: date | None
) -> Conflict | None:
    ca, cb = a.first, b.first
    literal_a, literal_b = a.literal, b.literal
    if literal_a.overlaps(literal_b):
        if a.ordinary.overlaps(b.ordinary):
            return None
        kind, severity = ConflictKind.PRAGMATIC, Severity.MEDIUM
        reading = _pragmatic_reason(ca, cb)
    else:
        scale = max(abs(ca.value), abs(cb.value))
        small = _relative_gap(literal_a, literal_b, scale) < ROUNDING_GAP
        kind = ConflictKind.LITERAL
        severity = Severity.MEDIUM if small else Severity.HIGH
        reading = "a rounding-size gap" if small else "the figures cannot both be true"
    members = _members(a) + _members(b)
    if a.speaker and a.speaker == b.speaker and not (a.sources & b.sources):
        severity = Severity.LOW if kind is ConflictKind.PRAGMATIC else Severity.MEDIUM
        kind = ConflictKind.REVISION
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
    )


def _members(reading: _Reading) -> list[Claim]:
    seen: set[str | None] = set()
    chosen = []
    for claim in reading.claims:
        if claim.source not in seen:
            seen.add(claim.source)
            chosen.append(claim)
    return chosen[:MAX_CLAIMS_PER_SIDE]


def _span(claims: Sequence[Claim]) -> Interval:
    intervals = [ordinary_interval(c) for c in claims]
    lows = [i.low for i in intervals]
    highs = [i.high for i in intervals]
    return Interval(
        None if any(v is None for v in lows) else min(v for v in lows if v is not None),
        None if any(v is None for v in highs) else max(v for v in highs if v is not None),
    )


def _jumps(claims: Iterable[Claim], labels: Mapping[str, str]) -> list[Conflict]:
    levels: dict[tuple[str, str], dict[date, list[Claim]]] = defaultdict(lambda: defaultdict(list))
    for claim in claims:
        level = claim.as_of is not None and claim.period is None and claim.unit != "rank"
        if level and claim.as_of is not None and _comparable(claim):
            levels[(claim.metric, claim.unit)][claim.as_of].append(claim)
    found = []
    for (metric, _unit), moments in levels.items():
        days = sorted(moments)
        for before, after in pairwise(days):
            if (after - before).days > JUMP_WINDOW_DAYS:
                continue
            jump = _jump(moments[before], moments[after])
            if jump is None:
                continue
            old, new, factor, rising = jump
            change = f"rose {factor:.1f}-fold" if rising else f"fell by {(1 - 1 / factor):.0%}"
            label = labels.get(metric) or describe_metric(metric)
            found.append(
                Conflict(
                    kind=ConflictKind.JUMP,
                    severity=Severity.LOW,
                    metric=metric,
                    explanation=(
                        f"{label}: '{old.quote}' as of {before.isoformat()} ({_who(old)}), then "
                        f"'{new.quote}' as of {after.isoformat()} ({_who(new)}): it {change} in "
                        f"{(after - before).days} days — check the definitions."
                    ),
                    claims=(old, new),
                    as_of=after,
                )
            )
    return found


def _jump(
    before: Sequence[Claim], after: Sequence[Claim]
) -> tuple[Claim, Claim, float, bool] | None:
    """The closest pair across two moments when even it changed by JUMP_FACTOR or more."""
    a, b = _span(before), _span(after)
    if a.low is None or a.high is None or b.low is None or b.high is None:
        return None
    if a.low <= 0 or b.low <= 0:
        return None  # ratios need positive levels
    if b.low >= a.high * JUMP_FACTOR:
        old = max(before, key=lambda c: ordinary_interval(c).high or c.value)
        new = min(after, key=lambda c: ordinary_interval(c).low or c.value)
        return old, new, float(b.low / a.high), True
    if a.low >= b.high * JUMP_FACTOR:
        old = min(before, key=lambda c: ordinary_interval(c).low or c.value)
        new = max(after, key=lambda c: ordinary_interval(c).high or c.value)
        return old, new, float(a.low / b.high), False
    return None


def find_conflicts(
    claims: Sequence[Claim], *, labels: Mapping[str, str] | None = None
) -> list[Conflict]:
    """Every conflict among `claims` (pure): literal, pragmatic, revision, then jumps."""
    labels = labels or {}
    found: list[Conflict] = []
    for (metric, _unit, moment), group in sorted(_groups(claims).items(), key=_group_order):
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
    return found + _jumps(claims, labels)


def _disagreement(a: _Reading, b: _Reading) -> tuple[bool | None, Decimal]:
    """(True, relative gap) when the literal readings are disjoint, (False, 0) when only the
    ordinary ones are, (None, 0) when the two agree."""
    if not a.literal.overlaps(b.literal):
        scale = max(abs(a.first.value), abs(b.first.value))
        return True, _relative_gap(a.literal, b.literal, scale)
    if not a.ordinary.overlaps(b.ordinary):
        return False, Decimal(0)
    return None, Decimal(0)


def _group_order(item: tuple[tuple[str, str, Moment], list[Claim]]) -> tuple[str, str, date]:
    (metric, unit, moment), _ = item
    return (metric, unit, moment[1] if isinstance(moment, tuple) else moment)


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
