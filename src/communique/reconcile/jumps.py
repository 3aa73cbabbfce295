"""Jumps: a level that halves or doubles between two consecutive moments.

Not a contradiction (both figures can be true) but worth a look: often a change of
definition. The same evidence as for conflicts applies (`evidence.excluded`): a recognised
indicator, an actual and not vague figure; levels of one metric key and scope only, each at a
moment the text established (a moment of speaking is no evidence across statements).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from decimal import Decimal
from itertools import pairwise

from communique.extract.intervals import Interval, ordinary_interval
from communique.models import QUESTION, Claim, Conflict, ConflictKind, Severity, TimeSource
from communique.reconcile.canon import describe_metric
from communique.reconcile.evidence import excluded

# A level that at least doubles or halves between consecutive moments is a jump. Stocks and
# counts in bilateral statements grow by up to ~25% a year; doubling within 3 years (≈26% a
# year sustained) or any halving is an outlier worth a look, often a change of definition.
JUMP_FACTOR = Decimal(2)
JUMP_WINDOW_DAYS = 3 * 366

# A jump is a hint, not a contradiction: it ranks below every conflict on the board.
JUMP_CONFIDENCE = 0.2


def _who(claim: Claim) -> str:
    if claim.speaker == QUESTION:
        return "a journalist"
    return claim.speaker or f"the statement {claim.source or '(unknown source)'}"


def _span(claims: Sequence[Claim]) -> Interval:
    intervals = [ordinary_interval(c) for c in claims]
    lows = [i.low for i in intervals]
    highs = [i.high for i in intervals]
    return Interval(
        None if any(v is None for v in lows) else min(v for v in lows if v is not None),
        None if any(v is None for v in highs) else max(v for v in highs if v is not None),
    )


def find_jumps(claims: Iterable[Claim], labels: Mapping[str, str]) -> list[Conflict]:
    """Levels (as-of figures) of one metric and scope that double or halve between
    consecutive moments within JUMP_WINDOW_DAYS."""
    levels: dict[tuple[str, str, str], dict[date, list[Claim]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for claim in claims:
        level = claim.as_of is not None and claim.period is None and claim.unit != "rank"
        established = claim.time_source in (TimeSource.STATED, TimeSource.RELATIVE)
        if level and claim.as_of is not None and established and excluded(claim) is None:
            key = (claim.metric, claim.scope or "", claim.unit)
            levels[key][claim.as_of].append(claim)
    found = []
    for (metric, scope, _unit), moments in sorted(levels.items()):
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
                        f"{label}{f' ({scope})' if scope else ''}: '{old.quote}' as of "
                        f"{before.isoformat()} ({_who(old)}), then '{new.quote}' as of "
                        f"{after.isoformat()} ({_who(new)}): it {change} in "
                        f"{(after - before).days} days — check the definitions."
                    ),
                    claims=(old, new),
                    as_of=after,
                    confidence=JUMP_CONFIDENCE,
                    reasons=(
                        f"same indicator: {old.indicator}",
                        f"a level that {change} between two moments {(after - before).days} "
                        "days apart",
                        "both can be true: a hint to check the definitions, not a contradiction",
                    ),
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


__all__ = ["JUMP_CONFIDENCE", "JUMP_FACTOR", "JUMP_WINDOW_DAYS", "find_jumps"]
