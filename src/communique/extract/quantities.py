"""Quantity mentions in a sentence, found by regex: the cheap first pass.

A cascade of recognisers, most specific first, each reading only the spans that the ones
before it left: shares and ranks written in words (`proportions`), ranges ("$20–25 billion",
"between 20 and 25 percent"), then every other number with what is written around it
(`amounts`). Money, percent and physical units are settled here. A bare number followed by a
word is a *count candidate*: the dependency parse decides whether it counts a noun ("93
collaborative projects") or not ("units 3 to 6"). Dates, references, page furniture and the
like are never quantities (`exclusions`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from communique.extract.amounts import Amount, read_amount
from communique.extract.exclusions import bare_count, masked_spans, skip_number
from communique.extract.hedges import hedge_after
from communique.extract.mentions import Mention, Recogniser, Scan, with_hedge
from communique.extract.numbers import NUMBER, SCALE, parse_number, precision
from communique.extract.proportions import (
    every_nth,
    fractions,
    halvings,
    multiples,
    one_in,
    ranks,
)
from communique.extract.units import COUNT, PERCENT
from communique.models import Qualifier

__all__ = ["RECOGNISERS", "Mention", "find_mentions"]

# Glued after the digits: a scale letter of money ("€10M"), a unit symbol ("10kg", "5km"), a
# currency's code ("42MYR") or the yuan's sign, a letter to the regex ("100元").
_GLUED = r"(?-i:[kKmMbBT]|km2?|kg|MW|GW|kW|kWh|MWh|GWh|TWh|mm|cm|ha|lbs?|元|[A-Z]{3})\b"
# The leading class is a cheap first test: a number starts with a digit or with the first
# letter of a number word, "a" or "half" (measured: the regex pass a third faster).
_FIRST = r"(?=[\dzotfsenah])"
_NUMBER_RE = re.compile(
    _FIRST + r"(?:(?<![\w.,/:#–±-])|(?<=(?-i:[A-Z]))|(?<=\bRs)|(?<=[^\w.,/:#–-][-−]))"
    rf"(?:{NUMBER})(?:(?={_GLUED})|(?![\w]|[-–/:]\d|<sup>))",
    re.I,
)
# Two numbers that make one range: "20–25", "between 20 and 25", "from 50 to 80%".
_RANGE_RE = re.compile(
    rf"(?:(?P<lead>between|from)\s+(?:US\$|\\?\$|[€£¥₹₽₺₩₦])?)?{_FIRST}(?<![\w.,/:#–-])(?P<a>{NUMBER})(?P<pa>\s*%)?"
    r"(?P<ua>\s+[^\W\d_]+(?:\s+[^\W\d_]+)?)?"
    rf"\s*(?P<glue>–|—|-|to|and)\s*(?:US\$|\\?\$|[€£¥₹₽₺₩₦])?(?P<b>{NUMBER})",
    re.I,
)
_SCALE_END = re.compile(rf"\s*({SCALE})$", re.I)
_CHANGE = re.compile(
    r"\b(?:rose|ris\w*|fell|fall\w*|increas\w*|decreas\w*|grew|grow\w*|went|jump\w*|climb\w*"
    r"|dropp?\w*|declin\w*|cut|rais\w*|reduc\w*|up|down|doubl\w*|tripl\w*|expand\w*|shr[au]nk"
    r"|soar\w*|surg\w*|plung\w*|boost\w*|improv\w*|lower\w*|slash\w*|discount\w*|chang\w*"
    r"|mov\w*|shift\w*|slid\w*|slipp?\w*|widen\w*|narrow\w*|gone|goes|go)\b[^.;:]{0,30}$",
    re.I,
)
_PERCENT_OF = re.compile(rf"\bper\s?cents?\s+of\s+(?P<num>{NUMBER})(?![\w\s]*\w)", re.I)


def _numbers(scan: Scan) -> Iterator[Mention]:
    """Every other number: money, percent and physical amounts by their unit; a bare number
    before a noun as a count candidate that the parse must confirm."""
    text = scan.text
    for m in _NUMBER_RE.finditer(text, scan.start, scan.end):
        s, e, raw = m.start(), m.end(), m.group()
        if not scan.free(s, e):
            continue
        value = parse_number(raw)
        if value is None:
            continue
        amount = read_amount(text, s, e, raw, value, scan.home)
        if amount is None or not scan.free(amount.begin, amount.end):
            continue
        if amount.unit is None and text[e : e + 1].isalpha():
            continue  # glued to letters that name no unit ("19ABC")
        mention = _mention(text, s, amount)
        if mention is not None:
            yield mention


def _mention(text: str, s: int, amount: Amount) -> Mention | None:
    """The mention of one amount, or None for a bare number that is no quantity."""
    raw = amount.raw
    word = not raw[0].isdigit()
    if amount.unit is None:
        if skip_number(text, s, amount.num_end, raw.split()[0]):
            return None
        if word and raw.lower() == "one":
            return None  # "one of the largest": only "one million" and the like count
    hedge_start, qualifier = with_hedge(text, amount.begin)
    labelled = False
    if amount.unit is None:
        bare = bare_count(text, s, amount.num_end, raw, hedge_start)
        if bare is None:
            return None
        labelled = bare
    end = amount.end
    if amount.unit is not None and qualifier is Qualifier.EXACT:
        tail = hedge_after(text, end)
        if tail is not None:
            end, qualifier = tail  # "20 percent or more"
    unit = amount.unit or COUNT
    return Mention(
        hedge_start,
        end,
        s,
        amount.num_end,
        amount.value,
        unit,
        qualifier,
        precision(raw),
        candidate=unit == COUNT and not labelled,
        small_word=word and amount.value < 20,
    )


def _ranges(scan: Scan) -> Iterator[Mention]:
    """A range is one figure, its low end the value and its high end kept ("$20–25 billion",
    "between 20 and 25 percent", "a 9–12 seat aircraft", "between 10 dollars and 20 dollars",
    "prices from $10 to $20"). "rose from $350 to $680" is a change between two figures, and
    "units 3 to 6" no figure at all."""
    if not scan.joins("–", "—", "-", " to ", " and "):
        return
    text = scan.text
    for m in _RANGE_RE.finditer(text, scan.start, scan.end):
        found = _range(scan, m)
        if found is not None:
            yield found


def _range(scan: Scan, m: re.Match[str]) -> Mention | None:
    text, glue, lead = scan.text, m.group("glue").lower(), (m.group("lead") or "").lower()
    a, b = m.group("a"), m.group("b")
    if (glue == "and") != (lead == "between") or (lead == "from" and glue != "to"):
        return None
    if lead == "from" and _CHANGE.search(text, max(0, m.start() - 40), m.start()):
        return None  # "rose from 20 to 25 percent": a change between two figures
    low, high = parse_number(a), parse_number(b)
    if low is None or high is None or not scan.free(m.start("a"), m.end("b")):
        return None
    scale = _SCALE_END.search(b)
    if scale and not _SCALE_END.search(a):
        low = low * (parse_number("1 " + scale.group(1)) or 1)  # "$20–25 billion"
    if not low < high or skip_number(text, m.start("a"), m.end("a"), a.split()[0]):
        return None
    end_b = read_amount(text, m.start("b"), m.end("b"), b, high, scan.home)
    start_a = read_amount(text, m.start("a"), m.end("a"), a, low, scan.home)
    if start_a is None or end_b is None:
        return None
    if m.group("ua") and (start_a.unit is None or start_a.end != m.end("ua") or not lead):
        return None  # "between 10 dollars and 20 dollars": the first end's own unit, only
    own_b = end_b.unit
    own_a = start_a.unit if start_a.begin < m.start("a") or m.group("pa") or m.group("ua") else None
    if own_a is None and own_b is None and glue in ("to", "and") and not lead:
        return None
    unit = own_a or own_b
    if own_a and own_b and own_a != own_b:
        return None
    begin = m.start() if lead == "between" else min(start_a.begin, m.start("a"))
    hedge_start, _ = with_hedge(text, begin)
    if unit is None:
        if bare_count(text, m.start("b"), m.end("b"), b, hedge_start) is not False:
            return None
        unit = COUNT
    if own_b is None and unit != COUNT and m.group("pa"):
        return None  # the unit is the first end's alone: "5% to 6 of them" is no range
    return Mention(
        hedge_start,
        end_b.end,
        m.start("a"),
        m.end("b"),
        low * (end_b.value / high),
        unit,
        Qualifier.AT_LEAST,
        Decimal(0),
        candidate=unit == COUNT,
        high=end_b.value,
    )


# "a dollar", "above a dollar and 42 cents": the article counts one of a currency named in
# words; tried only where such a name is written. Not of its hundredth: "nobody will pay a
# penny more", "not a cent" are what speakers say of nothing.
_A_MONEY = re.compile(r"(?<![\w$])an?(?=\s+(?:dollar|euro|pound|buck|rupee|yen)\b)", re.I)
_MONEY_CUES = ("dollar", "euro", "pound", "buck", "rupee", "yen")


def _a_money(scan: Scan) -> Iterator[Mention]:
    """One of a currency, written with an article: "a dollar" ("a pound of coal" weighs)."""
    if not any(cue in scan.lower for cue in _MONEY_CUES):
        return
    text = scan.text
    for m in _A_MONEY.finditer(text, scan.start, scan.end):
        amount = read_amount(text, m.start(), m.end(), "1", Decimal(1), scan.home)
        if amount is None or amount.unit is None or not amount.unit.isupper():
            continue
        if re.match(r"\s+of\b", text[amount.end : amount.end + 5]) or not scan.free(
            m.start(), amount.end
        ):
            continue
        hedge_start, qualifier = with_hedge(text, amount.begin)
        yield Mention(
            hedge_start,
            amount.end,
            m.start(),
            m.end(),
            amount.value,
            amount.unit,
            qualifier,
            Decimal(0),
        )


def _percent_of(scan: Scan) -> Iterator[Mention]:
    """ "percent of 10", "per cent of twenty-two": the unit written before its number."""
    if "cent" not in scan.lower:
        return
    for m in _PERCENT_OF.finditer(scan.text, scan.start, scan.end):
        value = parse_number(m.group("num"))
        if value is not None and scan.free(m.start(), m.end()):
            yield Mention(
                m.start(),
                m.end(),
                m.start("num"),
                m.end("num"),
                value,
                PERCENT,
                Qualifier.EXACT,
                precision(m.group("num")),
            )


RECOGNISERS: tuple[Recogniser, ...] = (
    ranks,
    every_nth,
    one_in,
    halvings,
    multiples,
    fractions,
    _ranges,
    _a_money,
    _numbers,
    _percent_of,
)
"""The cascade, most specific first: each reads only what the ones before left free."""


def find_mentions(text: str, start: int, end: int, *, home: str | None = None) -> list[Mention]:
    """Quantity mentions in text[start:end] (one sentence), in order. Each recogniser's
    mention takes its span before the recogniser looks further (generators run lazily)."""
    lower = text[start:end].lower()
    scan = Scan(text, start, end, lower, masked_spans(text, start, end, lower), home)
    out: list[Mention] = []
    for recognise in RECOGNISERS:
        for mention in recognise(scan):
            if mention.end > end:
                continue  # its unit lies past the sentence's end ("5\nRUB in total")
            out.append(mention)
            scan.taken.append((mention.start, mention.end))
    return sorted(out, key=lambda x: x.start)
