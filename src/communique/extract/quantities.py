"""Quantity mentions in a sentence, found by regex: the cheap first pass.

Money, percent and physical units are settled here. A bare number followed by a word is a
*count candidate*: the dependency parse decides whether it counts a noun ("93 collaborative
projects") or not ("units 3 to 6"). Dates, years, times, ordinals, document numbers ("G20",
"COVID-19", "Resolution 2202"), page counters ("6 of 6") and phone numbers are never quantities.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from communique.extract.hedges import hedge_before
from communique.extract.numbers import NUMBER, WORD_NUMBER, parse_number, precision
from communique.extract.periods import MONTHS
from communique.extract.units import COUNT, PERCENT, RANK, TIME_NOUNS, currency_before, unit_after
from communique.models import Qualifier

_NUMBER_RE = re.compile(
    rf"(?:(?<![\w.,/:#–-])|(?<=\bR)|(?<=\bRs))(?:{NUMBER})(?![\w]|[-–/:]\d|<sup>)", re.I
)
# A number glued to a letter symbol ("R86.6 billion", "Rs500") is money only when written as
# an amount, with a scale word or digit grouping: "R2" or "Rs5" may name a road or a model.
_GLUED_AMOUNT = re.compile(r"[\d,.]*(?:,\d|\.\d|\s*[a-z])", re.I)
_FRACTION_RE = re.compile(
    r"(?<![\w-])(?:(?P<num>one|a|two|three)[-\s](?P<den>thirds?|quarters?|fifths?|tenths?)"
    r"|(?P<half>half))(?=\s+(?:of|the|all|its|their|our)\b)",
    re.I,
)
_EVERY_RE = re.compile(r"\b[Ee]very\s+(second|third|fourth|fifth|tenth)\s+[a-z]+")
_ONE_IN_RE = re.compile(rf"\b(?:one|1)\s+in\s+(?P<den>{WORD_NUMBER}|\d+)\s+[a-z]+", re.I)
_RANK_RE = re.compile(
    rf"\btop[-\s](?P<num>{WORD_NUMBER}|\d+)(?:\s+(?!in\b|of\b|for\b|to\b|among\b)[a-z]+){{1,2}}",
    re.I,
)
_PAGE_RE = re.compile(r"\b(?:[Pp]age\s+)?\d+\s+of\s+\d+\b(?!\s*(?:%|per|[a-z]))")
_PHONE_RE = re.compile(r"(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)\s?)?\d{2,4}(?:[\s.-]\d{2,4}){2,}")
_CLOCK_RE = re.compile(r"\s*(?:[ap]\.m\.|[ap]m\b|o'clock|hours? (?:GMT|UTC)|GMT|UTC|CET|MSK)", re.I)
_YEAR_RE = re.compile(r"^(?:1[89]\d\d|20\d\d)$")
_MONTH_RE = re.compile(
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
_STREET_RE = re.compile(
    r"\s+(?:[A-Z][\w'-]*\s+){1,3}(?:Road|Street|Avenue|Drive|Boulevard|Lane|Highway|Rd|St|Ave)\b"
)
_LABELLED = re.compile(r":[ \t]*$")  # "Kazakhstani students in China: over 3,500."
_LABELLED_END = re.compile(r"\s*(?:[.;]|\n|$)")
_DENOMINATORS = {"half": 2, "third": 3, "quarter": 4, "fifth": 5, "tenth": 10, "second": 2}
_DEFINITE = frozenset(
    [
        "the",
        "these",
        "those",
        "our",
        "their",
        "its",
        "both",
        "all",
        "his",
        "her",
        "my",
        "your",
        "two",
    ]
)
# Nouns a small word-number counts without making a claim ("the two sides", "two originals").
_DISCOURSE_NOUNS = frozenset(
    [
        "countries",
        "sides",
        "parties",
        "leaders",
        "presidents",
        "heads",
        "states",
        "nations",
        "peoples",
        "delegations",
        "originals",
        "copies",
        "languages",
        "questions",
        "words",
        "things",
        "ways",
        "points",
        "issues",
        "anniversaries",
        "occasions",
        "rounds",
        "stages",
        "phases",
        "days",
    ]
)
_REFERENCE_WORDS = frozenset(
    [
        "resolution",
        "article",
        "paragraph",
        "section",
        "chapter",
        "clause",
        "item",
        "point",
        "no",
        "number",
        "page",
        "annex",
        "decree",
        "order",
        "law",
        "summit",
        "forum",
        "unit",
        "block",
        "terminal",
        "phase",
        "stage",
        "session",
    ]
)


@dataclass(frozen=True, slots=True)
class Mention:
    """One quantity found in a sentence; offsets are absolute in the document's text."""

    start: int  # quote start, hedge included
    end: int
    num_start: int  # the number itself (for the parse)
    num_end: int
    value: Decimal
    unit: str
    qualifier: Qualifier
    half_step: Decimal
    candidate: bool = False  # a count that the parse must confirm
    small_word: bool = False  # a word-number count ("three plants"): stricter checks


def _skip(text: str, s: int, e: int, raw: str) -> bool:
    """True when the number at text[s:e] is a date, year, reference number or similar."""
    before = text[max(0, s - 12) : s]
    after = text[e : e + 16]
    if _YEAR_RE.match(raw) or _CLOCK_RE.match(after):
        return True
    line_start = text.rfind("\n", 0, s) + 1
    if re.match(r"[.)]\s", text[e : e + 2]) and not text[line_start:s].strip(" \t-*•"):
        return True  # a list marker: "1. The two sides ...", "2) ..."
    if _MONTH_RE.search(before[-10:]) and before.rstrip().endswith(tuple(MONTHS_CAP)):
        return True  # "May 9", "November 27, 2024"
    if re.match(rf"\s*(?:(?:[-–]|to|and)\s*\d{{1,2}}\s*)?{_MONTH_RE.pattern}", after):
        return True  # "28 November", "19 to 21 November", "24–25 December"
    if _STREET_RE.match(text, e, e + 60):
        return True  # a street address: "460 Soutpansberg Road"
    prev = before.split()[-1:] if before.strip() else []
    if prev and prev[0].lower().strip(".") in _REFERENCE_WORDS:
        return True
    return bool(
        prev
        and prev[0][:1].isupper()
        and prev[0].isalpha()
        and prev[0][1:].islower()
        and not before.rstrip().endswith((".", ":"))
        and s - len(before) > 0
        and hedge_before(text, s) is None
        and prev[0] not in ("Some", "About", "Around")
    )


MONTHS_CAP = (*(m.capitalize() for m in MONTHS if len(m) > 3), "May")


_SUPERLATIVES = frozenset(
    ["largest", "biggest", "greatest", "smallest", "richest", "poorest", "fastest", "leading"]
)
_FOLLOW = re.compile(r"\s+([A-Za-z][\w-]*)(?:\s+([A-Za-z][\w-]*))?(?:\s+([A-Za-z][\w-]*))?")
_NOT_NOUNS = frozenset(
    [
        "to",
        "of",
        "and",
        "or",
        "in",
        "on",
        "at",
        "for",
        "from",
        "with",
        "per",
        "is",
        "are",
        "was",
        "were",
        "has",
        "have",
        "had",
        "than",
        "as",
    ]
)


def _not_counting(text: str, end: int, word: bool) -> bool:
    """Cheap check, before any parse, that a bare number counts nothing: "units 3 to 6",
    "15 consecutive years", "two more months", "in two originals"."""
    m = _FOLLOW.match(text, end, end + 60)
    if m is None:
        return True
    words = [w.lower() for w in m.groups() if w]
    if words[0] in _NOT_NOUNS or words[0] in _SUPERLATIVES:
        return True  # "Africa's two largest economies" ranks them, it counts nothing
    nouns = TIME_NOUNS | _DISCOURSE_NOUNS if word else TIME_NOUNS
    return any(w in nouns for w in words[:2]) or (word and words[0] in _DISCOURSE_NOUNS)


def _masked(text: str, start: int, end: int, lower: str) -> list[tuple[int, int]]:
    """Page counters and phone numbers in the sentence (gated by the characters they need)."""
    spans = []
    if " of " in lower:
        spans += [(m.start(), m.end()) for m in _PAGE_RE.finditer(text, start, end)]
    if "+" in lower or "(" in lower or "-" in lower:
        spans += [
            (m.start(), m.end())
            for m in _PHONE_RE.finditer(text, start, end)
            if sum(c.isdigit() for c in m.group()) >= 7
        ]
    return spans


def _with_hedge(text: str, start: int) -> tuple[int, Qualifier]:
    found = hedge_before(text, start)
    return (start, Qualifier.EXACT) if found is None else found


def find_mentions(text: str, start: int, end: int) -> list[Mention]:
    """Quantity mentions in text[start:end] (one sentence), in order."""
    lower = text[start:end].lower()
    masked = _masked(text, start, end, lower)
    out: list[Mention] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return not any(s < b and a < e for a, b in taken + masked)

    for m in _RANK_RE.finditer(text, start, end) if "top" in lower else ():
        value = parse_number(m.group("num"))
        if value is not None and free(m.start(), m.end()):
            out.append(
                Mention(
                    m.start(),
                    m.end(),
                    m.start("num"),
                    m.end("num"),
                    value,
                    RANK,
                    Qualifier.AT_MOST,
                    Decimal(0),
                )
            )
            taken.append((m.start(), m.end()))
    for m in _EVERY_RE.finditer(text, start, end) if "every" in lower else ():
        if m.group().split()[-1] in TIME_NOUNS:
            continue  # "every second year" is a frequency
        den = _DENOMINATORS[m.group(1).lower()]
        out.append(
            Mention(
                m.start(),
                m.end(),
                m.start(1),
                m.end(1),
                Decimal(100) / den,
                PERCENT,
                Qualifier.ABOUT,
                Decimal(0),
            )
        )
        taken.append((m.start(), m.end()))
    for m in _ONE_IN_RE.finditer(text, start, end) if " in " in lower else ():
        den_value = parse_number(m.group("den"))
        if den_value and free(m.start(), m.end()):
            q_start, qualifier = _with_hedge(text, m.start())
            out.append(
                Mention(
                    q_start,
                    m.end(),
                    m.start(),
                    m.end("den"),
                    Decimal(100) / den_value,
                    PERCENT,
                    qualifier,
                    Decimal(0),
                )
            )
            taken.append((m.start(), m.end()))
    fractions = ("half", "third", "quarter", "fifth", "tenth")
    for m in _FRACTION_RE.finditer(text, start, end) if any(f in lower for f in fractions) else ():
        if m.group("half"):
            num, den = 1, 2
            lead = text[max(0, m.start() - 12) : m.start()].lower()
            if re.search(r"(first|second|1st|2nd|a|one|and)\s+$", lead):
                continue  # "the first half of 2024", "the 2nd half", "one and a half"
        else:
            num = (
                1
                if m.group("num").lower() in ("one", "a")
                else int(parse_number(m.group("num")) or 1)
            )
            den = _DENOMINATORS[m.group("den").lower().rstrip("s")]
        q_start, qualifier = _with_hedge(text, m.start())
        value = Decimal(100) * num / den
        out.append(
            Mention(
                q_start,
                m.end(),
                m.start(),
                m.end(),
                value,
                PERCENT,
                qualifier if qualifier is not Qualifier.EXACT else Qualifier.ABOUT,
                Decimal(0),
            )
        )
        taken.append((m.start(), m.end()))
    for m in _NUMBER_RE.finditer(text, start, end):
        s, e, raw = m.start(), m.end(), m.group()
        if not free(s, e):
            continue
        value = parse_number(raw)
        if value is None:
            continue
        cur = currency_before(text, s)
        if text[s - 1 : s].isalpha() and (cur is None or not _GLUED_AMOUNT.match(raw)):
            continue
        q_begin = cur[0] if cur else s
        after = unit_after(text, e, end)  # a unit in this sentence only
        unit: str | None = None
        q_end = e
        if cur:
            unit = cur[1]
            if after and after[1].unit == unit:
                q_end = after[0]
        elif after:
            unit, q_end = after[1].unit, after[0]
            value *= after[1].factor
        word = not raw[0].isdigit()
        if unit is None:
            if _skip(text, s, e, raw.split()[0]):
                continue
            if word and raw.lower() == "one":
                continue  # "one of the largest": only "one million" and the like count
        hedge_start, qualifier = _with_hedge(text, q_begin)
        labelled = False
        if unit is None:
            nxt = re.match(r"\s+([A-Za-z][\w-]*)", text[e : e + 40])
            labelled = (
                nxt is None
                and _LABELLED.search(text, max(0, hedge_start - 3), hedge_start) is not None
            )
            if labelled and _LABELLED_END.match(text, e) is None:
                continue
            if not labelled and (nxt is None or _not_counting(text, e, word)):
                continue
            prev = text[max(0, s - 10) : s].split()
            if word and prev and prev[-1].lower() in _DEFINITE:
                continue
            unit = COUNT
        out.append(
            Mention(
                hedge_start,
                q_end,
                s,
                e,
                value,
                unit,
                qualifier,
                precision(raw),
                candidate=unit == COUNT and not labelled,
                small_word=word and value < 20,
            )
        )
        taken.append((hedge_start, q_end))
    return sorted(out, key=lambda x: x.start)
