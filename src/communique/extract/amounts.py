"""One number read with what is written around it: its currency or unit, its sign, a scale
letter glued to money ("€10M", "$2.174T"), cents after dollars ("3 dollars 50 cents", "$20
and 43c", "twenty dollars and 43" at the end of a phrase), and
digits that a typist grouped by spaces ("10 000 dollars") or a tokeniser split ("6 . 2 %").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from communique.extract.currencies import currency_before
from communique.extract.numbers import NUMBER, SCALE, SHORT_SCALES, parse_number
from communique.extract.units import unit_after

# A number glued to a letter symbol ("R86.6 billion", "Rs500", "USD34.6 million") is money only
# when written as an amount, with a scale word or digit grouping: "R2" or "Rs5" may name a road
# or a model.
_GLUED_AMOUNT = re.compile(r"[\d,.]*(?:,\d|\.\d|\s*[a-z])", re.I)
_SPACED_GROUPS = re.compile(r"(?:[ \u00a0\u202f]\d{3})+(?![\d,.])")
_SPLIT_DECIMAL = re.compile(rf" \. (\d+)(?=\s*(?:%|per\s?cent|percent|{SCALE}\b))", re.I)
_SHORT_SCALE = re.compile(r"[kKmMbBT](?![\w])")
_CENTS = re.compile(
    rf"\s+(?:and\s+)?(?P<num>{NUMBER})(?:[\s-]+(?:cents?|pence|sens?)\b|c\b|(?P<bare>"
    r"(?=\s*(?:[.,;!?)]|$))))",
    re.I,
)
_MINUS = re.compile(r"\bminus\s+$", re.I)
_ARTICLE = re.compile(r"(?:an?|half)\b", re.I)
_SCALE_WORD = re.compile(rf"\b{SCALE}\b", re.I)


@dataclass(frozen=True, slots=True)
class Amount:
    """A number with the unit written around it: where its quote begins and ends."""

    begin: int
    end: int
    num_end: int  # where the number as read ends ("6 . 2", "10 000")
    raw: str  # the number as read, for its precision
    value: Decimal
    unit: str | None


def _sign(text: str, s: int) -> tuple[int, int]:
    """(where a minus before text[s] begins, -1), or (s, 1): "-15€", "$-99.99", "minus five".
    A dash after a number ("20 -25") joins a range, and takes no sign."""
    if s > 0 and text[s - 1] in "-−":
        before = text[max(0, s - 12) : s - 1].rstrip()
        if not before[-1:].isdigit():
            return s - 1, -1
    if "minus" not in text[max(0, s - 8) : s].lower():
        return s, 1
    m = _MINUS.search(text, max(0, s - 8), s)
    return (m.start(), -1) if m else (s, 1)


def read_amount(
    text: str, s: int, e: int, raw: str, value: Decimal, home: str | None
) -> Amount | None:
    """The number text[s:e] with its currency before or unit after; None when it is glued to
    a letter that is no currency ("G20", or "R2" that names a road)."""
    # Each rarer construction is tried only when the character that starts it is there.
    if raw.isdigit() and text[e : e + 3] == " . ":
        split = _SPLIT_DECIMAL.match(text, e)
        if split is not None:
            raw, e = f"{raw}.{split.group(1)}", split.end(1)
            value = parse_number(raw) or value
    begin, sign = _sign(text, s)
    cur = currency_before(text, begin if sign < 0 and begin == s - 1 else s, home=home)
    if text[s - 1 : s].isalpha() and (cur is None or not _GLUED_AMOUNT.match(raw)):
        return None  # "COP30" is a conference
    if raw.isdigit() and len(raw) <= 3 and text[e + 1 : e + 2].isdigit():
        groups = _SPACED_GROUPS.match(text, e)
        if groups is not None and (cur or unit_after(text, groups.end(), home=home)):
            raw = raw + groups.group().replace("\u00a0", " ").replace("\u202f", " ")
            e, value = groups.end(), Decimal(raw.replace(" ", ""))
            raw = raw.replace(" ", "")
    num_end = e
    if cur and text[e : e + 1] in SHORT_SCALES and _SHORT_SCALE.match(text, e):
        value, e = value * SHORT_SCALES[text[e]], e + 1
    after = unit_after(text, e, digits=raw[0].isdigit(), home=home)
    if cur:
        begin = min(begin, cur[0])
        unit: str | None = cur[1]
        end = after[0] if after and after[1].unit == unit else e
    elif after:
        unit, end, value = after[1].unit, after[0], value * after[1].factor
    else:
        unit, end = None, e
    if unit is not None and len(unit) == 3 and text[end : end + 1].isspace():
        # "3 dollars 50 cents", "$20 and 43c", and, after a currency's name, a number that
        # ends the phrase: "twenty dollars and 43", "20 rupees 43"
        cents = _CENTS.match(text, end)
        extra = parse_number(cents.group("num")) if cents else None
        named = after is not None and not cur and after[1].factor == 1
        # no cents after "$20 million", after "64.2 cents", nor of "a dozen"
        whole = not _SCALE_WORD.search(text, s, end) and (after is None or after[1].factor == 1)
        whole = whole and cents is not None and not _ARTICLE.match(cents.group("num"))
        bare = cents is not None and cents.group("bare") is not None
        if cents and extra is not None and extra < 100 and whole and (named or not bare):
            value, end = value + extra / 100, cents.end()
    return Amount(begin, end, num_end, raw, value * sign, unit)
