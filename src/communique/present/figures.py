"""How a claim's figure, hedge and time are shown: one convention for every surface.

The CLI (`timeline`, `export`), the HTML report, the web pages and the REST API all show a
claim through `figure(claim)`, so the same claim reads the same everywhere:

- **amount**: the value as people read it (`format_amount`: "$25.6 bn", "24,000", "10%");
- **literal** and **ordinary** intervals, each labelled: what the hedge allows at most, and
  what a listener takes it to mean ("exceeded $21 billion": literally "$21 bn or more", in
  ordinary reading "$21 bn – $24.15 bn"). The rules live in `extract.intervals`; this
  module only shows them;
- **when**: the period or moment in words ("2021", "January–October 2022", "as of
  2024-11-27"), from `reconcile.conflicts.describe_moment`, which conflict explanations use
  too; with the ISO `period_start`/`period_end` and `as_of` beside it for machines;
- **chart_day**: where the claim sits on a time axis: the middle of its period (2021's trade
  is drawn mid-2021, between the 2021 and 2022 year marks, not at its last day), else its
  as-of date, else the date of its document.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from communique.extract.intervals import Interval, literal_interval, ordinary_interval
from communique.models import Claim, Period
from communique.reconcile.conflicts import describe_moment

LITERAL = "literal"
ORDINARY = "ordinary reading"
"""The labels the two intervals carry wherever they are shown."""

_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "RUB": "₽", "CNY": "¥", "JPY": "¥"}
_SCALES = ((Decimal(10) ** 12, "tn"), (Decimal(10) ** 9, "bn"), (Decimal(10) ** 6, "m"))


def format_amount(value: Decimal, unit: str) -> str:
    """25600000000 USD → "$25.6 bn"; 24000 count → "24,000"; 50 percent → "50%"."""
    if not value.is_finite():
        return f"{value} {unit}".strip()
    if unit == "percent":
        return f"{_trim(value)}%"
    if unit == "rank":
        return f"#{_trim(value)}"
    text = f"{value:,.0f}" if value == value.to_integral_value() else _trim(value)
    for scale, word in _SCALES:
        if abs(value) >= scale:
            text = f"{_trim(value / scale)} {word}"
            break
    if unit == "count":
        return text
    symbol = _SYMBOLS.get(unit)
    return f"{symbol}{text}" if symbol else f"{text} {unit}"


def _trim(value: Decimal) -> str:
    rounded = round(value, 2)
    return f"{rounded:,f}".rstrip("0").rstrip(".") if "." in f"{rounded:f}" else f"{rounded:,f}"


@dataclass(frozen=True, slots=True, kw_only=True)
class Range:
    """An interval as shown: its ends (None: open on that side) and the words for it."""

    low: Decimal | None
    high: Decimal | None
    text: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Figure:
    """A claim's figure as every surface shows it."""

    amount: str
    literal: Range
    ordinary: Range
    when: str
    period_start: date | None
    period_end: date | None
    as_of: date | None
    chart_day: date | None


def describe_range(interval: Interval, unit: str) -> str:
    """ "$21 bn – $24.15 bn", "$21 bn or more", "up to 5%", "exactly 93"."""
    low, high = interval.low, interval.high
    if low is not None and high is not None:
        if low == high:
            return f"exactly {format_amount(low, unit)}"
        return f"{format_amount(low, unit)} – {format_amount(high, unit)}"
    if low is not None:
        return f"{format_amount(low, unit)} or more"
    if high is not None:
        return f"up to {format_amount(high, unit)}"
    return "any value"


def describe_when(period: Period | None, as_of: date | None) -> str:
    """ "2021", "January–October 2022", "as of 2024-11-27", "from 2022-01-01 to
    2022-10-15"; "undated" when the claim has neither period nor moment."""
    if period is None and as_of is None:
        return "undated"
    return describe_moment(period, as_of).removeprefix("in ")


def chart_day(claim: Claim) -> date | None:
    """Where a claim sits on a time axis: mid-period, else as-of, else its document's date."""
    if claim.period is not None:
        middle = (claim.period.start.toordinal() + claim.period.end.toordinal()) // 2
        return date.fromordinal(middle)
    return claim.as_of or claim.document_date


def _range(interval: Interval, unit: str) -> Range:
    return Range(low=interval.low, high=interval.high, text=describe_range(interval, unit))


def figure(claim: Claim) -> Figure:
    """How `claim` is shown: amount, literal and ordinary interval, when."""
    finite = claim.value.is_finite()
    none = Interval(None, None)
    return Figure(
        amount=format_amount(claim.value, claim.unit),
        literal=_range(literal_interval(claim) if finite else none, claim.unit),
        ordinary=_range(ordinary_interval(claim) if finite else none, claim.unit),
        when=describe_when(claim.period, claim.as_of),
        period_start=claim.period.start if claim.period else None,
        period_end=claim.period.end if claim.period else None,
        as_of=claim.as_of,
        chart_day=chart_day(claim),
    )


__all__ = [
    "LITERAL",
    "ORDINARY",
    "Figure",
    "Range",
    "chart_day",
    "describe_range",
    "describe_when",
    "figure",
    "format_amount",
]
