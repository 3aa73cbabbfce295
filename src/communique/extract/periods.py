"""Time expressions near a figure, resolved against the document's date when they need it.

Stated times need no document date: "in 2021", "January-October 2022", "FY 2024-25", "between
2010 and 2020", "by 2030" (a deadline: the horizon of a target or a plan). Relative ones are
resolved against it: "last year" said on 2022-11-28 → 2021-01-01..2021-12-31; "in just the past
two years" said on 2024-11-27 → 2023-01-01..2024-11-27 (the current year and the one before, to
date); "over the past three years" → the three years to the day; "last month", "this quarter",
"on Friday", "since I took office" (the speaker's term, `terms`). Each found time says whether
the text stated it or it was resolved (`TimeSource`). `find_document_date` is a cheap fallback
for when `describe` found no date.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from communique.extract.numbers import WORD_VALUES
from communique.extract.terms import term_for
from communique.models import TimeSource

MONTH_NAMES = tuple(calendar.month_name[i] for i in range(1, 13))
"""January … December: the one month table of the package (display and parsing)."""
MONTHS = {
    name: i
    for i in range(1, 13)
    for name in (calendar.month_name[i].lower(), calendar.month_abbr[i].lower())
} | {"sept": 9}
_MONTH = "(?:" + "|".join(MONTH_NAMES) + ")"
_YEAR = r"(?:19[5-9]\d|20\d\d)"
_COUNT = r"(?:\d{1,2}|" + "|".join(k for k in WORD_VALUES if " " not in k) + ")"
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

# The month a fiscal year starts in, and whether it is named by the calendar year it ends in
# ("FY2024" in Washington runs from October 2023 to September 2024). Countries not listed keep
# the calendar year; a two-year form ("FY 2024-25") starts in the first year named.
_FISCAL = {
    "US": (10, True),
    "AU": (7, True),
    "NZ": (7, True),
    "IN": (4, True),
    "PK": (7, True),
    "GB": (4, False),
    "JP": (4, False),
    "CA": (4, False),
}


@dataclass(frozen=True, slots=True)
class TimeRef:
    """A time expression in a sentence: a span of days, a moment, or a deadline."""

    start: int
    end: int
    # "period", "point", "deadline" (by 2030: a horizon), "future" (in 2030, next year: a period
    # still to come), "base" (what a figure is compared with: "from 2023", "than today")
    kind: str
    first: date | None = None
    last: date | None = None
    source: TimeSource = TimeSource.STATED  # RELATIVE when resolved against the document date


@dataclass(frozen=True, slots=True)
class Clock:
    """What relative times are resolved against: the document's date (None when unknown; only
    its year when `year_only`), its country (fiscal years, "this Administration") and the
    speaker ("my administration")."""

    today: date | None = None
    year_only: bool = False
    country: str | None = None
    speaker: str | None = None

    @property
    def day(self) -> date | None:
        """The document's day, when known to the day."""
        return None if self.year_only else self.today


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _year_span(y: int) -> tuple[date, date]:
    return date(y, 1, 1), date(y, 12, 31)


def _to_date(clock: Clock) -> date | None:
    """The end of a span that runs "to date": the document's day, or its year's end."""
    if clock.today is None:
        return None
    return date(clock.today.year, 12, 31) if clock.year_only else clock.today


_Found = tuple[str, date | None, date | None, bool]  # kind, first, last, relative
_Handler = Callable[[re.Match[str], Clock], _Found | None]

_RELATIVE_YEAR = r"this year|last year|the previous year|the current year|the past year"
_YEAR_WORD = rf"({_YEAR}|{_RELATIVE_YEAR})"


def _named_year(word: str | None, clock: Clock, *, month: int | None = None) -> tuple[int, bool]:
    """(year, relative) named by `word` ("2024", "this year", "last year", None: the latest
    past one holding `month`); raises LookupError when it needs a date the document lacks."""
    if word and word.isdigit():
        return int(word), False
    if clock.today is None:
        raise LookupError
    if word:
        w = word.lower()
        back = "last" in w or "previous" in w or "past" in w
        return clock.today.year - back, True
    if month is not None and not clock.year_only and month > clock.today.month:
        return clock.today.year - 1, True
    return clock.today.year, True


def _fiscal(m: re.Match[str], clock: Clock) -> _Found:
    return _fiscal_year(int(m.group(1)), m.group(2), clock)


def _fiscal_year(first_year: int, second: str | None, clock: Clock) -> _Found:
    if second:  # "FY 2024-25": starts in the first year named
        start_month, _ = _FISCAL.get(clock.country or "", (4, True))
        start = date(first_year, start_month, 1)
    else:
        start_month, by_end = _FISCAL.get(clock.country or "", (1, False))
        start = date(first_year - (by_end and start_month > 1), start_month, 1)
    return "period", start, date(start.year + 1, start.month, 1) - timedelta(days=1), False


def _short_fiscal(m: re.Match[str], clock: Clock) -> _Found:
    """ "FY23": the fiscal year named by 2023."""
    return _fiscal_year(2000 + int(m.group(1)), None, clock)


def _month_range(m: re.Match[str], clock: Clock) -> _Found:
    a, b = MONTHS[m.group(1).lower()], MONTHS[m.group(2).lower()]
    y, relative = _named_year(m.group(3), clock, month=b)
    return "period", date(y if a <= b else y - 1, a, 1), _month_end(y, b), relative


def _part_of_year(m: re.Match[str], clock: Clock) -> _Found:
    ordinal, part = m.group(1).lower(), m.group(2).lower()
    index = ("first", "second", "third", "fourth").index(ordinal)
    size = 6 if part == "half" else 3
    first_month = index * size + 1
    y, relative = _named_year(m.group(3), clock, month=first_month)
    return "period", date(y, first_month, 1), _month_end(y, first_month + size - 1), relative


def _this_quarter(m: re.Match[str], clock: Clock) -> _Found | None:
    today = clock.day
    if today is None:
        return None
    quarter = (today.month - 1) // 3
    if m.group(1).lower() in ("last", "previous", "past"):
        quarter -= 1
    year = today.year - 1 if quarter < 0 else today.year
    quarter %= 4
    first = date(year, quarter * 3 + 1, 1)
    return "period", first, min(_month_end(year, quarter * 3 + 3), today), True


def _first_months(m: re.Match[str], clock: Clock) -> _Found | None:
    raw = m.group(1).lower()
    n = int(raw) if raw.isdigit() else WORD_VALUES.get(raw, 0)
    if not 1 <= n <= 12:
        return "base", None, None, False
    if m.group(2) is None and not re.match(r"(?:the\s+)?first|(?:in|for|over)\b", m.group(0), re.I):
        return "base", None, None, False  # "two more months left": a duration, not a part of a year
    y, relative = _named_year(m.group(2), clock, month=n)
    return "period", date(y, 1, 1), _month_end(y, n), relative


def _first_of_term(m: re.Match[str], clock: Clock) -> _Found | None:
    """ "my first six months", "the first 100 days in office": the start of a term, not of a
    year. The speaker's own ("my", "our") or the incumbent's ("in office"); whose "their first
    six months" are is left unknown (a "base", which dates nothing), never read as a year's."""
    raw, unit = m.group("n").lower(), m.group("unit").lower().rstrip("s")
    n = int(raw) if raw.isdigit() else WORD_VALUES.get(raw, 0)
    whose = (m.group("whose") or "").lower()
    if n < 1 or clock.today is None or whose not in ("my", "our", ""):
        return "base", None, None, False
    term = term_for(person=clock.speaker if whose else None, country=clock.country, on=clock.today)
    if term is None:
        return "base", None, None, False
    start = term.start
    if unit == "year":
        end = _ago(start, years=-n)
    elif unit == "month":
        month = start.month - 1 + n
        year, month = start.year + month // 12, month % 12 + 1
        end = date(year, month, min(start.day, calendar.monthrange(year, month)[1]))
    else:
        end = start + timedelta(days=n * (7 if unit == "week" else 1))
    return "period", start, end - timedelta(days=1), True


def _ago(today: date, *, years: int = 0, days: int = 0) -> date:
    if years:
        try:
            return today.replace(year=today.year - years)
        except ValueError:  # 29 February
            return today.replace(year=today.year - years, day=28)
    return today - timedelta(days=days)


def _past(m: re.Match[str], clock: Clock) -> _Found | None:
    """ "the past two years", "over the last three years", "the past six weeks"."""
    raw, unit = (m.group("n") or "one").lower(), m.group("unit").lower().rstrip("s")
    n = int(raw) if raw.isdigit() else WORD_VALUES.get(raw, 0)
    today = clock.day
    if n < 1 or clock.today is None:
        return "base", None, None, False
    if unit == "year" and (today is None or n <= 2):
        # "the past two years" said in November: last year and this one to date, as the seeds'
        # gold reads it; three years or more are measured back from the day itself, as the
        # real statements' gold reads them (kremlin 67066, 68446, 68652).
        return "period", date(clock.today.year - n + 1, 1, 1), _to_date(clock), True
    if today is None:
        return None
    if unit == "year":
        return "period", _ago(today, years=n), today, True
    days = {"decade": 3652, "month": 30, "week": 7, "day": 1}[unit] * n
    if unit == "month":
        month = today.month - n
        year = today.year + (month - 1) // 12
        month = (month - 1) % 12 + 1
        first = date(year, month, min(today.day, calendar.monthrange(year, month)[1]))
        return "period", first, today, True
    return "period", _ago(today, days=days), today, True


def _next(m: re.Match[str], clock: Clock) -> _Found | None:
    """ "over the next two years", "in the next five years": the calendar years to come."""
    raw = (m.group("n") or "one").lower()
    n = int(raw) if raw.isdigit() else WORD_VALUES.get(raw, 0)
    if n < 1 or clock.today is None:
        return "base", None, None, False
    y = clock.today.year
    return "future", date(y + 1, 1, 1), date(y + n, 12, 31), True


def _since(m: re.Match[str], clock: Clock) -> _Found:
    day = int(m.group("day") or m.group("mday") or 1)
    month = MONTHS[m.group("month").lower()] if m.group("month") else 1
    start = date(int(m.group("year")), month, day)
    end = _to_date(clock)
    if end is None or end < start:
        return "point", None, start, False  # "since May 2022" with no date: from when on
    return "period", start, end, clock.today is not None


def _since_undated(m: re.Match[str], clock: Clock) -> _Found | None:
    """ "since August 14th", "since July": from the latest such day (or month's first day) up
    to the statement's day, to its date: a running total, never the moment it began."""
    today = clock.day
    if today is None:
        return None
    month = MONTHS[(m.group("month") or m.group("month2")).lower()]
    day = int(m.group("day") or m.group("mday") or 1)
    year = today.year if (month, day) <= (today.month, today.day) else today.year - 1
    return "period", date(year, month, day), today, True


def _since_relative(m: re.Match[str], clock: Clock) -> _Found | None:
    """ "since the launch of our Call to Action last year": from the start of that year."""
    end = _to_date(clock)
    if clock.today is None or end is None:
        return "base", None, None, False
    y = clock.today.year - (m.group(1).lower() == "last")
    return "period", date(y, 1, 1), end, True


def _since_start(m: re.Match[str], clock: Clock) -> _Found | None:
    """ "since the start of 2021", "since the beginning of the year"."""
    end = _to_date(clock)
    if end is None:
        return "base", None, None, False  # taken, so that "of 2021" alone does not date it
    y, _ = _named_year(m.group(1) or "this year", clock)
    if end.year < y:
        return None
    return "period", date(y, 1, 1), end, True


def _relative_year(m: re.Match[str], clock: Clock) -> _Found | None:
    w = m.group(1).lower()
    if clock.today is None:
        return None
    if w in ("last", "previous", "past"):
        return "period", *_year_span(clock.today.year - 1), True
    if w in ("this", "current"):
        return "period", date(clock.today.year, 1, 1), _to_date(clock), True
    return "future", *_year_span(clock.today.year + 1), True  # next year


def _relative_month(m: re.Match[str], clock: Clock) -> _Found | None:
    today = clock.day
    if today is None:
        return None
    if m.group(1).lower() in ("this", "current"):
        return "period", today.replace(day=1), today, True
    last = today.replace(day=1) - timedelta(days=1)
    return "period", last.replace(day=1), last, True


def _relative_week(m: re.Match[str], clock: Clock) -> _Found | None:
    today = clock.day
    if today is None:
        return None
    monday = today - timedelta(days=today.weekday())
    if m.group(1).lower() in ("this", "current"):
        return "period", monday, today, True
    return "period", monday - timedelta(days=7), monday - timedelta(days=1), True


def _weekday(m: re.Match[str], clock: Clock) -> _Found | None:
    """ "on Friday", "last Friday": the latest such day before the document's."""
    today = clock.day
    if today is None:
        return None
    back = (today.weekday() - _WEEKDAYS.index(m.group(1).lower())) % 7 or 7
    return "point", None, today - timedelta(days=back), True


def _yesterday(m: re.Match[str], clock: Clock) -> _Found | None:
    today = clock.day
    return None if today is None else ("point", None, today - timedelta(days=1), True)


def _month_in(m: re.Match[str], clock: Clock) -> _Found:
    month = MONTHS[m.group(1).lower()]
    y, relative = _named_year(m.group(2), clock, month=month)
    return "period", date(y, month, 1), _month_end(y, month), relative


def _day(m: re.Match[str], clock: Clock) -> _Found | None:
    """ "on October 7th", "7 October 2023", "as of March 3, 2022": that day; without a year, the
    latest such day on or before the document's date."""
    month = MONTHS[(m.group("m1") or m.group("m2")).lower()]
    day = int(m.group("d1") or m.group("d2"))
    if m.group("year"):
        return "point", None, date(int(m.group("year")), month, day), False
    today = clock.day
    if today is None:
        return None
    when = date(today.year, month, day)
    return "point", None, when if when <= today else date(today.year - 1, month, day), True


def _year_to(m: re.Match[str], clock: Clock) -> _Found:
    """ "in the year to March 2021", "the 12 months to June 2023": the year ending then."""
    month = MONTHS[m.group(1).lower()]
    y, relative = _named_year(m.group(2), clock, month=month)
    last = _month_end(y, month)
    first = date(y - 1, month, 1) + timedelta(days=31)
    return "period", first.replace(day=1), last, relative


def _season(m: re.Match[str], clock: Clock) -> _Found:
    season, y = m.group(1).lower(), int(m.group(2))
    first_month = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}[season]
    last_year = y + (first_month == 12)
    last_month = (first_month + 1) % 12 + 1
    return "period", date(y, first_month, 1), _month_end(last_year, last_month), False


def _end_of(m: re.Match[str], clock: Clock) -> _Found:
    y, relative = _named_year(m.group(2), clock)
    lead = m.group(1).lower()
    kind = "deadline" if lead.startswith(("by", "until", "before")) else "point"
    if clock.today is not None and y < clock.today.year:
        kind = "point"  # "by the end of 2022" said in 2023: a moment past
    elif kind == "point" and clock.today is not None and y > clock.today.year:
        kind = "future"
    return kind, date(y, 1, 1), date(y, 12, 31), relative


_NAMED_BEFORE = re.compile(r"[A-Z][\w-]*\s*\($")


def _year_range(m: re.Match[str], clock: Clock) -> _Found | None:
    if _NAMED_BEFORE.search(m.string, max(0, m.start() - 40), m.start()):
        return "base", None, None, False  # "Horizon Europe (2021-2027)": the span of a name
    a, raw_b = int(m.group(1)), m.group(2)
    b = int(raw_b) if len(raw_b) == 4 else a // 100 * 100 + int(raw_b)
    if not a < b <= a + 50:
        return None
    return "period", date(a, 1, 1), date(b, 12, 31), False


def _year_list(m: re.Match[str], clock: Clock) -> _Found:
    """ "in 2016, 2011 and 2007": a figure said of them all (an average, a total) spans them."""
    years = [int(y) for y in re.findall(_YEAR, m.group())]
    return "period", date(min(years), 1, 1), date(max(years), 12, 31), False


def _year(m: re.Match[str], clock: Clock) -> _Found:
    y = int(m.group(2))
    lead = m.group(1).lower()
    if lead in ("by", "until", "till", "before", "to"):
        if clock.today is not None and y < clock.today.year:
            return "point", None, date(y, 12, 31), False  # "by 2020" said in 2022
        return "deadline", *_year_span(y), False
    if clock.today is not None and y > clock.today.year:
        return "future", *_year_span(y), False
    return "period", *_year_span(y), False


def _today(m: re.Match[str], clock: Clock) -> _Found | None:
    end = _to_date(clock)
    return None if end is None else ("point", None, end, True)


def _term(m: re.Match[str], clock: Clock) -> _Found | None:
    """ "since I took office", "during my administration", "the first two years of the
    Biden-Harris Administration": the term of the head named, else of the speaker when the
    words are the speaker's own, else of the one in office in the document's country."""
    if clock.today is None:
        return None
    subject = (m.group("subject") or "").lower()
    own = (
        subject in ("i", "we")
        or m.group("taking")
        or (m.group("own") or "").lower()
        in (
            "my",
            "our",
        )
    )
    named = m.group("name")
    if named is None and subject.startswith("president "):
        named = subject.split()[-1].title()
    term = term_for(
        person=named or (clock.speaker if own else None),
        country=clock.country,
        on=clock.today,
        previous=bool(m.group("previous")),
    )
    if term is None:
        return None
    years = m.group("years")
    if years:
        n = int(years) if years.isdigit() else WORD_VALUES.get(years.lower(), 0)
        return ("period", term.start, _ago(term.start, years=-n), True) if n else None
    if (m.group("since") or "").lower() == "when":
        return "point", None, term.start, True
    end = _to_date(clock)
    if end is None:
        return None
    if term.end is not None:
        end = min(end, term.end)
    return "period", term.start, end, True


def _base(m: re.Match[str], clock: Clock) -> _Found:
    return "base", None, None, False


def _bracketed_year(m: re.Match[str], clock: Clock) -> _Found:
    return "period", *_year_span(int(m.group(1))), False


_TERM = (
    r"(?i:(?P<since>when|since|after)\s+(?P<subject>I|we|he|she|the president|president\s+[a-z]+)"
    r"(?:\s+and\s+(?:the\s+)?vice\s+president(?:\s+[a-z]+)?)?"
    r"\s+(?:(?:took|assumed|came\s+(?:in)?to)\s+(?:office|power)"
    r"|(?:was|were)\s+(?:sworn\s+in(?:to\s+office)?|inaugurated))"
    r"|since\s+(?P<taking>taking|coming\s+(?:in)?to)\s+(?:office|power)"
    r"|(?:during|under|over|in|for)\s+(?:just\s+)?(?:the\s+)?(?:first\s+(?P<years>\w+)\s+years?\s+of\s+)?"
    r"(?:(?P<previous>the previous|the last|the prior)\s+|(?P<own>my|our|this|the current|the)\s+)"
    r"(?:(?P<name>[A-Z][a-z]+)(?:[-–][A-Z][a-z]+)?\s+)?(?:administration|presidency))"
)


_RULES: tuple[tuple[re.Pattern[str], _Handler], ...] = (
    (
        re.compile(
            r"\b(?:same period (?:of|in|last)|compared (?:with|to)|from|against|than in|over)"
            rf"\s+(?:the\s+)?(?:{_YEAR}|last year|the previous year)\b(?!\s*(?:[-–]|to|and)\s*\d)",
            re.I,
        ),
        _base,
    ),
    (
        re.compile(r"\b(?:than|compared (?:with|to))\s+(?:today|now|before|at present)\b", re.I),
        _base,
    ),
    (
        re.compile(
            rf"\b(?:FY|fiscal year|financial year)\s*({_YEAR})(?:\s*[-–/]\s*(\d{{2,4}}))?\b", re.I
        ),
        _fiscal,
    ),
    (re.compile(r"\bFY\s?(\d\d)\b"), _short_fiscal),
    (
        re.compile(
            rf"\b({_MONTH})\s*(?:[-–]|to|and|through|till|until)\s*({_MONTH})"
            rf"(?:\s*,?\s*(?:of\s+)?{_YEAR_WORD})?",
            re.I,
        ),
        _month_range,
    ),
    (
        re.compile(
            r"\b(?:(?:in|during|for)\s+)?(?:the\s+)?(?:year|12 months|twelve months)\s+to\s+"
            rf"({_MONTH})(?:\s+({_YEAR}))?",
            re.I,
        ),
        _year_to,
    ),
    (
        re.compile(
            rf"\b(first|second|third|fourth)\s+(half|quarter)(?:\s+of\s+{_YEAR_WORD}|(?=\s+of\s+the\s+year)|(?!\s+of))",
            re.I,
        ),
        _part_of_year,
    ),
    (re.compile(r"\b(this|last|previous|past|current)\s+quarter\b", re.I), _this_quarter),
    (
        re.compile(
            rf"\b(?:(?P<whose>my|our|his|her|their|its)|the)\s+first\s+(?P<n>{_COUNT}|\d{{2,3}})"
            r"\s+(?P<unit>days|weeks|months|years)"
            r"(?(whose)(?:\s+in\s+office)?|\s+in\s+office)\b",
            re.I,
        ),
        _first_of_term,
    ),
    (
        re.compile(
            rf"\b(?:the\s+)?(?:first\s+)?({_COUNT})\s+months"
            rf"(?:\s+(?:of|since the start of)\s+{_YEAR_WORD})?",
            re.I,
        ),
        _first_months,
    ),
    (
        re.compile(
            rf"\b(?:(?:the\s+)?(?:past|last|previous)|(?i:over|in|during)\s+these)\s+(?:(?P<n>{_COUNT})\s+)?"
            r"(?P<unit>years|decades|months|weeks|days)\b",
            re.I,
        ),
        _past,
    ),
    (
        re.compile(rf"\b(?:the\s+)?(?:next|coming)\s+(?P<n>{_COUNT})\s+years\b", re.I),
        _next,
    ),
    (re.compile(_TERM), _term),
    (
        re.compile(
            rf"\b(?i:since)\s+the\s+(?:start|beginning)\s+of\s+(?:({_YEAR})|the year|this year)\b"
        ),
        _since_start,
    ),
    # "since May 2022", and "since the framework was signed on 15 July 2023"
    (
        re.compile(
            rf"\b(?i:since)\s+(?:[^.;,\d]{{0,60}}?\b(?:on|in)\s+)?"
            rf"(?:(?P<day>\d{{1,2}})\s+)?(?:(?P<month>{_MONTH})\s+(?:(?P<mday>\d{{1,2}}),?\s+)?)?"
            rf"(?P<year>{_YEAR})\b"
        ),
        _since,
    ),
    (re.compile(r"\b(?i:since)\s+[^.;,\d]{0,60}?\b(last|this) year\b"), _since_relative),
    (
        re.compile(
            rf"\b(?i:since)\s+(?:(?P<day>[0-3]?\d)\s+(?P<month>{_MONTH})|(?P<month2>{_MONTH})"
            rf"(?:\s+(?P<mday>[0-3]?\d)(?:st|nd|rd|th)?)?)\b(?![.,]?\d)(?!,?\s+{_YEAR})"
        ),
        _since_undated,
    ),
    # "on October 7th", "7 October 2023", "January 20, 2021" (not "May 5 percent", nor the
    # end of a span of days, "from 19 to 21 November": a visit's days date no figure)
    (
        re.compile(
            r"(?<!\bto\s)(?<![–-])(?<![–-]\s)(?<!\band\s)"
            rf"\b(?:(?i:on|as of)\s+)?(?:(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\s+(?P<m1>{_MONTH})"
            rf"|(?P<m2>{_MONTH})\s+(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?)\b"
            rf"(?:,?\s+(?P<year>{_YEAR})\b)?(?![.,]?\d)"
            r"(?!\s*(?:%|percent|per\s+cent|million|billion|thousand|trillion))"
        ),
        _day,
    ),
    (
        re.compile(rf"\b(?i:in|the)\s+(spring|summer|autumn|fall|winter)\s+(?:of\s+)?({_YEAR})\b"),
        _season,
    ),
    (
        re.compile(
            rf"\b(?i:in|during|for|of|by|until)\s+({_MONTH})"
            rf"(?:,?\s+({_YEAR}|(?:of\s+)?(?:last|this|the previous) year))?\b(?!\s+\d)"
        ),
        _month_in,
    ),
    # before "this year" alone: "by the end of this year" is a deadline, not the year to date
    (
        re.compile(
            r"\b((?:by|until|before|at|as of)\s+the\s+end\s+of|end-|at\s+the\s+end\s+of)"
            rf"\s*{_YEAR_WORD}",
            re.I,
        ),
        _end_of,
    ),
    (re.compile(r"\b(last|previous|past|this|current|next)\s+year\b", re.I), _relative_year),
    (re.compile(r"\b(last|previous|past|this|current)\s+month\b", re.I), _relative_month),
    (re.compile(r"\b(last|previous|past|this|current)\s+week\b", re.I), _relative_week),
    (
        re.compile(
            r"\b(?i:on|last)\s+(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
        ),
        _weekday,
    ),
    (re.compile(r"\byesterday\b", re.I), _yesterday),
    (
        re.compile(
            rf"\b(?i:in|for|during)\s+{_YEAR}(?:\s*,\s*{_YEAR})+,?\s+and\s+{_YEAR}\b(?![-–/]\d)"
        ),
        _year_list,
    ),
    (
        re.compile(
            rf"\b(?:(?i:in|for|during|over|from|between|the years)\s+)?({_YEAR})"
            rf"\s*(?:[-–]|to|and|through|till|until)\s*({_YEAR}|\d\d)\b(?![-–/]\d)"
        ),
        _year_range,
    ),
    (
        re.compile(
            rf"\b((?i:in|for|of|during|throughout|by|until|till|before|to))\s+"
            rf"(?:(?i:the\s+year|late|early|mid-?)\s*)?({_YEAR})\b(?![-–/]\d)"
        ),
        _year,
    ),
    (re.compile(r"\b(?:today|currently|at present|at the moment|to date|so far)\b"), _today),
    (re.compile(rf"\(({_YEAR})\)"), _bracketed_year),
)


_MONTH_WORDS = tuple(name.lower() for name in MONTH_NAMES)
_DIGIT = ("0", "1", "2", "3", "4", "5", "6", "7", "8", "9")
# Words one of which a rule's text must hold (lower-cased) for the rule to be tried at all: a
# sentence holds few times, and most rules would search it for nothing.
_CUES: dict[_Handler, tuple[str, ...]] = {
    _fiscal: ("fy", "fiscal", "financial year"),
    _short_fiscal: ("fy",),
    _month_range: _MONTH_WORDS,
    _year_to: ("year to", "months to"),
    _part_of_year: ("half", "quarter"),
    _this_quarter: ("quarter",),
    _first_months: ("month",),
    _past: ("past", "last", "previous", "these"),
    _next: ("next", "coming"),
    _term: ("office", "power", "administration", "presidency", "sworn", "inaugurat"),
    _since_start: ("since",),
    _since: ("since",),
    _since_undated: ("since",),
    _since_relative: ("since",),
    _season: ("spring", "summer", "autumn", "fall", "winter"),
    _month_in: _MONTH_WORDS,
    _relative_year: ("year",),
    _relative_month: ("month",),
    _relative_week: ("week",),
    _weekday: _WEEKDAYS,
    _yesterday: ("yesterday",),
    _end_of: ("end",),
    _year_list: _DIGIT,
    _year_range: _DIGIT,
    _year: _DIGIT,
    _today: ("today", "current", "present", "moment", "to date", "so far"),
    _bracketed_year: _DIGIT,
}

_MAYBE_TIME = re.compile(
    rf"\d|{_MONTH}|year|today|current|present|moment|half|quarter|month|week|day|office"
    r"|administration|presidency|term|date|so far|spring|summer|autumn|fall|winter|sworn|inaugurat",
    re.I,
)


def find_times(
    text: str,
    today: date | Clock | None,
    *,
    start: int = 0,
    end: int | None = None,
) -> list[TimeRef]:
    """Time expressions in text[start:end], leftmost-longest, none overlapping. Relative ones
    are resolved against `today` (a date, or a Clock that also knows the document's country
    and speaker); without it only stated times are found."""
    clock = today if isinstance(today, Clock) else Clock(today=today)
    end = len(text) if end is None else end
    if not _MAYBE_TIME.search(text, start, end):
        return []
    lowered = text[start:end].lower()
    found: list[TimeRef] = []
    for pattern, handler in _RULES:
        cues = _CUES.get(handler)
        if cues is not None and not any(c in lowered for c in cues):
            continue
        for m in pattern.finditer(text, start, end):
            if any(m.start() < f.end and f.start < m.end() for f in found):
                continue
            try:
                resolved = handler(m, clock)
            except (ValueError, LookupError):  # an impossible date, or no date to resolve by
                continue
            if resolved is None:
                continue
            kind, first, last, relative = resolved
            source = TimeSource.RELATIVE if relative else TimeSource.STATED
            found.append(TimeRef(m.start(), m.end(), kind, first, last, source))
    return sorted(found, key=lambda f: f.start)


_DATELINES = (
    re.compile(rf"\b(\d{{1,2}})(?:\s*[-–]\s*\d{{1,2}})?\s+({_MONTH})\s*,?\s+({_YEAR})\b"),
    re.compile(rf"\b({_MONTH})\s+(\d{{1,2}}),?\s+({_YEAR})\b"),
    re.compile(rf"\b(\d{{1,2}})/(\d{{1,2}})/({_YEAR})\b"),
    # ISO dates, also as the date part of a timestamp ("2021-11-04T18:35:00Z")
    re.compile(rf"\b({_YEAR})-(\d\d)-(\d\d)(?:\b|(?=T\d))"),
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
