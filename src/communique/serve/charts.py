"""A metric's timeline as SVG geometry: one mark per claim, hedges drawn as intervals.

Only numbers leave this module; the template draws them, so no text reaches SVG unescaped.
Claims in the metric's most common unit are plotted; the others stay in the table below it.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from communique.models import Claim
from communique.reconcile.timelines import TimelinePoint

WIDTH, HEIGHT = 720, 300
LEFT, RIGHT, TOP, BOTTOM = 56, 20, 24, 36  # room for the value axis labels and the year labels
INSET = 16  # keeps marks at the first and last moment off the chart's edges
OPEN_END = Decimal("1.12")  # an open interval ("over X") is drawn 12% past its bound, dashed


@dataclass(frozen=True, slots=True, kw_only=True)
class Mark:
    claim: Claim
    when: date
    x: float
    y: float
    y_low: float  # interval ends in pixels (y grows downwards)
    y_high: float
    open_low: bool  # the interval has no lower bound ("under X")
    open_high: bool  # no upper bound ("over X")


@dataclass(frozen=True, slots=True, kw_only=True)
class Tick:
    at: float
    label: str
    value: float


@dataclass(frozen=True, slots=True, kw_only=True)
class Chart:
    unit: str
    marks: tuple[Mark, ...]
    x_ticks: tuple[Tick, ...]
    y_ticks: tuple[Tick, ...]
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    right: int = WIDTH - RIGHT
    top: int = TOP
    bottom: int = HEIGHT - BOTTOM


def _nice_step(span: float) -> float:
    """A 1-2-5 step giving about five ticks over `span`."""
    raw = span / 5 or 1.0
    magnitude: float = 10.0 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if magnitude * factor >= raw:
            return magnitude * factor
    return magnitude * 10


def timeline_chart(points: Sequence[TimelinePoint]) -> Chart | None:
    """The chart for the dated points in the commonest unit, or None when nothing can be drawn."""
    dated = [p for p in points if p.when is not None]
    if not dated:
        return None
    unit = Counter(p.claim.unit for p in dated).most_common(1)[0][0]
    dated = [p for p in dated if p.claim.unit == unit]
    bounds: list[tuple[Decimal, Decimal, Decimal, bool, bool]] = []
    for p in dated:
        c = p.claim
        low, high = c.low, c.high
        open_low, open_high = low is None and high is not None, high is None and low is not None
        low = low if low is not None else (Decimal(0) if open_low else c.value)
        high = high if high is not None else (c.value * OPEN_END if open_high else c.value)
        bounds.append((c.value, low, high, open_low, open_high))
    y_max = float(max(max(v, h) for v, _, h, _, _ in bounds)) or 1.0
    y_min = min(0.0, float(min(min(v, lo) for v, lo, _, _, _ in bounds)))
    step = _nice_step(y_max - y_min)
    y_max = (int(y_max / step) + 1) * step
    days = [p.when.toordinal() for p in dated if p.when]
    first, last = min(days), max(days)
    if last - first < 60:  # a lone moment (or a tight cluster) sits mid-chart over a year
        first, last = first - 180, last + 180
    bottom, top = HEIGHT - BOTTOM, TOP
    left, right = LEFT, WIDTH - RIGHT

    def sx(day: int) -> float:
        return round(left + INSET + (day - first) / (last - first) * (right - left - 2 * INSET), 1)

    def sy(value: float) -> float:
        return round(bottom - (value - y_min) / (y_max - y_min) * (bottom - top), 1)

    marks = tuple(
        Mark(
            claim=p.claim,
            when=p.when,
            x=sx(p.when.toordinal()),
            y=sy(float(value)),
            y_low=sy(float(low)),
            y_high=sy(float(high)),
            open_low=open_low,
            open_high=open_high,
        )
        for p, (value, low, high, open_low, open_high) in zip(dated, bounds, strict=True)
        if p.when is not None
    )
    years = range(date.fromordinal(first).year + 1, date.fromordinal(last).year + 1)
    x_ticks = tuple(Tick(at=sx(date(y, 1, 1).toordinal()), label=str(y), value=y) for y in years)
    if len(x_ticks) > 12:  # keep labels apart on long timelines
        x_ticks = x_ticks[:: len(x_ticks) // 12 + 1]
    n = round((y_max - y_min) / step)
    y_ticks = tuple(
        Tick(at=sy(y_min + i * step), label="", value=y_min + i * step) for i in range(n + 1)
    )
    return Chart(unit=unit, marks=marks, x_ticks=x_ticks, y_ticks=y_ticks)
