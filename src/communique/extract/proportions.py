"""Shares and ranks written without a number and a unit: "nearly half of", "one-third of
all", "every third enterprise", "one in five", "top five investors". Each is a recogniser of
the cascade in `quantities`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from communique.extract.mentions import Mention, Scan, with_hedge
from communique.extract.numbers import WORD_NUMBER, parse_number
from communique.extract.units import PERCENT, RANK, TIME_NOUNS
from communique.models import Qualifier

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


_DENOMINATORS = {"half": 2, "third": 3, "quarter": 4, "fifth": 5, "tenth": 10, "second": 2}


def ranks(scan: Scan) -> Iterator[Mention]:
    """ "top five investors": a rank, at most five."""
    if "top" not in scan.lower:
        return
    for m in _RANK_RE.finditer(scan.text, scan.start, scan.end):
        value = parse_number(m.group("num"))
        if value is not None and scan.free(m.start(), m.end()):
            yield Mention(
                m.start(),
                m.end(),
                m.start("num"),
                m.end("num"),
                value,
                RANK,
                Qualifier.AT_MOST,
                Decimal(0),
            )


def every_nth(scan: Scan) -> Iterator[Mention]:
    """ "every third enterprise": a share, about a third; "every second year" is a frequency."""
    if "every" not in scan.lower:
        return
    for m in _EVERY_RE.finditer(scan.text, scan.start, scan.end):
        if m.group().split()[-1] in TIME_NOUNS or not scan.free(m.start(), m.end()):
            continue
        den = _DENOMINATORS[m.group(1).lower()]
        yield Mention(
            m.start(),
            m.end(),
            m.start(1),
            m.end(1),
            Decimal(100) / den,
            PERCENT,
            Qualifier.ABOUT,
            Decimal(0),
        )


def one_in(scan: Scan) -> Iterator[Mention]:
    """ "one in five children": a share of 20 percent."""
    if " in " not in scan.lower:
        return
    for m in _ONE_IN_RE.finditer(scan.text, scan.start, scan.end):
        den_value = parse_number(m.group("den"))
        if den_value and scan.free(m.start(), m.end()):
            q_start, qualifier = with_hedge(scan.text, m.start())
            yield Mention(
                q_start,
                m.end(),
                m.start(),
                m.end("den"),
                Decimal(100) / den_value,
                PERCENT,
                qualifier,
                Decimal(0),
            )


_FRACTION_WORDS = ("half", "third", "quarter", "fifth", "tenth")


def fractions(scan: Scan) -> Iterator[Mention]:
    """ "nearly half of", "one-third of all": a share, about that much unless hedged."""
    if not any(f in scan.lower for f in _FRACTION_WORDS):
        return
    text = scan.text
    for m in _FRACTION_RE.finditer(text, scan.start, scan.end):
        if not scan.free(m.start(), m.end()):
            continue
        if m.group("half"):
            num, den = 1, 2
            lead = text[max(0, m.start() - 12) : m.start()].lower()
            if re.search(r"(first|second|1st|2nd|a|one|and)\s+$", lead):
                continue  # "the first half of 2024", "the 2nd half", "one and a half"
        else:
            word = m.group("num").lower()
            num = 1 if word in ("one", "a") else int(parse_number(word) or 1)
            den = _DENOMINATORS[m.group("den").lower().rstrip("s")]
        q_start, qualifier = with_hedge(text, m.start())
        yield Mention(
            q_start,
            m.end(),
            m.start(),
            m.end(),
            Decimal(100) * num / den,
            PERCENT,
            qualifier if qualifier is not Qualifier.EXACT else Qualifier.ABOUT,
            Decimal(0),
        )
