"""Dates as statements write them, and the document's dateline.

"February 10, 2022", "10 February 2022", "11/28/2022 | Press release", "10.02.2022",
"2022-02-10", "Thursday, 10 February, 2022", "Feb. 10, 2022", "November 27, 2024 21:00 Astana".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_MONTHS = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
# A day range ("18-19 November 2024", "November 18–19, 2024") dates an event by its first day,
# the day it opened: summit declarations are usually adopted then.
_TO_DAY = r"(?:\s*[-–]\s*\d{1,2}(?:st|nd|rd|th)?)?"
_DATE = re.compile(
    rf"\b{_MONTH}\s+{_DAY}{_TO_DAY},?\s+{_YEAR}\b"
    rf"|\b{_DAY.replace('day>', 'day2>')}{_TO_DAY}\s+(?:of\s+)?"
    rf"{_MONTH.replace('month>', 'month2>')},?\s+{_YEAR.replace('year>', 'year2>')}\b"
    r"|\b(?P<iy>(?:19|20)\d{2})-(?P<im>\d{1,2})-(?P<id>\d{1,2})\b"
    r"|\b(?P<sa>\d{1,2})/(?P<sb>\d{1,2})/(?P<sy>(?:19|20)\d{2})\b"
    r"|\b(?P<dd>\d{1,2})\.(?P<dm>\d{1,2})\.(?P<dy>(?:19|20)\d{2})\b",
    re.I,
)
# A dateline is a short line: longer lines are prose that merely mentions a date. The
# longest datelines seen ("11/28/2022 | Press release | Distributed by Public on ...",
# "Thursday, 10 February 2022, 18:15, The Kremlin, Moscow") are under 100 characters.
_DATELINE_CHARS = 100
# How far into a document without speaker labels the dateline is looked for: the header
# block of kremlin.ru, government.ru, state.gov and gov.uk pages fits in 1,500 characters.
HEAD_CHARS = 1500


@dataclass(frozen=True, slots=True)
class FoundDate:
    value: date
    start: int
    end: int


def find_dates(text: str) -> list[FoundDate]:
    """Every valid date in `text`, in order."""
    found = []
    for m in _DATE.finditer(text):
        value = _value(m)
        if value is not None:
            found.append(FoundDate(value, m.start(), m.end()))
    return found


def parse_date(text: str) -> date | None:
    """The first date in `text`, or None."""
    found = find_dates(text)
    return found[0].value if found else None


def find_dateline(text: str, *, head_end: int | None = None) -> FoundDate | None:
    """The document's own date: the first date on a short line of its header."""
    end = min(len(text), HEAD_CHARS) if head_end is None else head_end
    for line in re.finditer(r"[^\n]+", text[:end]):
        if len(line.group().strip()) > _DATELINE_CHARS:
            continue
        found = find_dates(line.group())
        if found:
            first = found[0]
            return FoundDate(first.value, line.start() + first.start, line.start() + first.end)
    return None


def _value(m: re.Match[str]) -> date | None:
    g = m.groupdict()
    try:
        if g["month"]:
            return date(int(g["year"]), _MONTHS[g["month"].lower()], int(g["day"]))
        if g["month2"]:
            return date(int(g["year2"]), _MONTHS[g["month2"].lower()], int(g["day2"]))
        if g["iy"]:
            return date(int(g["iy"]), int(g["im"]), int(g["id"]))
        if g["sy"]:
            a, b = int(g["sa"]), int(g["sb"])
            # US sites write month/day; a first number over 12 can only be a day.
            month, day = (b, a) if a > 12 else (a, b)
            return date(int(g["sy"]), month, day)
        return date(int(g["dy"]), int(g["dm"]), int(g["dd"]))
    except ValueError:
        return None
