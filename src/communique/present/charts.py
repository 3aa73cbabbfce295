"""Chart geometry for the HTML report: claimed values over time, hedges as error bars.

Only numbers and labels are computed here; `templates/report.html.j2` draws them as inline
SVG, so the report needs no chart library and every label passes through autoescaping.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from itertools import pairwise

from communique.models import ConflictKind, Modality, Qualifier
from communique.present.figures import chart_day, describe_when, format_amount
from communique.reconcile.timelines import TimelinePoint

WIDTH, HEIGHT = 960, 300
LEFT, RIGHT, TOP, BOTTOM = 78, 24, 18, 44
# A chart with more marks than this is unreadable at 960 px and heavy in the page (~400 bytes
# a mark); the conflicts are always kept and an even sample of the rest fills the room.
MAX_MARKS = 250
# A period shorter than this is drawn as part of a year (a year has 364 or 365 days end-start).
PARTIAL_DAYS = 360
# Claims made about the same moment are spread sideways by this many pixels so that each
# stays visible and clickable (a dot is 5 px in radius).
JITTER_PX = 14


@dataclass(frozen=True, slots=True)
class Tick:
    pos: float
    label: str
    major: bool = True  # major ticks draw a line; minor ones only carry a label


@dataclass(frozen=True, slots=True)
class Mark:
    """One claim on a chart; y_low/y_high are the hedge's error bar in pixels."""

    claim_id: int | None
    x: float
    y: float
    y_low: float
    y_high: float
    open_up: bool  # "over X": the words allow more than the bar shows
    open_down: bool
    conflict: bool
    target: bool
    partial: bool  # an amount over less than a year (Jan–Oct): not comparable with full years
    title: str


@dataclass(frozen=True, slots=True)
class Link:
    """A conflict drawn between two marks."""

    x1: float
    y1: float
    x2: float
    y2: float
    jump: bool
    title: str


@dataclass(frozen=True, slots=True)
class Chart:
    metric: str
    label: str
    unit: str
    marks: tuple[Mark, ...]
    links: tuple[Link, ...]
    x_ticks: tuple[Tick, ...]
    y_ticks: tuple[Tick, ...]
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    right: int = WIDTH - RIGHT
    top: int = TOP
    bottom: int = HEIGHT - BOTTOM
    left_out: int = 0  # points not drawn: in another unit, or past MAX_MARKS


def _nice_step(span: float) -> float:
    raw = span / 5 if span > 0 else 1.0
    power = 10.0 ** math.floor(math.log10(raw))
    return float(next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw))


def _y_range(lows: list[float], highs: list[float]) -> tuple[float, float, float]:
    low, high = min(lows), max(highs)
    from_zero = 0 <= low < 0.5 * high  # a range that nearly reaches zero reads better from zero
    if from_zero:
        low = 0.0
    pad = (high - low) * 0.08 or abs(high) * 0.1 or 1.0
    step = _nice_step(high - low + 2 * pad)
    bottom = 0.0 if from_zero else math.floor((low - pad) / step) * step
    if low >= 0 > bottom:
        bottom = 0.0  # positive figures never need a negative axis
    return bottom, math.ceil((high + pad) / step) * step, step


def _x_ticks(first: int, last: int, scale: float, left: int) -> tuple[Tick, ...]:
    """Year boundaries as tick lines, each year's label centred on its span."""
    start, end = date.fromordinal(first), date.fromordinal(last)

    def x_of(day: date) -> float:
        return round(left + (day.toordinal() - first) * scale, 1)

    if end.year == start.year:
        return (Tick(x_of(start), start.isoformat()), Tick(x_of(end), end.isoformat()))
    stride = max(1, math.ceil((end.year - start.year + 1) / 10))
    ticks = [Tick(x_of(date(y, 1, 1)), "") for y in range(start.year + 1, end.year + 1)]
    for year in range(start.year, end.year + 1, stride):
        middle = date(year, 7, 2)
        if first <= middle.toordinal() <= last:
            ticks.append(Tick(x_of(middle), str(year), major=False))
    return tuple(ticks)


def _thin(points: list[TimelinePoint]) -> list[TimelinePoint]:
    """At most MAX_MARKS points: every one in a conflict, then an even sample of the rest."""
    if len(points) <= MAX_MARKS:
        return points
    flagged = [p for p in points if p.conflicts][:MAX_MARKS]
    rest = [p for p in points if not p.conflicts]
    room = MAX_MARKS - len(flagged)
    sample = [rest[i * len(rest) // room] for i in range(room)] if room > 0 else []
    kept = {id(p) for p in flagged + sample}
    return [p for p in points if id(p) in kept]


def _x_day(point: TimelinePoint) -> int:
    """Amounts over a span sit in its middle (2021's trade mid-2021); levels at their date
    (`figures.chart_day`, which every chart uses)."""
    day = chart_day(point.claim) or point.when
    return day.toordinal() if day is not None else 0


def build_chart(
    points: Sequence[TimelinePoint],
    *,
    metric: str,
    label: str,
    conflict_kinds: dict[int, str],
    min_points: int = 2,
) -> Chart | None:
    """A chart of one metric's dated points, in its most common unit; None below `min_points`
    (the report skips single figures; a metric's own page draws even one).

    `conflict_kinds` maps conflict id → kind, to draw jumps apart from contradictions.
    """
    dated = [p for p in points if p.when is not None and p.claim.value.is_finite()]
    if not dated:
        return None
    unit = Counter(p.claim.unit for p in dated).most_common(1)[0][0]
    shown = _thin([p for p in dated if p.claim.unit == unit])
    if len(shown) < min_points:
        return None
    values = [float(p.claim.value) for p in shown]
    lows = [float(p.low) if p.low is not None else v for p, v in zip(shown, values, strict=True)]
    highs = [float(p.high) if p.high is not None else v for p, v in zip(shown, values, strict=True)]
    y_min, y_max, step = _y_range(lows, highs)
    days = [_x_day(p) for p in shown]
    first, last = min(days), max(days)
    if first == last:
        first, last = first - 180, last + 180
    inner_left, inner_right = LEFT + JITTER_PX * 2, WIDTH - RIGHT - JITTER_PX * 2
    x_scale = (inner_right - inner_left) / (last - first)
    y_scale = (HEIGHT - BOTTOM - TOP) / (y_max - y_min)

    def y_of(v: float) -> float:
        return round(HEIGHT - BOTTOM - (v - y_min) * y_scale, 1)

    same_day: dict[int, list[int]] = defaultdict(list)
    for i, day in enumerate(days):
        same_day[day].append(i)
    marks: list[Mark] = []
    by_conflict: dict[int, list[Mark]] = defaultdict(list)
    for i, point in enumerate(shown):
        claim = point.claim
        peers = same_day[days[i]]
        offset = (peers.index(i) - (len(peers) - 1) / 2) * JITTER_PX
        mark = Mark(
            claim_id=claim.id,
            x=round(inner_left + (days[i] - first) * x_scale + offset, 1),
            y=y_of(values[i]),
            y_low=y_of(lows[i]),
            y_high=y_of(highs[i]),
            open_up=claim.qualifier in (Qualifier.OVER, Qualifier.AT_LEAST),
            open_down=claim.qualifier in (Qualifier.UNDER, Qualifier.AT_MOST),
            conflict=bool(point.conflicts),
            target=claim.modality is not Modality.ACTUAL,
            partial=claim.period is not None
            and (claim.period.end - claim.period.start).days < PARTIAL_DAYS,
            title=f"{claim.quote} ({describe_when(claim.period, claim.as_of)}) — "
            f"{claim.speaker or 'unknown speaker'}, {claim.document_date or 'undated'}, "
            f"{claim.source}",
        )
        marks.append(mark)
        for conflict_id in point.conflicts:
            by_conflict[conflict_id].append(mark)
    links = []
    for conflict_id, members in by_conflict.items():
        kind = conflict_kinds.get(conflict_id, "")
        for a, b in pairwise(members):
            links.append(
                Link(a.x, a.y, b.x, b.y, kind == ConflictKind.JUMP, f"conflict #{conflict_id}")
            )
    n_ticks = round((y_max - y_min) / step)
    y_ticks = tuple(
        Tick(y_of(y_min + k * step), format_amount(Decimal(str(y_min + k * step)), unit))
        for k in range(n_ticks + 1)
    )
    return Chart(
        metric=metric,
        label=label,
        unit=unit,
        marks=tuple(marks),
        links=tuple(links),
        x_ticks=_x_ticks(first, last, x_scale, inner_left),
        y_ticks=y_ticks,
        left_out=len(dated) - len(shown),
    )


__all__ = ["Chart", "Link", "Mark", "Tick", "build_chart", "format_amount"]
