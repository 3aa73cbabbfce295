"""Time expressions near a figure, resolved against the document's date.

"last year" said on 2022-11-28 → 2021-01-01..2021-12-31; "January-October 2022"; "between
January and September of this year"; "in just the past two years" said on 2024-11-27 →
2023-01-01..2024-11-27 (the current year and the one before, to date); "FY 2024-25" → April to
March. `find_document_date` is a cheap fallback for when `describe` found no date.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from communique.extract.numbers import WORD_VALUES

MONTHS = {
    name: i
    for i in range(1, 13)
    for name in (calendar.month_name[i].lower(), calendar.month_abbr[i].lower())
}
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
_YEAR = r"(?:19[5-9]\d|20\d\d)"
_COUNT = r"(?:\d{1,2}|" + "|".join(k for k in WORD_VALUES if " " not in k) + ")"


@dataclass(frozen=True, slots=True)
class TimeRef:
    """A time expression in a sentence: a span of days, a moment, or a deadline."""

    start: int
    end: int
    kind: str  # "period", "point", "deadline" (by 2030: a target's horizon), "base" (comparison)
    first: date | None = None
    last: date | None = None


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _year_of(word: str | None, today: date, *, month: int | None = None) -> int:
    """The year named by `word` ("2024", "this year", "last year", None: the latest past)."""
    if word:
        w = word.lower()
        if w.isdigit():
            return int(w)
        if "last" in w or "previous" in w or "past" in w:
            return today.year - 1
        return today.year
    if month is not None and month > today.month:
        return today.year - 1
    return today.year


def _span(first: date, last: date, today: date) -> tuple[date, date]:
    """Clamp an open period that runs past the document's date to that date."""
    return first, min(last, today) if first <= today else last


_Handler = Callable[[re.Match[str], date], tuple[str, date | None, date | None]]

_YEAR_WORD = rf"({_YEAR}|this year|last year|the previous year|the current year|the past year)"


def _fiscal(m: re.Match[str], today: date) -> tuple[str, date | None, date | None]:
    y = int(m.group(1))
    return "period", date(y, 4, 1), date(y + 1, 3, 31)


def _month_range(m: re.Match[str], today: date) -> tuple[str, date | None, date | None]:
    a, b = MONTHS[m.group(1).lower()], MONTHS[m.group(2).lower()]
    y = _year_of(m.group(3), today, month=b)
    return "period", date(y, a, 1), _month_end(y, b)


def _part_of_year(m: re.Match[str], today: date) -> tuple[str, date | None, date | None]:
    ordinal, part, year = m.group(1).lower(), m.group(2).lower(), m.group(3)
    y = _year_of(year, today)
    index = ("first", "second", "third", "fourth").index(ordinal)
    size = 6 if part == "half" else 3
    first_month = index * size + 1
    return "period", date(y, first_month, 1), _month_end(y, first_month + size - 1)


def _first_months(m: re.Match[str], today: date) -> tuple[str, date | None, date | None]:
    raw = m.group(1).lower()
    n = int(raw) if raw.isdigit() else WORD_VALUES.get(raw, 0)
    if not 1 <= n <= 12:
        return "base", None, None
    if m.group(2) is None and not re.match(r"(?:the\s+)?first|(?:in|for|over)\b", m.group(0), re.I):
        return "base", None, None  # "two more months left": a duration, not a part of a year
    y = _year_of(m.group(2), today, month=n)
    return "period", date(y, 1, 1), _month_end(y, n)


def _past_years(m: re.Match[str], today: date) -> tuple[str, date | None, date | None]:
    raw = m.group(1).lower()
    n = int(raw) if raw.isdigit() else WORD_VALUES.get(raw, 0)
    if n < 1:
        return "base", None, None
    return "period", date(today.year - n + 1, 1, 1), today


def _since(m: re.Match[str], today: date) -> tuple[str, date | None, date | None]:
    day = int(m.group("day")) if m.group("day") else 1
    month = MONTHS[m.group("month").lower()] if m.group("month") else 1
    return "period", date(int(m.group("year")), month, day), today


def _relative_year(m: re.Match[str], today: date) -> tuple[str, date | None, date | None]:
    w = m.group(1).lower()
    if w in ("last", "previous", "past"):
        return "period", date(today.year - 1, 1, 1), date(today.year - 1, 12, 31)
    if w in ("this", "current"):
        return "period", date(today.year, 1, 1), today
    return "deadline", None, None  # next year


def _month_in(m: re.Match[str], today: date) -> tuple[str, date | None, date | None]:
    month = MONTHS[m.group(1).lower()]
    y = _year_of(m.group(2), today, month=month)
    return "period", date(y, month, 1), _month_end(y, month)


def _end_of(m: re.Match[str], today: date) -> tuple[str, date | None, date | None]:
    y = _year_of(m.group(1), today)
    return "point", None, date(y, 12, 31)


def _year(m: re.Match[str], today: date) -> tuple[str, date | None, date | None]:
    y = int(m.group(2))
    lead = m.group(1).lower()
    if lead in ("by", "until", "till", "before", "to"):
        return "deadline", None, None
    if y > today.year:
        return "deadline", None, None
    return "period", date(y, 1, 1), date(y, 12, 31)


def _today(m: re.Match[str], today: date) -> tuple[str, date | None, date | None]:
    return "point", None, today


def _base(m: re.Match[str], today: date) -> tuple[str, date | None, date | None]:
    return "base", None, None


_RULES: tuple[tuple[re.Pattern[str], _Handler], ...] = (
    (
        re.compile(
            r"\b(?:same period (?:of|in|last)|compared (?:with|to)|from|against|than in|over)"
            rf"\s+(?:the\s+)?(?:{_YEAR}|last year|the previous year)\b",
            re.I,
        ),
        _base,
    ),
    (
        re.compile(rf"\b(?:FY|fiscal year|financial year)\s*({_YEAR})\s*[-–/]\s*(\d{{2,4}})\b"),
        _fiscal,
    ),
    (
        re.compile(
            rf"\b({_MONTH})\s*(?:[-–]|to|and|through|till|until)\s*({_MONTH})(?:\s*,?\s*(?:of\s+)?{_YEAR_WORD})?",
            re.I,
        ),
        _month_range,
    ),
    (
        re.compile(rf"\b(first|second|third|fourth)\s+(half|quarter)\s+of\s+{_YEAR_WORD}", re.I),
        _part_of_year,
    ),
    (
        re.compile(
            rf"\b(?:the\s+)?(?:first\s+)?({_COUNT})\s+months(?:\s+of\s+{_YEAR_WORD})?", re.I
        ),
        _first_months,
    ),
    (re.compile(rf"\b(?:the\s+)?(?:past|last|previous)\s+({_COUNT})\s+years\b", re.I), _past_years),
    # "since May 2022", and "since the framework was signed on 15 July 2023"
    (
        re.compile(
            rf"\b(?i:since)\s+(?:[^.;,\d]{{0,60}}?\b(?:on|in)\s+)?"
            rf"(?:(?P<day>\d{{1,2}})\s+)?(?:(?P<month>{_MONTH})\s+)?(?P<year>{_YEAR})\b"
        ),
        _since,
    ),
    (
        re.compile(
            rf"\b(?i:in)\s+({_MONTH})(?:\s+({_YEAR}|(?:of\s+)?(?:last|this|the previous) year))?"
            r"\b(?!\s+\d)"
        ),
        _month_in,
    ),
    (re.compile(r"\b(last|previous|past|this|current|next)\s+year\b", re.I), _relative_year),
    (re.compile(rf"\b(?:at the end of|end-|as of the end of)\s*{_YEAR_WORD}", re.I), _end_of),
    (
        re.compile(
            rf"\b((?i:in|for|of|during|throughout|by|until|till|before|to))\s+({_YEAR})\b(?![-–/]\d)"
        ),
        _year,
    ),
    (re.compile(r"\b(?:today|currently|at present|at the moment)\b"), _today),
    (
        re.compile(rf"\(({_YEAR})\)"),
        lambda m, t: ("period", date(int(m.group(1)), 1, 1), date(int(m.group(1)), 12, 31)),
    ),
)


_MAYBE_TIME = re.compile(
    rf"\d|{_MONTH}|year|today|current|present|moment|half|quarter|months", re.I
)


def find_times(text: str, today: date, *, start: int = 0, end: int | None = None) -> list[TimeRef]:
    """Time expressions in text[start:end], leftmost-longest, none overlapping."""
    end = len(text) if end is None else end
    if not _MAYBE_TIME.search(text, start, end):
        return []
    found: list[TimeRef] = []
    for pattern, handler in _RULES:
        for m in pattern.finditer(text, start, end):
            if any(m.start() < f.end and f.start < m.end() for f in found):
                continue
            try:
                kind, first, last = handler(m, today)
            except ValueError:  # an impossible date: not a time expression after all
                continue
            found.append(TimeRef(m.start(), m.end(), kind, first, last))
    return sorted(found, key=lambda f: f.start)


_DATELINES = (
    re.compile(rf"\b(\d{{1,2}})(?:\s*[-–]\s*\d{{1,2}})?\s+({_MONTH})\s*,?\s+({_YEAR})\b"),
    re.compile(rf"\b({_MONTH})\s+(\d{{1,2}}),?\s+({_YEAR})\b"),
    re.compile(rf"\b(\d{{1,2}})/(\d{{1,2}})/({_YEAR})\b"),
    re.compile(rf"\b({_YEAR})-(\d\d)-(\d\d)\b"),
)
DATELINE_WINDOW = 1500
"""Characters from the top searched for a dateline: all datelines in our corpora sit above it."""


def find_document_date(text: str) -> date | None:
    """The first date near the top of `text` (a dateline), when `describe` found none."""
    head = text[:DATELINE_WINDOW]
    best: tuple[int, date] | None = None
    for i, pattern in enumerate(_DATELINES):
        m = pattern.search(head)
        if m is None:
            continue
        g = m.groups()
        try:
            if i == 0:
                d = date(int(g[2]), MONTHS[g[1].lower()], int(g[0]))
            elif i == 1:
                d = date(int(g[2]), MONTHS[g[0].lower()], int(g[1]))
            elif i == 2:
                d = date(int(g[2]), int(g[0]), int(g[1]))  # US order, as in press-release feeds
            else:
                d = date(int(g[0]), int(g[1]), int(g[2]))
        except ValueError:
            continue
        if best is None or m.start() < best[0]:
            best = (m.start(), d)
    return None if best is None else best[1]
