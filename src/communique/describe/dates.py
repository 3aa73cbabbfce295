"""Dates as statements write them, and the document's dateline: the one home of month names
and date strings.

"February 10, 2022", "10 February 2022", "11/28/2022 | Press release", "10.02.2022",
"2021-12-16T16:40:00Z", "Thursday, 10 February, 2022", "Feb. 10, 2022", "10 февраля 2022 г.",
"November 27, 2024 21:00 Astana"; and hints of coarser precision from metadata ("1995",
"September 1995").

Reading a date string is dateparser's job, configured for the languages below (no language
detection, absolute dates only, nothing relative to today, nothing downloaded). Finding where a
date stands in a line stays a regex of the shapes above: dateparser's `search_dates` takes
"may", "now" or "second" for dates and costs ~10 ms a header line against ~0.05 ms here (500
kremlin.ru and White House headers, one core). Month names come from dateparser's locale data, so
every language it reads is one it can find.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from typing import Any

from communique.models import DatePrecision

LANGUAGES = ("en", "ru")
"""Languages whose month names and date orders are read (dateparser locale codes)."""


@cache
def _dateparser(order: str) -> Any:
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=list(LANGUAGES),
        try_previous_locales=False,
        settings={
            "PARSERS": ["timestamp", "absolute-time"],  # never "yesterday" or "in 2 days"
            "DATE_ORDER": order,
            "PREFER_DAY_OF_MONTH": "first",
            "PREFER_DATES_FROM": "past",
            "RETURN_AS_TIMEZONE_AWARE": False,  # the date as written, never shifted to UTC
        },
    )


@cache
def month_names() -> dict[str, int]:
    """Every month name and abbreviation of `LANGUAGES`, lower-cased → month number."""
    from dateparser.languages.loader import default_loader

    names: dict[str, int] = {}
    months = "january february march april may june july august september october november"
    months += " december"
    for language in LANGUAGES:
        info = default_loader.get_locale(language).info
        for number, key in enumerate(months.split(), start=1):
            for name in info.get(key, ()):
                if re.fullmatch(r"[^\W\d_]{3,}", name):
                    names.setdefault(name.lower(), number)
    return names


def month_number(name: str) -> int | None:
    """The month a name means ("Sept" → 9, "февраля" → 2), or None."""
    return month_names().get(name.lower().rstrip("."))


@cache
def _pattern() -> re.Pattern[str]:
    month = "|".join(sorted(month_names(), key=len, reverse=True))
    month = rf"(?:{month})\.?"
    day = r"\d{1,2}(?:st|nd|rd|th)?"
    year = r"(?:1[89]|20)\d{2}"
    # A day range ("18-19 November 2024", "November 18–19, 2024") dates an event by its first
    # day, the day it opened: summit declarations are usually adopted then.
    to_day = r"(?:\s*[-–]\s*\d{1,2}(?:st|nd|rd|th)?)?"
    return re.compile(
        rf"(?P<named>\b(?:{month})\s+{day}{to_day},?\s+{year}\b"
        rf"|\b{day}{to_day}\s+(?:of\s+)?(?:{month}),?\s+{year}\b(?:\s*(?:г\.|года))?)"
        rf"|(?P<iso>\b{year}-\d{{1,2}}-\d{{1,2}}(?=\b|T))"
        rf"|(?P<slash>\b\d{{1,2}}/\d{{1,2}}/{year}\b)"
        rf"|(?P<dot>\b\d{{1,2}}\.\d{{1,2}}\.{year}\b)",
        re.I,
    )


_RANGE = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s*[-–]\s*\d{1,2}(?:st|nd|rd|th)?")
# A dateline is a short line: longer lines are prose that merely mentions a date. The
# longest datelines seen ("11/28/2022 | Press release | Distributed by Public on ...",
# "Thursday, 10 February 2022, 18:15, The Kremlin, Moscow") are under 100 characters.
_DATELINE_CHARS = 100
# A line whose words, once its date and time are gone, are this few is a dateline
# ("11/28/2022 | Press release", "November 27, 2024 21:00 Astana"); titles have more.
DATELINE_WORDS = 3
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
    for m in _pattern().finditer(text):
        value = _read(m.group(), m.lastgroup or "named")
        if value is not None:
            found.append(FoundDate(value, m.start(), m.end()))
    return found


def parse_date(text: str) -> date | None:
    """The first date in `text`, or None."""
    found = find_dates(text)
    return found[0].value if found else None


def parse_date_hint(value: object) -> tuple[date, DatePrecision] | None:
    """A date from metadata (front matter, a JSONL field) with the precision it was given at:
    "1995" → (1995-01-01, year), "1995-09" → (1995-09-01, month), "2021-11-04" → day."""
    if isinstance(value, date):  # YAML reads an unquoted 2021-11-04 as a date (or datetime)
        return (value.date() if hasattr(value, "date") else value), DatePrecision.DAY
    text = str(value or "").strip()
    if not text:
        return None
    if re.fullmatch(r"(?:1[89]|20)\d{2}", text):
        return date(int(text), 1, 1), DatePrecision.YEAR
    found = find_dates(text)
    if found:
        return found[0].value, DatePrecision.DAY
    month = re.fullmatch(r"((?:1[89]|20)\d{2})-(\d{1,2})", text)
    if month and 1 <= int(month[2]) <= 12:
        return date(int(month[1]), int(month[2]), 1), DatePrecision.MONTH
    parsed = _dateparser("MDY").get_date_data(text)
    if parsed.date_obj is not None and parsed.period in ("month", "year"):
        return parsed.date_obj.date().replace(day=1), DatePrecision(parsed.period)
    return None


def find_dateline(text: str, *, head_end: int | None = None) -> FoundDate | None:
    """The document's own date: the first date line of its header ("2021-11-04T18:35:00Z",
    "11/28/2022 | Press release"), else the first date on any short line of it."""
    end = min(len(text), HEAD_CHARS) if head_end is None else head_end
    fallback = None
    for line in re.finditer(r"[^\n]+", text[:end]):
        if len(line.group().strip()) > _DATELINE_CHARS:
            continue
        found = find_dates(line.group())
        if not found:
            continue
        first = found[0]
        hit = FoundDate(first.value, line.start() + first.start, line.start() + first.end)
        if is_dateline(line.group()):
            return hit
        fallback = fallback or hit
    return fallback


def is_dateline(line: str) -> bool:
    """A line that is a date with little else: a time, a place, a label ("Press release")."""
    dates = find_dates(line)
    if not dates:
        return False
    rest = line[: dates[0].start] + " " + line[dates[0].end :]
    return len(re.findall(r"[^\W\d]{2,}", rest)) <= DATELINE_WORDS


def _read(found: str, shape: str) -> date | None:
    """The date a matched string names: dateparser, with the order its shape implies."""
    if shape == "iso":
        y, m, d = (int(part) for part in found.split("-"))
        return _valid(y, m, d)  # ISO is unambiguous: no parser needed to split it
    if shape == "named":
        found = _RANGE.sub(r"\1", found)  # dateparser reads "18-19 November" as no date
    # Slashes are month first on the US sites that write them; dots are day first, as in
    # every European and Russian source ("10.02.2022" is 10 February).
    return _parse(found, "DMY" if shape == "dot" else "MDY")


@lru_cache(maxsize=4096)
def _parse(found: str, order: str) -> date | None:
    parsed = _dateparser(order).get_date_data(found)
    if parsed.date_obj is None or parsed.period != "day":
        return None
    return parsed.date_obj.date()  # type: ignore[no-any-return]


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
