"""When a commitment is due: time expressions read forwards from the document's date.

`periods.find_times` reads the past a figure describes ("last year", "January-October"), and
clamps an open period to the document's date; a promise looks ahead, so the same words
resolve differently here: "this year" is the whole year, "in June" is the next June, "in
2026" and "next year" are whole years, "by 2030" runs from the document's date to the end
of 2030, "tomorrow" is one day, "the spring of 2025" is March to May. What `periods` already
reads the same way forwards (parts of a year, month ranges, a named month of a named year)
is taken from it. "Soon", "in the near future", "in the coming years" and "2025 and beyond"
state no time that can be resolved: they give no due date and stop the search.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from communique.extract.numbers import WORD_VALUES
from communique.extract.periods import MONTHS, find_times
from communique.models import Period

_MONTH = "(?:" + "|".join(calendar.month_name[i] for i in range(1, 13)) + ")"
_YEAR = r"(?:20\d\d)"
_COUNT = r"(?:\d{1,2}|" + "|".join(k for k in WORD_VALUES if " " not in k) + ")"
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11)}


@dataclass(frozen=True, slots=True)
class Due:
    """A time expression in a clause: its span and what it resolves to (None: unresolvable)."""

    start: int
    end: int
    period: Period | None


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _year(word: str | None, today: date) -> int:
    """ "2025" → 2025; "next year" → the year after `today`'s; anything else → `today`'s year."""
    if word and word.isdigit():
        return int(word)
    if word and "next" in word.lower():
        return today.year + 1
    return today.year


def _next_month(month: int, today: date) -> int:
    """The year of the next `month` from `today` on ("in June" said in November: next year)."""
    return today.year if month >= today.month else today.year + 1


def _period(first: date, last: date) -> Period | None:
    return Period(start=first, end=last) if first <= last else None


_Rule = Callable[[re.Match[str], date], Period | None]


def _tomorrow(m: re.Match[str], today: date) -> Period | None:
    day = today + timedelta(days=1)
    return Period(start=day, end=day)


def _today(m: re.Match[str], today: date) -> Period | None:
    return Period(start=today, end=today)


def _whole_year(m: re.Match[str], today: date) -> Period | None:
    y = _year(m.group("year") or m.group("rel"), today)
    return Period(start=date(y, 1, 1), end=date(y, 12, 31))


def _year_range(m: re.Match[str], today: date) -> Period | None:
    first, last = int(m.group("first")), int(m.group("last"))
    if last < 100:
        last += first // 100 * 100
    return _period(date(first, 1, 1), date(last, 12, 31))


def _deadline(m: re.Match[str], today: date) -> Period | None:
    """ "by 2030", "by the end of the year", "by March 2025", "until 2030": now until then."""
    month = m.group("month")
    y = _year(m.group("year"), today)
    if month:
        number = MONTHS[month.lower()]
        if not m.group("year"):
            y = _next_month(number, today)
        return _period(today, _month_end(y, number))
    return _period(today, date(y, 12, 31))


def _this_month(m: re.Match[str], today: date) -> Period | None:
    if m.group(1).lower() == "next":
        y, month = (today.year + 1, 1) if today.month == 12 else (today.year, today.month + 1)
    else:
        y, month = today.year, today.month
    return Period(start=date(y, month, 1), end=_month_end(y, month))


def _week(m: re.Match[str], today: date) -> Period | None:
    """This week or the next, Monday to Sunday; "this coming week" is the week that has not
    begun ("this coming week" on a Saturday: Monday to Sunday after it)."""
    monday = today - timedelta(days=today.weekday())
    if m.group(1).lower() in ("next", "this coming", "the coming"):
        monday += timedelta(days=7)
    return Period(start=monday, end=monday + timedelta(days=6))


def _within(m: re.Match[str], today: date) -> Period | None:
    raw = m.group("n").lower()
    n = 1 if raw == "a" else int(raw) if raw.isdigit() else int(WORD_VALUES.get(raw, 0))
    unit = m.group("unit").lower().rstrip("s")
    if n < 1:
        return None
    if unit == "day":
        last = today + timedelta(days=n)
    elif unit == "week":
        last = today + timedelta(weeks=n)
    else:
        months = n * 12 if unit == "year" else n
        y, mo = divmod(today.month - 1 + months, 12)
        last = _month_end(today.year + y, mo + 1)
        last = last.replace(day=min(today.day, last.day))
    return Period(start=today, end=last)


def _season(m: re.Match[str], today: date) -> Period | None:
    first, last = _SEASONS[m.group("season").lower()]
    year = m.group("year")
    which = (m.group("which") or "").lower()
    y = _year(year, today) if year else _next_month(last, today)
    if which == "next" and not year:
        y = today.year + 1
    return Period(start=date(y, first, 1), end=_month_end(y, last))


def _month_days(m: re.Match[str], today: date) -> Period | None:
    """ "on December 24–25", "on May 9", "on 9 May 2025": the next such days, or the year given."""
    month = MONTHS[(m.group("month") or m.group("month_b")).lower()]
    first = int(m.group("d1") or m.group("e1"))
    second = m.group("d2") or m.group("e2")
    last = int(second) if second else first
    y = int(m.group("year")) if m.group("year") else None
    if y is None:
        y = today.year
        if date(y, month, min(last, calendar.monthrange(y, month)[1])) < today:
            y += 1
    return _period(date(y, month, first), date(y, month, last))


def _month_in(m: re.Match[str], today: date) -> Period | None:
    month = MONTHS[m.group("month").lower()]
    year = m.group("year")
    if year and not year.isdigit():
        y = _year(year, today)
    else:
        y = int(year) if year else _next_month(month, today)
    return Period(start=date(y, month, 1), end=_month_end(y, month))


def _unresolvable(m: re.Match[str], today: date) -> Period | None:
    return None


_DAY = (
    rf"\b(?:(?P<d1>\d{{1,2}})(?:\s*[-–]\s*(?P<d2>\d{{1,2}}))?\s+(?P<month>{_MONTH})"
    rf"|(?P<month_b>{_MONTH})\s+(?P<e1>\d{{1,2}})(?:\s*[-–]\s*(?P<e2>\d{{1,2}}))?)"
    rf"(?:st|nd|rd|th)?(?:,?\s+(?P<year>{_YEAR}))?\b(?!\s*(?:billion|million|percent))"
)
"""A day or days of a month ("9–10 January", "January 12th, 2025")."""


def _by_day(m: re.Match[str], today: date) -> Period | None:
    """ "by February 5": from the document's date to that day."""
    day = _month_days(m, today)
    return _period(today, day.end) if day is not None else None


_NEXT_THIS = r"(?:next|this|the current|the coming)"
_RULES: tuple[tuple[re.Pattern[str], _Rule], ...] = (
    # Open-ended or vague: no due date, and nothing later in the clause is read instead.
    (
        re.compile(
            r"\b(?:soon|shortly|in the (?:near|foreseeable|not too distant) future|"
            r"(?:in|over) the (?:coming|next|following) (?:few |several |many )?"
            r"(?:years|months|decades|weeks)|in (?:the )?(?:years|months) (?:to come|ahead)|"
            rf"in due course|eventually|(?:(?:for|in|from|through)\s+)?{_YEAR} and beyond|"
            rf"beyond {_YEAR})\b",
            re.I,
        ),
        _unresolvable,
    ),
    (re.compile(r"\btomorrow\b", re.I), _tomorrow),
    (re.compile(r"\b(?:later )?today\b", re.I), _today),
    (
        re.compile(
            rf"\b(?:in|for|during|over)\s+(?:the\s+)?(?:years?\s+|period\s+)?(?P<first>{_YEAR})"
            r"\s*(?:[-–—]|to|through|until)\s*(?P<last>\d{4}|\d\d)\b",
            re.I,
        ),
        _year_range,
    ),
    (
        re.compile(
            r"\b(?:by|until|till|before|no later than)\s+(?:the\s+)?(?:end\s+of\s+)?(?:the\s+)?"
            rf"(?:(?P<month>{_MONTH})\s+)?(?P<year>{_YEAR}|(?:this|next|the current) year)\b",
            re.I,
        ),
        _deadline,
    ),
    (
        re.compile(
            r"\b(?:by|before)\s+(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?year\b"
            r"|\blater\s+this year\b",
            re.I,
        ),
        lambda _m, today: Period(start=today, end=date(today.year, 12, 31)),
    ),
    (
        re.compile(
            r"\b(?:(?P<which>this|next|the coming)\s+|(?<=\bthe\s))"
            r"(?P<season>spring|summer|autumn|fall)"
            rf"(?:\s+(?:of\s+)?(?P<year>{_YEAR}|this year|next year))?\b",
            re.I,
        ),
        _season,
    ),
    (re.compile(rf"\b(?i:by|before|no later than|not later than)\s+{_DAY}"), _by_day),
    (re.compile(_DAY), _month_days),
    (
        re.compile(
            rf"\b(?:in|by|during|this|next)\s+(?P<month>{_MONTH})(?:\s+(?:of\s+)?"
            rf"(?P<year>{_YEAR}|this year|next year))?\b(?!\s+\d)",
            re.I,
        ),
        _month_in,
    ),
    (re.compile(r"\b(next|this|the current) month\b", re.I), _this_month),
    (re.compile(r"\b(next|this coming|the coming|this) week\b", re.I), _week),
    (
        re.compile(
            rf"\b(?:within|in)\s+(?:the\s+next\s+)?(?P<n>{_COUNT}|a)\s+"
            r"(?P<unit>days?|weeks?|months?|years?)\b",
            re.I,
        ),
        _within,
    ),
    (
        re.compile(
            rf"\b(?:(?:in|during|for|throughout|of)\s+(?P<year>{_YEAR})|"
            rf"(?P<rel>{_NEXT_THIS} year|{_NEXT_THIS} calendar year))\b(?![-–/]\d)",
            re.I,
        ),
        _whole_year,
    ),
)


_MAYBE_DUE = re.compile(
    r"\d|tomorrow|today|year|month|week|spring|summer|autumn|fall|soon|shortly|future|"
    r"coming|ahead|course|eventually|beyond|"
    + "|".join(calendar.month_name[i] for i in range(1, 13)),
    re.I,
)


def find_dues(text: str, today: date, *, start: int = 0, end: int | None = None) -> list[Due]:
    """Forward-looking time expressions in text[start:end], leftmost-longest, none
    overlapping; on equal spans this module's reading wins over `periods`'."""
    end = len(text) if end is None else end
    if not _MAYBE_DUE.search(text, start, end):
        return []
    candidates: list[tuple[int, int, int, Period | None]] = []
    for pattern, rule in _RULES:
        for m in pattern.finditer(text, start, end):
            if not m.group().strip():
                continue
            try:
                candidates.append((m.start(), -m.end(), 0, rule(m, today)))
            except (ValueError, KeyError):  # an impossible date: not a time after all
                continue
    for t in find_times(text, today, start=start, end=end):
        if t.kind == "period" and t.first is not None and t.last is not None:
            candidates.append((t.start, -t.end, 1, Period(start=t.first, end=t.last)))
    found: list[Due] = []
    for first, neg_end, _, period in sorted(candidates, key=lambda c: c[:3]):
        if any(first < f.end and f.start < -neg_end for f in found):
            continue
        found.append(Due(first, -neg_end, period))
    return found


def first_due(dues: list[Due], today: date) -> Period | None:
    """The due period among `dues` (in text order): the first that is not in the past of
    `today`; none when an unresolvable one ("soon") comes first."""
    for due in dues:
        if due.period is None:
            return None
        if due.period.end >= today:
            return due.period
    return None


def due_of(text: str, today: date | None, *, start: int, end: int) -> Period | None:
    """The due period of a commitment stated in text[start:end] (see `first_due`)."""
    if today is None:
        return None
    return first_due(find_dues(text, today, start=start, end=end), today)
